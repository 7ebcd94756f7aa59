"""Leaving never loses text: after a failed save, Escape and ctrl+q ask (retry, write to a file, discard twice)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from textual.widgets import Input

from selfassess.tui.app import make_app
from selfassess.tui.dialogs.unsaved import UnsavedDialog
from selfassess.tui.screens.candidate import CandidateScreen

from .test_tui_candidate import start_session

TEXT = "I rebuilt the rota for 40 staff; overtime fell by a third."


GOOD: dict[str, bytes] = {}


async def _failed_save(pilot, app) -> CandidateScreen:
    screen = await start_session(pilot, app)
    GOOD[screen.session.id] = app.store.path(screen.session.id).read_bytes()
    app.store.path(screen.session.id).write_text("{broken")  # damaged: every save now fails
    screen.editor.insert(TEXT)
    screen.flush()
    await pilot.pause()
    assert screen.unsaved() is not None
    return screen


async def test_escape_after_a_failed_save_asks_and_discards_only_on_a_second_d() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _failed_save(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("d")
        assert isinstance(app.screen, UnsavedDialog)  # one d is not enough
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.screen is screen and screen.editor.text == TEXT
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, (UnsavedDialog, CandidateScreen))


async def test_retry_after_the_file_is_mended_saves_and_leaves() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _failed_save(pilot, app)
        sid = screen.session.id
        app.store.path(sid).write_bytes(GOOD[sid])
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, (UnsavedDialog, CandidateScreen))
        assert app.store.load(sid).evidence["E1"].text == TEXT


async def test_write_elsewhere_refuses_an_existing_file(tmp_path: Path) -> None:
    taken = tmp_path / "taken.txt"
    taken.write_text("keep me")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _failed_save(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("w")
        app.screen.query_one("#unsaved-path", Input).value = str(taken)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog) and taken.read_text() == "keep me"


SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from textual.widgets import Input
    from selfassess.tui.app import make_app

    async def main(target):
        app = make_app()
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("n")
            app.screen.query_one("#new-reference", Input).focus()
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            app.store.path(screen.session.id).write_text("{broken")
            screen.editor.insert(sys.argv[2])
            await pilot.press("ctrl+q")  # the save fails here; quitting must ask
            await pilot.pause()
            await pilot.press("w")
            app.screen.query_one("#unsaved-path", Input).value = target
            await pilot.press("enter")
            await pilot.pause()
        print("quit with", app.return_code)

    asyncio.run(main(sys.argv[1]))
    """
)


def test_the_app_quits_after_a_failed_save_and_the_text_is_recoverable(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    env = {**os.environ, "SELFASSESS_SESSIONS": str(tmp_path / "s"), "SELFASSESS_ROLES": str(tmp_path / "r")}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(target), TEXT], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "quit with 0" in done.stdout
    assert TEXT in target.read_text(encoding="utf-8")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
