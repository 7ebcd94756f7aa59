"""Escape from a dialog with typed text not saved asks first, as ctrl+q does (tester 16d/N6): Escape again
goes back to the dialog with the text, w writes it to a file, d twice discards it and closes the dialog.
A dialog with nothing typed (or only what it opened with) closes at once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from selfassess.tui.app import make_app
from selfassess.tui.dialogs.common import EditText, TextPrompt
from selfassess.tui.dialogs.unsaved import UnsavedDialog

LONG = "x" * 2_500


async def test_escape_after_a_too_long_refusal_asks_and_keeps_the_text() -> None:
    app = make_app()
    answers: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        prompt = TextPrompt("Reason for the decision", required=True, max_chars=2_000)
        app.push_screen(prompt, answers.append)
        await pilot.pause()
        prompt.query_one(Input).insert_text_at_cursor(LONG)
        await pilot.press("enter")
        await pilot.pause()
        assert "Too long" in str(prompt.query_one("#prompt-hint").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog) and LONG in app.screen.pending.text
        await pilot.press("escape")  # back to the dialog, the text kept
        await pilot.pause()
        assert app.screen is prompt and prompt.query_one(Input).value == LONG and answers == []
        await pilot.press("escape", "d", "d")
        await pilot.pause()
        assert app.screen is not prompt and answers == [None]


async def test_w_writes_the_typed_text_then_closes_the_dialog(tmp_path: Path) -> None:
    app = make_app()
    answers: list[str | None] = []
    target = tmp_path / "kept.txt"
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(EditText("Notes", "as it opened"), answers.append)
        await pilot.pause()
        app.screen.query_one(TextArea).insert("typed here ")
        await pilot.press("escape", "w")
        await pilot.pause()
        path = app.screen.query_one("#unsaved-path", Input)
        path.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert answers == [None]
    assert "typed here" in target.read_text()


async def test_escape_with_nothing_typed_closes_at_once() -> None:
    for dialog in (EditText("Notes", "as it opened"), TextPrompt("Save to", "a.txt", draft=False)):
        app = make_app()
        answers: list[object] = []
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(dialog, answers.append)
            await pilot.pause()
            if isinstance(dialog, TextPrompt):
                dialog.query_one(Input).insert_text_at_cursor("b")  # a path: not a draft
            await pilot.press("escape")
            await pilot.pause()
            assert answers == [None] and not isinstance(app.screen, UnsavedDialog)
