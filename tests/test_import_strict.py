"""import-session reads every level as typed: a score of true or "3" is refused (it was read as 1 or 3),
and an export written by a newer selfassess (version 99) is refused, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.export.jsonfile import session_json
from selfassess.store import SessionStore

from .test_import_purge import small_scored, write


@pytest.mark.parametrize(
    ("forge", "fragment"),
    [
        (lambda d: d["session"]["scores"][0].update(value=True), "scores.0.value: True is not a whole number"),
        (lambda d: d["session"]["scores"][0].update(value="3"), "scores.0.value: '3' is not a whole number"),
        (lambda d: d["session"]["consensus"][0].update(value=3.0), "consensus.0.value: 3.0"),
        (lambda d: d["session"]["evidence"]["E1"].update(self_rating="3"), "evidence.E1.self_rating"),
        (lambda d: d.update(version=99), "export version 99 is newer"),
        (lambda d: d.update(version="1"), "version '1'"),
    ],
)
def test_coerced_levels_and_newer_exports_are_refused(tmp_path: Path, forge, fragment: str, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    session = small_scored(store)
    data = json.loads(session_json(session, store.audit(session.id)))
    forge(data)
    other = tmp_path / "other"
    assert main(["import-session", str(write(tmp_path, data)), "--sessions", str(other)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and fragment in err[0], err
    assert not other.exists() or list(other.iterdir()) == []
