"""Escape sequences in a role title or a candidate name never reach the terminal through a screen's
header (they set the window title and cleared the screen): every title passes through one_line."""

from __future__ import annotations

from textual.widgets import Header

from selfassess.tui.app import make_app

HOSTILE = "Evil\x1b]0;pwned\x07\x1b[2J [bold red]X[/] \x9b31m"


async def test_a_hostile_sub_title_is_shown_literally_in_the_header() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.sub_title = HOSTILE
        app.screen.title = "Role \x1b[2J"
        await pilot.pause()
        if app.screen.query(Header):
            shown = app.screen.query_one("HeaderTitle").render()
            assert "\x1b" not in str(shown) and "\\x1b]0;pwned" in str(shown)
        content = app.format_title(app.screen.title, app.screen.sub_title)
        text = content.plain
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in text)
        assert "\\x1b]0;pwned\\x07\\x1b[2J [bold red]X[/]" in text  # literal, markup not applied
