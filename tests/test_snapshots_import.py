"""Snapshots of the import dialog and the review screen at 80x24 and 120x36."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, TextArea

from selfassess.role_draft import DraftCriterion, RoleDraft
from selfassess.tui.app import make_app
from selfassess.tui.screens.import_review import ReviewScreen
from selfassess.tui.widgets.source_view import SourceList

SIZES = [(80, 24), (120, 36)]
LINES = [
    "Job title: Ward clerk",
    "Anytown Hospitals NHS Trust",
    "Person specification",
    "Qualifications\tEssential\tDesirable\tAssessed by",
    "GCSE English and maths at grade C or above\tX\t\tA",
    "NVQ level 3 in business administration\t\tX\tA",
    "Experience",
    "Experience of reception work in a busy setting\tX\t\tA, I",
    "Experience of NHS patient systems\t\tX\tA, I",
    "Skills",
    "Good IT skills. Able to work to deadlines\tX\t\tI, T",
    "Full UK driving licence / Desirable / Interview",
    "Other",
    "Willing to work some weekends",
]


def _draft() -> RoleDraft:
    rows = [
        ("GCSE English and maths at grade C or above", "essential", "Qualifications", ["application"], (4, 4)),
        ("NVQ level 3 in business administration", "desirable", "Qualifications", ["application"], (5, 5)),
        (
            "Experience of reception work in a busy setting",
            "essential",
            "Experience",
            ["application", "interview"],
            (7, 7),
        ),
        ("Experience of NHS patient systems", "desirable", "Experience", ["application", "interview"], (8, 8)),
        ("Good IT skills. Able to work to deadlines", "essential", "Skills", ["interview", "test"], (10, 10)),
    ]
    criteria = [DraftCriterion(t, k, c, m, span=s) for t, k, c, m, s in rows]  # type: ignore[arg-type]
    criteria[4].uncertain = True
    return RoleDraft("Ward clerk", "Anytown Hospitals NHS Trust", None, "ward-clerk.txt", criteria, LINES)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_import_dialog(snap_compare, size) -> None:
    async def paste(pilot) -> None:
        await pilot.press("i")
        area = pilot.app.screen.query_one(TextArea)
        area.insert("\n".join(LINES))
        area.cursor_blink = False
        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=paste)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review(snap_compare, size) -> None:
    async def review(pilot) -> None:
        screen = ReviewScreen(_draft())
        await pilot.app.push_screen(screen)
        await pilot.pause()
        criteria = screen.query_one("#criteria", OptionList)
        criteria.highlighted = 2
        source = screen.query_one("#source", SourceList)
        source.focus()
        source.highlighted = 11
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()  # the list scrolls to the line after a refresh: settled however busy the machine

    assert snap_compare(make_app(), terminal_size=size, run_before=review)
