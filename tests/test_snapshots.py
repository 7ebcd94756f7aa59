"""Snapshots of the main screens at a fixed terminal size (review the SVG report before --snapshot-update)."""

from __future__ import annotations

from textual.widgets import Input

from selfassess.tui.app import make_app

SIZE = (100, 30)
SMALL = (80, 24)


async def _new_session(pilot) -> None:
    await pilot.press("n")
    pilot.app.screen.query_one("#new-name", Input).value = "Alex Example"
    pilot.app.screen.query_one("#new-reference", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


def test_home(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_home_wide_with_preview(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(130, 30))


def test_candidate(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_new_session)


def test_candidate_at_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=_new_session)


def test_statement_review(snap_compare) -> None:
    async def review(pilot) -> None:
        await _new_session(pilot)
        await pilot.press("f2")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=review)
