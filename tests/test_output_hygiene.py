"""Output hygiene: text from files reaches the terminal and notifications literally (no markup, no escapes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.safetext import markup_safe, one_line
from selfassess.tui.app import make_app


def test_one_line_shows_control_sequences_and_markup_safe_escapes() -> None:
    hostile = "name \x1b[2J\x1b]0;owned\x07 [bold]Bob [/] \ud800"
    line = one_line(hostile)
    assert "\x1b" not in line and "\x07" not in line and "\\x1b[2J" in line and "\n" not in one_line("a\nb")
    line.encode("utf-8")  # no lone surrogate left
    assert "\\[bold]" in markup_safe(hostile)


def test_cli_errors_carry_no_escape_sequences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "evil \x1b]0;title\x07.toml"
    bad.write_text("title = ")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and len(err.strip().splitlines()) == 1


async def test_markup_in_a_damaged_role_file_name_and_session_key_is_a_message_not_a_crash(private_folders) -> None:
    roles = private_folders["roles"]
    roles.mkdir()
    (roles / "Bob [bold] [@click=quit].toml").write_text("title = ")
    sessions = private_folders["sessions"]
    sessions.mkdir()
    (sessions / "20260101-aaaaaaaa.json").write_text('{"meta": {"1": {"[/]": 1, "role": 5}}}')
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for _ in range(20):
            if len(app._notifications) >= 2:
                break
            await pilot.pause(0.1)
        messages = [n.message for n in app._notifications]
        assert any("Bob \\[bold] \\[@click=quit].toml" in m for m in messages), messages
