"""The leave dialog cannot be escaped by a second ctrl+q (a crash that lost the text), and only two d's
in a row discard."""

from __future__ import annotations

from textual.widgets import Input

from selfassess.tui.app import make_app
from selfassess.tui.dialogs.unsaved import UnsavedDialog
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.scoring import ScoringScreen

from .helpers import push
from .test_unsaved import TEXT, _failed_save
from .test_unsaved_screens import SIZE, panel_session
from .test_unsaved_screens import TEXT as NOTE


async def test_ctrl_q_again_in_the_leave_dialog_keeps_the_dialog_and_the_text() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _failed_save(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog) and app.is_running
        assert len([s for s in app.screen_stack if isinstance(s, UnsavedDialog)]) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.editor.text == TEXT


async def test_ctrl_q_again_in_the_leave_dialog_of_a_panel_screen() -> None:
    app = make_app()
    store = app.store
    sid = panel_session(store, ["Ann Chair"], [])
    async with app.run_test(size=SIZE) as pilot:
        store.hold(sid, "Ann Chair")
        push(app, ScoringScreen(store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        screen = app.screen
        store.path(sid).write_text("{broken")
        box = screen.query_one("#note-input", Input)
        box.focus()
        box.value = NOTE
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and box.value == NOTE


async def test_another_key_between_two_ds_disarms_the_discard() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _failed_save(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d", "x", "d")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)  # d, x, d is not "d twice"
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, (UnsavedDialog, CandidateScreen))


async def test_an_answer_over_the_size_cap_is_kept_with_a_message_and_the_leave_guard() -> None:
    app = make_app()
    huge = "word " * 40_001  # 200,005 characters: one over the cap of 200,000
    async with app.run_test(size=(100, 32)) as pilot:
        from .test_tui_candidate import start_session

        screen = await start_session(pilot, app)
        screen.editor.insert(huge)
        await pilot.pause(0.5)  # the feedback tick counts the text as it is (this crashed)
        screen._refresh_feedback()
        screen.flush()
        await pilot.pause()
        pending = screen.unsaved()
        assert pending is not None and "200000" in pending.error.replace(",", "")
        assert screen.editor.text == huge and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.editor.text == huge
