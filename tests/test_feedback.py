"""Feedback to a candidate: consensus per criterion, reasons, cohort figures; no other candidate named."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from selfassess.cli import main
from selfassess.export.feedback import FEEDBACK_FORMATS, feedback_lines, render_feedback
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

PANEL = ["Ann Chair", "Bo Panel"]
ROLE = Role(
    id="fb",
    title="Feedback officer",
    organisation="Anytown Council",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["interview"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["interview"]),
    ],
)


def scored(store: SessionStore, name: str, ref: str, value: int, note: str = "", reason: str = "") -> str:
    s = store.create(ROLE, candidate=name, reference=ref)
    store.set_panel(s.id, PANEL, "Ann Chair", stage="interview")
    for c in ROLE.criteria:
        for p in PANEL:
            store.record_score(s.id, p, c.id, value, note=note)
    for p in PANEL:  # consensus waits for every submission
        store.submit(s.id, p, "interview")
    for c in ROLE.criteria:
        store.set_consensus(s.id, c.id, value, reason if c.id == "E1" else "", "Ann Chair", "interview")
    return s.id


@pytest.fixture
def cohort(tmp_path: Path) -> tuple[SessionStore, str]:
    store = SessionStore(tmp_path / "s")
    reason = "Better than Morgan Otherperson on detail; Dana was clear"
    target = scored(store, "Dana Testcase", "R-1", 3, note="bo generous here, Morgan was weaker", reason=reason)
    scored(store, "Morgan Otherperson", "R-2", 5)
    scored(store, "Priya Sampleton", "R-3", 1)
    store.record_decision(target, "reserve", "Solid; Priya Sampleton edged it on D1", "Ann Chair", "interview")
    return store, target


def text_of(data: bytes | str, fmt: str) -> str:
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))  # opens as Word would
        return "\n".join([p.text for p in document.paragraphs] + [document.core_properties.title or ""])
    assert isinstance(data, str)
    return data


@pytest.mark.parametrize("fmt", FEEDBACK_FORMATS)
def test_feedback_has_scores_reasons_and_cohort_and_no_other_name(cohort, fmt: str) -> None:
    store, target = cohort
    sessions = store.sessions_of_role(ROLE.id)
    text = text_of(render_feedback(store.load(target), sessions, fmt), fmt)
    assert "Dana Testcase" in text
    for other in ("Morgan", "Otherperson", "Priya", "Sampleton", "R-2", "R-3"):
        assert other not in text
    assert "another candidate" in text
    assert "average 3.0" in text and "highest 5" in text  # the cohort as numbers only
    assert "3 of 5" in text and "reserve" in text
    # the panel's agreed reason, in plain words; never a panellist's own score note
    assert "The panel's reason: Better than " in text and "another candidate" in text
    assert "on detail; Dana was clear" in text and "Morgan" not in text
    assert "generous" not in text and "weaker" not in text


def test_anonymised_feedback_leaves_out_the_candidates_name(cohort) -> None:
    store, target = cohort
    lines = feedback_lines(store.load(target), store.sessions_of_role(ROLE.id), anonymise=True)
    joined = "\n".join(text for _, text in lines)
    assert "Dana" not in joined and "Testcase" not in joined and "ref R-1" in joined


def test_feedback_command_writes_word_and_refuses_bad_input(cohort, tmp_path: Path, capsys) -> None:
    store, target = cohort
    out = tmp_path / "letter.docx"
    args = ["--sessions", str(store.directory), "feedback", target]
    assert main([*args, "--format", "docx", "--out", str(out)]) == 0
    assert "Casework" in text_of(out.read_bytes(), "docx")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert main([*args, "--format", "docx", "--out", str(out)]) == 2  # never overwrites
    assert main([*args, "--format", "docx"]) == 2  # binary needs --out
    assert main(["--sessions", str(store.directory), "feedback", "no-such-session"]) == 2
    assert main([*args, "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "no-such-session" in err
    assert main([*args, "--format", "txt"]) == 0
    assert "Feedback on your application" in capsys.readouterr().out


def test_no_feedback_before_the_panel_scores(tmp_path: Path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(ROLE, candidate="Dana Testcase")
    assert main(["--sessions", str(store.directory), "feedback", s.id]) == 2
    assert "no panel scores" in capsys.readouterr().err


def test_reserve_command_records_offer_order_and_refuses_bad_input(cohort, capsys) -> None:
    store, _ = cohort
    args = ["--sessions", str(store.directory), "reserve", ROLE.id, "--by", "Ann Chair"]
    assert main([*args, "--months", "13"]) == 2
    assert "13 months" in capsys.readouterr().err
    assert main([*args, "--by", "Bo Panel"]) == 2
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "1. Dana Testcase (ref R-1)" in out and "expires" in out


def test_feedback_is_refused_without_a_complete_consensus_unless_a_draft(tmp_path: Path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-1")
    store.set_panel(s.id, PANEL, "Ann Chair", stage="interview")
    for p in PANEL:
        store.record_score(s.id, p, "E1", 2)
    args = ["--sessions", str(store.directory), "feedback", s.id]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "not agreed a consensus at interview on E1, D1" in err and len(err.strip().splitlines()) == 1
    assert main([*args, "--stage", "shortlisting"]) == 2
    assert "no panel scores at the shortlisting stage" in capsys.readouterr().err
    assert main([*args, "--draft", "--format", "txt"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("DRAFT - Feedback") and "DRAFT, not for sending" in page


def test_reserve_for_an_unknown_role_says_so(tmp_path: Path, capsys) -> None:
    (tmp_path / "s").mkdir()  # (a --sessions folder that does not exist is refused first)
    assert main(["--sessions", str(tmp_path / "s"), "reserve", "nonexistent", "--by", "x"]) == 2
    err = capsys.readouterr().err
    assert "nonexistent: no such role" in err and "no candidate of" not in err


def test_names_are_one_line_without_control_characters_however_they_arrive(tmp_path: Path, capsys) -> None:
    """A name carrying terminal escapes (typed, or in an imported file) is stored clean and printed clean."""
    store = SessionStore(tmp_path / "s")
    s = store.create(ROLE, candidate="Eve \x1b[31mEvans\x07\nSmith", reference="R-\x1b]0;x\x079")
    assert (s.candidate, s.reference) == ("Eve [31mEvans Smith", "R-]0;x9")
    assert store.load(s.id).candidate == "Eve [31mEvans Smith"
    assert main(["--sessions", str(store.directory), "sessions"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
