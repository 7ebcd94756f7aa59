"""purge deletes a session's panel lease files with the rest of its files, and says so."""

from __future__ import annotations

import json
from pathlib import Path

from selfassess import identity
from selfassess.cli import main
from selfassess.store import SessionStore

from .helpers import seed_role


def test_purge_deletes_the_panellists_lease(tmp_path: Path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    old = store.create(seed_role(), reference="OLD")
    store.set_panel(old.id, ["Ann Chair"], "Ann Chair", stage="interview")
    store.hold(old.id, "Ann Chair")  # a lease left behind by an app that was killed
    lease = identity.lease_path(store.directory, old.id, "Ann Chair")
    assert lease.exists()
    raw = json.loads(store.path(old.id).read_text())
    raw["meta"]["1"]["updated"] = "2020-01-01T00:00:00Z"
    store.path(old.id).write_text(json.dumps(raw))
    assert main(["purge", "--older-than", "180d", "--sessions", str(store.directory)]) == 0
    assert lease.name in capsys.readouterr().out
    assert not lease.exists() and list(store.directory.iterdir()) == []
