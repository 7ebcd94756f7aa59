"""`--sessions ""` (an unset variable) is refused in one line, never the default store instead."""

from __future__ import annotations

from selfassess.cli import main


def test_an_empty_sessions_flag_is_refused(capsys) -> None:
    for args in (
        ["sessions", "--sessions", ""],
        ["--sessions", " ", "sessions"],
        ["purge", "--older-than", "1d", "--sessions", ""],
    ):
        assert main(args) == 2, args
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "--sessions: empty folder name" in err[0], err
