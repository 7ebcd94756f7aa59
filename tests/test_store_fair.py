"""The store's fair-selection rules: declared conflicts block scoring, declarations and evidence notes
when the panel requires them, the GIS flag (chair only), all audited; older files load unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess import fairness
from selfassess.errors import BadInput
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

ROLE = Role(
    id="sf",
    title="Store officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["application", "interview"]),
        Criterion(id="E2", kind="essential", text="Writing", assessed_by=["application"]),
    ],
)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s")


def panel_session(store: SessionStore) -> str:
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-1")
    store.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="shortlisting")
    return s.id


def test_a_declared_conflict_stops_that_panellist_scoring(store: SessionStore) -> None:
    sid = panel_session(store)
    with pytest.raises(BadInput, match="reason"):
        store.declare_conflict(sid, "Bo", True, "  ")
    store.declare_conflict(sid, "Bo", True, "managed the candidate until 2024")
    with pytest.raises(BadInput, match="conflict of interest"):
        store.record_score(sid, "Bo", "E1", 3, stage="shortlisting")
    store.record_score(sid, "Ann", "E1", 3, stage="shortlisting")  # others score as before
    assert [s.panellist for s in store.load(sid).scores] == ["Ann"]
    with pytest.raises(BadInput, match="only the chair can withdraw"):
        store.declare_conflict(sid, "Bo", False)  # one key cannot undo a declared conflict
    with pytest.raises(BadInput, match="only the chair"):
        store.withdraw_conflict(sid, "Bo", "declared in error", by="Bo")
    with pytest.raises(BadInput, match="reason is required"):
        store.withdraw_conflict(sid, "Bo", "  ", by="Ann")
    store.withdraw_conflict(sid, "Bo", "declared the wrong candidate", by="Ann")
    store.record_score(sid, "Bo", "E1", 2, stage="shortlisting")
    session = store.load(sid)
    history = [(c.panellist, c.conflicted, c.withdrawn_by) for c in session.conflicts]
    assert history == [("Bo", True, None), ("Bo", False, "Ann")]  # the history is kept
    actions = [e.action for e in store.audit(sid)]
    assert actions.count("conflict.declare") == 1 and actions.count("conflict.withdraw") == 1
    with pytest.raises(BadInput, match="not on this panel"):
        store.declare_conflict(sid, "Cy", False)


def test_the_chair_cannot_approve_withdrawing_their_own_conflict(store: SessionStore) -> None:
    sid = panel_session(store)
    store.declare_conflict(sid, "Ann", True, "my neighbour")
    with pytest.raises(BadInput, match="own"):
        store.withdraw_conflict(sid, "Ann", "moved away", by="Ann")
    with pytest.raises(BadInput, match="no declared conflict"):
        store.withdraw_conflict(sid, "Bo", "nothing to withdraw", by="Ann")


def test_fair_methods_check_the_login_not_just_the_name(tmp_path: Path) -> None:
    """On a panel with bound logins, a terminal cannot declare, flag or set rules as someone else."""
    logins = {"Ann": "ann", "Bo": "bo"}
    as_bo = SessionStore(tmp_path / "s", login=lambda: "bo")
    as_ann = SessionStore(tmp_path / "s", login=lambda: "ann")
    s = as_ann.create(ROLE, candidate="Dana Testcase", reference="R-1")
    as_ann.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="shortlisting", logins=logins)
    with pytest.raises(BadInput, match="bound to login 'ann'"):
        as_bo.declare_conflict(s.id, "Ann", False)
    with pytest.raises(BadInput, match="bound to login 'ann'"):
        as_bo.set_gis(s.id, True, "Ann")
    with pytest.raises(BadInput, match="bound to login 'ann'"):
        as_bo.set_panel_rules(s.id, "Ann", require_notes=True)
    as_bo.declare_conflict(s.id, "Bo", True, "former colleague")
    with pytest.raises(BadInput, match="bound to login 'ann'"):
        as_bo.withdraw_conflict(s.id, "Bo", "approved by nobody", by="Ann")
    as_ann.withdraw_conflict(s.id, "Bo", "checked: different person", by="Ann")
    assert as_ann.set_gis(s.id, True, "Ann").gis


def test_a_shared_login_terminal_scoring_as_one_panellist_cannot_declare_as_another(store: SessionStore) -> None:
    sid = panel_session(store)
    store.hold(sid, "Bo")  # this terminal scores as Bo
    with pytest.raises(BadInput, match="acts as Bo"):
        store.declare_conflict(sid, "Ann", False)
    with pytest.raises(BadInput, match="acts as Bo"):
        store.set_gis(sid, True, "Ann")


def test_notes_and_reasons_are_capped_by_the_store(store: SessionStore) -> None:
    sid = panel_session(store)
    with pytest.raises(BadInput, match="score note: 2,001 characters; at most 2,000"):
        store.record_score(sid, "Ann", "E1", 3, note="x" * 2001, stage="shortlisting")
    with pytest.raises(BadInput, match="at most 2,000"):
        store.add_note(sid, "Ann", "E1", "y" * 2001, "shortlisting")
    with pytest.raises(BadInput, match="conflict reason"):
        store.declare_conflict(sid, "Bo", True, "z" * 2001)
    store.record_score(sid, "Ann", "E1", 3, note="x" * 2000, stage="shortlisting")


def test_an_empty_consensus_reason_never_wipes_the_stored_one(store: SessionStore) -> None:
    sid = panel_session(store)
    for who in ("Ann", "Bo"):
        store.record_score(sid, who, "E1", 3, stage="shortlisting")
        store.submit(sid, who, "shortlisting")
    store.set_consensus(sid, "E1", 3, "both saw a clear example", "Ann", "shortlisting")
    store.set_consensus(sid, "E1", 3, "", "Ann", "shortlisting")  # agreed again, no new words
    assert store.load(sid).consensus[0].reason == "both saw a clear example"
    with pytest.raises(BadInput, match="needs a new reason"):
        store.set_consensus(sid, "E1", 4, "", "Ann", "shortlisting")
    store.set_consensus(sid, "E1", 4, "second look at the example", "Ann", "shortlisting")
    assert store.load(sid).consensus[0].reason == "second look at the example"


def test_declarations_and_notes_when_the_panel_requires_them(store: SessionStore) -> None:
    sid = panel_session(store)
    with pytest.raises(BadInput, match="only the chair"):
        store.set_panel_rules(sid, "Bo", require_notes=True)
    store.set_panel_rules(sid, "Ann", require_notes=True, require_declarations=True)
    panel = store.load(sid).panel
    assert panel is not None and panel.require_notes and panel.require_declarations
    with pytest.raises(BadInput, match="must declare"):
        store.record_score(sid, "Ann", "E1", 3, note="clear example", stage="shortlisting")
    store.declare_conflict(sid, "Ann", False)
    with pytest.raises(BadInput, match="evidence note"):
        store.record_score(sid, "Ann", "E1", 3, stage="shortlisting")
    store.record_score(sid, "Ann", "E1", 3, note="clear example", stage="shortlisting")
    assert store.audit(sid)[-1].action == "score.record"
    assert "panel.rules" in [e.action for e in store.audit(sid)]


def test_gis_flag_is_set_by_the_chair_and_audited(store: SessionStore) -> None:
    sid = panel_session(store)
    with pytest.raises(BadInput, match="only the chair"):
        store.set_gis(sid, True, "Bo")
    assert store.set_gis(sid, True, "Ann").gis
    for cid in ("E1", "E2"):
        store.record_score(sid, "Ann", cid, 3, stage="shortlisting")
        store.set_consensus(sid, cid, 3, "agreed before Bo submits", "Ann", "shortlisting", override=True)
    assert fairness.gis_minimum(store.load(sid)).must_interview
    assert [e.new for e in store.audit(sid) if e.action == "gis.set"] == [True]


def test_a_session_file_from_before_these_fields_loads_with_defaults(store: SessionStore) -> None:
    sid = panel_session(store)
    path = store.path(sid)
    raw = json.loads(path.read_text())
    meta = raw["meta"]["1"]
    for key in ("conflicts", "gis"):
        meta.pop(key)
    for key in ("require_notes", "require_declarations"):
        meta["panel"].pop(key)
    path.write_text(json.dumps(raw))
    session = store.load(sid)
    assert session.conflicts == [] and session.gis is False
    assert session.panel is not None and not session.panel.require_notes
    store.record_score(sid, "Bo", "E1", 4, stage="shortlisting")  # and still takes changes


def test_a_conflicted_panellist_is_not_waited_for_and_consensus_needs_no_override(store: SessionStore) -> None:
    from selfassess import scoring

    sid = panel_session(store)
    store.declare_conflict(sid, "Bo", True, "managed the candidate until 2024")
    store.record_score(sid, "Ann", "E1", 3, stage="shortlisting")
    store.record_score(sid, "Ann", "E2", 4, stage="shortlisting")
    store.submit(sid, "Ann", "shortlisting")
    session = store.load(sid)
    assert scoring.conflicted(session) == {"Bo"} and scoring.counted(session, "shortlisting") == ["Ann"]
    assert scoring.still_scoring(session, "shortlisting") == []
    assert scoring.consensus_problem(session, "E1", 3, "", "shortlisting") is None  # not an override
    store.set_consensus(sid, "E1", 3, "", "Ann", "shortlisting")
    assert [c.value for c in store.load(sid).consensus] == [3]
    store.withdraw_conflict(sid, "Bo", "declared the wrong candidate", by="Ann")  # Bo counts again
    assert scoring.still_scoring(store.load(sid), "shortlisting") == ["Bo"]
