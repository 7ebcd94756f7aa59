"""Finding 16d-N1: after a late conflict marks a candidate's consensus and decision 'to review', `reserve`
refuses to record the offer list (one line naming them, exit 2, nothing recorded) and `summary`, the CSV
and the app's merit order show 'to review' beside the gate and the recommendation."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from selfassess import scoring
from selfassess.campaign_store import CampaignStore
from selfassess.cli import main
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

PANEL = ["Ann Chair", "Bo Panel"]
ROLE = Role(
    id="mr",
    title="Review officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework"),
        Criterion(id="D1", kind="desirable", text="Audit"),
    ],
)


def agreed(store: SessionStore, ref: str, value: int) -> str:
    """A candidate scored, agreed and recommended 'reserve' at shortlisting."""
    sid = store.create(ROLE, candidate=f"Cand {ref}", reference=ref).id
    store.set_panel(sid, PANEL, "Ann Chair", stage="shortlisting")
    for p in PANEL:
        for cid in ("E1", "D1"):
            store.record_score(sid, p, cid, value, stage="shortlisting")
        store.submit(sid, p, "shortlisting")
    store.accept_agreed(sid, "Ann Chair", "shortlisting")
    store.record_decision(sid, "reserve", "Agreed by the panel", "Ann Chair", "shortlisting")
    return sid


@pytest.fixture
def flagged(tmp_path: Path):
    """Two reserve candidates; Bo then declares a late conflict with the stronger one (R-1)."""
    store = SessionStore(tmp_path / "s")
    ids = {"R-1": agreed(store, "R-1", 5), "R-2": agreed(store, "R-2", 3)}
    store.declare_conflict(ids["R-1"], "Bo Panel", True, "Late: my cousin")
    session = store.load(ids["R-1"])
    assert scoring.decision_to_review(session, "shortlisting") and scoring.consensus_to_review(session, "shortlisting")
    return store, ids


def cli(store: SessionStore, *args: str) -> int:
    return main([*args, "--sessions", str(store.directory)])


def test_reserve_refuses_while_a_candidate_is_to_review(flagged, capsys) -> None:
    store, ids = flagged
    assert cli(store, "reserve", ROLE.id, "--by", "Ann Chair", "--stage", "shortlisting") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "Cand R-1 (ref R-1) has a consensus or decision marked to review" in err and "R-2" not in err
    assert CampaignStore(store).load(ROLE.id).reserve is None
    # the chair reviews: agrees the consensus again and records the decision again; then the list is recorded
    for cid in ("E1", "D1"):
        store.set_consensus(ids["R-1"], cid, 5, "Reviewed: Bo not counted", "Ann Chair", "shortlisting")
    store.record_decision(ids["R-1"], "reserve", "Reviewed without Bo", "Ann Chair", "shortlisting")
    assert cli(store, "reserve", ROLE.id, "--by", "Ann Chair", "--stage", "shortlisting") == 0
    assert CampaignStore(store).load(ROLE.id).reserve.offer_order == [ids["R-1"], ids["R-2"]]


def test_summary_and_csv_show_to_review(flagged, tmp_path: Path, capsys) -> None:
    store, _ = flagged
    out = tmp_path / "f.csv"
    assert cli(store, "summary", ROLE.id, "--stage", "shortlisting", "--csv", str(out)) == 0
    assert "to review" in capsys.readouterr().out
    rows = {r["candidate"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    first, second = rows["Cand R-1 (ref R-1)"], rows["Cand R-2 (ref R-2)"]
    assert (first["gate"], first["recommendation"]) == ("to review (passed)", "reserve (to review)")
    assert (second["gate"], second["recommendation"]) == ("passed", "reserve")


async def test_the_apps_merit_order_shows_to_review(flagged) -> None:
    from textual.widgets import DataTable

    from selfassess.tui.app import make_app
    from selfassess.tui.screens.merit import MeritOrderScreen

    store, _ = flagged
    app = make_app(store.directory)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(MeritOrderScreen(ROLE, "shortlisting"))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[1]): [str(c) for c in table.get_row_at(i)] for i in range(table.row_count)}
        assert rows["Cand R-1 (ref R-1)"][2] == "to review (passed)"
        assert rows["Cand R-1 (ref R-1)"][5] == "reserve (to review)"
        assert rows["Cand R-2 (ref R-2)"][2:6:3] == ["passed", "reserve"]
