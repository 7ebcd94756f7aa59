"""SessionStore: the API, durability rules, damage handling, migration, retention, permissions."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from selfassess import roles
from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.store import SCHEMA_VERSION, SessionDamaged, SessionNotFound, SessionStore, parse_age

from .helpers import seed_role


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".lock")}


def test_create_load_list(store: SessionStore) -> None:
    role = seed_role()
    s = store.create(role, candidate="Alex Example", reference="C-014")
    loaded = store.load(s.id)
    assert loaded == s and loaded.role == role and loaded.schema_version == SCHEMA_VERSION
    assert loaded.scale.id == role.scale and loaded.stage == "application"
    [summary] = store.summaries()
    assert (summary.id, summary.role_id, summary.candidate, summary.reference) == (
        s.id,
        role.id,
        "Alex Example",
        "C-014",
    )


def test_list_is_most_recent_first(store: SessionStore) -> None:
    role = seed_role()
    first = store.create(role, reference="A")
    second = store.create(role, reference="B")
    raw = json.loads(store.path(first.id).read_text())
    raw["meta"]["1"]["updated"] = "2030-01-01T00:00:00Z"
    store.path(first.id).write_text(json.dumps(raw))
    assert [s.id for s in store.summaries()] == [first.id, second.id]


def test_evidence_and_rating(store: SessionStore) -> None:
    role = seed_role()
    s = store.create(role, candidate="Alex Example")
    cid = role.criteria[0].id
    store.set_evidence(s.id, cid, "I led the review.", self_rating=3)
    store.set_evidence(s.id, cid, "I led the review and cut waiting times by 20%.")
    ev = store.load(s.id).evidence[cid]
    assert ev.text.endswith("20%.") and ev.self_rating == 3
    actions = [(e.action, e.criterion) for e in store.audit(s.id)]
    assert actions == [("session.create", None), ("evidence.set", cid), ("self_rating.set", cid), ("evidence.set", cid)]
    last = store.audit(s.id)[-1]
    assert last.actor == "candidate" and last.old["words"] == 4 and last.new["words"] == 10


def test_unchanged_save_writes_nothing(store: SessionStore) -> None:
    s = store.create(seed_role(), reference="R")
    store.set_evidence(s.id, "E1", "Same text")
    before = snapshot(store.directory)
    store.set_evidence(s.id, "E1", "Same text")
    assert snapshot(store.directory) == before


def test_scores_upsert_by_panellist_criterion_stage(store: SessionStore) -> None:
    s = store.create(seed_role(), reference="R")
    store.record_score(s.id, "Panellist One", "E1", 2, note="thin")
    store.record_score(s.id, "Panellist One", "E1", 3, note="on reflection")
    store.record_score(s.id, "Panellist Two", "E1", None, stage="shortlisting")
    scores = store.load(s.id).scores
    assert sorted((x.panellist, x.stage, x.value) for x in scores) == [
        ("Panellist One", "interview", 3),
        ("Panellist Two", "shortlisting", None),
    ]
    changes = [e for e in store.audit(s.id) if e.action == "score.record"]
    assert changes[1].old == {"value": 2, "note": "thin"} and changes[1].new["value"] == 3


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda st, sid: st.record_score(sid, "P", "E1", 99), "out of range"),
        (lambda st, sid: st.record_score(sid, "P", "E1", -1), "out of range"),
        (lambda st, sid: st.record_score(sid, "P", "E1", True), "out of range"),
        (lambda st, sid: st.record_score(sid, "P", "Z9", 1), "criterion 'Z9': not in role"),
        (lambda st, sid: st.record_score(sid, "P", "E1", 1, stage="party"), "stage 'party'"),
        (lambda st, sid: st.record_score(sid, "  ", "E1", 1), "panellist"),
        (lambda st, sid: st.set_evidence(sid, "E1", "x", self_rating=42), "self-rating for E1: 42 is out of range"),
        (lambda st, sid: st.set_evidence(sid, "Q1", "x"), "criterion 'Q1'"),
        (lambda st, sid: st.set_evidence("20990101-00000000", "E1", "x"), "no such session"),
        (lambda st, sid: st.load("../../etc/passwd"), "not a session id"),
    ],
)
def test_bad_calls_raise_and_change_nothing(store: SessionStore, call, message: str) -> None:
    s = store.create(seed_role(), reference="R")
    store.set_evidence(s.id, "E1", "Kept")
    before = snapshot(store.directory)
    with pytest.raises(BadInput, match=message):
        call(store, s.id)
    assert snapshot(store.directory) == before


def test_session_keeps_its_own_copy_of_the_role(store: SessionStore, private_folders: dict[str, Path]) -> None:
    role = seed_role().model_copy(update={"id": "my-copy"})
    roles.write_role(role)
    s = store.create(roles.load_role("my-copy"), reference="R")
    edited = role.model_copy(update={"title": "Renamed", "criteria": role.criteria[:1]})
    roles.write_role(edited, force=True)
    assert roles.load_role("my-copy").title == "Renamed"
    assert store.load(s.id).role == role


def test_permissions(store: SessionStore) -> None:
    s = store.create(seed_role(), candidate="Alex Example")
    store.set_evidence(s.id, "E1", "text")
    assert oct(store.directory.stat().st_mode & 0o777) == "0o700"
    files = list(store.directory.iterdir())
    assert {p.suffix for p in files} >= {".json", ".bak", ".lock", ".jsonl"}
    for path in files:
        assert oct(path.stat().st_mode & 0o777) == "0o600", path.name


def test_damaged_file_is_reported_never_overwritten_and_repaired(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    s = store.create(seed_role(), candidate="Alex Example")
    store.set_evidence(s.id, "E1", "first draft")
    store.set_evidence(s.id, "E1", "second draft")
    path = store.path(s.id)
    path.write_bytes(b'{"meta": {"1": {"id": "trunc')
    with pytest.raises(SessionDamaged, match=str(path)):
        store.load(s.id)
    with pytest.raises(SessionDamaged):
        store.set_evidence(s.id, "E1", "third draft")
    assert path.read_bytes() == b'{"meta": {"1": {"id": "trunc'
    summaries, problems = store.scan()
    assert summaries == [] and len(problems) == 1 and str(path) in problems[0]
    code = main(["repair", s.id, "--sessions", str(store.directory)])
    assert code == 0 and "restored" in capsys.readouterr().out
    assert store.load(s.id).evidence["E1"].text == "first draft"
    assert list(store.directory.glob(f"{s.id}.json.damaged-*"))
    assert main(["repair", s.id, "--sessions", str(store.directory)]) == 2
    assert "nothing to repair" in capsys.readouterr().err


def test_repair_without_backup_says_so(store: SessionStore) -> None:
    s = store.create(seed_role(), reference="R")
    store.path(s.id).write_text("[]")
    with pytest.raises(BadInput, match="no previous version"):
        store.repair(s.id)


def test_migration_from_schema_1(store: SessionStore) -> None:
    s = store.create(seed_role(), reference="R")
    store.record_score(s.id, "P", "E1", 2)
    raw = json.loads(store.path(s.id).read_text())
    meta = raw["meta"]["1"]
    meta["schema_version"] = 1
    meta["scale_id"] = meta.pop("scale")["id"]
    for score in raw["scores"].values():
        del score["stage"]
    store.path(s.id).write_text(json.dumps(raw))
    loaded = store.load(s.id)
    assert loaded.schema_version == SCHEMA_VERSION and loaded.scale.id == seed_role().scale
    assert loaded.scores[0].stage == "interview"
    store.set_evidence(s.id, "E1", "now")
    assert json.loads(store.path(s.id).read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_newer_schema_is_refused_not_overwritten(store: SessionStore) -> None:
    s = store.create(seed_role(), reference="R")
    raw = json.loads(store.path(s.id).read_text())
    raw["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    store.path(s.id).write_text(json.dumps(raw))
    before = store.path(s.id).read_bytes()
    with pytest.raises(SessionDamaged, match="newer"):
        store.set_evidence(s.id, "E1", "x")
    assert store.path(s.id).read_bytes() == before


def test_purge(store: SessionStore, capsys: pytest.CaptureFixture[str]) -> None:
    old = store.create(seed_role(), reference="OLD")
    new = store.create(seed_role(), reference="NEW")
    raw = json.loads(store.path(old.id).read_text())
    raw["meta"]["1"]["updated"] = "2020-01-01T00:00:00Z"
    store.path(old.id).write_text(json.dumps(raw))
    args = ["purge", "--older-than", "180d", "--sessions", str(store.directory)]
    assert main([*args, "--dry-run"]) == 0
    assert old.id in capsys.readouterr().out and store.path(old.id).exists()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert old.id in out and new.id not in out
    assert not any(p.name.startswith(old.id) for p in store.directory.iterdir())
    assert [s.id for s in store.summaries()] == [new.id]
    assert main(["purge", "--older-than", "soon", "--sessions", str(store.directory)]) == 2


def test_parse_age() -> None:
    assert parse_age("180d") == timedelta(days=180) and parse_age("2w") == timedelta(days=14)
    assert parse_age("30") == timedelta(days=30)
    with pytest.raises(BadInput):
        parse_age("-3d")


def test_sessions_command(
    store: SessionStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    s = store.create(seed_role(), candidate="[bold]Alex[/bold]", reference="C-1")
    (store.directory / "20200101-deadbeef.json").write_text("not json")
    assert main(["sessions", "--json", "--sessions", str(store.directory)]) == 0
    captured = capsys.readouterr()
    listing = json.loads(captured.out)
    assert [x["id"] for x in listing] == [s.id] and listing[0]["candidate"] == "[bold]Alex[/bold]"
    assert "20200101-deadbeef.json" in captured.err
    assert main(["sessions", "--sessions", str(store.directory)]) == 0
    assert "[bold]Alex[/bold]" in capsys.readouterr().out


def test_unknown_session_via_env(monkeypatch: pytest.MonkeyPatch, store: SessionStore) -> None:
    monkeypatch.setenv("SELFASSESS_SESSIONS", str(store.directory))
    with pytest.raises(SessionNotFound):
        store.load("20990101-00000000")
    assert os.environ["SELFASSESS_SESSIONS"] == str(store.directory)


def test_display_name_in_and_out_of_blind_mode(store: SessionStore) -> None:
    named = store.create(seed_role(), candidate="Alex Example", reference="C-1")
    assert named.display_name() == "Alex Example (ref C-1)" and named.display_name(blind=True) == "ref C-1"
    assert not named.blind
    blind = store.set_panel(named.id, ["A"], "A", blind=True)
    assert blind.blind and blind.display_name(blind.blind) == "ref C-1"
    anonymous = store.create(seed_role())
    assert anonymous.display_name() == f"ref {anonymous.id}"
