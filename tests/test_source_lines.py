"""Reading selected source lines, method codes and split suggestions on the review screen."""

from __future__ import annotations

import pytest

from selfassess.errors import BadInput
from selfassess.source_lines import criterion_from_lines, display, locate_parts, parse_methods, suggest_split


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
