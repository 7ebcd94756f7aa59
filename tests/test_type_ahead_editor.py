"""Keys typed ahead into the answer editor (arriving together while the app is busy) are applied in the order
they were typed: Backspace and the arrows run in turn with the characters, not after all of them."""

from __future__ import annotations

from textual import events

from selfassess.tui.app import make_app

from .test_tui_candidate import start_session
from .test_type_ahead import burst


def keys(app, *names: str) -> None:
    for name in names:
        event = events.Key(name, None)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_a_burst_with_backspace_and_arrows_in_the_answer() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.focus()
        await pilot.pause()
        screen.editor.text = ""
        burst(app, "teh")
        keys(app, "backspace", "backspace")
        burst(app, "he cat")
        keys(app, "left", "left", "left")
        burst(app, "big ")
        await pilot.pause()
        assert screen.editor.text == "the big cat"
