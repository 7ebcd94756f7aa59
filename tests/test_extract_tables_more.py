"""Tables a tester typed or copied: '|' and Markdown tables with a category column (issue 13, fresh-eyes findings)."""

from __future__ import annotations

from selfassess.extract import extract_text


def _rows(text: str) -> list[tuple[str, str | None, str, list[str]]]:
    return [(c.text, c.category, c.kind, list(c.assessed_by)) for c in extract_text(text).criteria]


PIPE_ROWS = [
    ("Experience", "Experience of running a community café", "E", "AF/I"),
    ("Experience", "Experience of ordering stock", "D", "AF"),
    ("Skills", "Able to keep simple accounts", "E", "T"),
]
WANTED = [
    ("Experience of running a community café", "Experience", "essential", ["application", "interview"]),
    ("Experience of ordering stock", "Experience", "desirable", ["application"]),
    ("Able to keep simple accounts", "Skills", "essential", ["test"]),
]


def test_pipe_table_with_a_category_column_keeps_the_category_out_of_the_text() -> None:
    body = "\n".join(" | ".join(row) for row in PIPE_ROWS)
    key = "Key: AF = application form, I = interview, T = test"
    text = f"Person specification\nArea | Criteria | E/D | Method\n{body}\n\n{key}\n"
    assert _rows(text) == WANTED


def test_markdown_table_with_rule_row_and_edge_pipes() -> None:
    body = "\n".join(f"| {' | '.join(row)} |" for row in PIPE_ROWS)
    text = (
        "## Person specification\n\n| Category | Criteria | Essential/Desirable | How assessed |\n"
        f"|:---|---|:-:|---|\n{body}\n\nKey: AF = application form, I = interview, T = test\n"
    )
    assert _rows(text) == WANTED


def test_pipe_rows_read_the_same_as_tabs_and_slashes() -> None:
    header = ["Category", "Criteria", "E/D", "Method"]
    key = "\n\nKey: AF = application form, I = interview, T = test\n"
    for sep in ("\t", " / ", " | "):
        text = "Person specification\n" + "\n".join(sep.join(r) for r in [header, *PIPE_ROWS]) + key
        assert _rows(text) == WANTED, sep


def _flagged(text: str) -> list[tuple[str, str | None, str, bool]]:
    return [(c.text, c.category, c.kind, c.uncertain) for c in extract_text(text).criteria]


CELL_HEADER = "Person specification\nFactor\nEssential\nDesirable\nHow identified\n"


def test_cell_per_line_table_with_a_spanning_factor_left_out_does_not_shift() -> None:
    text = CELL_HEADER + (
        "Qualifications\nDegree in a relevant subject\nPostgraduate certificate\nApplication form\n"
        "Evidence of recent training\nTeaching qualification\nApplication form / Interview\n"  # factor left out
        "Experience\nExperience of running a clinic\n\nInterview\n"
        "Experience of audit\n\nApplication form\n"  # factor left out, empty desirable cell
        "\nThis job description will be reviewed annually with the post holder.\n"
    )
    assert _flagged(text) == [
        ("Degree in a relevant subject", "Qualifications", "essential", False),
        ("Postgraduate certificate", "Qualifications", "desirable", False),
        ("Evidence of recent training", "Qualifications", "essential", False),
        ("Teaching qualification", "Qualifications", "desirable", False),
        ("Experience of running a clinic", "Experience", "essential", False),
        ("Experience of audit", "Experience", "essential", False),
    ]


def test_a_cell_row_short_by_more_than_one_cell_is_marked_uncertain() -> None:
    text = CELL_HEADER + (
        "Qualifications\nDegree in a relevant subject\nPostgraduate certificate\nApplication form\n"
        "Ability to drive\nInterview\n"  # two cells missing: which column it was in is a guess
    )
    found = _flagged(text)
    assert found[:2] == [
        ("Degree in a relevant subject", "Qualifications", "essential", False),
        ("Postgraduate certificate", "Qualifications", "desirable", False),
    ]
    assert found[2][0] == "Ability to drive" and found[2][3] is True


