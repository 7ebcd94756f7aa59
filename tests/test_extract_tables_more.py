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
