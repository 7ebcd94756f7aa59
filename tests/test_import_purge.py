"""Import is validation, not trust; --force keeps what it replaces; purge deletes every file of a session."""

from __future__ import annotations

import json
import os
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassess.cli import main
from selfassess.export.jsonfile import read_session_json, session_json
from selfassess.import_check import data_problems
from selfassess.store import SessionStore

from .helpers import seed_role

PANEL = ["Ann Chair", "Bo Panel"]


def small_scored(store: SessionStore):
    role = seed_role()
    s = store.create(role, candidate="Test Person", reference="C-1")
    store.set_evidence(s.id, "E1", "I led the review of 40 cases.", self_rating=3)
    store.set_panel(s.id, PANEL, "Ann Chair", stage="interview")
    for p in PANEL:
        store.record_score(s.id, p, "E1", 3)
        store.submit(s.id, p, "interview")  # consensus waits for every submission
    store.set_consensus(s.id, "E1", 3, "", "Ann Chair", "interview")
    return store.load(s.id)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[SessionStore, dict, Path]:
    store = SessionStore(tmp_path / "s")
    session = small_scored(store)
    data = json.loads(session_json(session, store.audit(session.id)))
    return store, data, tmp_path


def write(tmp_path: Path, data: dict, name: str = "x.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    ("forge", "message"),
    [
        (lambda d: d["session"]["consensus"][0].update(value=1000), "not on"),
        (lambda d: d["session"]["scores"][0].update(criterion="E99"), "no such criterion"),
        (
            lambda d: d["session"]["evidence"].update(
                E98={"criterion": "E98", "text": "x", "updated": "2026-01-01T00:00:00Z"}
            ),
            "E98",
        ),
        (lambda d: d["session"]["scores"][0].update(panellist="Mallory"), "not on the panel"),
        (lambda d: d["session"].update(schema_version=99), "schema_version 99"),
        (
            lambda d: d["session"]["decisions"].append(
                {
                    "stage": "interview",
                    "recommendation": "appointable",
                    "reason": "r",
                    "by": "Ann Chair",
                    "time": "2026-01-01T00:00:00Z",
                }
            ),
            "gate fails",
        ),
    ],
)
def test_forged_imports_are_refused_and_nothing_is_written(
    exported, forge, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, data, tmp_path = exported
    forge(data)
    other = tmp_path / "other"
    assert main(["import-session", str(write(tmp_path, data)), "--sessions", str(other)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "nothing imported" in err[0]
    assert not other.exists() or not any(other.iterdir())


def test_an_audit_trail_that_does_not_match_is_kept_and_re_signed(exported, capsys) -> None:
    _, data, tmp_path = exported
    data["audit"] = [e for e in data["audit"] if e["action"] != "consensus.set"]
    other = SessionStore(tmp_path / "other")
    assert main(["import-session", str(write(tmp_path, data)), "--sessions", str(other.directory)]) == 0
    assert "re-signed as imported" in capsys.readouterr().err
    last = other.audit(data["session"]["id"])[-1]
    assert last.action == "session.import" and last.new["audit_matches_data"] is False


def test_an_invented_decision_event_is_not_taken_as_matching(exported, capsys) -> None:
    """An extra decision event for which the data holds no decision: the trail is re-signed, not trusted."""
    _, data, tmp_path = exported
    create = data["audit"][0]
    invented = {**create, "action": "decision.record", "criterion": None, "old": None}
    invented["new"] = {"stage": "test", "recommendation": "appointable", "reason": "invented"}
    invented["time"] = data["audit"][-1]["time"]
    data["audit"].append(invented)
    other = SessionStore(tmp_path / "other")
    assert main(["import-session", str(write(tmp_path, data)), "--sessions", str(other.directory)]) == 0
    assert "re-signed as imported" in capsys.readouterr().err
    assert other.audit(data["session"]["id"])[-1].new["audit_matches_data"] is False


def test_force_keeps_the_replaced_session_and_audit(exported) -> None:
    store, data, tmp_path = exported
    path = write(tmp_path, data)
    sid = data["session"]["id"]
    store.set_evidence(sid, "E2", "Work done after the export.")
    assert main(["import-session", str(path), "--sessions", str(store.directory)]) == 2
    assert main(["import-session", str(path), "--sessions", str(store.directory), "--force"]) == 0
    assert "E2" not in store.load(sid).evidence
    [kept] = store.directory.glob(f"{sid}.json.replaced-*")
    assert "Work done after the export." in kept.read_text()
    [kept_audit] = store.directory.glob(f"{sid}.audit.jsonl.replaced-*")
    assert "evidence.set" in kept_audit.read_text()


@lru_cache(maxsize=1)
def base_export() -> str:
    """One small scored session as an export (made once for the property test)."""
    store = SessionStore(Path(tempfile.mkdtemp(prefix="selfassess-test-")) / "s")
    session = small_scored(store)
    return session_json(session, store.audit(session.id))


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_every_score_off_the_scale_is_a_problem_and_every_one_on_it_is_not(value: int) -> None:
    session, _ = read_session_json(base_export(), "x")
    scores = [s.model_copy(update={"value": value}) for s in session.scores]
    consensus = [c.model_copy(update={"value": value, "reason": "agreed"}) for c in session.consensus]
    forged = session.model_copy(update={"scores": scores, "consensus": consensus})
    assert bool(list(data_problems(forged))) == (session.scale.level(value) is None)


def test_purge_deletes_every_file_of_old_and_damaged_sessions(tmp_path: Path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    keep = store.create(seed_role(), reference="KEEP")
    old = store.create(seed_role(), reference="OLD")
    store.set_evidence(old.id, "E1", "text")  # a .bak and an audit trail
    damaged = store.create(seed_role(), reference="DAMAGED")
    store.set_evidence(damaged.id, "E1", "text")
    store.path(damaged.id).write_text("{broken")
    store.repair(damaged.id)  # leaves a .damaged-TIME copy
    store.path(damaged.id).write_text("{broken again")
    fresh_damaged = store.create(seed_role(), reference="FRESH")
    store.path(fresh_damaged.id).write_text("{broken")
    raw = json.loads(store.path(old.id).read_text())
    raw["meta"]["1"]["updated"] = "2020-01-01T00:00:00Z"
    store.path(old.id).write_text(json.dumps(raw))
    long_ago = time.time() - 400 * 86400
    for path in store.directory.iterdir():
        if path.name.startswith(damaged.id):
            os.utime(path, (long_ago, long_ago))
    doomed = {p.name for p in store.directory.iterdir() if p.name.startswith((old.id, damaged.id))}
    assert any(".damaged-" in name for name in doomed) and any(name.endswith(".bak") for name in doomed)
    assert main(["purge", "--older-than", "180d", "--sessions", str(store.directory)]) == 0
    out = capsys.readouterr().out
    assert f"deleted damaged session {damaged.id}" in out and f"deleted session {old.id}" in out
    assert all(name in out for name in doomed)
    left = {p.name for p in store.directory.iterdir()}
    assert not left & doomed
    assert store.path(keep.id).name in left and store.path(fresh_damaged.id).name in left
