"""Identity through the Python API: the store refuses impersonation, chair-only actions, withdrawals,
leases on a shared login, and the login recorded in the audit trail (several users simulated)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from selfassess import identity, scoring
from selfassess.errors import BadInput
from selfassess.export.summary_common import summary
from selfassess.models import Criterion, Role

from .helpers import LOGINS, PANEL, terminal

ROLE = Role(
    id="t",
    title="Test officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Degree"),
        Criterion(id="E2", kind="essential", text="Team leadership"),
        Criterion(id="D1", kind="desirable", text="Audit experience"),
    ],
)


@pytest.fixture
def verified(tmp_path: Path):
    folder = tmp_path / "s"
    ann = terminal(folder, "ann")
    s = ann.create(ROLE, candidate="Alex Example", reference="C-1")
    ann.set_panel(s.id, PANEL, "Ann Chair", logins=LOGINS, blind=True)
    return s.id, ann, terminal(folder, "bo"), terminal(folder, "cy")


def test_verified_panel_refuses_every_impersonation(verified) -> None:
    sid, ann, bo, _ = verified
    assert identity.verified(ann.load(sid).panel)
    bo.record_score(sid, "Bo Panel", "E1", 3)
    for attempt in (
        lambda: bo.record_score(sid, "Ann Chair", "E1", 1),
        lambda: bo.submit(sid, "Ann Chair", "interview"),
        lambda: bo.add_note(sid, "Ann Chair", "E1", "not mine", "interview"),
        lambda: ann.record_score(sid, "Bo Panel", "E1", 5),
    ):
        with pytest.raises(BadInput, match="bound to login"):
            attempt()
    with pytest.raises(BadInput, match="not on this panel"):
        bo.record_score(sid, "Stranger", "E1", 3)
    assert [(s.panellist, s.value) for s in ann.load(sid).scores] == [("Bo Panel", 3)]


def test_only_the_chair_agrees_consensus_decides_and_changes_the_panel(verified) -> None:
    sid, ann, bo, cy = verified
    for store, name, value in ((ann, "Ann Chair", 4), (bo, "Bo Panel", 4), (cy, "Cy Member", 4)):
        for cid in ("E1", "E2", "D1"):
            store.record_score(sid, name, cid, value)
        store.submit(sid, name, "interview")
    with pytest.raises(BadInput, match="only the chair"):
        bo.set_consensus(sid, "E1", 4, "", "Bo Panel", "interview")
    with pytest.raises(BadInput, match="bound to login"):
        bo.set_consensus(sid, "E1", 4, "", "Ann Chair", "interview")  # naming the chair does not help
    with pytest.raises(BadInput, match="only the chair"):
        bo.accept_agreed(sid, "Bo Panel", "interview")
    with pytest.raises(BadInput, match="only the chair"):
        bo.set_panel(sid, ["Bo Panel", "Cy Member"], "Bo Panel", actor="Bo Panel", blind=False)
    with pytest.raises(BadInput, match="only the chair"):
        bo.set_panel(sid, PANEL, "Ann Chair", blind=False)  # no actor named: refused, not credited to the chair
    session, accepted = ann.accept_agreed(sid, "Ann Chair", "interview")
    assert accepted == ["E1", "E2", "D1"] and scoring.gate(session, "interview").passed
    with pytest.raises(BadInput, match="only the chair"):
        bo.record_decision(sid, "appointable", "Strong", "Bo Panel", "interview")
    ann.record_decision(sid, "appointable", "Strong", "Ann Chair", "interview")
    events = ann.audit(sid)
    assert {e.login for e in events} <= {"ann", "bo", "cy"} and None not in {e.login for e in events}
    assert [e.login for e in events if e.action == "decision.record"] == ["ann"]


def test_consensus_waits_for_every_submission_unless_the_chair_overrides(verified) -> None:
    sid, ann, _, _ = verified
    ann.record_score(sid, "Ann Chair", "E1", 4)
    ann.submit(sid, "Ann Chair", "interview")
    with pytest.raises(BadInput, match="still scoring: Bo Panel, Cy Member"):
        ann.set_consensus(sid, "E1", 4, "", "Ann Chair", "interview")
    with pytest.raises(BadInput, match="needs a reason"):
        ann.set_consensus(sid, "E1", 4, "", "Ann Chair", "interview", override=True)
    s = ann.set_consensus(sid, "E1", 4, "Bo and Cy unwell; agreed by phone", "Ann Chair", "interview", override=True)
    assert s.consensus[0].override


def test_a_score_changed_after_consensus_marks_it_and_the_decision_to_review(verified) -> None:
    sid, ann, bo, cy = verified
    for store, name in ((ann, "Ann Chair"), (bo, "Bo Panel"), (cy, "Cy Member")):
        for cid in ("E1", "E2", "D1"):
            store.record_score(sid, name, cid, 4)
        store.submit(sid, name, "interview")
    ann.accept_agreed(sid, "Ann Chair", "interview")
    ann.record_decision(sid, "appointable", "Strong", "Ann Chair", "interview")
    s = bo.record_score(sid, "Bo Panel", "E2", 2, reason="Re-read my notes")
    assert scoring.consensus_to_review(s, "interview") == ["E2"] and scoring.decision_to_review(s, "interview")
    s = ann.set_consensus(sid, "E2", 4, "Discussed again", "Ann Chair", "interview")
    assert scoring.consensus_to_review(s, "interview") == [] and scoring.decision_to_review(s, "interview")
    s = ann.record_decision(sid, "appointable", "Still strong", "Ann Chair", "interview")
    assert not scoring.decision_to_review(s, "interview")


def test_a_panellist_who_scored_is_withdrawn_never_removed(verified) -> None:
    sid, ann, bo, cy = verified
    bo.record_score(sid, "Bo Panel", "E1", 1)
    cy.record_score(sid, "Cy Member", "E1", 5)
    ann.record_score(sid, "Ann Chair", "E1", 5)
    with pytest.raises(BadInput, match="Bo Panel has already scored"):
        ann.set_panel(sid, ["Ann Chair", "Cy Member"], "Ann Chair", actor="Ann Chair", blind=True)
    s = ann.set_panel(
        sid, ["Ann Chair", "Cy Member"], "Ann Chair", actor="Ann Chair", blind=True, withdraw={"Bo Panel": "ill"}
    )
    assert s.panel.withdrawn == {"Bo Panel": "ill"} and "Bo Panel" in s.panel.panellists
    assert [x.value for x in s.scores if x.panellist == "Bo Panel"] == [1]  # kept
    assert scoring.counted(s, "interview") == ["Ann Chair", "Cy Member"]
    with pytest.raises(BadInput, match="withdrawn"):
        bo.record_score(sid, "Bo Panel", "E2", 3)
    for store, name in ((ann, "Ann Chair"), (cy, "Cy Member")):
        store.submit(sid, name, "interview")
    s = ann.load(sid)
    [row] = [r for r in summary(s, "interview").rows if r.id == "E1"]
    assert (row.mean, row.spread) == (5.0, 0)  # the summary counts the same people as moderation
    assert "Bo Panel" not in scoring.moderation_scores(s, "interview")["E1"]
    assert scoring.visible_scores(s, "Ann Chair", "interview")["E1"]["Bo Panel"] == 1  # still visible


def test_unblinding_is_the_chairs_and_audited(verified) -> None:
    sid, ann, bo, _ = verified
    with pytest.raises(BadInput):
        bo.set_panel(sid, PANEL, "Ann Chair", actor="Bo Panel", blind=False)
    ann.set_panel(sid, PANEL, "Ann Chair", actor="Ann Chair", blind=False)
    [event] = [e for e in ann.audit(sid) if e.action == "panel.unblind"]
    assert (event.actor, event.login) == ("Ann Chair", "ann")
    assert ann.load(sid).panel.logins == LOGINS  # logins kept when not given


def test_shared_login_leases_stop_two_terminals_holding_one_panellist(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    one, two = terminal(folder, "panel"), terminal(folder, "panel")
    s = one.create(ROLE, reference="C-2")
    one.set_panel(s.id, PANEL, "Ann Chair")
    assert not identity.verified(one.load(s.id).panel)
    one.hold(s.id, "Bo Panel")
    with pytest.raises(BadInput, match="in use at another terminal"):
        two.hold(s.id, "Bo Panel")
    with pytest.raises(BadInput, match="in use at another terminal"):
        two.record_score(s.id, "Bo Panel", "E1", 2)
    two.hold(s.id, "Cy Member")
    one.record_score(s.id, "Bo Panel", "E1", 3)
    one.release(s.id, "Bo Panel")
    two.hold(s.id, "Bo Panel")
    two.record_score(s.id, "Bo Panel", "E1", 2)
    assert [e.login for e in one.audit(s.id) if e.action.startswith("score")] == ["panel", "panel"]


def test_a_lease_expires_when_its_terminal_goes(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    one, two = terminal(folder, "panel"), terminal(folder, "panel")
    s = one.create(ROLE, reference="C-3")
    one.set_panel(s.id, PANEL, "Ann Chair")
    one.hold(s.id, "Bo Panel")
    path = identity.lease_path(folder, s.id, "Bo Panel")
    assert "Bo" not in path.name  # file names carry no names
    record = json.loads(path.read_text())
    path.write_text(json.dumps(record | {"expires": time.time() - 1}))  # no refresh for LEASE_SECONDS
    two.hold(s.id, "Bo Panel")
    record = json.loads(path.read_text())
    path.write_text(json.dumps(record | {"pid": 2**22 + 7, "holder": "gone"}))  # its process has ended
    one.hold(s.id, "Bo Panel")


def test_bound_logins_are_checked_on_a_partly_bound_panel(tmp_path: Path) -> None:
    store = terminal(tmp_path / "s", "ann")
    s = store.create(ROLE, reference="C-4")
    store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair", logins={"Bo Panel": "bo"})
    with pytest.raises(BadInput, match="bound to login 'bo'"):
        store.record_score(s.id, "Bo Panel", "E1", 2)
    store.record_score(s.id, "Ann Chair", "E1", 2)
    with pytest.raises(BadInput, match="not a valid login"):
        store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair", actor="Ann Chair", logins={"Bo Panel": "b o"})


def test_on_a_shared_login_a_terminal_scoring_as_one_panellist_cannot_act_as_the_chair(tmp_path: Path) -> None:
    """The blocker a tester found: Bo's terminal changed the panel (and unblinded it) in the chair's name."""
    folder = tmp_path / "s"
    chair_terminal, bo_terminal = terminal(folder, "panel"), terminal(folder, "panel")
    s = chair_terminal.create(ROLE, candidate="Alex Example", reference="C-3")
    chair_terminal.set_panel(s.id, PANEL, "Ann Chair", blind=True)
    bo_terminal.hold(s.id, "Bo Panel")
    with pytest.raises(BadInput, match="acts as Bo Panel; it cannot act as Ann Chair"):
        bo_terminal.set_panel(s.id, PANEL, "Ann Chair", blind=False, actor="Ann Chair")
    with pytest.raises(BadInput, match="acts as Bo Panel"):
        bo_terminal.record_score(s.id, "Cy Member", "E1", 2)
    assert bo_terminal.load(s.id).panel.blind
    assert not [e for e in bo_terminal.audit(s.id) if e.action == "panel.unblind"]
    bo_terminal.record_score(s.id, "Bo Panel", "E1", 2)  # as itself it scores


def test_a_panel_change_keeps_the_chairs_rules_and_names_over_80_characters_are_refused(tmp_path: Path) -> None:
    store = terminal(tmp_path / "s", "panel")
    s = store.create(ROLE, reference="C-4")
    store.set_panel(s.id, PANEL, "Ann Chair", stage="shortlisting")
    store.set_panel_rules(s.id, "Ann Chair", require_notes=True, require_declarations=True)
    store.set_panel(s.id, PANEL, "Ann Chair", stage="interview", actor="Ann Chair")
    panel = store.load(s.id).panel
    assert panel.stage == "interview" and panel.require_notes and panel.require_declarations
    with pytest.raises(BadInput, match="at most 80 characters"):
        store.set_panel(s.id, [*PANEL, "B" * 81], "Ann Chair", actor="Ann Chair")
