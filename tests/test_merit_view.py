"""The merit view at one stage (16c findings 23, 10, 11, 12): a stage with no criteria passes nobody and
cannot be moved to; scored-but-not-agreed is 'incomplete'; candidates not at the stage are listed apart,
never ranked, in one order for every caller; an empty reserve list says where the others are."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

from selfassess import scoring
from selfassess.campaign_store import CampaignStore
from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.export.csvfile import campaign_rows
from selfassess.merit_view import merit_view, stages_with_criteria
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

PANEL = ["Ann Chair", "Bo Panel"]
ROLE = Role(  # application and interview only: the test and presentation stages score nothing
    id="mv",
    title="Merit officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["application", "interview"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["application"]),
    ],
)


def candidate(store: SessionStore, ref: str, stage: str = "shortlisting") -> str:
    sid = store.create(ROLE, candidate=f"Cand {ref}", reference=ref).id
    store.set_panel(sid, PANEL, "Ann Chair", stage=stage)
    return sid


def agree(store: SessionStore, sid: str, value: int, stage: str = "shortlisting", decision: str | None = None) -> None:
    for p in PANEL:
        for cid in [c.id for c in scoring.criteria_for_stage(store.load(sid), stage)]:
            store.record_score(sid, p, cid, value, stage=stage)
        store.submit(sid, p, stage)
    store.accept_agreed(sid, "Ann Chair", stage)
    if decision:
        store.record_decision(sid, decision, "Agreed by the panel", "Ann Chair", stage)


@pytest.fixture
def campaign(tmp_path: Path):
    """Five candidates: two agreed at shortlisting (one fails E1), one scored but not agreed, one not
    scored, one moved on to interview with one score."""
    store = SessionStore(tmp_path / "s")
    ids = {ref: candidate(store, ref) for ref in ("R-1", "R-2", "R-3", "R-4", "R-5")}
    agree(store, ids["R-1"], 4, decision="reserve")
    agree(store, ids["R-2"], 1)  # below met on E1: failed
    for p in PANEL:
        store.record_score(ids["R-3"], p, "E1", 3, stage="shortlisting")
        store.record_score(ids["R-3"], p, "D1", 3, stage="shortlisting")
        store.submit(ids["R-3"], p, "shortlisting")
    agree(store, ids["R-5"], 5)
    store.set_panel(ids["R-5"], PANEL, "Ann Chair", stage="interview", actor="Ann Chair")
    store.record_score(ids["R-5"], "Ann Chair", "E1", 4, stage="interview")
    return store, ids


def statuses(store: SessionStore, stage: str) -> dict[str, str]:
    view = merit_view(store.sessions_of_role(ROLE.id), stage)
    return {r.session.reference or "": r.status for r in view.ranked}


def test_a_stage_with_no_criteria_passes_nobody(campaign) -> None:
    store, _ = campaign
    sessions = store.sessions_of_role(ROLE.id)
    for session in sessions:
        assert scoring.gate(session, "test").status == "not scored"
    view = merit_view(sessions, "test")
    assert view.scores_nothing and not view.ranked and len(view.apart) == 5
    assert stages_with_criteria(sessions) == ["shortlisting", "interview"]
    assert "no criterion" in (scoring.decision_problem(sessions[0], "appointable", "test") or "")


def test_moving_a_panel_to_a_stage_with_no_criteria_is_refused_unless_the_chair_ticks_some(campaign) -> None:
    store, ids = campaign
    sid = ids["R-4"]
    before = store.path(sid).read_bytes()
    with pytest.raises(BadInput, match="the test stage scores no criterion of mv"):
        store.set_panel(sid, PANEL, "Ann Chair", stage="test", actor="Ann Chair")
    assert store.path(sid).read_bytes() == before
    fresh = store.create(ROLE, reference="R-9").id
    with pytest.raises(BadInput, match="presentation stage scores no criterion"):
        store.set_panel(fresh, PANEL, "Ann Chair", stage="presentation")  # a new panel too
    chosen = {"stage": "test", "criteria": ["E1"], "reason": "A written test of casework"}
    moved = store.set_panel(sid, PANEL, "Ann Chair", stage="test", actor="Ann Chair", criteria=chosen)
    assert moved.panel.stage == "test" and [c.id for c in scoring.criteria_for_stage(moved, "test")] == ["E1"]
    assert "stage.criterion.add" in [e.action for e in store.audit(sid)]


def test_scored_by_everyone_but_not_agreed_is_incomplete(campaign) -> None:
    store, _ = campaign
    found = statuses(store, "shortlisting")
    assert found == {"R-1": "passed", "R-5": "passed", "R-3": "incomplete", "R-2": "failed", "R-4": "not scored"}


def test_candidates_not_at_the_stage_are_listed_apart_in_one_order(campaign) -> None:
    store, _ = campaign
    sessions = store.sessions_of_role(ROLE.id)
    view = merit_view(sessions, "interview")
    assert [r.session.reference for r in view.ranked] == ["R-5"]
    assert [(a.session.reference, a.where) for a in view.apart] == [(f"R-{n}", "at shortlisting") for n in (1, 2, 3, 4)]
    rows = campaign_rows(sessions, "interview")
    assert [r[:3] for r in rows[2:]] == [
        ["", f"Cand R-{n} (ref R-{n})", "not at interview (at shortlisting)"] for n in (1, 2, 3, 4)
    ]
    ties = merit_view(sessions, "shortlisting").ranked
    for seed in range(3):  # however the files were read, one order (ties by reference)
        shuffled = random.Random(seed).sample(sessions, len(sessions))
        assert [r.session.id for r in merit_view(shuffled, "shortlisting").ranked] == [r.session.id for r in ties]


def test_summary_cli_lists_apart_and_keeps_the_hint(campaign, tmp_path: Path, capsys) -> None:
    store, _ = campaign
    out_csv = tmp_path / "c.csv"
    base = ["--sessions", str(store.directory), "summary", ROLE.id]
    assert main([*base, "--csv", str(out_csv)]) == 0
    captured = capsys.readouterr()
    assert "(1 ranked, 4 listed apart)" in " ".join(captured.out.split())
    assert "4 candidates are at shortlisting (use --stage shortlisting)" in captured.err
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["1", "", "", "", ""]
    assert main([*base, "--stage", "shortlisting", "--csv", str(out_csv), "--force"]) == 0  # ranking copies
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert {r[1]: r[2] for r in rows[1:]}["Cand R-3 (ref R-3)"] == "incomplete"
    capsys.readouterr()
    assert main([*base, "--stage", "test"]) == 0
    captured = capsys.readouterr()
    assert "test scores no criterion of mv" in captured.err and "passed" not in captured.out


def test_reserve_without_stage_names_where_the_candidates_are(campaign, capsys) -> None:
    store, _ = campaign
    args = ["--sessions", str(store.directory), "reserve", ROLE.id, "--by", "Ann Chair"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "recommended 'reserve' at interview" in err and "(use --stage shortlisting)" in err
    assert main([*args, "--stage", "shortlisting"]) == 0
    with pytest.raises(BadInput, match=r"use s for shortlisting"):
        CampaignStore(store).set_reserve(ROLE.id, "interview", "Ann Chair", hint="s for")


async def test_merit_screen_lists_apart_and_s_skips_stages_with_no_criteria() -> None:
    from textual.widgets import DataTable

    from selfassess.tui.app import make_app
    from selfassess.tui.screens.merit import MeritOrderScreen

    app = make_app()
    store = app.store
    ids = {ref: candidate(store, ref) for ref in ("R-1", "R-2")}
    agree(store, ids["R-2"], 4)
    store.set_panel(ids["R-2"], PANEL, "Ann Chair", stage="interview", actor="Ann Chair")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeritOrderScreen(ROLE))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)[:3]] for i in range(table.row_count)]
        assert app.screen.stage == "interview"
        assert rows == [["1", "Cand R-2 (ref R-2)", "not scored"], ["", "Cand R-1 (ref R-1)", "at shortlisting"]]
        seen = []
        for _ in range(3):
            await pilot.press("s")
            seen.append(app.screen.stage)
        assert seen == ["shortlisting", "interview", "shortlisting"]  # never test or presentation
