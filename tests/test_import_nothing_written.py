"""import-session writes nothing until every check passed: an export too large for a session file, a
symlinked audit trail, a refused import leave no session, audit or lock behind."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.export.jsonfile import session_json
from selfassess.session_files import MAX_SESSION_BYTES
from selfassess.store import SessionStore

from .test_import_purge import small_scored, write


@pytest.fixture
def exported(tmp_path: Path) -> dict:
    store = SessionStore(tmp_path / "s")
    session = small_scored(store)
    return json.loads(session_json(session, store.audit(session.id)))


def test_an_export_too_large_for_a_session_file_writes_nothing(tmp_path: Path, exported: dict, capsys) -> None:
    note = {"panellist": "Ann Chair", "criterion": "E1", "stage": "interview", "text": "n" * 19_000}
    note["time"] = exported["session"]["updated"]
    count = MAX_SESSION_BYTES // 19_000 + 10  # each note within its own cap; all of them past the file's
    exported["session"]["notes"] = [note] * count
    other = tmp_path / "other"
    assert main(["import-session", str(write(tmp_path, exported)), "--sessions", str(other)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "too large for a session file" in err[0] and "nothing written" in err[0]
    assert not other.exists() or list(other.iterdir()) == []
    assert main(["import-session", str(write(tmp_path, json.loads(_small(exported)))), "--sessions", str(other)]) == 0


def _small(data: dict) -> str:
    data = json.loads(json.dumps(data))
    data["session"]["notes"] = []
    return json.dumps(data)


def test_a_full_disk_during_import_leaves_no_stray_lock(tmp_path: Path, exported: dict, monkeypatch, capsys) -> None:
    from selfassess import store_maintenance

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")  # as os.write raises it: no file named

    monkeypatch.setattr(store_maintenance, "atomic_write", disk_full)
    other = tmp_path / "other"
    assert main(["import-session", str(write(tmp_path, exported)), "--sessions", str(other)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No space left on device" in err[0] and str(other / "20") in err[0]  # names the file
    assert list(other.iterdir()) == []  # no session, no audit, no lock


def test_an_audit_trail_that_is_a_symlink_is_not_read(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    session = small_scored(store)
    outside = tmp_path / "elsewhere.jsonl"
    outside.write_bytes(store.files(session.id).audit.read_bytes())
    store.files(session.id).audit.unlink()
    store.files(session.id).audit.symlink_to(outside)
    with pytest.raises(BadInput, match="a symlink; refused to read the audit trail"):
        store.audit(session.id)
    assert main(["export", session.id, "--format", "json", "--sessions", str(store.directory)]) == 2
