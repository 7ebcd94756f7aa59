"""Every audit event the store writes records the OS login that made it: session trails, the campaign
trail (plan, seed, reserve) and session.import (finding 16c-4)."""

from __future__ import annotations

import json
from pathlib import Path

from selfassess import recycle, session_admin
from selfassess.campaign_models import PlanItem, ReviewGuide
from selfassess.campaign_store import CampaignStore
from selfassess.export.jsonfile import read_session_json, session_json
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

ROLE = Role(
    id="logins",
    title="Login officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["application", "interview"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["interview"]),
    ],
)
LOGINS = {"Ann Chair": "ann", "Bo Panel": "bo"}


def test_no_audit_event_written_by_any_store_operation_has_a_null_login(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    ann, bo = SessionStore(folder, login=lambda: "ann"), SessionStore(folder, login=lambda: "bo")
    campaigns = CampaignStore(ann)
    sid = ann.create(ROLE, candidate="Dana Testcase", reference="R-1").id
    ann.set_evidence(sid, "E1", "I ran a caseload of forty.", 4)
    session_admin.rename(ann, sid, "Dana Testcase-Two", "R-2")
    session_admin.set_practice_note(ann, sid, "E1", "Went well")
    ann.set_panel(sid, list(LOGINS), "Ann Chair", stage="interview", logins=LOGINS)
    ann.set_panel_rules(sid, "Ann Chair", require_notes=False)
    ann.set_gis(sid, True, "Ann Chair")
    bo.declare_conflict(sid, "Bo Panel", True, "Former colleague")
    ann.withdraw_conflict(sid, "Bo Panel", "Worked together ten years ago only", "Ann Chair")
    campaigns.set_plan_item(ROLE.id, PlanItem(criterion="E1", stage="interview", questions=["Q?"]), "Ann Chair")
    campaigns.seed(ROLE.id)
    for store, name in ((ann, "Ann Chair"), (bo, "Bo Panel")):
        for cid in ("E1", "D1"):
            store.record_score(sid, name, cid, 4)
        store.add_note(sid, name, "E1", "Clear example", "interview")
        store.submit(sid, name, "interview")
    bo.record_score(sid, "Bo Panel", "D1", 3, reason="Re-read my notes")
    ann.set_consensus(sid, "D1", 4, "", "Ann Chair", "interview")
    ann.accept_agreed(sid, "Ann Chair", "interview")
    ann.record_decision(sid, "reserve", "Strong but second", "Ann Chair", "interview")
    guide = ReviewGuide(strong="Own result", acceptable="Example", weak="None")
    campaigns.set_plan_item(
        ROLE.id, PlanItem(criterion="E1", stage="interview", questions=["Q2?"], guide=guide), "Ann Chair"
    )
    campaigns.set_reserve(ROLE.id, "interview", "Ann Chair")
    text = session_json(ann.load(sid), ann.audit(sid))
    SessionStore(tmp_path / "other", login=lambda: "ann").import_session(*read_session_json(text, "f.json"))
    recycle.delete_session(folder, sid, ann._lock(sid))
    recycle.restore_session(folder, sid, ann._lock(sid))

    trails = sorted(tmp_path.rglob("*.audit.jsonl"))
    assert {p.parent.name for p in trails} == {"s", "campaigns", "other"}
    actions = set()
    for trail in trails:
        for line in trail.read_text().splitlines():
            event = json.loads(line)
            actions.add(event["action"])
            assert event["login"], (trail.name, event)
    assert {"plan.set", "plan.change_after_start", "shortlist.seed", "reserve.set", "session.import"} <= actions
    assert {"session.rename", "session.deleted", "conflict.withdraw", "decision.record"} <= actions
    campaign_events = CampaignStore(ann).audit(ROLE.id)
    assert {e.login for e in campaign_events} == {"ann"}
