"""Criteria written as running prose, read when a document has no list, table or heading of criteria."""

from __future__ import annotations

from selfassess.extract import extract_text

PROSE = (
    "Job title: Community Warden\n"
    "Patrol the estates and report damage to the housing team. Work closely with residents' groups.\n"
    "The post-holder must be able to work alone for long periods. They should hold a full driving licence.\n"
    "Good listening skills are essential and experience of mediation would be desirable. "
    "Knowledge of the local area would also be advantageous.\n"
    "You must submit your application by 5 March. For details call 01632 960111.\n"
)


def test_sentences_that_state_requirements_are_criteria_and_marked_uncertain() -> None:
    got = [(c.text, c.kind, c.uncertain) for c in extract_text(PROSE).criteria]
    assert got == [
        ("The post-holder must be able to work alone for long periods.", "essential", True),
        ("They should hold a full driving licence.", "essential", True),
        ("Good listening skills are essential", "essential", True),
        ("experience of mediation would be desirable", "desirable", True),
        ("Knowledge of the local area would also be advantageous.", "desirable", True),
    ]


def test_duties_and_instructions_alone_are_not_criteria() -> None:
    text = (
        "The post-holder will be responsible for the reception desk. You must submit a CV.\n"
        "Answer the telephone and greet visitors.\n"
    )
    assert extract_text(text).criteria == []


def test_prose_is_only_read_when_nothing_structured_was_found() -> None:
    text = "Person specification\nEssential\n- Good IT skills\n\nThe post-holder must enjoy a challenge.\n"
    criteria = extract_text(text).criteria
    assert criteria[0].text == "Good IT skills" and not criteria[0].uncertain
    assert all(c.uncertain for c in criteria if c.text.startswith("The post-holder"))
