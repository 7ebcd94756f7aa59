"""Criterion-first shortlisting: a note typed but not yet saved with a score is not dropped on leaving
(tester 16d/N4): Escape from the score pad asks; Escape stays with the note; d twice leaves without it."""

from __future__ import annotations

from textual.widgets import Input

from selfassess.tui.app import make_app
from selfassess.tui.dialogs.unsaved import UnsavedDialog
from selfassess.tui.screens.shortlist import ShortlistScreen

from .helpers import push
from .test_tui_fair import ROLE, campaign

NOTE = "a typed evidence note not yet scored"


async def test_leaving_with_a_typed_note_asks_and_keeps_it() -> None:
    app = make_app()
    campaign(app.store)
    async with app.run_test(size=(110, 34)) as pilot:
        screen = ShortlistScreen(ROLE.id, "Bo Panel")
        push(app, screen)
        await pilot.pause()
        await pilot.press("tab")
        screen.query_one("#sl-note-box", Input).insert_text_at_cursor(NOTE)
        await pilot.press("escape", "escape")  # note box -> score pad -> leave
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        assert NOTE in app.screen.pending.text and app.screen.pending.typed == len(NOTE)
        assert not app.screen.pending.retry
        await pilot.press("escape")  # stay: the note is still there
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#sl-note-box", Input).value == NOTE
        await pilot.press("escape", "d", "d")
        await pilot.pause()
        assert app.screen is not screen and not isinstance(app.screen, UnsavedDialog)


async def test_leaving_with_no_note_typed_is_instant() -> None:
    app = make_app()
    campaign(app.store)
    async with app.run_test(size=(110, 34)) as pilot:
        screen = ShortlistScreen(ROLE.id, "Bo Panel")
        push(app, screen)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen and not isinstance(app.screen, UnsavedDialog)
