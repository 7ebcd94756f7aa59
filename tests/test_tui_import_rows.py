"""Review screen: `t` on a table row with fewer cells than its header puts them in its columns (issue 13)."""

from __future__ import annotations

from selfassess.role_draft import draft_from_text
from selfassess.tui.app import make_app
from selfassess.tui.screens.import_review import ReviewScreen
from selfassess.tui.widgets.source_view import SourceList

TEXT = (
    "Job title: Porter\nPerson specification\nArea\tEssential\tDesirable\tMethod\n"
    "Qualifications\tFive GCSEs including English\tA-level in science\tApplication form\n"
    "Experience\tExperience of working with the public\n"
)


async def test_t_on_a_short_row_keeps_its_category_apart_from_its_text() -> None:
    draft = draft_from_text(TEXT)
    draft.delete(len(draft.criteria) - 1)  # the Experience row's criterion, as if the reader had missed it
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewScreen(draft))
        await pilot.pause()
        source = app.screen.query_one("#source", SourceList)
        source.focus()
        source.highlighted = 4  # "Experience | Experience of working with the public"
        await pilot.press("t")
        last = draft.criteria[-1]
        assert (last.text, last.kind, last.category) == (
            "Experience of working with the public",
            "essential",
            "Experience",
        )
