"""The extraction API the app builds on: pasted text, source lines and each criterion's span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess.errors import BadInput
from selfassess.extract import extract_file, extract_text

PASTED = (
    "Youth Worker\n"
    "Person specification\n"
    "Essential\n"
    "- Experience of running youth clubs\n"
    "  and holiday schemes\n"
    "- Able to keep accurate records (A, I)\n"
    "Desirable\n"
    "- A first aid certificate\n"
)


def test_pasted_text_gives_source_lines_and_spans() -> None:
    result = extract_text(PASTED)
    assert result.source is None
    assert result.source_lines[:3] == ["Youth Worker", "Person specification", "Essential"]
    got = [(c.id, c.span) for c in result.criteria]
    assert got == [("E1", (3, 4)), ("E2", (5, 5)), ("D1", (7, 7))]
    first = result.criteria[0]
    lines = result.source_lines[first.span[0] : first.span[1] + 1]
    assert "youth clubs" in lines[0] and "holiday schemes" in lines[1]


def test_table_rows_show_their_cells_in_source_lines() -> None:
    text = "Selection criteria\nCriteria\tEssential\tDesirable\nA driving licence\tX\t\n"
    result = extract_text(text, source="pasted")
    assert result.source == "pasted"
    [criterion] = result.criteria
    assert result.source_lines[criterion.span[0]] == "A driving licence | X"


def test_span_and_source_lines_stay_out_of_the_json_contract() -> None:
    data = extract_text(PASTED).contract()
    assert set(data) == {"title", "organisation", "guidance", "criteria"}
    assert all("span" not in c for c in data["criteria"])
    json.dumps(data)


def test_nothing_found_is_an_empty_result_for_text_and_bad_input_for_a_file(tmp_path: Path) -> None:
    text = "Dear applicant,\nThank you for your interest.\n"
    assert extract_text(text).criteria == []
    path = tmp_path / "letter.txt"
    path.write_text(text)
    with pytest.raises(BadInput, match="no selection criteria"):
        extract_file(path)
    result = extract_file(path, allow_empty=True)
    assert result.criteria == [] and result.source_lines[0] == "Dear applicant,"


def test_password_protected_pdf_says_to_save_an_unprotected_copy(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    from selfassess.cli import main

    from .docgen import make_pdf

    plain = make_pdf(tmp_path / "plain.pdf", ["Person specification", "Essential", "- Able to drive a van"])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(BadInput, match="password-protected: save an unprotected copy"):
        extract_file(locked)
    assert main(["extract", str(locked)]) == 2


def test_saved_web_page_reads_tables_lists_and_headings(tmp_path: Path) -> None:
    page = tmp_path / "job.htm"
    page.write_text(
        "<html><head><title>Site</title><script>var a = '<td>X</td>';</script></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>Caretaker</h1><p>Lowfield Parish Council</p>"
        "<h2>Person specification</h2><h3>Experience</h3><ul><li>Experience of building maintenance</li>"
        "<li>Able to work alone <b>(D)</b></li></ul>"
        "<table><tr><th>Criteria</th><th>Essential</th><th>Desirable</th></tr>"
        "<tr><td>Basic <i>plumbing</i> skills</td><td>&#10003;</td><td></td></tr></table>"
        "<footer>Cookies</footer></body></html>",
        encoding="utf-8",
    )
    result = extract_file(page)
    got = [(c.text, c.kind, c.category) for c in result.criteria]
    assert got == [
        ("Experience of building maintenance", "essential", "Experience"),
        ("Able to work alone", "desirable", "Experience"),
        ("Basic plumbing skills", "essential", "Experience"),
    ]
    assert result.title == "Caretaker" and "Home" not in result.source_lines
