"""Keys typed faster than the app handles them (a paste of keystrokes, `tmux send-keys` in one go) land where
they were meant to: Tab and Enter move to the next box before the keys after them are delivered."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input

from selfassess.tui.app import make_app
from selfassess.tui.dialogs.role_import import SaveRoleDialog
from selfassess.tui.screens.candidate import CandidateScreen

NAMED = {"\t": ("tab", "\t"), "\r": ("enter", "\r")}


def burst(app, text: str) -> None:
    """Queue every key of ``text`` at once, as a terminal delivers a fast burst (Pilot's press waits between)."""
    for char in text:
        key, shown = NAMED.get(char) or (char if char.isalnum() else _character_to_key(char), char)
        event = events.Key(key, shown)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_a_burst_of_name_tab_reference_enter_fills_each_box() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        burst(app, "Sma")
        for name in ("backspace", "backspace"):  # editing keys in the burst run in turn with the characters
            event = events.Key(name, None)
            event.set_sender(app)
            app._driver.send_message(event)
        burst(app, "am Test\tR-1\r")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CandidateScreen), app.screen
        session = app.store.load(app.screen.session.id)
        assert (session.candidate, session.reference) == ("Sam Test", "R-1")


async def test_a_burst_with_enter_between_the_boxes_and_shift_tab_back() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        burst(app, "Sam\rR-2")
        event = events.Key("shift+tab", None)
        event.set_sender(app)
        app._driver.send_message(event)
        burst(app, "Alex")  # the name box, focused again, has its text selected: typing replaces it
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#new-name", Input).value == "Alex"
        assert dialog.query_one("#new-reference", Input).value == "R-2"


async def test_the_save_role_form_takes_a_burst_too() -> None:
    app = make_app()
    results: list[dict[str, str] | None] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.push_screen(SaveRoleDialog({}), results.append)
        await pilot.pause()
        burst(app, "Officer\rCouncil\tofficer-1\r")
        await pilot.pause()
        await pilot.pause()
    assert results == [{"title": "Officer", "organisation": "Council", "id": "officer-1"}]


async def test_ctrl_s_straight_after_the_text_saves_the_text() -> None:
    app = make_app()
    results: list[dict[str, str] | None] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.push_screen(SaveRoleDialog({}), results.append)
        await pilot.pause()
        burst(app, "Officer\tCouncil")
        save = events.Key("ctrl+s", None)  # a priority key: read before the boxes have taken the text
        save.set_sender(app)
        app._driver.send_message(save)
        await pilot.pause()
        await pilot.pause()
    assert results == [{"title": "Officer", "organisation": "Council", "id": ""}]
