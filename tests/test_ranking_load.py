"""Ranking copies: the campaign view from them equals the one from fully loaded sessions."""

from __future__ import annotations

import json
from pathlib import Path

from selfassess.export.csvfile import campaign_csv
from selfassess.models import Criterion, Role
from selfassess.ranking_load import ranking_sessions, sessions_for_ranking
from selfassess.store import SCHEMA_VERSION, SessionStore

ROLE = Role(
    id="rk",
    title="Ranked officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["interview"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["interview"]),
    ],
)
OTHER = ROLE.model_copy(update={"id": "other"})


def scored(store: SessionStore, name: str, e1: int, d1: int, role: Role = ROLE) -> str:
    s = store.create(role, candidate=name, reference=name[:3])
    store.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="interview")
    store.set_evidence(s.id, "E1", "I did casework")
    for cid, value in (("E1", e1), ("D1", d1)):
        store.record_score(s.id, "Ann", cid, value)
        store.record_score(s.id, "Bo", cid, value)
    for panellist in ("Ann", "Bo"):  # consensus waits for every submission
        store.submit(s.id, panellist, "interview")
    for cid, value in (("E1", e1), ("D1", d1)):
        store.set_consensus(s.id, cid, value, "agreed", "Ann", "interview")
    store.record_decision(s.id, "appointable" if e1 >= 3 else "not appointable", "why", "Ann", "interview")
    return s.id


def test_ranking_copies_rank_and_export_as_full_sessions_do(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    for name, e1, d1 in (("Alpha Person", 4, 2), ("Beta Person", 2, 5), ("Gamma Person", 5, 5)):
        scored(store, name, e1, d1)
    scored(store, "Other Role", 5, 5, OTHER)
    light = ranking_sessions(store, ROLE.id)
    full = store.sessions_of_role(ROLE.id)
    assert [s.id for s in light] == [s.id for s in full]
    for stage in ("interview", "shortlisting"):
        for anonymise in (False, True):
            assert campaign_csv(light, stage, "D1", anonymise) == campaign_csv(full, stage, "D1", anonymise)
    assert all(s.evidence == {} and s.scores == [] for s in light)  # ranking copies say so in their docstring


def test_damaged_and_old_files_are_reported_or_migrated(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    good = scored(store, "Alpha Person", 4, 2)
    old = scored(store, "Beta Person", 3, 3)
    (store.directory / "20200101-deadbeef.json").write_text('{"meta": {"1": {"id": 3}}}')
    (store.directory / "20200101-feedface.json").write_text("not json")
    raw = json.loads(store.path(old).read_text())
    raw["meta"]["1"]["schema_version"] = 1
    raw["meta"]["1"]["scale_id"] = raw["meta"]["1"].pop("scale")["id"]
    store.path(old).write_text(json.dumps(raw))
    sessions, problems = sessions_for_ranking(store.directory, ROLE.id, SCHEMA_VERSION, store.load)
    assert sorted(s.id for s in sessions) == sorted([good, old])
    assert len(problems) == 2 and all("damaged" in p for p in problems)


def test_campaign_csv_shows_the_guaranteed_interview_column(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    sid = scored(store, "Alpha Person", 4, 2)
    store.set_gis(sid, True, "Ann")
    rows = campaign_csv(ranking_sessions(store, ROLE.id), "interview").decode("utf-8-sig")
    assert '"guaranteed interview"' in rows.splitlines()[0]
    # this role assesses no essential criterion by application, so the shortlisting minimum holds
    assert rows.splitlines()[1].endswith('"must interview"')


def test_a_fifo_or_outside_symlink_is_reported_without_blocking(tmp_path: Path) -> None:
    import os

    store = SessionStore(tmp_path / "s")
    good = scored(store, "Alpha Person", 4, 2)
    os.mkfifo(store.directory / "20200101-0000fifo.json")
    outside = tmp_path / "elsewhere.json"
    outside.write_bytes(store.path(good).read_bytes())
    (store.directory / "20200101-0000link.json").symlink_to(outside)
    sessions, problems = sessions_for_ranking(store.directory, ROLE.id, SCHEMA_VERSION, store.load)
    assert [s.id for s in sessions] == [good] and len(problems) == 2


def test_kept_copies_follow_every_change_to_the_folder(tmp_path: Path) -> None:
    import os

    from selfassess.models import Session

    store = SessionStore(tmp_path / "s")
    alpha = scored(store, "Alpha Person", 4, 2)
    beta = scored(store, "Beta Person", 3, 3)
    other = scored(store, "Other Role", 5, 5, OTHER)
    first = {s.id: s for s in ranking_sessions(store, ROLE.id)}
    assert set(first) == {alpha, beta}
    assert all(s.model_fields_set == set(Session.model_fields) for s in first.values())  # no default inspected
    again = {s.id: s for s in ranking_sessions(store, ROLE.id)}
    assert all(again[sid] is first[sid] for sid in first)  # unchanged files are not read again
    # a write through the store (a new file replaces the old) is seen
    store.set_consensus(alpha, "E1", 1, "re-agreed after review", "Ann", "interview")
    changed = {s.id: s for s in ranking_sessions(store, ROLE.id)}
    assert [c.value for c in changed[alpha].consensus if c.criterion == "E1"][-1] == 1
    assert changed[beta] is first[beta]
    # an edit in place that keeps the size and puts the modification time back is still seen (ctime)
    path = store.path(beta)
    info = path.stat()
    data = path.read_bytes()
    forged = data.replace(b"Beta Person", b"Beta Persom")
    assert len(forged) == len(data) and forged != data
    path.write_bytes(forged)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert {s.id: s.candidate for s in ranking_sessions(store, ROLE.id)}[beta] == "Beta Persom"
    # a damaged rewrite is reported, a removed file is gone, another role's session is still found
    path.write_text("not json")
    sessions, problems = sessions_for_ranking(store.directory, ROLE.id, SCHEMA_VERSION, store.load)
    assert [s.id for s in sessions] == [alpha] and len(problems) == 1
    store.path(alpha).unlink()
    assert ranking_sessions(store, ROLE.id) == []
    assert [s.id for s in ranking_sessions(store, OTHER.id)] == [other]
