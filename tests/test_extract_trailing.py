"""What follows the last criterion on a job page (benefits, job details, contact) is not a criterion."""

from __future__ import annotations

from pathlib import Path

from selfassess.extract import extract_file, extract_text

CRITERIA = ["Good customer service skills", "Experience of cash handling", "Knowledge of library systems"]


def test_offer_job_details_and_interview_arrangements_after_the_lists() -> None:
    text = (
        "Person specification\n\nEssential:\n- Good customer service skills\n- Experience of cash handling\n\n"
        "Desirable:\n- Knowledge of library systems\n\nWhat we offer:\n- 25 days annual leave\n"
        "- Local government pension scheme\n\nSalary: £24,000\nHours: 37 per week\n"
        "Interviews will be held on 12 May.\n"
    )
    assert [c.text for c in extract_text(text).criteria] == CRITERIA


def test_a_web_page_heading_is_never_a_criterion(tmp_path: Path) -> None:
    page = tmp_path / "job.html"
    page.write_text(
        "<html><body><h1>Library Assistant</h1><h2>Person specification</h2>"
        "<h3>Essential</h3><ul><li>Good customer service skills</li><li>Experience of cash handling</li></ul>"
        "<h3>Desirable</h3><ul><li>Knowledge of library systems</li></ul>"
        "<h2>Working with us</h2><ul><li>Flexible hours across the week</li></ul>"
        "<h2>Contact</h2><p>Call 01632 960555 for an informal chat.</p></body></html>",
        encoding="utf-8",
    )
    criteria = extract_file(page).criteria
    assert [c.text for c in criteria[:3]] == CRITERIA and not any(c.uncertain for c in criteria[:3])
    assert [(c.text, c.uncertain) for c in criteria[3:]] == [("Flexible hours across the week", True)]


def test_how_to_apply_sentences_are_not_criteria() -> None:
    text = (
        "Person specification\nEssential\n- Degree in a science subject\n"
        "- In-service applicants may submit an application without the degree if they meet other requirements.\n"
        "- Able to submit reports on time\n"
    )
    assert [c.text for c in extract_text(text).criteria] == [
        "Degree in a science subject",
        "Able to submit reports on time",
    ]


def test_a_line_opening_with_a_bracket_continues_the_criterion_above() -> None:
    text = "Essential criteria\nGraduate membership\n(GM) of the professional body\nA driving licence\n"
    assert [c.text for c in extract_text(text).criteria] == [
        "Graduate membership (GM) of the professional body",
        "A driving licence",
    ]


def test_a_lone_essential_cell_inside_a_criterion_does_not_cut_it() -> None:
    text = (
        "Criteria\nEssential\nThe minimum language requirement is IELTS\nEssential\n"
        "level 7 or an equivalent score\nA full driving licence\n"
    )
    assert [c.text for c in extract_text(text).criteria] == [
        "The minimum language requirement is IELTS level 7 or an equivalent score",
        "A full driving licence",
    ]
