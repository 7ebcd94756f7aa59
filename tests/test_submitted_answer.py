"""One definition of the answer as it will be submitted (empty STAR labels dropped), used by the counts, the
limits, the F4 copy, the review and every export (issue 15, N2)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from selfassess import bank
from selfassess.cli import main
from selfassess.export.markdown import statement_markdown
from selfassess.export.text import statement_text
from selfassess.export.word import statement_docx
from selfassess.form_copy import answer_for_form, statement_for_form
from selfassess.models import Session, StatementLimits
from selfassess.statement import count_chars, count_words, criterion_counts, gaps, sections, total_counts
from selfassess.store import SessionStore

from .helpers import seed_role

STAR_PART = (
    "Situation: a child in foster care missed school for a term.\n\nTask: \n\nAction: \n\n"
    "Result: she went back and sat her exams.\n\nReflection: \n"
)
SUBMITTED = "Situation: a child in foster care missed school for a term.\n\nResult: she went back and sat her exams."


@pytest.fixture
def session(tmp_path: Path) -> Session:
    store = SessionStore(tmp_path / "s")
    role = seed_role(2)
    role = role.model_copy(update={"limits": StatementLimits(words_per_criterion=5, words_total=10)})
    s = store.create(role, candidate="Alex Example", reference="C-1")
    store.set_evidence(s.id, role.criteria[0].id, STAR_PART)
    store.set_evidence(s.id, role.criteria[1].id, "I chaired 12 meetings.")
    return store.load(s.id)


def test_counts_are_those_of_the_copy() -> None:
    assert answer_for_form(STAR_PART) == SUBMITTED
    words, chars = criterion_counts(STAR_PART, StatementLimits())
    assert (words.value, chars.value) == (count_words(SUBMITTED), count_chars(SUBMITTED)) == (19, len(SUBMITTED))
    assert count_words(STAR_PART) == 22  # the empty labels Task:, Action:, Reflection: are not counted


def test_statement_totals_are_those_of_the_whole_statement_copy(session: Session) -> None:
    copied = statement_for_form(session).rstrip("\n")
    words, chars = total_counts(session)
    assert (words.value, chars.value) == (count_words(copied), count_chars(copied))
    assert words.status == "over"


def test_review_sections_and_every_export_drop_empty_labels(session: Session) -> None:
    first = session.role.criteria[0].id
    assert next(s for s in sections(session.role, session.evidence) if s.criterion.id == first).text == SUBMITTED
    for text in (statement_text(session), statement_markdown(session)):
        assert "Task:" not in text and "Action:" not in text and "Reflection:" not in text
        assert "she went back and sat her exams." in text
    document = docx.Document(__import__("io").BytesIO(statement_docx(session)))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Task:" not in body and "she went back and sat her exams." in body


def test_cli_export_drops_empty_labels(session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", session.id, "--what", "statement", "--sessions", str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert "she went back" in out and "Task:" not in out and "Action:" not in out


def test_bank_offers_the_answer_without_empty_labels(session: Session) -> None:
    entry = next(e for e in bank.entries([session]) if e.criterion_id == session.role.criteria[0].id)
    assert entry.text == SUBMITTED


def test_over_limit_gap_uses_the_submitted_count(session: Session) -> None:
    over = [g.reason for g in gaps(session) if g.criterion.id == session.role.criteria[0].id and g.severe]
    assert any("19 words / 5" in reason for reason in over), over
