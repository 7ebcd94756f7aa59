"""A role's campaign file: question plan (changes after scoring began are recorded), seed, reserve list."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from selfassess.campaign_models import PlanItem, ReviewGuide
from selfassess.campaign_store import CampaignStore
from selfassess.errors import BadInput
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

ROLE = Role(
    id="camp",
    title="Campaign officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["application", "interview"]),
        Criterion(id="E2", kind="essential", text="Degree", assessed_by=["application"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["interview"]),
    ],
)
PLAN = PlanItem(
    criterion="E1",
    stage="interview",
    questions=["Tell us about a hard case you resolved."],
    probes=["What would you do differently?"],
    guide=ReviewGuide(strong="Own actions, measured result", acceptable="Clear example", weak="Team only"),
)


@pytest.fixture
def stores(tmp_path: Path) -> tuple[SessionStore, CampaignStore]:
    store = SessionStore(tmp_path / "s")
    return store, CampaignStore(store)


def candidate(store: SessionStore, name: str) -> str:
    s = store.create(ROLE, candidate=name)
    store.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="interview")
    return s.id


def test_plan_is_saved_privately_and_audited(stores) -> None:
    store, campaigns = stores
    candidate(store, "Dana Testcase")
    campaign = campaigns.set_plan_item(ROLE.id, PLAN, "Ann")
    assert campaigns.load(ROLE.id) == campaign and campaign.plan_item("E1", "interview") == PLAN
    path = campaigns.path(ROLE.id)
    assert oct(path.stat().st_mode & 0o777) == "0o600" and oct(path.parent.stat().st_mode & 0o777) == "0o700"
    assert [e.action for e in campaigns.audit(ROLE.id)] == ["plan.set"]
    assert campaign.plan_changes == []
    campaigns.set_plan_item(ROLE.id, PLAN, "Ann")  # unchanged: nothing written
    assert len(campaigns.audit(ROLE.id)) == 1
    assert len(store.load_all()[0]) == 1 and not store.load_all()[1]  # the campaigns folder is no session


def test_a_change_after_the_first_interview_is_recorded_and_shown(stores) -> None:
    store, campaigns = stores
    sid = candidate(store, "Dana Testcase")
    campaigns.set_plan_item(ROLE.id, PLAN, "Ann")
    store.record_score(sid, "Bo", "E1", 3, stage="interview")
    changed = PLAN.model_copy(update={"probes": ["What was the result?"]})
    campaign = campaigns.set_plan_item(ROLE.id, changed, "Ann")
    assert [(c.criterion, c.stage, c.actor) for c in campaign.plan_changes] == [("E1", "interview", "Ann")]
    last = campaigns.audit(ROLE.id)[-1]
    assert last.action == "plan.change_after_start" and last.old["probes"] == PLAN.probes


def test_plan_rules(stores) -> None:
    store, campaigns = stores
    candidate(store, "Dana Testcase")
    with pytest.raises(BadInput, match="only the chair"):
        campaigns.set_plan_item(ROLE.id, PLAN, "Bo")
    with pytest.raises(BadInput, match="not scored at interview"):
        campaigns.set_plan_item(ROLE.id, PLAN.model_copy(update={"criterion": "E2"}), "Ann")
    with pytest.raises(BadInput, match="not a role id"):
        campaigns.load("../etc")
    campaigns.path(ROLE.id).parent.mkdir(parents=True, exist_ok=True)
    campaigns.path(ROLE.id).write_text("{not json")
    with pytest.raises(BadInput, match="damaged campaign file"):
        campaigns.load(ROLE.id)


def test_seed_is_drawn_once_and_recorded(stores) -> None:
    _, campaigns = stores
    first = campaigns.seed(ROLE.id, "Ann")
    assert campaigns.seed(ROLE.id, "Bo") == first
    assert json.loads(campaigns.path(ROLE.id).read_text())["shuffle_seed"] == first
    assert [e.action for e in campaigns.audit(ROLE.id)] == ["shortlist.seed"]


def test_reserve_list_in_offer_order_with_expiry(stores) -> None:
    store, campaigns = stores
    ids = {}
    for name, value, recommendation in (
        ("A One", 4, "reserve"),
        ("B Two", 5, "reserve"),
        ("C Three", 5, "appointable"),
    ):
        sid = ids[name] = candidate(store, name)
        for cid in ("E1", "D1"):
            store.record_score(sid, "Ann", cid, value, stage="interview")
            store.record_score(sid, "Bo", cid, value, stage="interview")
        for panellist in store.load(sid).panel.panellists:  # consensus waits for every submission
            store.submit(sid, panellist, "interview")
        for cid in ("E1", "D1"):
            store.set_consensus(sid, cid, value, "", "Ann", "interview")
        store.record_decision(sid, recommendation, "reason", "Ann", "interview")
    reserve = campaigns.set_reserve(ROLE.id, "interview", "Ann", today=date(2026, 4, 1))
    assert reserve.offer_order == [ids["B Two"], ids["A One"]] and reserve.expires == date(2027, 4, 1)
    assert campaigns.load(ROLE.id).reserve == reserve
    with pytest.raises(BadInput, match="months"):
        campaigns.set_reserve(ROLE.id, "interview", "Ann", months=18)
    with pytest.raises(BadInput, match="only the chair"):
        campaigns.set_reserve(ROLE.id, "interview", "Bo")
    with pytest.raises(BadInput, match="no candidate"):
        campaigns.set_reserve(ROLE.id, "shortlisting", "Ann")


def test_the_chair_acts_on_the_campaign_as_themselves(tmp_path: Path) -> None:
    """With bound logins, another terminal cannot change the plan or reserve list in the chair's name."""
    as_ann = SessionStore(tmp_path / "s", login=lambda: "ann")
    as_bo = SessionStore(tmp_path / "s", login=lambda: "bo")
    s = as_ann.create(ROLE, candidate="Dana Testcase")
    as_ann.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="interview", logins={"Ann": "ann", "Bo": "bo"})
    with pytest.raises(BadInput, match="question plan: Ann is bound to login 'ann'"):
        CampaignStore(as_bo).set_plan_item(ROLE.id, PLAN, "Ann")
    CampaignStore(as_ann).set_plan_item(ROLE.id, PLAN, "Ann")


def test_plan_text_is_capped_by_name(stores) -> None:
    store, campaigns = stores
    candidate(store, "Dana Testcase")
    long = PLAN.model_copy(update={"questions": ["Tell us. " * 200]})  # stored as one clean line: 1,799
    with pytest.raises(BadInput, match="plan E1 questions line 1: 1,799 characters; at most 1,000"):
        campaigns.set_plan_item(ROLE.id, long, "Ann")
    many = PLAN.model_copy(update={"probes": ["Why?"] * 13})
    with pytest.raises(BadInput, match="plan E1 probes: 13 lines; at most 12"):
        campaigns.set_plan_item(ROLE.id, many, "Ann")
    assert campaigns.load(ROLE.id).plan == []
