"""ctrl+q with text typed into any open dialog asks first (tester 16c/17): Escape goes back to the dialog
with the text, d twice quits without it; a dialog whose boxes hold only what they opened with, or a path,
quits at once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from selfassess import fairness
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.common import EditText, TextPrompt
from selfassess.tui.dialogs.unsaved import UnsavedDialog
from selfassess.tui.screens.declarations import DeclarationsScreen

from .test_tui_fair import ROLE, campaign

REASON = "Declared in error: a different person of the same name"


async def test_ctrl_q_in_the_chairs_withdraw_dialog_asks_and_keeps_the_reason() -> None:
    app = make_app()
    first = campaign(app.store)[0]
    app.store.declare_conflict(first, "Bo Panel", True, "my former colleague")
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(DeclarationsScreen(ROLE, "Ann Chair"))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#declare-table").move_cursor(
            row=screen.sessions.index(next(s for s in screen.sessions if s.id == first))
        )
        await pilot.press("w")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        prompt.query_one(Input).insert_text_at_cursor(REASON)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, UnsavedDialog)
        assert REASON in app.screen.pending.text and not app.screen.pending.retry
        await pilot.press("r")  # nothing to retry: r does nothing here
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is prompt and prompt.query_one(Input).value == REASON
        await pilot.press("enter")
        await pilot.pause()
    assert not fairness.declaration(app.store.load(first), "Bo Panel").conflicted


async def test_d_twice_quits_without_the_dialog_text() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EditText("Notes", "kept as it was"))
        await pilot.pause()
        app.screen.query_one(TextArea).insert(" and more")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("d", "d")
        await pilot.pause()
        assert not app.is_running


async def test_a_dialog_with_nothing_typed_or_only_a_path_quits_at_once(tmp_path: Path) -> None:
    for dialog, typed in ((EditText("Notes", "as it opened"), ""), (TextPrompt("Save to", "a.txt", draft=False), "x")):
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(dialog)
            await pilot.pause()
            if typed:
                app.screen.query_one(Input).insert_text_at_cursor(typed)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not app.is_running
