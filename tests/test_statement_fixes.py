"""Issue 15, item 1: each point fixed in the pure statement and bank modules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from selfassess import bank
from selfassess.models import Criterion, Evidence, StatementLimits
from selfassess.statement import (
    check_evidence,
    criterion_counts,
    gaps,
    key_terms,
    last_edited,
    reused_from,
    status_of,
    stored_form,
    term_coverage,
)
from selfassess.store import SessionStore

from .helpers import seed_role

TEMPLATE = "Situation: \n\nTask: \n\nAction: \n\nResult: \n\nReflection: \n"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_star_template_alone_is_not_evidence() -> None:
    crit = Criterion(id="E1", kind="essential", text="Experience of managing budgets")
    assert status_of(Evidence(criterion="E1", text=TEMPLATE, updated=NOW)) == "empty"
    assert [c.value for c in criterion_counts(TEMPLATE, StatementLimits())] == [0, 0]
    names = [c.name for c in check_evidence(crit, TEMPLATE, StatementLimits())]
    assert names == ["empty"]
    filled = TEMPLATE.replace("Action: ", "Action: I rebuilt the budget model")
    assert status_of(Evidence(criterion="E1", text=filled, updated=NOW, self_rating=3)) == "done"
    result = {c.name: c.ok for c in check_evidence(crit, filled, StatementLimits())}
    assert result["result"] is False  # the "Result:" label is not a result


def test_trailing_blank_space_is_the_saved_form() -> None:
    assert stored_form("I did it. \n\n") == "I did it."


def test_hyphenated_words_count_for_their_parts_and_filler_is_not_a_key_term() -> None:
    covered, missing = term_coverage("Post-qualifying social work experience", "I hold a post-qualifying award")
    assert "qualifying" in covered or "post-qualifying" in covered
    assert missing == ["social work"]  # one term of two words
    criterion = "Evidence of personal achievement following at least two years of safeguarding children in a wide range"
    terms = key_terms(criterion)
    assert "safeguarding" in terms and "children" in terms
    for filler in ("personal", "following", "achievement", "least", "wide", "range"):
        assert filler not in terms


def test_reused_answer_is_flagged() -> None:
    crit = Criterion(id="E2", kind="essential", text="Experience of leading a team")
    answer = "I led a team of six caseworkers through a restructure and as a result sickness fell by 20%."
    assert reused_from(answer + " ", {"E1": answer}) == "E1"
    assert reused_from("I led a quite different piece of work on budgets in 2021.", {"E1": answer}) is None
    checks = {c.name: c for c in check_evidence(crit, answer, StatementLimits(), others={"E1": answer})}
    assert not checks["repeat"].ok and "E1" in checks["repeat"].message


def test_review_gaps_interview_only_over_limit_and_unrated(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    role = seed_role()
    first, second, third = role.criteria[0], role.criteria[1], role.criteria[2]
    criteria = [c.model_copy(update={"assessed_by": ["interview"]}) if c.id == second.id else c for c in role.criteria]
    role = role.model_copy(update={"criteria": criteria, "limits": StatementLimits(words_per_criterion=5)})
    session = store.create(role)
    store.set_evidence(session.id, first.id, "I wrote a very long answer well over five words.", self_rating=5)
    store.set_evidence(session.id, third.id, "I drafted it.")
    found = {g.criterion.id: g for g in gaps(store.load(session.id))}
    assert found[first.id].severe and "over the form's limit" in found[first.id].reason
    assert not found[second.id].severe and "interview" in found[second.id].reason
    assert "likely to fail" not in found[second.id].reason
    assert not found[third.id].severe and "not self-rated" in found[third.id].reason


def test_reopening_goes_to_the_criterion_last_edited(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    role = seed_role(3)
    session = store.create(role)
    assert last_edited(session) == 0
    store.set_evidence(session.id, role.criteria[2].id, "Third first.")
    session = store.set_evidence(session.id, role.criteria[1].id, "Then the second.")
    assert last_edited(session) == 1
    later = session.evidence[role.criteria[2].id].model_copy(update={"updated": NOW + timedelta(days=9999)})
    assert last_edited(session.model_copy(update={"evidence": {**session.evidence, role.criteria[2].id: later}})) == 2


def test_bank_ranks_the_answer_that_fits_above_one_written_for_a_similar_criterion() -> None:
    criterion = "Experience of analysing and recording information accurately"
    unrelated = bank.BankEntry("s1", "Other job", "E3", "Ability to analyse and record information", "I drove a van.")
    fitting = bank.BankEntry("s1", "Other job", "E1", "Team work", "I analysed 30 records and recorded the findings.")
    ranked = bank.search([unrelated, fitting], criterion)
    assert ranked[0] is fitting and unrelated not in ranked
