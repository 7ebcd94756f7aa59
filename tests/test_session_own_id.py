"""The file name is a session's id: a file whose record names another id is damaged, skipped by every listing
with one line naming the file and both ids, and refused the same way by every command that opens it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.session_files import quick_sessions
from selfassess.store import SessionDamaged, SessionStore

from .helpers import seed_role

RENAMED = "20261122-0000000d"
INNER = "20261122-zzzz"


def renamed_folder(directory: Path) -> tuple[SessionStore, str]:
    """A good session, and a copy of it saved as RENAMED.json whose record says INNER."""
    store = SessionStore(directory)
    good = store.create(seed_role(), candidate="Alex Example").id
    doc = json.loads(store.path(good).read_text(encoding="utf-8"))
    next(iter(doc["meta"].values()))["id"] = INNER
    (directory / f"{RENAMED}.json").write_text(json.dumps(doc), encoding="utf-8")
    return store, good


def test_listings_skip_it_with_one_line_naming_the_file_and_both_ids(tmp_path: Path) -> None:
    store, good = renamed_folder(tmp_path)
    quick, quick_problems = quick_sessions(tmp_path)
    full, problems = store.scan()
    assert [s.id for s in quick] == [good] == [s.id for s in full]
    for lines in (quick_problems, problems):
        assert len(lines) == 1 and f"{RENAMED}.json" in lines[0] and INNER in lines[0] and RENAMED in lines[0]


def test_every_command_gives_the_same_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, good = renamed_folder(tmp_path)
    with pytest.raises(SessionDamaged, match=INNER):
        store.load(RENAMED)
    with pytest.raises(SessionDamaged, match=INNER):  # never written over under either id
        store.set_evidence(RENAMED, "E1", "text")
    assert main(["sessions", "--sessions", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert good in out.out and INNER not in out.out and RENAMED not in out.out and INNER in out.err
    assert main(["export", RENAMED, "--sessions", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and INNER in err[0] and "damaged session file" in err[0]
    assert main(["export", INNER, "--sessions", str(tmp_path)]) == 2
    assert "no such session" in capsys.readouterr().err
    with pytest.raises(BadInput, match="no previous version"):  # damaged, so repair looks for a backup
        store.repair(RENAMED)
