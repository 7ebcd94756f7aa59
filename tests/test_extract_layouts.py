"""Layouts met when trying the extractor on documents outside the corpora (regressions found by hand)."""

from __future__ import annotations

from pathlib import Path

from selfassess.extract import extract_file, extract_text

from .docgen import make_pdf


def test_one_criterion_per_paragraph_even_when_it_reads_like_a_heading() -> None:
    text = (
        "Person Specification\n\nEssential criteria\n\nDegree in town planning\n\n"
        "Experience of determining major planning applications\n\nDesirable criteria\n\n"
        "Membership of the RTPI\n\nExperience of enforcement work\n"
    )
    got = [(c.text, c.kind) for c in extract_text(text).criteria]
    assert got[-1] == ("Experience of enforcement work", "desirable") and len(got) == 4


def test_pdf_category_heading_after_a_wrapped_row_is_not_glued_to_it(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "spec.pdf",
        [
            "Person Specification",
            ["Criteria", "Essential", "Desirable", "How assessed"],
            "Qualifications",
            ["Experience of purchase ledger work in", "X", "", "A/I"],
            ["a busy finance team", "", "", ""],
            ["Experience of using a finance system", "", "X", "A"],
            "Skills",
            ["Good spreadsheet skills", "X", "", "T"],
        ],
    )
    got = [(c.text, c.kind, c.category, c.assessed_by) for c in extract_file(pdf).criteria]
    assert got == [
        (
            "Experience of purchase ledger work in a busy finance team",
            "essential",
            "Qualifications",
            ["application", "interview"],
        ),
        ("Experience of using a finance system", "desirable", "Qualifications", ["application"]),
        ("Good spreadsheet skills", "essential", "Skills", ["test"]),
    ]


def test_star_preamble_in_either_order() -> None:
    for text in (
        "Person specification\nCriteria marked * are desirable; all others are essential.\n"
        "- Experience of event planning\n- A driving licence *\n",
        "Person specification\nEssential criteria are marked with an asterisk; all other criteria are desirable.\n"
        "- Experience of event planning*\n- A driving licence\n",
    ):
        got = [(c.text, c.kind, c.uncertain) for c in extract_text(text).criteria]
        assert got == [("Experience of event planning", "essential", False), ("A driving licence", "desirable", False)]


def test_a_documents_own_code_key_decides_what_its_codes_mean() -> None:
    text = (
        "Person specification\nMethod of assessment: S = Selection test, AC = Assessment centre, I = Interview\n"
        "Criteria\tEssential\tDesirable\tAssessed by\n"
        "Accurate typing\tX\t\tS\nTeam leadership\tX\t\tAC/I\n"
    )
    got = [c.assessed_by for c in extract_text(text).criteria]
    assert got == [["test"], ["interview", "test"]]
    plain = "Person specification\nCriteria\tEssential\tDesirable\tAssessed by\nAccurate typing\tX\t\tS\n"
    assert [c.assessed_by for c in extract_text(plain).criteria] == [["application"]]  # S: supporting statement


def test_word_ticks_inserted_from_a_symbol_font_count_as_marks(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Person specification", 1)
    table = document.add_table(rows=3, cols=3)
    for cell, value in zip(table.rows[0].cells, ["Criteria", "Essential", "Desirable"]):
        cell.text = value
    table.rows[1].cells[0].text = "Able to drive a minibus"
    table.rows[2].cells[0].text = "First aid certificate"
    for cell in (table.rows[1].cells[1], table.rows[2].cells[2]):
        symbol = OxmlElement("w:sym")
        symbol.set(qn("w:font"), "Wingdings")
        symbol.set(qn("w:char"), "F0FC")
        cell.paragraphs[0].add_run()._r.append(symbol)
    path = tmp_path / "ticks.docx"
    document.save(path)
    got = [(c.text, c.kind) for c in extract_file(path).criteria]
    assert got == [("Able to drive a minibus", "essential"), ("First aid certificate", "desirable")]
