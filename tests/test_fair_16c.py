"""The third fresh-eyes round on fair selection (tester 16c), rules kept in the core: a score given after
submitting is a change whatever it is; an empty sheet cannot be submitted; every export follows the
screens' rules for the login running it (export_access), and a blind panel's name stays out of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import identity, scoring
from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.export.render import render
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
PANEL = ["Ann Chair", "Bo Panel", "Cy Panel"]
LOGINS = {"Ann Chair": "ann", "Bo Panel": "bo", "Cy Panel": "cy"}


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


def scored_by_all(tmp_path: Path, blind: bool = False) -> str:
    """Ann and Cy score E1 with notes; Ann submits, Cy does not; Bo has scored E1 but not submitted."""
    sid = bound_session(as_login(tmp_path, "ann"), blind=blind)
    for login, name, value in (("ann", "Ann Chair", 4), ("cy", "Cy Panel", 2), ("bo", "Bo Panel", 3)):
        as_login(tmp_path, login).record_score(sid, name, "E1", value, note=f"note by {name}")
    as_login(tmp_path, "ann").submit(sid, "Ann Chair", "interview")
    return sid


def summary_as(tmp_path: Path, sid: str, login: str, fmt: str = "txt") -> str:
    store = as_login(tmp_path, login)
    data = render(store.load(sid), "summary", fmt, False, store.audit(sid), login=login)
    return data if isinstance(data, str) else data.decode("utf-8-sig")


def test_a_panellists_summary_shows_only_their_own_scores_until_they_submit(tmp_path: Path) -> None:
    sid = scored_by_all(tmp_path)
    for fmt in ("txt", "md", "csv"):
        text = summary_as(tmp_path, sid, "bo", fmt)
        assert "note by Bo Panel" in text and "note by Ann Chair" not in text and "note by Cy Panel" not in text
        assert "who has not submitted the interview scores" in text
    as_login(tmp_path, "bo").submit(sid, "Bo Panel", "interview")
    text = summary_as(tmp_path, sid, "bo")
    assert "Ann Chair: 4. Notes: note by Ann Chair" in text  # submitted: shown
    assert "note by Cy Panel" not in text and "still scoring (Cy Panel) are not shown" in text
    chair = summary_as(tmp_path, sid, "ann")  # the chair sees all
    assert "note by Cy Panel" in chair and "Exported by" not in chair


def test_exports_are_refused_in_one_line_to_a_conflicted_panellist_and_to_logins_off_the_panel(
    tmp_path: Path,
) -> None:
    sid = scored_by_all(tmp_path)
    as_login(tmp_path, "cy").declare_conflict(sid, "Cy Panel", True, "former colleague")
    session = as_login(tmp_path, "cy").load(sid)
    for what in ("summary", "statement"):
        with pytest.raises(BadInput, match="Cy Panel declared a conflict of interest") as refused:
            render(session, what, "txt", False, [], login="cy")
        assert "\n" not in str(refused.value)
    with pytest.raises(BadInput, match="login 'eve' is not on this candidate's panel"):
        render(session, "statement", "txt", False, [], login="eve")
    with pytest.raises(BadInput, match=r"the full JSON export .* is the chair's \(Ann Chair\)"):
        render(session, "summary", "json", False, [], login="bo")
    assert '"candidate": "Dana Testcase"' in str(render(session, "summary", "json", False, [], login="ann"))


def test_the_export_command_runs_as_the_terminals_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = scored_by_all(tmp_path)
    monkeypatch.setattr(identity, "os_login", lambda: "bo")
    assert main(["export", sid, "--what", "summary", "--sessions", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "note by Bo Panel" in out and "note by Ann Chair" not in out
    monkeypatch.setattr(identity, "os_login", lambda: "cy")
    as_login(tmp_path, "cy").declare_conflict(sid, "Cy Panel", True, "former colleague")
    assert main(["export", sid, "--what", "summary", "--sessions", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "declared a conflict of interest" in err and len(err.strip().splitlines()) == 1


def test_a_blind_panels_statement_and_feedback_name_the_candidate_by_reference_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = scored_by_all(tmp_path, blind=True)
    session = as_login(tmp_path, "bo").load(sid)
    for fmt in ("txt", "md", "json"):
        for login in ("bo", "ann", None) if fmt != "json" else ("ann", None):  # JSON: the chair's
            text = str(render(session, "statement", fmt, False, [], login=login))
            assert "Dana" not in text and "dana@example.org" not in text
    from selfassess.export.feedback import render_feedback

    page = render_feedback(session, [session], "txt", "interview", draft=True, login="ann")
    assert "Candidate: ref R-1" in page and "Dana" not in page
    with pytest.raises(BadInput, match="feedback to the candidate is the chair's"):
        render_feedback(session, [session], "txt", "interview", draft=True, login="bo")


def test_a_subject_access_copy_on_a_bound_panel_is_the_chairs_and_carries_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = scored_by_all(tmp_path, blind=True)
    monkeypatch.setattr(identity, "os_login", lambda: "bo")
    for who in ("Dana Testcase", "R-1"):
        assert main(["sar", who, "--out", str(tmp_path / "bo-sar"), "--sessions", str(tmp_path)]) == 2
        assert "no session you may copy has that candidate name" in capsys.readouterr().err  # nothing confirmed
    assert not (tmp_path / "bo-sar").exists()
    monkeypatch.setattr(identity, "os_login", lambda: "ann")
    assert main(["sar", "R-1", "--out", str(tmp_path / "sar"), "--sessions", str(tmp_path)]) == 0
    assert "Candidate: Dana Testcase" in (tmp_path / "sar" / f"{sid}-statement.txt").read_text()


def moderated(tmp_path: Path) -> str:
    """Every panellist scored E1 and E2 at interview and submitted; consensus agreed and a decision recorded."""
    sid = bound_session(as_login(tmp_path, "ann"))
    for login, name, value in (("ann", "Ann Chair", 4), ("bo", "Bo Panel", 3), ("cy", "Cy Panel", 2)):
        store = as_login(tmp_path, login)
        store.record_score(sid, name, "E1", value)
        store.record_score(sid, name, "E2", None if name == "Cy Panel" else value)
        store.submit(sid, name, "interview")
    ann = as_login(tmp_path, "ann")
    ann.set_consensus(sid, "E1", 3, "", "Ann Chair", "interview")
    ann.set_consensus(sid, "E2", 4, "", "Ann Chair", "interview")
    ann.record_decision(sid, "reserve", "solid but not the strongest", "Ann Chair", "interview")
    return sid


def test_a_conflict_declared_after_consensus_puts_it_and_the_decision_to_review(tmp_path: Path) -> None:
    sid = moderated(tmp_path)
    session = as_login(tmp_path, "cy").declare_conflict(sid, "Cy Panel", True, "realised she is my neighbour")
    assert scoring.consensus_to_review(session, "interview") == ["E1"]  # Cy's E2 was "not assessed": no change
    assert scoring.decision_to_review(session, "interview")
    text = summary_as(tmp_path, sid, "ann")
    assert "Cy Panel declared a conflict of interest: scores shown, not counted" in text
    assert "Consensus: 3; mean 3.5, spread 1 TO REVIEW: agreed before a score or conflict changed" in text
    assert "TO REVIEW: scores, consensus or a conflict changed after it" in text
    ann = as_login(tmp_path, "ann")  # agreeing again clears the row; a withdrawal flags it again
    ann.set_consensus(sid, "E1", 3, "", "Ann Chair", "interview")
    assert scoring.consensus_to_review(ann.load(sid), "interview") == []
    session = ann.withdraw_conflict(sid, "Cy Panel", "neighbour moved away years ago", by="Ann Chair")
    assert scoring.consensus_to_review(session, "interview") == ["E1"]


async def test_moderation_does_not_list_a_conflicted_panellist_as_submitted(tmp_path: Path) -> None:
    from textual.widgets import Static

    from selfassess.tui.app import make_app
    from selfassess.tui.screens.moderation import ModerationScreen

    from .helpers import push

    app = make_app()
    app._store = as_login(app.sessions_dir, "ann")
    sid = moderated(app.sessions_dir)
    as_login(app.sessions_dir, "cy").declare_conflict(sid, "Cy Panel", True, "realised she is my neighbour")
    async with app.run_test(size=(120, 36)) as pilot:
        push(app, ModerationScreen(app.store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        status = str(app.screen.query_one("#moderation-status", Static).render())
    assert "Submitted: Ann Chair, Bo Panel." in status and "Cy Panel declared a conflict; not counted" in status
    assert "To review (a score or conflict changed): E1" in status


def shortlisting_role(tmp_path: Path) -> list[str]:
    """Three applications at shortlisting, on a panel that binds logins."""
    ann = as_login(tmp_path, "ann")
    ids = []
    for name in ("Al Sample", "Bea Sample", "Cat Sample"):
        s = ann.create(ROLE, candidate=name, reference=name[:3])
        ann.set_evidence(s.id, "E1", f"I am {name}; I ran 40 cases.")
        ann.set_panel(s.id, PANEL, "Ann Chair", stage="shortlisting", logins=LOGINS)
        ids.append(s.id)
    return ids


def walk_back(shortlist) -> list[tuple[str, str, str]]:
    """Every item from the end of the pass back to its start: (criterion, session, label)."""
    out, here = [], shortlist.previous(None)
    while here is not None:
        out.append((here.position.criterion, here.position.session_id, here.label))
        here = shortlist.previous(here.position)
    return out


def test_shortlisting_numbers_only_the_applications_the_panellist_may_see(tmp_path: Path) -> None:
    from selfassess.shortlisting import ShortlistPass

    ids = shortlisting_role(tmp_path)
    bo = as_login(tmp_path, "bo")
    bo.declare_conflict(ids[1], "Bo Panel", True, "former colleague")
    shortlist = ShortlistPass(bo, ROLE.id, "Bo Panel")
    labels = []
    item = shortlist.next_item()
    while item is not None:
        assert item.position.session_id != ids[1] and not item.conflicted
        labels.append((item.criterion.id, item.label))
        item = shortlist.score(item.position, 3)
    assert labels == [(cid, f"Application {n} of 2") for cid in ("E1", "D1") for n in (1, 2)]
    assert ids[1] not in {sid for _, sid, _ in walk_back(shortlist)}
    mine = next(p for p in shortlist.panel_progress() if p.panellist == "Bo Panel")
    assert (mine.done, mine.total) == (4, 4)


def test_a_conflict_declared_after_shortlisting_hides_the_application_at_once(tmp_path: Path) -> None:
    from selfassess.shortlisting import ShortlistPass

    ids = shortlisting_role(tmp_path)
    cy = as_login(tmp_path, "cy")
    shortlist = ShortlistPass(cy, ROLE.id, "Cy Panel")
    item = shortlist.next_item()
    while item is not None:
        item = shortlist.score(item.position, 2)
    last = shortlist.previous(None)
    assert last is not None and last.label == "Application 3 of 3"
    cy.declare_conflict(ids[0], "Cy Panel", True, "realised she is my neighbour")
    shortlist.refresh()  # what the open screen does when another save lands
    back = walk_back(shortlist)
    assert ids[0] not in {sid for _, sid, _ in back} and len(back) == 4
    assert [label for _, _, label in back] == ["Application 2 of 2", "Application 1 of 2"] * 2
    mine = next(p for p in shortlist.panel_progress() if p.panellist == "Cy Panel")
    assert (mine.done, mine.total) == (4, 4)
    if last.position.session_id == ids[0]:  # the item on screen when it was hidden says so, numbered anew
        assert shortlist.item(last.position).conflicted


async def test_the_scoring_screen_refuses_an_empty_sheet_at_the_key_and_asks_a_reason_after_submitting() -> None:
    from textual.widgets import Input

    from selfassess.tui.app import make_app
    from selfassess.tui.dialogs.common import Confirm, TextPrompt
    from selfassess.tui.screens.scoring import ScoringScreen

    from .helpers import push

    app = make_app()
    app._store = as_login(app.sessions_dir, "bo")
    sid = bound_session(as_login(app.sessions_dir, "ann"))
    async with app.run_test(size=(120, 36)) as pilot:
        app.store.hold(sid, "Bo Panel")
        push(app, ScoringScreen(app.store.load(sid), "Bo Panel", "interview"))
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen  # refused at the key: no question asked
        assert any("Bo Panel has scored nothing at interview" in n.message for n in app._notifications)
        await pilot.press("3", "enter")  # E1: 3, then on to E2
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert scoring.has_submitted(app.store.load(sid), "Bo Panel", "interview")
        await pilot.press("4", "enter")  # a first score on E2, after submitting: a change
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt) and "after you submitted" in str(app.screen.question)
        app.screen.query_one(Input).value = "missed E2 in the interview notes"
        await pilot.press("enter")
        await pilot.pause()
    event = app.store.audit(sid)[-1]
    assert (event.action, event.criterion, event.new["reason"]) == (
        "score.change",
        "E2",
        "missed E2 in the interview notes",
    )
