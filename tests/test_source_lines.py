"""Reading selected source lines, method codes and split suggestions on the review screen."""

from __future__ import annotations

import pytest

from selfassess.errors import BadInput
from selfassess.extract.row_align import align_row
from selfassess.source_lines import (
    criterion_from_lines,
    display,
    locate_parts,
    parse_methods,
    row_criteria,
    suggest_split,
)


def test_criterion_from_a_flattened_table_row() -> None:
    found = criterion_from_lines(["Full UK driving licence / Desirable / Application form"])
    assert (found.text, found.kind, found.methods) == ("Full UK driving licence", "desirable", ["application"])


def test_criterion_from_tab_cells_with_marks_and_codes() -> None:
    found = criterion_from_lines(["• Experience of working with families\tX\t\tA, I"])
    assert (found.text, found.kind, found.methods) == (
        "Experience of working with families",
        None,
        ["application", "interview"],
    )


def test_criterion_over_several_lines_with_inline_kind() -> None:
    found = criterion_from_lines(["1. Knowledge of the Care Act and", "   safeguarding law (E)"])
    assert (found.text, found.kind) == ("Knowledge of the Care Act and safeguarding law", "essential")


def test_a_method_word_starting_a_line_is_text() -> None:
    assert criterion_from_lines(["Interview skills"]).text == "Interview skills"


def test_no_text_is_refused() -> None:
    with pytest.raises(BadInput, match="no criterion text"):
        criterion_from_lines(["   ", "E / X"])


def test_parse_methods_codes_and_words() -> None:
    assert parse_methods("I, A") == ["application", "interview"]
    assert parse_methods("application form and interview") == ["application", "interview"]
    assert parse_methods("A/I/T/P") == ["application", "interview", "test", "presentation"]
    assert parse_methods("  ") == []
    with pytest.raises(BadInput, match="how assessed: 'A, Q'"):
        parse_methods("A, Q")


def test_suggest_split_at_sentences_and_semicolons() -> None:
    assert suggest_split("Good IT skills. Able to drive; Willing to travel") == [
        "Good IT skills.",
        "Able to drive",
        "Willing to travel",
    ]
    assert suggest_split("one thing only") == ["one thing only"]


def test_display_shows_cells() -> None:
    assert display("Degree\tE\tA\u2029I  ") == "Degree │ E │ A I"


def test_locate_parts_in_order() -> None:
    lines = ["Essential", "- Able to lift 20 kg", "  safely at work", "Desirable", "- Able to lift a van"]
    assert locate_parts(["Able to lift 20 kg safely at work", "Able to lift a van", "not there"], lines) == [
        (1, 2),
        (4, 4),
        None,
    ]


HEADER = ["Area", "Essential", "Desirable", "Method"]


@pytest.mark.parametrize(
    ("cells", "aligned"),
    [
        (["Experience", "Experience of audit"], ["Experience", "Experience of audit", "", ""]),
        (["Experience", "Experience of audit", "A, I"], ["Experience", "Experience of audit", "", "A, I"]),
        (["Skills", "Able to drive", "Able to swim"], ["Skills", "Able to drive", "Able to swim", ""]),
        (["Able to drive", "Interview"], ["Able to drive", "", "", "Interview"]),
        (["Qualifications", "X", "Application form"], ["Qualifications", "X", "", "Application form"]),
        (["", "Experience of audit", "", "I"], ["", "Experience of audit", "", "I"]),
    ],
)
def test_a_short_row_goes_into_its_header_columns_left_to_right(cells: list[str], aligned: list[str]) -> None:
    assert align_row(HEADER, cells) == aligned


def test_a_row_that_fits_no_columns_is_not_aligned() -> None:
    assert align_row(HEADER, ["a", "b", "c", "d", "e"]) is None  # more cells than columns
    assert align_row(["Criteria", "Method"], ["Interview", "Application"]) is None  # a method where text goes
    assert align_row(["Criteria", "E/D", "Method"], ["Able to drive", "Maybe"]) is None  # fits neither column
    assert align_row(["Criteria", "E/D", "Method"], ["Able to drive", "E"]) == ["Able to drive", "E", ""]


def test_row_criteria_of_a_short_row_keeps_category_and_text_apart() -> None:
    lines = ["Person specification", " | ".join(HEADER), "Experience | Experience of working with the public"]
    assert row_criteria(lines, 2) == [("Experience of working with the public", "essential", "Experience", [])]
    lines[2] = "Experience | Experience of working with the public | Application / interview"
    assert row_criteria(lines, 2) == [
        ("Experience of working with the public", "essential", "Experience", ["application", "interview"])
    ]
    lines[2] = "Knowledge | Knowledge of the Care Act | First aid certificate"
    assert row_criteria(lines, 2) == [
        ("Knowledge of the Care Act", "essential", "Knowledge", []),
        ("First aid certificate", "desirable", "Knowledge", []),
    ]
