"""`selfassess feedback` tells the chair, on stderr, each other candidate's name it replaced in the
panel's reasons, with the words around it, so an ordinary word that equals a name part ("no Baker Street")
can be reworded (tester 16c/9); the letter itself still never holds another candidate's name."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.cli import main
from selfassess.export import redact
from selfassess.export.feedback import name_notices
from selfassess.export.name_notices import replacements
from selfassess.store import SessionStore

from .test_feedback import ROLE, scored

LABEL = "[another candidate]"
REASON = "Caseload example was solid; no Baker Street style detail, but we have hope. Max effort."


def _cohort(tmp_path: Path) -> tuple[SessionStore, str]:
    store = SessionStore(tmp_path / "s")
    target = scored(store, "Dev Example", "R-1", 3, reason=REASON)
    scored(store, "Max Hope", "R-2", 4)
    scored(store, "Ann Baker", "R-3", 2)
    store.record_decision(target, "reserve", "Ahead of Ann Baker on writing", "Ann Chair", "interview")
    return store, target


def test_each_replacement_is_named_with_the_words_around_it(tmp_path: Path) -> None:
    store, target = _cohort(tmp_path)
    session = store.load(target)
    notices = name_notices(session, store.sessions_of_role(ROLE.id))
    assert notices == [
        'feedback: E1 reason: "solid; no Baker Street style" -> "solid; no [another candidate] Street style" '
        "(another candidate's name); reword the reason if this is not about them",
        'feedback: E1 reason: "have hope. Max effort." -> "have hope. [another candidate] effort." '
        "(another candidate's name); reword the reason if this is not about them",
        'feedback: decision reason: "Ahead of Ann Baker on writing" -> "Ahead of [another candidate] on writing" '
        "(another candidate's name); reword the reason if this is not about them",
    ]


def test_the_cli_prints_the_notices_on_stderr_and_the_letter_on_stdout(tmp_path: Path, capsys) -> None:
    store, target = _cohort(tmp_path)
    assert main(["--sessions", str(store.directory), "feedback", target, "--format", "txt"]) == 0
    out, err = capsys.readouterr()
    assert "no [another candidate] Street" in out and "Baker" not in out and "Max" not in out
    assert err.count("feedback: ") == 3 and '"no Baker Street' not in out
    assert '-> "solid; no [another candidate] Street style"' in err


def test_nothing_replaced_says_nothing(tmp_path: Path) -> None:
    assert replacements("we hope for a clear example", redact.others_redactor(["Max Hope", "Dev Example"]), LABEL) == []


WORDS = st.sampled_from(["we", "hope", "Street", "effort", "clear", "example,", "the", "case.", "Hope", "Max"])


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12))
def test_each_label_in_one_notice_whole_and_each_shows_the_text_as_it_now_reads(words: list[str]) -> None:
    text = " ".join(words)
    clean = redact.others_redactor(["Max Hope"])
    redacted = clean(text)
    found = replacements(text, clean, LABEL)
    assert sum(now.count(LABEL) for _, now in found) == redacted.count(LABEL)  # none shown twice
    squeezed = " ".join(redacted.split())
    for was, now in found:
        assert now in squeezed and LABEL in now
        assert now.count("[another") == now.count(LABEL) and now.count("candidate]") == now.count(LABEL)
        assert re.sub(r"\bMax\s+Hope\b|\bMax\b|\bHope\b", LABEL, was) == now or LABEL not in was


def test_names_close_together_are_one_notice_with_whole_placeholders() -> None:
    """Tester 16d/N3: "Hope and Baker" was two notices, each cutting a placeholder ("[another")."""
    reason = "Writing sample was an example to others; Hope and Baker are ordinary words here. Max effort."
    found = replacements(reason, redact.others_redactor(["Max Hope", "Ann Baker"]), LABEL)
    assert found == [
        ("to others; Hope and Baker are ordinary", f"to others; {LABEL} and {LABEL} are ordinary"),
        ("words here. Max effort.", f"words here. {LABEL} effort."),
    ]
