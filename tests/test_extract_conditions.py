"""Statements of a pre-employment check are notes about the post, unless something marks them a criterion (#13)."""

from __future__ import annotations

import pytest

from selfassess.extract import extract_text
from selfassess.extract.conditions import employment_condition


@pytest.mark.parametrize(
    "text",
    [
        "Safeguarding: this post is subject to an enhanced DBS check with barred list.",
        "All appointments are conditional upon a satisfactory occupational health clearance.",
        "The successful candidate will be required to provide proof of their right to work in the UK.",
        "Offers of employment are subject to satisfactory pre-employment checks, including a DBS check.",
        "An enhanced Disclosure and Barring Service check is required for this post.",
        "Subject to a basic DBS check",
    ],
)
def test_a_statement_of_a_check_is_a_condition(text: str) -> None:
    assert employment_condition(text)


@pytest.mark.parametrize(
    "text",
    [
        "Willingness to undergo an enhanced DBS check",
        "Satisfactory enhanced Disclosure & Barring Service check",
        "A satisfactory occupational health check",
        "Able to demonstrate the right to work in the UK",
        "This post is subject to a probationary period of six months.",  # a condition, but no check
        "Knowledge of safeguarding procedures and the role of the DBS",
    ],
)
def test_a_quality_or_a_bare_check_is_not(text: str) -> None:
    assert not employment_condition(text)


def texts(doc: str) -> list[tuple[str, str, bool]]:
    return [(c.text, c.kind, c.uncertain) for c in extract_text(doc).criteria]


def test_a_trailing_check_statement_below_a_table_is_left_out() -> None:
    doc = (
        "Person specification\n"
        "Criteria                                          Essential   Desirable   Evidence\n"
        "Qualifications\n"
        "GCSE in English and Maths                             ✓                   Application\n"
        "Experience\n"
        "Experience of working with young people               ✓                   Application\n"
        "Knowledge of first aid                                            ✓       Interview\n"
        "\n"
        "Safeguarding: this post is subject to an enhanced DBS check with barred list.\n"
    )
    assert texts(doc) == [
        ("GCSE in English and Maths", "essential", False),
        ("Experience of working with young people", "essential", False),
        ("Knowledge of first aid", "desirable", False),
    ]


def test_a_check_statement_after_a_list_is_left_out_but_listed_checks_are_kept() -> None:
    doc = (
        "Person specification\nEssential\n- Experience of working with children\n"
        "- Willingness to undergo an enhanced DBS check\n- Satisfactory occupational health clearance\n"
        "\nAll appointments are subject to an enhanced DBS check and the right to work in the UK.\n"
    )
    assert texts(doc) == [
        ("Experience of working with children", "essential", False),
        ("Willingness to undergo an enhanced DBS check", "essential", False),
        ("Satisfactory occupational health clearance", "essential", False),
    ]


def test_a_marked_check_row_is_a_criterion() -> None:
    doc = (
        "Person specification\nCriteria\tEssential\tDesirable\n"
        "Experience of budget management\tX\t\n"
        "An enhanced DBS check is required for this post\tX\t\n"
    )
    assert [(c.text, c.kind) for c in extract_text(doc).criteria] == [
        ("Experience of budget management", "essential"),
        ("An enhanced DBS check is required for this post", "essential"),
    ]
