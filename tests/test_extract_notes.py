"""Sentences about the selection process, the job description or pay and benefits are not criteria (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.extract import extract_text
from selfassess.extract.wording import process_note

SPEC = (
    "Job title: Records Officer\nPerson specification\n"
    "Essential: experience of keeping paper and electronic records; good keyboard skills.\n"
    "Desirable: knowledge of data protection law.\n\n"
)


@pytest.mark.parametrize(
    "note",
    [
        "Criteria will be assessed at shortlisting from your application and supporting statement, and at interview.",
        "All criteria will be tested at interview or through the application form.",
        "We'll assess you against these behaviours during the selection process.",
        "Alongside your salary of £28,000, the council contributes £5,200 towards your pension.",
        "This job description will be reviewed annually with the post holder.",
        "The person specification may be amended to reflect the changing needs of the service.",
        "Benefits: generous annual leave, pension and flexible working.",
    ],
)
def test_a_trailing_note_is_not_read_as_a_criterion(note: str) -> None:
    found = [c.text for c in extract_text(SPEC + note + "\n").criteria]
    assert found == ["experience of keeping paper and electronic records", "good keyboard skills",
                     "knowledge of data protection law"]  # fmt: skip


@pytest.mark.parametrize(
    "criterion",
    [
        "Knowledge of the Local Government Pension Scheme and its contribution rules",
        "Experience of assessing applications for housing benefit",
        "Ability to review and update job descriptions",
        "Understanding of how pay and benefits are calculated",
    ],
)
def test_criteria_about_pay_or_assessment_are_still_criteria(criterion: str) -> None:
    assert not process_note(criterion)


def test_a_page_whose_only_e_d_word_is_in_a_benefits_line_has_no_criteria(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "vacancies.html"
    page.write_text(
        "<html><body><h1>Current vacancies</h1><p>We have no vacancies at the moment.</p>"
        "<ul><li>Desirable benefits: pension, leave</li><li>Friendly team</li></ul></body></html>"
    )
    assert main(["extract", str(page)]) == 2
    assert "no selection criteria found" in capsys.readouterr().err


def test_a_mark_defined_by_a_key_line_becomes_its_method_and_leaves_the_text() -> None:
    text = (
        "Person specification\nAll criteria are essential unless marked (D).\n"
        "Criteria marked * will be assessed at shortlisting from your application; all may be explored later.\n\n"
        "Experience\n- Experience of editing a newsletter *\n- Experience of events planning (D)\n"
        "- Able to write in plain English *\n- Ability to work with volunteers\n"
    )
    assert [(c.text, c.kind, list(c.assessed_by)) for c in extract_text(text).criteria] == [
        ("Experience of editing a newsletter", "essential", ["application"]),
        ("Experience of events planning", "desirable", []),
        ("Able to write in plain English", "essential", ["application"]),
        ("Ability to work with volunteers", "essential", []),
    ]


def test_a_mark_whose_key_names_a_kind_is_still_a_kind() -> None:
    text = (
        "Person specification\nDesirable criteria are marked with an asterisk *\n\n"
        "- Experience of editing a newsletter\n- Experience of events planning *\n"
    )
    assert [(c.text, c.kind) for c in extract_text(text).criteria] == [
        ("Experience of editing a newsletter", "essential"),
        ("Experience of events planning", "desirable"),
    ]


def test_evidence_criteria_that_say_how_they_are_weighed_stay() -> None:
    assert not process_note("Evidence of continuing professional development is considered essential")


def test_a_criterion_naming_a_pension_fund_stays() -> None:
    assert not process_note("Experience of managing pension investments worth £2,000,000 or more")
