"""Feedback hides other candidates' names as names, not the ordinary words their names also are: with
candidates called Dev Example, Max Hope and Ann Baker a reason keeps "a clear example", "we hope" and "a
baker's dozen" in every format (issue 16, 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.export.feedback import FEEDBACK_FORMATS, render_feedback
from selfassess.store import SessionStore

from .test_feedback import ROLE, scored, text_of

REASON = (
    "Clear example with a measured result; we hope to see more, a baker's dozen of cases. "
    "Stronger than Max Hope, though Hope's answer was longer; BAKER agreed; dev example was thin"
)
KEPT = ["Clear example with a measured result", "we hope to see more", "dozen of cases", "answer was longer"]
GONE = ["Max", "Hope", "Baker", "BAKER", "Dev", "Example"]


@pytest.fixture
def letter_of(tmp_path: Path):
    store = SessionStore(tmp_path / "s")
    target = scored(store, "Will Young", "R-1", 3, reason=REASON)
    for n, name in enumerate(["Dev Example", "Max Hope", "Ann Baker"], start=2):
        scored(store, name, f"R-{n}", 4)
    store.record_decision(
        target, "reserve", "Young will go far; a clear example ahead of Ann Baker", "Ann Chair", "interview"
    )

    def letter(fmt: str, anonymise: bool = False) -> str:
        session = store.load(target)
        return text_of(render_feedback(session, store.sessions_of_role(ROLE.id), fmt, anonymise=anonymise), fmt)

    return letter


@pytest.mark.parametrize("fmt", FEEDBACK_FORMATS)
def test_ordinary_words_stay_and_other_names_go_in_every_format(letter_of, fmt: str) -> None:
    text = letter_of(fmt)
    for kept in KEPT:
        assert kept in text, (kept, text)
    assert "baker" in text and "a clear example ahead of" in text
    for name in GONE:
        assert name not in text, (name, text)
    assert text.count("another candidate") == 5  # Max Hope, Hope's, BAKER, dev example; Ann Baker
    assert "Will Young" in text and "Young will go far" in text  # the candidate's own name is theirs to read


@pytest.mark.parametrize("fmt", FEEDBACK_FORMATS)
def test_anonymised_feedback_keeps_the_words_the_own_name_equals(letter_of, fmt: str) -> None:
    text = letter_of(fmt, anonymise=True)
    assert "Will" not in text and "Young" not in text, text
    plain = text.replace("\\[", "[").replace("\\]", "]")  # Markdown escapes the brackets
    assert "Outcome: reserve. [candidate] will go far" in plain and "we hope to see more" in text
