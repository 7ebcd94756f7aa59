"""A programming error inside a save (16c/1) does not crash the app: the typed text is kept, one line
says what happened, and the traceback goes to a private log (0600 in a 0700 folder)."""

from __future__ import annotations

from textual.widgets import TextArea

from selfassess.campaign_store import CampaignStore
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.unsaved import UnsavedDialog
from selfassess.tui.screens.question_plan import QuestionPlanScreen

from .test_tui_fair import ROLE, SMALL, campaign


def broken(*_args, **_kwargs):
    raise TypeError("set_plan_item() takes 4 positional arguments but 5 were given")


async def test_an_unexpected_error_in_a_save_keeps_the_text_and_is_logged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SELFASSESS_LOGS", str(tmp_path / "logs"))
    app = make_app()
    first = campaign(app.store)[0]
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        monkeypatch.setattr(CampaignStore, "set_plan_item", broken)
        app.screen.query_one("#plan-questions", TextArea).insert("Tell us about a case you turned round.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionPlanScreen)  # still running, text on screen
        assert app.screen.query_one("#plan-questions", TextArea).text == "Tell us about a case you turned round."
        message = [n.message for n in app._notifications][-1]
        log = tmp_path / "logs" / "errors.log"
        assert f"NOT SAVED: unexpected error (TypeError), written to {log}" in message and "\n" not in message
        await pilot.press("escape")  # leaving asks: retry, write to a file, or discard
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
    assert oct(log.stat().st_mode & 0o777) == "0o600" and oct(log.parent.stat().st_mode & 0o777) == "0o700"
    text = log.read_text()
    assert "Traceback" in text and "takes 4 positional arguments" in text and "Question plan for E1" in text
