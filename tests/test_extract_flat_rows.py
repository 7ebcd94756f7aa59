"""Header-less numbered rows, per-category header rows, trailing contact sections, desirability wording and
old Word files under a new name (issue 13, found by a tester)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.extract import extract_file, extract_text
from selfassess.extract.cells import methods_of
from selfassess.extract.flatrow import flat_row


def _got(text: str) -> list[tuple[str, str, list[str]]]:
    return [(c.text, c.kind, list(c.assessed_by)) for c in extract_text(text).criteria]


def test_numbered_slash_rows_with_a_method_column_and_no_header() -> None:
    text = (
        "Person specification\n\n"
        "1 / Degree in a relevant subject / E / AF\n"
        "2 / Recognised project management qualification / D / AF, C\n"
        "3 / Experience of managing a small team / E / AF, I\n\n"
        "Key: AF = application form, I = interview, C = certificates.\n"
    )
    assert _got(text) == [
        ("Degree in a relevant subject", "essential", ["application"]),
        ("Recognised project management qualification", "desirable", ["application", "document"]),
        ("Experience of managing a small team", "essential", ["application", "interview"]),
    ]


def test_numbered_rows_in_runs_of_spaces_keep_their_kind_and_codes() -> None:
    text = (
        "Person Specification\n\n"
        "1. Degree in a relevant subject   E   AF\n"
        "3. Experience of budget management   D   AF, I\n"
        "4. Ability to communicate clearly with staff   E   I, P\n\n"
        "AF = Application Form, I = Interview, P = Presentation\n"
    )
    assert _got(text) == [
        ("Degree in a relevant subject", "essential", ["application"]),
        ("Experience of budget management", "desirable", ["application", "interview"]),
        ("Ability to communicate clearly with staff", "essential", ["interview", "presentation"]),
    ]


def test_numbered_rows_under_a_header_that_has_no_number_column() -> None:
    text = (
        "Criteria / Essential or Desirable / Method of assessment\n"
        "1 / Degree in a relevant subject / E / AF\n"
        "2 / Knowledge of data protection law / D / I\n"
    )
    assert _got(text) == [
        ("Degree in a relevant subject", "essential", ["application"]),
        ("Knowledge of data protection law", "desirable", ["interview"]),
    ]


def test_a_flat_row_needs_signals_after_its_text() -> None:
    assert flat_row("Full UK driving licence / Desirable / Application form") == (
        "Full UK driving licence\tDesirable\tApplication form"
    )
    assert flat_row("Safeguarding / child protection training / E / I") == (
        "Safeguarding / child protection training\tE\tI"
    )
    assert flat_row("Salary / Grade 5 / Full time") is None
    assert flat_row("Monday to Friday  9am to 5pm") is None
    assert flat_row("Good communication skills   Interview") is None  # no number, no E/D: a sentence
    assert flat_row("Essential   Desirable") == "Essential\tDesirable"  # a header row: its columns


def test_header_rows_repeated_per_category_name_the_category() -> None:
    text = (
        "Person specification\n\n"
        "Qualifications / Essential or Desirable / Assessed by\n"
        "Degree or equivalent qualification / Essential / Application form\n"
        "Membership of a professional body / Desirable / Certificates\n\n"
        "Experience / Essential or Desirable / Assessed by\n"
        "Experience of leading a team / Essential / Application form and interview\n"
    )
    got = [(c.text, c.kind, c.category) for c in extract_text(text).criteria]
    assert got == [
        ("Degree or equivalent qualification", "essential", "Qualifications"),
        ("Membership of a professional body", "desirable", "Qualifications"),
        ("Experience of leading a team", "essential", "Experience"),
    ]


def test_trailing_contact_section_is_not_read_as_criteria() -> None:
    text = (
        "Person specification\n\nEssential\n- Experience of working in an office\n- Good IT skills\n\n"
        "Desirable\n- Knowledge of housing law\n\n"
        "Further information\nContact\nFor an informal chat call Jo Bloggs on 01632 960000\n"
        "jobs@example.org\nClosing date: 1 March\n"
    )
    assert [c.text for c in extract_text(text).criteria] == [
        "Experience of working in an office",
        "Good IT skills",
        "Knowledge of housing law",
    ]


def test_an_unknown_heading_after_the_last_list_is_at_most_an_uncertain_guess() -> None:
    text = (
        "Person specification\n\nEssential\n• Experience of working in an office\n\n"
        "Desirable\n• Knowledge of housing law\n\n"
        "Our commitment to safeguarding\n"
        "We are committed to safeguarding children and expect all staff to share this commitment.\n\n"
        "Ms J Bloggs, Head of HR\n"
    )
    criteria = extract_text(text).criteria
    assert [c.text for c in criteria[:2]] == ["Experience of working in an office", "Knowledge of housing law"]
    assert all(c.uncertain for c in criteria[2:]) and not any(c.text.startswith("We are") for c in criteria)


@pytest.mark.parametrize(
    "phrase",
    [
        "would be useful",
        "would also be an advantage",
        "would be beneficial",
        "is preferred",
        "would be of benefit",
        "would be helpful",
        "is an asset",
    ],
)
def test_desirability_phrases_read_as_desirable(phrase: str) -> None:
    text = (
        "Person specification\nAll criteria are essential unless stated otherwise.\n\nExperience\n"
        f"- Experience of working in a busy office\n- Knowledge of housing law {phrase}\n"
        "- Ideally, experience of a CRM system\n- Ability to build mutually beneficial relationships\n"
    )
    assert [c.kind for c in extract_text(text).criteria] == ["essential", "desirable", "desirable", "essential"]


@pytest.mark.parametrize(
    "name, tail, message",
    [
        ("renamed.docx", b"\x00" * 600, "save it as .docx or PDF"),
        ("locked.docx", "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600, "protected"),
    ],
)
def test_old_office_files_under_a_docx_name_get_the_right_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, tail: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail)
    assert main(["extract", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err and "damaged" not in err


def test_fixture_with_a_header_row_per_category_keeps_every_category() -> None:
    doc = Path(__file__).parent / "fixtures" / "docs" / "corpus" / "pipe_category_headers_0.txt"
    gold = json.loads(doc.with_name("pipe_category_headers_0.gold.json").read_text(encoding="utf-8"))["criteria"]
    got = extract_file(doc).criteria
    assert [(c.text, c.category) for c in got] == [(g["text"], g["category"]) for g in gold]


def test_the_occasion_of_an_interview_is_not_a_method_but_an_assessment_is() -> None:
    assert methods_of("Interview/Selection centre") == ["interview"]
    assert methods_of("Interview and assessment") == ["interview", "other"]
    assert methods_of("Selection event") == ["other"]


def test_a_method_cell_wrapped_onto_its_own_line_belongs_to_every_row_that_shared_it() -> None:
    text = (
        "REQUIREMENTS / ESSENTIAL / DESIRABLE / METHOD OF ASSESSMENT\n"
        "ELIGIBILITY / Eligible for registration with the regulator at the time of appointment\n"
        "Eligibility to work in the UK. / Application form\n"
        "Pre-employment check\n"
        "FITNESS / Is fit to practise safely / Application form\n"
        "References\n"
    )
    got = [(c.text, c.assessed_by) for c in extract_text(text).criteria]
    assert got == [
        ("Eligible for registration with the regulator at the time of appointment", ["application", "other"]),
        ("Eligibility to work in the UK.", ["application", "other"]),
        ("Is fit to practise safely", ["application", "reference"]),
    ]


def test_the_next_paragraph_of_an_essential_cell_is_another_criterion_of_that_kind() -> None:
    text = (
        "REQUIREMENTS / ESSENTIAL / DESIRABLE / METHOD OF ASSESSMENT\n"
        "CAREER PROGRESSION / Ability to provide complete details of employment history\n"
        "Evidence that career progression is consistent with personal circumstances\n"
        "\n"
        "Please return the form to the medical staffing office.\n"
    )
    got = [(c.text, c.kind, c.category, c.uncertain) for c in extract_text(text).criteria]
    assert got == [
        ("Ability to provide complete details of employment history", "essential", "CAREER PROGRESSION", False),
        (
            "Evidence that career progression is consistent with personal circumstances",
            "essential",
            "CAREER PROGRESSION",
            True,
        ),
    ]
