"""Counts, evidence checks, gaps and the evidence bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import bank
from selfassess.models import Criterion, StatementLimits
from selfassess.statement import (
    Count,
    check_evidence,
    count_chars,
    count_words,
    gaps,
    key_terms,
    sections,
    status_of,
    term_coverage,
    total_counts,
)
from selfassess.store import SessionStore

from .helpers import filled_session, seed_role

CRIT = Criterion(id="E1", kind="essential", text="Experience of managing budgets and leading a team of staff")
NONE = StatementLimits()


def checks(text: str, limits: StatementLimits = NONE) -> dict[str, tuple[bool, str]]:
    return {c.name: (c.ok, c.message) for c in check_evidence(CRIT, text, limits)}


def test_counts_and_limit_status() -> None:
    assert count_words("I led  the\nteam.") == 4 and count_chars("a b\nc") == 5
    assert Count(10, None, "words").status == "none"
    assert Count(89, 100, "words").status == "ok" and Count(90, 100, "words").status == "near"
    assert Count(101, 100, "words").status == "over" and Count(101, 100, "words").describe() == "101 words / 100"


def test_empty_evidence() -> None:
    assert checks("  ") == {"empty": (False, checks("")["empty"][1])}
    assert "No evidence yet" in checks("")["empty"][1]


def test_strong_answer_passes_every_check() -> None:
    result = checks("I managed a budget of £2m and led a team of 12 staff; as a result we saved 8%.")
    assert all(ok for ok, _ in result.values()), result


def test_weak_answer_is_explained() -> None:
    result = checks("We always work together and our team is great, see above.")
    assert result["voice"][0] is False
    assert result["result"] == (False, result["result"][1]) and "No result" in result["result"][1]
    assert result["measure"][0] is False and "No number" in result["measure"][1]
    assert result["standalone"][0] is False and "see above" in result["standalone"][1]
    assert result["terms"][0] is False and "Missing: managing, budgets" in result["terms"][1]


def test_over_limit_is_a_failed_check() -> None:
    result = checks("I cut costs by 5% and improved results. " * 10, StatementLimits(words_per_criterion=20))
    assert result["limit"][0] is False and "80 words / 20" in result["limit"][1]


def test_key_terms_and_coverage() -> None:
    assert key_terms(CRIT.text) == ["managing", "budgets", "leading", "team", "staff"]
    covered, missing = term_coverage(CRIT.text, "I manage the budget for a team")
    assert covered == ["managing", "budgets", "team"] and missing == ["leading", "staff"]


def test_gaps_status_sections_and_totals(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    role = seed_role()
    first, second = role.criteria[0].id, role.criteria[1].id
    session = filled_session(store, role, texts={first: "I did it in 3 days."})
    store.set_evidence(session.id, first, "I did it in 3 days.", self_rating=session.scale.met - 1)
    session = store.load(session.id)
    found = {g.criterion.id: g for g in gaps(session)}
    assert found[first].severe and "below 'met'" in found[first].reason
    assert found[second].severe and "no evidence" in found[second].reason
    assert status_of(session.evidence[first]) == "done" and status_of(None) == "empty"
    assert [s.criterion.id for s in sections(role, session.evidence)] == [c.id for c in role.criteria]
    heading = f"{first}: {' '.join(role.criteria[0].text.split())}"  # the statement as copied to the form
    submitted = f"{heading}\n\nI did it in 3 days."
    assert [c.value for c in total_counts(session)] == [len(submitted.split()), len(submitted)]


def test_evidence_bank_ranks_by_the_criterion_words(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    role = seed_role()
    a = filled_session(
        store,
        role,
        texts={
            role.criteria[0].id: "I organised the rota for the kitchen.",
            role.criteria[1].id: "I managed a budget and led a team of staff.",
        },
    )
    entries = bank.entries([store.load(a.id)], exclude=(a.id, role.criteria[2].id))
    assert len(entries) == 2
    ranked = bank.search(entries, CRIT.text)
    assert ranked[0].text.startswith("I managed a budget")
    assert [e.text for e in bank.search(entries, CRIT.text, query="kitchen")] == [
        "I organised the rota for the kitchen."
    ]
    assert bank.entries([store.load(a.id)], exclude=(a.id, role.criteria[0].id))[0].criterion_id == role.criteria[1].id


@pytest.mark.parametrize("text", ["", "I"])
def test_no_crash_on_tiny_answers(text: str) -> None:
    check_evidence(CRIT, text, StatementLimits(words_per_criterion=1, chars_per_criterion=1))
