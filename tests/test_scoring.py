"""Panel scoring rules (pure) and the store's panel API."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassess import roles, scoring
from selfassess.errors import BadInput
from selfassess.models import Criterion, Role
from selfassess.stage_criteria import default_criteria
from selfassess.store import SessionStore

SCALE = roles.get_scale("council-0-5")
ROLE = Role(
    id="t",
    title="Test officer",
    scale="council-0-5",
    criteria=[
        Criterion(id="E1", kind="essential", text="Degree", assessed_by=["application"]),
        Criterion(
            id="E2", kind="essential", text="Team leadership", assessed_by=["application", "interview"], weight=2
        ),
        Criterion(id="D1", kind="desirable", text="Audit experience", assessed_by=["interview"]),
        Criterion(id="E3", kind="essential", text="Reliable", assessed_by=[]),
    ],
)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s")


def panel_session(store: SessionStore, stage: str = "interview"):
    s = store.create(ROLE, candidate="Alex Example", reference="C-1")
    return store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair", stage=stage)


def test_criteria_for_stage() -> None:
    assert [c.id for c in default_criteria(ROLE, "shortlisting")] == ["E1", "E2", "E3"]
    assert [c.id for c in default_criteria(ROLE, "interview")] == ["E2", "D1", "E3"]
    no_codes = ROLE.model_copy(update={"criteria": [c.model_copy(update={"assessed_by": []}) for c in ROLE.criteria]})
    assert len(default_criteria(no_codes, "test")) == 4


def test_spread_flag_and_proposed_consensus() -> None:
    assert scoring.mean_and_spread([2, 4, None]) == (3.0, 2)
    assert scoring.mean_and_spread([None]) == (None, None)
    assert scoring.flagged(2, 2) and not scoring.flagged(1, 2) and not scoring.flagged(None, 2)
    assert scoring.proposed_consensus([2, 3], SCALE) == 3  # 2.5 rounds up
    assert scoring.proposed_consensus([None, None], SCALE) is None
    assert scoring.consensus_needs_reason(4, [2, 3]) and not scoring.consensus_needs_reason(3, [2, 3])


@given(st.lists(st.one_of(st.none(), st.sampled_from([lv.value for lv in SCALE.levels])), max_size=4))
def test_consensus_is_always_a_level_of_the_scale(values) -> None:
    proposed = scoring.proposed_consensus(values, SCALE)
    assert proposed is None or SCALE.level(proposed) is not None


@given(
    st.sets(st.sampled_from(["E1", "E2", "D1", "E3"]), min_size=1),
    st.lists(st.one_of(st.none(), st.integers(0, 5)), min_size=4, max_size=4),
    st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_totals_never_exceed_the_maximum_and_the_gate_never_passes_an_unmet_essential(
    tmp_path_factory, chosen, values, agreed_on
) -> None:
    """Whatever criteria the chair chooses for the stage, the gate fails exactly its unmet essentials."""
    store = SessionStore(tmp_path_factory.mktemp("p"))
    session = panel_session(store)
    session = store.set_stage_criteria(session.id, "interview", sorted(chosen), "chosen", "Ann Chair")
    assert {c.id for c in scoring.criteria_for_stage(session, "interview")} == chosen
    agreed = {}
    for cid, value, on in zip(["E1", "E2", "D1", "E3"], values, agreed_on):
        if cid in chosen and on:
            session = store.set_consensus(session.id, cid, value, "agreed", "Ann Chair", "interview", override=True)
            agreed[cid] = value
    totals = scoring.totals(session, "interview")
    assert 0 <= totals.total <= totals.maximum
    gate = scoring.gate(session, "interview")
    essential = [c.id for c in scoring.criteria_for_stage(session, "interview") if c.kind == "essential"]
    unmet = [cid for cid in essential if agreed.get(cid) is None or agreed[cid] < SCALE.met]
    assert gate.passed == (not unmet and bool(agreed))  # nothing agreed (nobody scored) passes nobody
    assert gate.missing == [cid for cid in essential if cid not in agreed]
    assert [cid for cid, _ in gate.failed] == [cid for cid in unmet if cid in agreed]
    if not agreed:
        assert gate.status == "not scored"
    else:
        assert gate.status == ("incomplete" if gate.missing else ("failed" if gate.failed else "passed"))


def test_independence_submit_lock_and_reasoned_change(store: SessionStore) -> None:
    s = panel_session(store)
    store.record_score(s.id, "Ann Chair", "E2", 4)
    s = store.record_score(s.id, "Bo Panel", "E2", 2)
    assert scoring.visible_scores(s, "Ann Chair", "interview") == {"E2": {"Ann Chair": 4}}
    s = store.submit(s.id, "Ann Chair", "interview")
    # a submitted panellist never sees a colleague's unsubmitted scores
    assert scoring.visible_scores(s, "Ann Chair", "interview") == {"E2": {"Ann Chair": 4}}
    assert scoring.visible_scores(s, "Bo Panel", "interview") == {"E2": {"Bo Panel": 2}}
    s = store.submit(s.id, "Bo Panel", "interview")
    assert scoring.visible_scores(s, "Ann Chair", "interview") == {"E2": {"Ann Chair": 4, "Bo Panel": 2}}
    s = store.record_score(s.id, "Bo Panel", "E2", 2, reason="same again")
    with pytest.raises(BadInput, match="needs a written reason"):
        store.record_score(s.id, "Ann Chair", "E2", 3)
    s = store.record_score(s.id, "Ann Chair", "E2", 3, reason="Misread the anchor for 4")
    change = store.audit(s.id)[-1]
    assert change.action == "score.change" and change.new["reason"] == "Misread the anchor for 4"
    with pytest.raises(BadInput, match="not on this panel"):
        store.record_score(s.id, "Stranger", "E2", 3)


def test_consensus_reason_rule_decision_and_audit(store: SessionStore) -> None:
    s = panel_session(store)
    store.record_score(s.id, "Ann Chair", "E2", 2)
    store.record_score(s.id, "Bo Panel", "E2", 4)
    with pytest.raises(BadInput, match="still scoring: Ann Chair, Bo Panel"):
        store.set_consensus(s.id, "E2", 2, "", "Ann Chair", "interview")
    store.submit(s.id, "Ann Chair", "interview")
    store.submit(s.id, "Bo Panel", "interview")
    with pytest.raises(BadInput, match="give a reason"):
        store.set_consensus(s.id, "E2", 3, "", "Ann Chair", "interview")
    s = store.set_consensus(s.id, "E2", 3, "Strong example, thin on results", "Ann Chair", "interview")
    with pytest.raises(BadInput, match="out of range"):
        store.set_consensus(s.id, "E2", 9, "x", "Ann Chair", "interview")
    with pytest.raises(BadInput, match="gate is incomplete: no consensus yet on E3"):
        store.record_decision(s.id, "reserve", "Meets most criteria", "Ann Chair", "interview")
    s = store.set_consensus(s.id, "E3", 3, "agreed in discussion", "Ann Chair", "interview")
    s = store.record_decision(s.id, "reserve", "Meets most criteria", "Ann Chair", "interview")
    assert s.decisions[0].recommendation == "reserve" and s.decisions[0].by == "Ann Chair"
    with pytest.raises(BadInput):
        store.record_decision(s.id, "maybe", "x", "Ann Chair", "interview")
    with pytest.raises(BadInput):
        store.record_decision(s.id, "appointable", "", "Ann Chair", "interview")
    actions = [e.action for e in store.audit(s.id)]
    assert actions[-2:] == ["consensus.set", "decision.record"] and "panel.set" in actions
    assert store.record_decision(s.id, "not appointable", "Changed view", "Ann Chair", "interview").decisions
    assert [x.value for x in store.load(s.id).scores] == [2, 4]  # originals kept


def test_scale_changes_only_before_the_first_score(store: SessionStore) -> None:
    s = store.create(ROLE, reference="C-2")
    s = store.set_panel(s.id, ["A", "B"], "A", scale="civil-service-1-7")
    assert s.scale.id == "civil-service-1-7"
    store.record_score(s.id, "A", "E2", 7)
    with pytest.raises(BadInput, match="after the first score"):
        store.set_panel(s.id, ["A", "B"], "A", scale="council-0-5", actor="A")
    with pytest.raises(BadInput, match="chair"):
        store.set_panel(s.id, ["A", "B"], "C", actor="A")


def test_gate_fails_an_unmet_essential_whatever_the_total(store: SessionStore) -> None:
    s = panel_session(store)
    for cid, value in (("E2", 5), ("D1", 5), ("E3", 2)):
        s = store.set_consensus(s.id, cid, value, "agreed", "Ann Chair", "interview", override=True)
    g = scoring.gate(s, "interview")
    assert not g.passed and g.failed == [("E3", "consensus 2 is below met (3)")]
    assert scoring.totals(s, "interview").total == 5 * 2 + 5 + 2


def test_merit_order(store: SessionStore) -> None:
    made = []
    for ref, values in (("low", (3, 3, 3)), ("high", (5, 4, 3)), ("fails", (5, 5, 1)), ("tie", (5, 3, 4))):
        s = store.create(ROLE, reference=ref)
        s = store.set_panel(s.id, ["A"], "A")
        for cid, value in zip(("E2", "D1", "E3"), values):
            s = store.set_consensus(s.id, cid, value, "ok", "A", "interview", override=True)
        made.append(s)
    order = scoring.merit_order(made, "interview", tie_break="E3")
    assert [r.session.reference for r in order] == ["tie", "high", "low", "fails"]
    assert [r.passed for r in order] == [True, True, True, False]
