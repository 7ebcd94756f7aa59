"""The review screen's virtual source list: wrapping, keys and mouse on a long paste."""

from __future__ import annotations

from selfassess.role_draft import draft_from_text
from selfassess.tui.app import make_app
from selfassess.tui.screens.import_review import ReviewScreen
from selfassess.tui.widgets.source_view import SourceList, wrap_rows


def test_lines_wrap_into_rows_that_remember_their_line() -> None:
    rows, first = wrap_rows(["short", "a b c d e f g h i j", "", "x\ty"], 8)
    assert first == [0, 1, 4, 5]
    assert [r for r in rows if r[0] == 1] == [(1, "a b c d"), (1, "e f g h"), (1, "i j")]
    assert rows[4] == (2, "") and rows[5] == (3, "x │ y")  # a tab is a cell bar, as in the source text


def test_wrapping_strips_control_characters() -> None:
    rows, _ = wrap_rows(["bad \x1b[2J escape"], 40)
    assert "\x1b" not in rows[0][1]


async def test_a_long_paste_is_one_widget_and_keys_reach_every_line() -> None:
    body = "\n".join(f"Paragraph {n} of the advert, long enough to wrap over the source pane. " * 3 for n in range(400))
    draft = draft_from_text("Person specification\nEssential\n- Good IT skills\n\n" + body)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(ReviewScreen(draft))
        await pilot.pause()
        source = app.screen.query_one(SourceList)
        assert not source.children
        source.focus()
        await pilot.press("end")
        assert source.highlighted == len(draft.source_lines) - 1
        assert source.scroll_offset.y > 0  # the last line is on screen
        await pilot.press("pageup", "up")
        above = source.highlighted
        assert above is not None and above < len(draft.source_lines) - 2
        await pilot.press("home", "down", "down", "down", "down", "space", "down", "t")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        made = [c for c in screen.draft.criteria if c.span == (4, 5)]
        assert len(made) == 1 and made[0].text.startswith("Paragraph 0 of the advert")
        assert made[0].id in screen.draft.used_lines()[5]
        await pilot.click(SourceList, offset=(10, 0))
        assert source.highlighted == source._rows[source.scroll_offset.y][0]
