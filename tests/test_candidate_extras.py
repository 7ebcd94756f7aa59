"""Copy for the form, limit presets, practice, rename, and recoverable delete: the pure and store side."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import recycle
from selfassess.errors import BadInput
from selfassess.form_copy import answer_for_form, statement_for_form, terminal_can_copy
from selfassess.limit_presets import PRESETS, describe, parse_custom
from selfassess.models import Criterion, StatementLimits
from selfassess.practice import clock, cue_cards, interview_criteria, questions_for
from selfassess.session_admin import rename, set_limits, set_practice_note
from selfassess.statement import criterion_counts
from selfassess.store import SessionStore

from .helpers import filled_session, seed_role


def test_form_text_is_the_answers_in_order_under_their_headings(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    role = seed_role(3)
    first, _, third = role.criteria[:3]
    session = filled_session(store, role, texts={third.id: "Third answer.\x1b[31m", first.id: "  First answer. \n"})
    text = statement_for_form(store.load(session.id))
    assert text.index(f"{first.id}: {' '.join(first.text.split())}") < text.index("First answer.")
    assert text.index("First answer.") < text.index(f"{third.id}:") < text.index("Third answer.")
    assert role.criteria[1].id + ":" not in text and "\x1b" not in text
    assert f"{role.criteria[1].id}:" in statement_for_form(store.load(session.id), include_unanswered=True)
    assert answer_for_form("Situation: \n\nTask: \n") == "" and answer_for_form(" I did. \n") == "I did."
    assert terminal_can_copy({"TERM": "xterm-256color"}) and not terminal_can_copy({"TERM": "linux"})


def test_limit_presets_and_typed_limits() -> None:
    assert {p.id for p in PRESETS} >= {"none", "cs-250", "nhs-box"}
    assert next(p for p in PRESETS if p.id == "cs-250").limits.words_per_criterion == 250
    assert parse_custom("250 words per criterion, 5000 chars total") == StatementLimits(
        words_per_criterion=250, chars_total=5000
    )
    assert parse_custom("4000c").chars_total == 4000 and parse_custom("300w each").words_per_criterion == 300
    assert describe(StatementLimits()) == "no limits"
    for bad in ("250", "words", "0 words"):
        with pytest.raises(ValueError):
            parse_custom(bad)


def test_limits_set_in_the_session_are_counted_and_audited(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session = store.create(seed_role())
    updated = set_limits(store, session.id, StatementLimits(words_per_criterion=3))
    assert store.load(session.id).role.limits.words_per_criterion == 3
    assert criterion_counts("one two three four", updated.role.limits)[0].status == "over"
    assert [e.action for e in store.audit(session.id)][-1] == "role.limits"


def test_rename_and_practice_notes(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    role = seed_role()
    session = store.create(role, candidate="Wrong Name")
    assert rename(store, session.id, "Alex Example", "R-1").display_name() == "Alex Example (ref R-1)"
    with pytest.raises(BadInput):
        rename(store, session.id, "x" * 201, None)
    cid = role.criteria[0].id
    noted = set_practice_note(store, session.id, cid, "Ran over time; lead with the result.")
    assert noted.practice == {cid: "Ran over time; lead with the result."}
    assert store.load(session.id).practice[cid].startswith("Ran over")
    with pytest.raises(BadInput):
        set_practice_note(store, session.id, "E99", "x")
    actions = [e.action for e in store.audit(session.id)]
    assert "session.rename" in actions and "practice.note" in actions


def test_practice_questions_cards_and_clock() -> None:
    asked = Criterion(id="E1", kind="essential", text="Anything", questions=["Tell us about a hard case."])
    assert questions_for(asked) == ["Tell us about a hard case."]
    built = questions_for(Criterion(id="E2", kind="essential", text="Experience of managing a caseload."))
    assert built[0].startswith("Tell us about a time") and "managing a caseload" in built[0]
    ability = questions_for(Criterion(id="E3", kind="essential", text="Ability to work under pressure"))
    assert ability[0].startswith("Give an example of when you had to work under pressure")
    cards = cue_cards("Situation: A backlog of 40 cases.\n\nAction: I triaged them.\n\nResult: Cleared in 6 weeks.")
    assert [label for label, _ in cards] == ["Situation", "Action", "Result"]
    assert cue_cards("I led it. It worked. We learned.")[0][0] == "Situation"
    assert cue_cards("") == []
    assert clock(180) == "3:00" and clock(5) == "0:05" and clock(-12) == "-0:12"
    role = seed_role()
    interview = role.model_copy(
        update={"criteria": [c.model_copy(update={"assessed_by": ["interview"]}) for c in role.criteria[:2]]}
    )
    assert [c.id for c in interview_criteria(interview)] == [c.id for c in role.criteria[:2]]


def test_deleted_session_is_kept_listed_and_restored(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session = filled_session(store)
    files_before = sorted(p.name for p in tmp_path.iterdir() if p.is_file() and not p.name.endswith(".lock"))
    recycle.delete_session(tmp_path, session.id, store._lock(session.id))
    assert not store.path(session.id).exists() and store.load_all()[0] == []
    deleted, problems = recycle.deleted_sessions(tmp_path)
    assert [d.id for d in deleted] == [session.id] and problems == [] and deleted[0].candidate == "Alex Example"
    kept = tmp_path / "deleted" / session.id
    assert (kept.stat().st_mode & 0o777) == 0o700
    recycle.restore_session(tmp_path, session.id, store._lock(session.id))
    assert store.load(session.id).evidence == session.evidence
    files_after = sorted(p.name for p in tmp_path.iterdir() if p.is_file() and not p.name.endswith(".lock"))
    assert files_after == files_before and recycle.deleted_sessions(tmp_path) == ([], [])
    with pytest.raises(BadInput):
        recycle.restore_session(tmp_path, session.id, store._lock(session.id))
    with pytest.raises(BadInput):
        recycle.delete_session(tmp_path, "20990101-nothere", store._lock("20990101-nothere"))


def test_deleted_imported_role_is_restored_and_built_in_roles_stay(tmp_path: Path) -> None:
    roles_dir = tmp_path / "roles"
    roles_dir.mkdir()
    role_file = roles_dir / "twin-a.toml"
    role_file.write_text('id = "twin-a"\n')
    moved = recycle.delete_role_file(roles_dir, role_file)
    assert not role_file.exists() and moved.is_file() and recycle.deleted_roles(roles_dir) == [moved]
    assert recycle.restore_role_file(roles_dir, "twin-a") == role_file and role_file.is_file()
    with pytest.raises(BadInput):
        recycle.delete_role_file(roles_dir, tmp_path / "elsewhere.toml")


def test_cli_lists_deleted_and_restores(private_folders: dict[str, Path], capsys) -> None:
    from selfassess.cli import main

    store = SessionStore(private_folders["sessions"])
    session = filled_session(store)
    recycle.delete_session(store.directory, session.id, store._lock(session.id))
    assert not list(store.directory.glob("*.lock"))
    assert main(["sessions", "--deleted", "--json"]) == 0
    assert session.id in capsys.readouterr().out
    assert main(["restore", "20990101-nothere"]) == 2
    assert "no deleted session or role" in capsys.readouterr().err
    assert main(["restore", session.id]) == 0
    assert store.load(session.id).candidate == "Alex Example"