def test_blank_factor_cells_take_the_factor_above() -> None:
    text = (
        "Person specification\nArea\tEssential\tDesirable\tMethod\n"
        "Qualifications\tFive GCSEs including English\tA-level in science\tApplication form\n"
        "\tFull driving licence\t\tApplication form\n"
        "Skills\tGood written English\t\tTest\n"
        "\tAble to stay calm under pressure\t\tInterview\n"
    )
    assert [(t, c) for t, c, _, _ in _flagged(text)] == [
        ("Five GCSEs including English", "Qualifications"),
        ("A-level in science", "Qualifications"),
        ("Full driving licence", "Qualifications"),
        ("Good written English", "Skills"),
        ("Able to stay calm under pressure", "Skills"),
    ]


def test_a_method_cell_with_a_word_it_does_not_know_keeps_the_methods_it_does() -> None:
    text = (
        "Person specification\nArea\tEssential\tDesirable\tMethod\n"
        "Qualifications\tFull driving licence\t\tApplication / licence check\n"
        "Skills\tAble to stay calm under pressure\t\tInterview / scenario\n"
        "Physical\tAble to pass the fitness assessment\t\tFitness test / OH\n"
        "Registration\tCurrent professional registration\t\tApplication form / PIN check\n"
    )
    assert [list(c.assessed_by) for c in extract_text(text).criteria] == [
        ["application", "document"],
        ["interview"],
        ["test"],
        ["application"],
    ]


def test_codes_a_key_defines_with_slashed_words_are_read() -> None:
    text = (
        "Person specification\n"
        "Key: AF = application form, LS = letter/supporting statement, I = interview, O = lesson observation\n\n"
        "No. / Criteria / E or D / Method\n"
        "1 / Qualified teacher status / E / AF\n"
        "2 / Experience of leading a subject / D / LS, I\n"
        "3 / Secure knowledge of the curriculum / E / LS, I\n"
        "4 / Ability to teach good lessons / E / O\n"
    )
    assert [list(c.assessed_by) for c in extract_text(text).criteria] == [
        ["application"],
        ["application", "interview"],
        ["application", "interview"],
        ["other"],
    ]


def test_cell_table_without_a_method_column_is_cut_by_its_factor_headings() -> None:
    text = "Person specification\nFactor\nEssential\nDesirable\n" + (
        "Qualifications\nDegree in a relevant subject\nPostgraduate certificate\n"
        "Evidence of recent training in the field\nTeaching qualification\n"  # factor copied once
        "Experience\nExperience of running a clinic\n\n"
        "\nExperience of audit and service review\n"  # factor left out, essential cell empty
        "Skills\nAble to keep accurate notes\nAble to speak Welsh\n"
    )
    assert _flagged(text) == [
        ("Degree in a relevant subject", "Qualifications", "essential", False),
        ("Postgraduate certificate", "Qualifications", "desirable", False),
        ("Evidence of recent training in the field", "Qualifications", "essential", False),
        ("Teaching qualification", "Qualifications", "desirable", False),
        ("Experience of running a clinic", "Experience", "essential", False),
        ("Experience of audit and service review", "Experience", "desirable", False),
        ("Able to keep accurate notes", "Skills", "essential", False),
        ("Able to speak Welsh", "Skills", "desirable", False),
    ]


def test_factor_group_that_fits_both_layouts_is_marked_uncertain() -> None:
    from selfassess.extract.factors import factor_rows

    # width 3, 9 cells: three full rows, or a spanning factor over four rows
    values = ["Skills", "A", "B", "C", "D", "E", "F", "G", "H"]
    rows = factor_rows(values, 3)
    assert rows is not None and [doubt for _, doubt in rows] == [False, True, True]
