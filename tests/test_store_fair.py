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
    store.declare_conflict(sid, "Bo", False)  # a corrected declaration replaces the earlier one
    store.record_score(sid, "Bo", "E1", 2, stage="shortlisting")
    session = store.load(sid)
    assert [(c.panellist, c.conflicted) for c in session.conflicts] == [("Bo", False)]  # the history is audited
    actions = [e.action for e in store.audit(sid)]
    assert actions.count("conflict.declare") == 2
    with pytest.raises(BadInput, match="not on this panel"):
        store.declare_conflict(sid, "Cy", False)


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
