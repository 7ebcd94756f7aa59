"""The third fresh-eyes round on fair selection (tester 16c), rules kept in the core: a score given after
submitting is a change whatever it is; an empty sheet cannot be submitted."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import scoring
from selfassess.errors import BadInput
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

ROLE = Role(
    id="fair-16c",
    title="Fair officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework experience", assessed_by=["application", "interview"]),
        Criterion(id="E2", kind="essential", text="Clear writing", assessed_by=["interview"]),
        Criterion(id="D1", kind="desirable", text="Audit experience", assessed_by=["application"]),
    ],
)
PANEL = ["Ann Chair", "Bo Panel"]
LOGINS = {"Ann Chair": "ann", "Bo Panel": "bo"}


def as_login(directory: Path, login: str) -> SessionStore:
    return SessionStore(directory, login=lambda: login)


def bound_session(store: SessionStore, stage: str = "interview", blind: bool = False) -> str:
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-1")
    store.set_evidence(s.id, "E1", "I, Dana Testcase (dana@example.org), ran 40 cases.")
    store.set_panel(s.id, PANEL, "Ann Chair", stage=stage, logins=LOGINS, blind=blind)
    return s.id


def test_an_empty_score_sheet_cannot_be_submitted(tmp_path: Path) -> None:
    bo = as_login(tmp_path, "bo")
    sid = bound_session(as_login(tmp_path, "ann"))
    with pytest.raises(BadInput, match="Bo Panel has scored nothing at interview"):
        bo.submit(sid, "Bo Panel", "interview")
    assert not scoring.has_submitted(bo.load(sid), "Bo Panel", "interview")
    bo.record_score(sid, "Bo Panel", "E1", None)  # "not assessed" is a mark on the sheet
    assert scoring.has_submitted(bo.submit(sid, "Bo Panel", "interview"), "Bo Panel", "interview")


def test_a_first_score_after_a_partial_submission_is_a_change_with_a_reason(tmp_path: Path) -> None:
    ann, bo = as_login(tmp_path, "ann"), as_login(tmp_path, "bo")
    sid = bound_session(ann)
    ann.record_score(sid, "Ann Chair", "E2", 4, note="Interview answer strong")
    ann.submit(sid, "Ann Chair", "interview")
    bo.record_score(sid, "Bo Panel", "E1", 3)
    session = bo.submit(sid, "Bo Panel", "interview")  # E2 left empty: now he may read Ann's 4
    assert scoring.change_needs_reason(session, "Bo Panel", "E2", "interview")
    with pytest.raises(BadInput, match="a change needs a written reason"):
        bo.record_score(sid, "Bo Panel", "E2", 4, note="copying")
    assert [s.criterion for s in bo.load(sid).scores if s.panellist == "Bo Panel"] == ["E1"]
    bo.record_score(sid, "Bo Panel", "E2", 4, note="answer on drafting", reason="forgot to score E2")
    event = bo.audit(sid)[-1]
    assert (event.action, event.login) == ("score.change", "bo")
    assert event.old is None and event.new["reason"] == "forgot to score E2"


def test_a_criterion_the_chair_adds_after_submission_is_scored_without_a_reason(tmp_path: Path) -> None:
    ann, bo = as_login(tmp_path, "ann"), as_login(tmp_path, "bo")
    sid = bound_session(ann)
    bo.record_score(sid, "Bo Panel", "E1", 3)
    bo.submit(sid, "Bo Panel", "interview")
    session = ann.set_stage_criteria(sid, "interview", ["E1", "E2", "D1"], "Probe audit work", "Ann Chair")
    assert not scoring.change_needs_reason(session, "Bo Panel", "D1", "interview")
    assert scoring.change_needs_reason(session, "Bo Panel", "E2", "interview")  # on the sheet he submitted
