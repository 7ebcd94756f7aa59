"""Fresh-eyes round 16d, N2: a score given (or changed) after its panellist submitted, and so after they
could read colleagues' scores, is marked with its reason wherever the chair agrees consensus and in the
summary export (late_scores, computed in the core from the audit trail and the score's own time); a panel
requiring notes submits only a whole sheet (submit_rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import scoring
from selfassess.errors import BadInput
from selfassess.export.render import render
from selfassess.late_scores import late_scores, unanimous

from .test_fair_16c import as_login, bound_session


def copied_after_seeing(tmp_path: Path) -> str:
    """Ann and Bo score E1 and E2 4 and submit; Cy scores E1 4, submits, reads theirs, then gives E2 4."""
    sid = bound_session(as_login(tmp_path, "ann"))
    for login, name in (("ann", "Ann Chair"), ("bo", "Bo Panel")):
        store = as_login(tmp_path, login)
        store.record_score(sid, name, "E1", 4, note=f"{name} on E1")
        store.record_score(sid, name, "E2", 4, note=f"{name} on E2")
        store.submit(sid, name, "interview")
    cy = as_login(tmp_path, "cy")
    cy.record_score(sid, "Cy Panel", "E1", 4)
    cy.submit(sid, "Cy Panel", "interview")
    cy.record_score(sid, "Cy Panel", "E2", 4, note="same as them", reason="copied after seeing")
    return sid


def test_a_score_first_given_after_submitting_is_found_with_its_reason(tmp_path: Path) -> None:
    sid = copied_after_seeing(tmp_path)
    store = as_login(tmp_path, "ann")
    session, audit = store.load(sid), store.audit(sid)
    late = late_scores(session, "interview", audit)
    assert list(late) == [("Cy Panel", "E2")]  # E1 was scored before submitting, however close in time
    mark = late[("Cy Panel", "E2")]
    assert (mark.value, mark.changed, mark.reason) == (4, False, "copied after seeing")
    assert mark.label == "given after submitting; reason: 'copied after seeing'"
    assert mark.short == "4 (after submitting: 'copied after seeing')"
    as_login(tmp_path, "cy").record_score(sid, "Cy Panel", "E1", 3, reason="heard the answer again")
    again = late_scores(store.load(sid), "interview", store.audit(sid))
    assert again[("Cy Panel", "E1")].label == "changed after submitting; reason: 'heard the answer again'"
    assert again[("Cy Panel", "E2")].reason == "copied after seeing"


def test_accepting_every_agreed_row_leaves_a_late_score_for_the_chair_to_agree_by_itself(tmp_path: Path) -> None:
    sid = copied_after_seeing(tmp_path)
    ann = as_login(tmp_path, "ann")
    assert unanimous(ann.load(sid), "interview", ann.audit(sid)) == {"E1": 4}
    session, accepted = ann.accept_agreed(sid, "Ann Chair", "interview")
    assert accepted == ["E1"] and [c.criterion for c in session.consensus] == ["E1"]


def test_the_summary_export_marks_the_late_score_with_its_reason(tmp_path: Path) -> None:
    sid = copied_after_seeing(tmp_path)
    ann = as_login(tmp_path, "ann")
    text = render(ann.load(sid), "summary", "txt", False, ann.audit(sid), login="ann")
    assert isinstance(text, str)
    assert "Cy Panel: 4, given after submitting; reason: 'copied after seeing'. Notes: same as them" in text
    assert "Cy Panel: 4. " not in text.split("E2 (essential")[1]  # no unmarked copy of that score
    assert "Bo Panel: 4. Notes: Bo Panel on E2" in text  # scored before submitting: no mark
    csv = render(ann.load(sid), "summary", "csv", False, ann.audit(sid), login="ann")
    assert isinstance(csv, bytes)
    assert "given after submitting; reason: 'copied after seeing'; same as them" in csv.decode("utf-8-sig")


async def test_moderation_marks_the_late_score_in_its_row_the_detail_and_the_consensus_question(
    tmp_path: Path,
) -> None:
    from textual.widgets import DataTable, Static

    from selfassess.tui.app import make_app
    from selfassess.tui.dialogs.common import TextPrompt
    from selfassess.tui.screens.moderation import ModerationScreen

    from .helpers import push

    app = make_app()
    app._store = as_login(app.sessions_dir, "ann")
    sid = copied_after_seeing(app.sessions_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        push(app, ModerationScreen(app.store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        assert str(table.get_cell("E2", "p:Cy Panel")) == "4 late"
        assert str(table.get_cell("E1", "p:Cy Panel")) == "4"
        status = str(screen.query_one("#moderation-status", Static).render())
        assert "Scored after submitting ('late'): E2" in status
        await pilot.press("down")
        detail = str(screen.query_one("#moderation-notes", Static).render())
        assert "Cy Panel: 4 (after submitting: 'copied after seeing')" in detail
        await pilot.press("a")
        await pilot.pause()
        assert [c.criterion for c in app.store.load(sid).consensus] == ["E1"]
        await pilot.press("enter")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        assert "Cy Panel: 4 (after submitting: 'copied after seeing')" in str(
            prompt.query_one(".question", Static).render()
        )


def test_a_panel_requiring_notes_submits_only_a_whole_sheet(tmp_path: Path) -> None:
    ann, bo = as_login(tmp_path, "ann"), as_login(tmp_path, "bo")
    sid = bound_session(ann)
    ann.set_panel_rules(sid, "Ann Chair", require_notes=True)
    bo.record_score(sid, "Bo Panel", "E1", 3, note="a clear case example")
    with pytest.raises(BadInput, match="Bo Panel has not scored E2 at interview: this panel requires notes"):
        bo.submit(sid, "Bo Panel", "interview")
    bo.record_score(sid, "Bo Panel", "E2", None, note="not covered in the interview")  # x: not assessed
    assert scoring.has_submitted(bo.submit(sid, "Bo Panel", "interview"), "Bo Panel", "interview")
    ann.record_score(sid, "Ann Chair", "E1", 4, note="strong example")
    ann.set_panel_rules(sid, "Ann Chair", require_notes=False)  # without the rule, a partial sheet as before
    assert scoring.has_submitted(ann.submit(sid, "Ann Chair", "interview"), "Ann Chair", "interview")
