"""Which criteria a stage scores: defaults from the codes, the chair's additions and removals, enforcement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess import roles, scoring
from selfassess.errors import BadInput
from selfassess.export.render import render
from selfassess.stage_criteria import (
    REASON_MAX,
    check_choice,
    default_criteria,
    deviations,
    effective_criteria,
    scores_outside,
    selection_lines,
)
from selfassess.store import SessionStore

from .test_scoring import ROLE


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s")


def interview(store: SessionStore, role=ROLE, reference: str = "C-1"):
    s = store.create(role, candidate="Alex Example", reference=reference)
    return store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair", stage="interview")


def ids(criteria) -> list[str]:
    return [c.id for c in criteria]


def test_defaults_come_from_the_codes(store: SessionStore) -> None:
    s = interview(store)
    assert ids(default_criteria(ROLE, "interview")) == ["E2", "D1", "E3"]
    assert ids(scoring.criteria_for_stage(s, "interview")) == ["E2", "D1", "E3"]
    assert ids(scoring.criteria_for_stage(s, "shortlisting")) == ["E1", "E2", "E3"]
    assert deviations(s, "interview") == []


def test_chair_adds_and_removes_with_a_reason_in_the_employers_order(store: SessionStore) -> None:
    s = interview(store)
    s = store.set_stage_criteria(s.id, "interview", ["E1", "E2", "E3"], "Probe the degree; D1 by test", "Ann Chair")
    assert ids(scoring.criteria_for_stage(s, "interview")) == ["E1", "E2", "E3"]
    assert [(d.criterion.id, d.added, d.choice.reason) for d in deviations(s, "interview")] == [
        ("E1", True, "Probe the degree; D1 by test"),
        ("D1", False, "Probe the degree; D1 by test"),
    ]
    assert ids(scoring.criteria_for_stage(s, "shortlisting")) == ["E1", "E2", "E3"]  # other stages untouched
    audit = [(e.action, e.criterion, e.actor) for e in store.audit(s.id)][-2:]
    assert audit == [("stage.criterion.add", "E1", "Ann Chair"), ("stage.criterion.remove", "D1", "Ann Chair")]
    # back to the default: no deviation left, the history (and audit) kept
    s = store.set_stage_criteria(s.id, "interview", ["E2", "D1", "E3"], "Panel changed its mind", "Ann Chair")
    assert deviations(s, "interview") == [] and len(s.stage_choices) == 4
    assert store.load(s.id).stage_choices == s.stage_choices


def test_only_the_chair_with_a_reason_and_never_an_empty_stage(store: SessionStore) -> None:
    s = interview(store)
    with pytest.raises(BadInput, match="only the chair"):
        store.set_stage_criteria(s.id, "interview", ["E1"], "why not", "Bo Panel")
    with pytest.raises(BadInput, match="give a reason for changing E1, E2, D1, E3"):
        store.set_stage_criteria(s.id, "interview", ["E1"], "  ", "Ann Chair")
    with pytest.raises(BadInput, match="at least one"):
        store.set_stage_criteria(s.id, "interview", [], "none", "Ann Chair")
    with pytest.raises(BadInput, match="E9 not in role"):
        store.set_stage_criteria(s.id, "interview", ["E9"], "x", "Ann Chair")
    with pytest.raises(BadInput, match="stage 'lunch'"):
        store.set_stage_criteria(s.id, "lunch", ["E1"], "x", "Ann Chair")
    bare = store.create(ROLE, reference="C-2")
    with pytest.raises(BadInput, match="set up the panel first"):
        store.set_stage_criteria(bare.id, "interview", ["E1"], "x", "Ann Chair")
    unchanged = store.set_stage_criteria(s.id, "interview", ["E2", "D1", "E3"], "", "Ann Chair")
    assert unchanged.stage_choices == [] and store.load(s.id).stage_choices == []


def test_a_score_or_consensus_outside_the_stage_is_refused(store: SessionStore) -> None:
    s = interview(store)
    with pytest.raises(BadInput, match="E1: not scored at interview"):
        store.record_score(s.id, "Ann Chair", "E1", 3)
    with pytest.raises(BadInput, match="not scored at interview"):
        store.set_consensus(s.id, "E1", 3, "agreed", "Ann Chair", "interview")
    s = store.set_stage_criteria(s.id, "interview", ["E1", "E2", "D1", "E3"], "Probe the degree", "Ann Chair")
    s = store.record_score(s.id, "Ann Chair", "E1", 3)
    assert [(x.criterion, x.value) for x in s.scores] == [("E1", 3)]


def test_gate_and_totals_follow_the_chosen_essential_criteria(store: SessionStore) -> None:
    s = interview(store)
    s = store.set_stage_criteria(s.id, "interview", ["E1", "E2", "D1"], "E3 checked by references", "Ann Chair")
    for cid, value in (("E2", 4), ("D1", 5)):
        s = store.set_consensus(s.id, cid, value, "agreed", "Ann Chair", "interview", override=True)
    gate = scoring.gate(s, "interview")
    assert not gate.passed and gate.missing == ["E1"]  # added essential counts, E3 does not
    s = store.set_consensus(s.id, "E1", 2, "agreed", "Ann Chair", "interview", override=True)
    assert scoring.gate(s, "interview").failed == [("E1", "consensus 2 is below met (3)")]
    s = store.set_consensus(s.id, "E1", 3, "agreed", "Ann Chair", "interview", override=True)
    assert scoring.gate(s, "interview").passed
    totals = scoring.totals(s, "interview")
    assert (totals.total, totals.maximum, totals.of) == (3 + 4 * 2 + 5, 5 * 4, 3)


def test_removal_after_scoring_keeps_the_scores_marked_not_counted(store: SessionStore) -> None:
    s = interview(store)
    store.record_score(s.id, "Ann Chair", "D1", 4)
    store.record_score(s.id, "Bo Panel", "D1", 2)
    s = store.set_consensus(s.id, "D1", 3, "between the two", "Ann Chair", "interview", override=True)
    assert scoring.totals(s, "interview").desirable == 3
    s = store.set_stage_criteria(s.id, "interview", ["E2", "E3"], "D1 belongs to the test", "Ann Chair")
    assert s.stage_choices[-1].scores_affected == 2
    assert store.audit(s.id)[-1].new == {"stage": "interview", "reason": "D1 belongs to the test", "scores_affected": 2}
    assert [(x.criterion, x.panellist) for x in scores_outside(s, "interview")] == [
        ("D1", "Ann Chair"),
        ("D1", "Bo Panel"),
    ]
    assert len(s.scores) == 2  # kept
    assert scoring.totals(s, "interview").desirable == 0  # not counted
    assert "D1" not in ids(effective_criteria(s, "interview"))


def test_a_session_file_without_choices_still_loads_with_the_defaults(store: SessionStore) -> None:
    s = interview(store)
    path = store.path(s.id)
    data = json.loads(path.read_text())
    for record in data["meta"].values():
        record.pop("stage_choices", None)
    path.write_text(json.dumps(data))
    loaded = store.load(s.id)
    assert loaded.stage_choices == [] and ids(scoring.criteria_for_stage(loaded, "interview")) == ["E2", "D1", "E3"]


def test_summary_exports_show_the_chosen_criteria_and_reasons(store: SessionStore) -> None:
    s = interview(store)
    store.record_score(s.id, "Bo Panel", "D1", 2)
    s = store.set_stage_criteria(
        s.id, "interview", ["E1", "E2", "E3"], "Alex Example's degree is unusual; D1 by test", "Ann Chair"
    )
    text = render(s, "summary", "txt", False, store.audit(s.id))
    assert isinstance(text, str)
    assert "Criteria scored at interview (3 of 4, chosen by the chair from the codes' default): E1, E2, E3" in text
    assert "Added E1: Alex Example's degree is unusual; D1 by test (Ann Chair, " in text
    assert "Removed D1: Alex Example's degree is unusual; D1 by test" in text
    assert "Scores kept but not counted (criterion not scored at interview): D1 by Bo Panel" in text
    assert "E1 (essential" in text and "D1 (desirable" not in text
    markdown = render(s, "summary", "md", False, store.audit(s.id))
    assert "Added E1" in str(markdown)
    csv_text = bytes(render(s, "summary", "csv", False, store.audit(s.id))).decode("utf-8-sig")
    assert '"stage criteria","","","Removed D1: ' in csv_text
    anonymous = str(render(s, "summary", "txt", True, store.audit(s.id)))
    assert "Alex" not in anonymous and "Added E1: [candidate]'s degree is unusual" in anonymous
    exported = json.loads(render(s, "summary", "json", False, store.audit(s.id)))
    assert [c["criterion"] for c in exported["session"]["stage_choices"]] == ["E1", "D1"]


def test_campaign_csv_marks_criteria_a_candidates_stage_did_not_score(store: SessionStore) -> None:
    from selfassess.export.csvfile import campaign_rows

    a = interview(store)
    b = interview(store, reference="C-2")
    b = store.set_stage_criteria(b.id, "interview", ["E1", "E2", "D1", "E3"], "Probe the degree", "Ann Chair")
    rows = campaign_rows([store.load(a.id), b], "interview")
    assert rows[0][4:-1] == ["E1", "E2", "D1", "E3"]
    by_session = {r[1]: r for r in rows[1:]}
    assert by_session[store.load(a.id).display_name()][4] == "not scored"


def test_senior_social_worker_can_interview_on_any_of_its_19_criteria(store: SessionStore) -> None:
    role = roles.load_role("senior-social-worker")
    assert len(role.criteria) == 19
    s = interview(store, role)
    assert len(scoring.criteria_for_stage(s, "interview")) < 19  # the codes alone give only a few
    every = [c.id for c in role.criteria]
    s = store.set_stage_criteria(s.id, "interview", every, "Probe every criterion at interview", "Ann Chair")
    assert ids(scoring.criteria_for_stage(s, "interview")) == every
    for cid in every:
        s = store.record_score(s.id, "Ann Chair", cid, 3)
    assert len(s.scores) == 19


def test_choices_survive_a_json_export_and_import(store: SessionStore, tmp_path: Path) -> None:
    from selfassess.export.jsonfile import read_session_json, session_json

    s = interview(store)
    s = store.set_stage_criteria(s.id, "interview", ["E1", "E2"], "Probe the degree", "Ann Chair")
    text = session_json(s, store.audit(s.id))
    other = SessionStore(tmp_path / "other")
    imported = other.import_session(*read_session_json(text, "export.json"))
    assert imported.stage_choices == s.stage_choices
    assert ids(scoring.criteria_for_stage(imported, "interview")) == ["E1", "E2"]


def test_merit_order_warns_when_candidates_were_scored_on_different_criteria(store: SessionStore, capsys) -> None:
    from selfassess.cli import main
    from selfassess.stage_criteria import mixed_selection

    role = roles.load_role("senior-social-worker")
    a = interview(store, role)
    b = interview(store, role, reference="C-2")
    assert mixed_selection([a, b], "interview") is None
    b = store.set_stage_criteria(b.id, "interview", ["E1", "E9", "E10"], "Probe risk and supervision", "Ann Chair")
    warning = mixed_selection([store.load(a.id), b], "interview")
    assert warning == (
        "Not every candidate was scored on the same criteria at interview (E9, E10 differ): totals are not comparable"
    )
    assert main(["--sessions", str(store.directory), "summary", role.id, "--stage", "interview"]) == 0
    assert warning in capsys.readouterr().err


def test_an_over_long_reason_is_refused_in_one_line_before_anything_is_saved(store: SessionStore) -> None:
    s = interview(store)
    before = len(store.audit(s.id))
    with pytest.raises(BadInput) as refused:
        store.set_stage_criteria(s.id, "interview", ["E1", "E2", "D1", "E3"], "x" * 1500, "Ann Chair")
    assert str(refused.value) == f"stage criteria reason: 1500 characters, at most {REASON_MAX}"
    with pytest.raises(BadInput, match="reason: 1500 characters"):
        check_choice(s, "interview", ["E1", "E2", "D1", "E3"], "x" * 1500)  # what the TUI checks first
    assert store.load(s.id).stage_choices == [] and len(store.audit(s.id)) == before


def test_summary_lists_every_addition_and_removal_even_of_a_scored_criterion(store: SessionStore) -> None:
    s = interview(store)
    s = store.set_stage_criteria(s.id, "interview", ["E1", "E2", "D1", "E3"], "Probe the degree", "Ann Chair")
    store.record_score(s.id, "Ann Chair", "E1", 3)
    s = store.set_stage_criteria(s.id, "interview", ["E2", "D1", "E3"], "Degree checked by test", "Ann Chair")
    lines = selection_lines(s, "interview")
    assert any(line.startswith("Added E1: Probe the degree (Ann Chair, ") for line in lines)
    removed = [line for line in lines if line.startswith("Removed E1: Degree checked by test (Ann Chair, ")]
    assert len(removed) == 1 and removed[0].endswith(", after scoring began)")  # finding 8
    assert not [line for line in lines if line.startswith("Added E1") and "after scoring began" in line]
    assert "Scores kept but not counted (criterion not scored at interview): E1 by Ann Chair" in lines


def test_first_score_on_a_criterion_added_after_submitting_is_not_a_change(store: SessionStore) -> None:
    s = interview(store)
    for cid in ("E2", "D1", "E3"):
        store.record_score(s.id, "Bo Panel", cid, 2)
    store.submit(s.id, "Bo Panel", "interview")
    s = store.set_stage_criteria(s.id, "interview", ["E1", "E2", "D1", "E3"], "Probe the degree", "Ann Chair")
    assert not scoring.change_needs_reason(s, "Bo Panel", "E1", "interview")
    s = store.record_score(s.id, "Bo Panel", "E1", 3)  # no reason asked: never scored before
    assert store.audit(s.id)[-1].action == "score.record"
    assert scoring.change_needs_reason(s, "Bo Panel", "E1", "interview")
    with pytest.raises(BadInput, match="a change needs a written reason"):
        store.record_score(s.id, "Bo Panel", "E1", 4)
    with pytest.raises(BadInput, match="a change needs a written reason"):
        store.record_score(s.id, "Bo Panel", "E2", 4)
