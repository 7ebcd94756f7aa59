"""Criteria extraction: the seed figures, each document structure, every reader, every bad input."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from selfassess import roles
from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.extract import extract_file, extract_text
from selfassess.extract.criteria import methods_of
from selfassess.extract.split import split_into

from .conftest import GOLD_DIR, SEEDS_DIR, SHARED, needs_gold
from .docgen import make_docx, make_pdf

DOCS = Path(__file__).parent / "fixtures" / "docs"


def rows(path: Path) -> list[tuple[str, str, str | None, list[str]]]:
    return [(c.text, c.kind, c.category, c.assessed_by) for c in extract_file(path).criteria]


# --- the seeds, scored with the shared scorer's own pairing ---------------------------------


@needs_gold
def test_seed_figures_meet_the_targets() -> None:
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred_n = gold_n = matched = kind_ok = order_ok = order_n = 0
    for gold_path in sorted(GOLD_DIR.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())["criteria"]
        doc = SEEDS_DIR / gold_path.name.replace(".gold.json", ".txt")
        pred = extract_file(doc).contract()["criteria"]
        pairs = scorer.pair(pred, gold)
        a, n = scorer.order_agreement(pairs)
        pred_n, gold_n, matched = pred_n + len(pred), gold_n + len(gold), matched + len(pairs)
        kind_ok += sum(pred[i]["kind"] == gold[j]["kind"] for i, j in pairs)
        order_ok, order_n = order_ok + a, order_n + n
    precision, recall = matched / pred_n, matched / gold_n
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.95, (precision, recall)
    assert kind_ok / matched >= 0.95
    assert order_ok == order_n


# --- structures (documents written for these tests) -----------------------------------------


def test_ed_column_table_with_codes_and_category_rows() -> None:
    got = rows(DOCS / "ed_column.txt")
    assert got[:2] == [
        (
            "A degree or equivalent experience in law, information governance or a related field",
            "essential",
            "Qualifications",
            ["application"],
        ),
        (
            "A recognised data protection practitioner certificate",
            "desirable",
            "Qualifications",
            ["application", "document"],
        ),
    ]
    assert [(k, c) for _, k, c, _ in got[2:]] == [
        ("essential", "Experience"),
        ("essential", "Experience"),
        ("desirable", "Experience"),
        ("essential", "Skills and abilities"),
        ("essential", "Skills and abilities"),
    ]
    assert got[3][3] == ["interview"] and got[5][3] == ["interview", "test"]
    assert not any("72 hours" in text or "Legal Services" in text for text, *_ in got)  # duties, appendix


def test_inline_markers_under_markdown_headings() -> None:
    result = extract_file(DOCS / "inline_markers.md")
    got = [(c.text, c.kind, c.category, c.assessed_by) for c in result.criteria]
    assert got[0] == (
        "GCSE English and Maths at grade C/4 or above",
        "essential",
        "Education and training",
        ["application"],
    )
    assert [k for _, k, _, _ in got] == [
        "essential",
        "desirable",
        "essential",
        "desirable",
        "desirable",
        "essential",
        "essential",
        "desirable",
    ]
    assert got[-1][0] == "Knowledge of current children's books would be an advantage"
    assert result.title == "Library Assistant" and result.organisation == "Anytown Borough Council"
    assert result.guidance.startswith("Please address each criterion separately")
    assert not any("front desk" in t or "closing date" in t for t, *_ in got)


def test_x_marks_under_essential_and_desirable_columns() -> None:
    got = rows(DOCS / "x_columns.txt")
    assert [(k, c) for _, k, c, _ in got] == [
        ("essential", "Qualifications"),
        ("desirable", "Qualifications"),
        ("essential", "Experience"),
        ("essential", "Experience"),
        ("desirable", "Experience"),
        ("essential", "Skills"),
        ("essential", "Skills"),
    ]
    assert got[1][3] == ["application", "document"] and got[4][3] == ["application", "interview", "test"]
    assert got[-1] == ("A full UK driving licence", "essential", "Skills", ["document"])
    assert "evening" not in " ".join(t for t, *_ in got)


def test_numbered_lists_with_assessed_by_suffix_and_guidance() -> None:
    result = extract_file(DOCS / "numbered.txt")
    got = [(c.id, c.text, c.assessed_by) for c in result.criteria]
    assert got == [
        ("E1", "CCAB or CIMA qualified accountant.", ["application"]),
        ("E2", "Experience of producing management accounts in a large organisation.", ["application", "interview"]),
        ("E3", "Advanced Excel skills, including pivot tables and lookups.", ["test"]),
        ("E4", "Ability to build effective relationships with non-finance managers.", ["interview"]),
        ("D1", "Experience of NHS finance regimes.", ["application"]),
        ("D2", "Knowledge of costing systems such as PLICS.", ["interview"]),
    ]
    assert result.organisation == "Anytown NHS Foundation Trust"
    assert "in the order listed" in result.guidance


def test_flattened_cells_split_by_their_x_runs() -> None:
    result = extract_file(DOCS / "flattened.txt")
    got = [(c.text, c.kind, c.category) for c in result.criteria]
    assert [t for t, _, _ in got] == [
        "Understanding of safeguarding procedures for young people.",
        "Knowledge of local youth services and partner agencies.",
        "Awareness of current issues affecting teenagers",
        "Able to plan and lead group sessions",
        "Able to build trusting relationships with young people.",
        "Good written skills for session reports.",
        "Experience of delivering youth work in an open access setting",
    ]
    assert [k for _, k, _ in got] == ["essential", "essential", "desirable"] + ["essential"] * 4
    # where the desirable mark's slot is unknown the guess is flagged for review
    assert [c.uncertain for c in result.criteria][:3] == [True, True, True]
    assert not any(c.uncertain for c in result.criteria[3:])


def test_markdown_table() -> None:
    got = rows(DOCS / "md_table.md")
    assert [(k, m) for _, k, _, m in got] == [
        ("essential", ["application", "interview"]),
        ("essential", ["interview"]),
        ("desirable", ["application"]),
        ("essential", ["test"]),
    ]


def test_kind_heading_with_category_and_shortlisting() -> None:
    text = (
        "Person specification\n\nExperience: Essential for shortlisting\n"
        "Three years managing a caseload\t\nWork with partner agencies would be an advantage.\t\n"
        "Qualifications – Desirable\nA first aid certificate\n"
    )
    got = [(c.text, c.kind, c.category, c.assessed_by, c.uncertain) for c in extract_text(text).criteria]
    assert got == [
        ("Three years managing a caseload", "essential", "Experience", ["application"], False),
        ("Work with partner agencies would be an advantage.", "desirable", "Experience", ["application"], True),
        ("A first aid certificate", "desirable", "Qualifications", [], False),
    ]


def test_one_cell_per_line_tables_and_assessed_by_lines() -> None:
    text = (
        "Selection Criteria\n\tEssential Criteria\n\tAssessed By:\n\n\tCan drive a minibus\n\tA, I\n\n"
        "\tAble to work weekends\n\tI\n\n\tEnhanced DBS check\n\tConfirmation from DBS service\n"
        "Section C: Pre-employment checks\n\tIdentity check\n"
    )
    got = [(c.text, c.kind, c.assessed_by) for c in extract_text(text).criteria]
    assert got == [
        ("Can drive a minibus", "essential", ["application", "interview"]),
        ("Able to work weekends", "essential", ["interview"]),
        ("Enhanced DBS check", "essential", ["document"]),
    ]


def test_no_kind_anywhere_defaults_to_essential_and_says_so() -> None:
    text = "Person specification\n\n- Experience of bookkeeping\n- A calm manner on the telephone\n"
    criteria = extract_text(text).criteria
    assert [(c.kind, c.uncertain) for c in criteria] == [("essential", True), ("essential", True)]


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("A", ["application"]),
        ("A, I", ["application", "interview"]),
        ("AF/I", ["application", "interview"]),
        ("A/I/T/P", ["application", "interview", "test", "presentation"]),
        ("Application form and interview", ["application", "interview"]),
        ("Certificates", ["document"]),
        ("References", ["reference"]),
        ("Written exercise", ["test"]),
        ("Interview & presentation", ["interview", "presentation"]),
        ("Confirmation from DBS service", ["document"]),
        ("Good IT skills", None),
        ("Can work in a team", None),
    ],
)
def test_methods_of(cell: str, expected: list[str] | None) -> None:
    assert methods_of(cell) == expected


def test_split_into() -> None:
    assert split_into("First thing. Second thing. Third thing.", 3) == (
        ["First thing.", "Second thing.", "Third thing."],
        True,
    )
    pieces, exact = split_into("Ability to write reports to a good level Good verbal skills Able to use IT", 3)
    assert pieces == ["Ability to write reports to a good level", "Good verbal skills", "Able to use IT"] and exact
    assert split_into("One\u2029Two words\u2029Three", 3) == (["One", "Two words", "Three"], True)
    assert split_into("Only one sentence here", 1) == (["Only one sentence here"], True)


# --- readers -------------------------------------------------------------------------------


def _docx(tmp_path: Path, name: str = "spec.docx") -> Path:
    return make_docx(
        tmp_path / name,
        "Project Officer",
        [
            "Westvale City Council",
            "# Main duties",
            "- Run project boards.",
            "# Person specification",
            "Please address each criterion separately and in the order listed.",
        ],
        ["Criteria", "Essential", "Desirable", "How assessed"],
        [
            ["Qualifications", "", "", ""],
            [["PRINCE2 Foundation or equivalent", "A degree in any subject"], ["", "X"], ["X", ""], "A/C"],
            [
                ["Experience of running projects with budgets over £100,000.", "Experience of writing business cases."],
                ["X", "X"],
                "",
                "A/I",
            ],
            ["Skills", "", "", ""],
            ["Able to chair meetings with senior managers", "X", "", "I"],
        ],
        ["# Appendix", "Values framework text about ambition."],
    )


def test_docx_tables_in_document_order_with_marks_per_paragraph(tmp_path: Path) -> None:
    result = extract_file(_docx(tmp_path))
    got = [(c.id, c.text, c.category, c.assessed_by, c.uncertain) for c in result.criteria]
    assert got == [
        ("D1", "PRINCE2 Foundation or equivalent", "Qualifications", ["application", "document"], False),
        ("E1", "A degree in any subject", "Qualifications", ["application", "document"], False),
        (
            "E2",
            "Experience of running projects with budgets over £100,000.",
            "Qualifications",
            ["application", "interview"],
            False,
        ),
        ("E3", "Experience of writing business cases.", "Qualifications", ["application", "interview"], False),
        ("E4", "Able to chair meetings with senior managers", "Skills", ["interview"], False),
    ]
    assert result.title == "Project Officer" and result.organisation == "Westvale City Council"
    assert result.guidance == "Please address each criterion separately and in the order listed."


def test_pdf_made_in_the_test(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "spec.pdf",
        [
            "Job description",
            "Job title: Gardener",
            "Eastmere Town Council",
            "",
            "Key duties",
            "- Mow the park.",
            "Person specification",
            "Essential",
            "- Experience of maintaining parks and open spaces (A, I)",
            "- Able to use a ride-on mower safely (T)",
            "Desirable",
            "- A horticulture qualification at level 2 (C)",
            "Working conditions",
            "- Outdoor work in all weathers.",
        ],
    )
    result = extract_file(pdf)
    assert [(c.id, c.text, c.assessed_by) for c in result.criteria] == [
        ("E1", "Experience of maintaining parks and open spaces", ["application", "interview"]),
        ("E2", "Able to use a ride-on mower safely", ["test"]),
        ("D1", "A horticulture qualification at level 2", ["document"]),
    ]
    assert result.title == "Gardener" and result.organisation == "Eastmere Town Council"


# --- bad input -----------------------------------------------------------------------------


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x7fELF\x00\x01\x02" * 50, "binary file"),
        ("broken.docx", b"PK\x03\x04 this is not really a zip", "damaged or not a Word .docx file"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj <<< garbage", "damaged PDF"),
        ("nothing.txt", b"Dear applicant,\nThank you for your interest in working with us.\n", "no selection criteria"),
        ("old.doc", b"\xd0\xcf\x11\xe0 old word", "save it as .docx or PDF"),
        ("renamed.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Word 97-2003 .doc"),
        ("page.html", b"<html><body><h1>Welcome</h1><p>Our offices are open daily.</p></body></html>", "no selection"),
    ],
)
def test_bad_documents_give_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = _bad(tmp_path, name, data)
    assert main(["extract", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1
    assert str(path) in captured.err and message in captured.err


def test_scanned_pdf_without_text_layer_says_so(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "scan.pdf", ["ignored"], text_layer=False)
    with pytest.raises(BadInput, match="no text layer"):
        extract_file(pdf)


def test_file_over_10_mb_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(BadInput, match="too large"):
        extract_file(big)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        extract_file(tmp_path / "nope.txt")


def test_non_utf8_text_falls_back_to_cp1252(tmp_path: Path) -> None:
    text = "Person specification\nEssential\n- Experience of caf\xe9 management \u2013 two years\n"
    path = _bad(tmp_path, "legacy.txt", text.encode("cp1252"))
    [criterion] = extract_file(path).criteria
    assert criterion.text == "Experience of caf\xe9 management \u2013 two years"


# --- the commands ----------------------------------------------------------------------------


def test_extract_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(DOCS / "flattened.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"title", "organisation", "guidance", "criteria"}
    first, last = data["criteria"][0], data["criteria"][-1]
    assert set(first) == {"id", "text", "kind", "category", "assessed_by", "uncertain"} and first["uncertain"] is True
    assert set(last) == {"id", "text", "kind", "category", "assessed_by"}
    assert [c["id"] for c in data["criteria"]] == ["E1", "E2", "D1", "E3", "E4", "E5", "E6"]


def test_extract_table_marks_uncertain_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(DOCS / "flattened.txt")]) == 0
    out = capsys.readouterr().out
    assert "│ ! │ E1" in out and "3 uncertain" in out


def test_import_writes_a_role_check_accepts_and_the_library_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], private_folders: dict[str, Path]
) -> None:
    doc = _docx(tmp_path)
    assert main(["import", str(doc)]) == 0
    path = private_folders["roles"] / "project-officer.toml"
    assert path.exists() and oct(path.stat().st_mode & 0o777) == "0o600"
    assert main(["check", str(path)]) == 0
    role = roles.load_role("project-officer")
    assert [c.id for c in role.criteria] == ["D1", "E1", "E2", "E3", "E4"] and role.source == "spec.docx"
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["import", str(DOCS / "numbered.txt"), "--id", "project-officer"]) == 2
    assert "already exists" in capsys.readouterr().err and path.read_bytes() == before
    assert main(["import", str(DOCS / "numbered.txt"), "--id", "project-officer", "--force"]) == 0
    assert roles.load_role("project-officer").title == "Senior Finance Officer"
    assert main(["import", str(DOCS / "numbered.txt"), "--id", "Bad Id!"]) == 2


def test_nhs_table_with_criteria_text_in_essential_and_desirable_columns() -> None:
    result = extract_file(DOCS / "nhs_text_columns.txt")
    got = [(c.id, c.text, c.category, c.assessed_by) for c in result.criteria]
    assert got == [
        ("E1", "Registered Nurse with current NMC registration", "Qualifications", ["application", "document"]),
        ("E2", "Degree in nursing or equivalent", "Qualifications", ["application", "document"]),
        ("D1", "Post-registration qualification in tissue viability", "Qualifications", ["application", "document"]),
        ("E3", "Experience of leading a ward team.", "Experience", ["application", "interview"]),
        ("E4", "Experience of writing staff rotas.", "Experience", ["application", "interview"]),
        ("D2", "Experience of clinical audit", "Experience", ["application", "interview"]),
        ("E5", "Excellent communication skills with patients and families", "Skills", ["interview"]),
    ]
    assert [c.uncertain for c in result.criteria] == [False, False, False, True, True, False, False]
    assert result.organisation == "Riverside Hospitals NHS Foundation Trust" and result.title == "Ward Sister"


def test_two_column_essential_desirable_table() -> None:
    text = (
        "Selection criteria\nEssential criteria\tDesirable criteria\n"
        "Full UK driving licence\tForklift certificate\nAble to lift heavy items safely\t\n"
    )
    got = [(c.id, c.text) for c in extract_text(text).criteria]
    assert got == [
        ("E1", "Full UK driving licence"),
        ("D1", "Forklift certificate"),
        ("E2", "Able to lift heavy items safely"),
    ]


def test_docx_with_paragraphs_in_essential_and_desirable_cells(tmp_path: Path) -> None:
    doc = make_docx(
        tmp_path / "nhs.docx",
        "Band 5 Physiotherapist",
        ["# Person specification"],
        ["Attribute", "Essential", "Desirable", "Assessment"],
        [
            ["Qualifications", ["BSc Physiotherapy", "HCPC registration"], ["Member of the CSP"], "A/C"],
            ["Skills", ["Able to manage own caseload"], "", "I"],
        ],
    )
    got = [(c.id, c.text, c.category, c.assessed_by, c.uncertain) for c in extract_file(doc).criteria]
    assert got == [
        ("E1", "BSc Physiotherapy", "Qualifications", ["application", "document"], False),
        ("E2", "HCPC registration", "Qualifications", ["application", "document"], False),
        ("D1", "Member of the CSP", "Qualifications", ["application", "document"], False),
        ("E3", "Able to manage own caseload", "Skills", ["interview"], False),
    ]


def test_pdf_table_marks_land_in_their_columns_and_wrapped_text_joins(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "table.pdf",
        [
            "Job title: Auditor",
            "Person specification",
            ["Criteria", "Essential", "Desirable", "Assessed by"],
            "Qualifications",
            ["Degree in accountancy", "X", "", "A"],
            ["Experience of audit in a", "", "X", "A/I"],
            "public body over three years",
            ["Able to use spreadsheets", "X", "", "T"],
            "Working conditions",
            "Some travel.",
        ],
    )
    got = [(c.id, c.text, c.category, c.assessed_by) for c in extract_file(pdf).criteria]
    assert got == [
        ("E1", "Degree in accountancy", "Qualifications", ["application"]),
        ("D1", "Experience of audit in a public body over three years", "Qualifications", ["application", "interview"]),
        ("E2", "Able to use spreadsheets", "Qualifications", ["test"]),
    ]


def test_pdf_wrapped_paragraphs_are_reflowed(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "wrapped.pdf",
        [
            "Selection criteria",
            "This section lists the criteria. Each will be assessed through the application form (A) and",
            "optionally a test (T) or documentation (D). Address each point separately.",
            "Essential criteria",
            "- Experience of managing a busy reception desk for a public",
            "service, including complaints",
            "- Able to keep accurate records",
            "Section C: Pre-employment checks",
        ],
    )
    result = extract_file(pdf)
    assert [c.text for c in result.criteria] == [
        "Experience of managing a busy reception desk for a public service, including complaints",
        "Able to keep accurate records",
    ]
    assert all(c.kind == "essential" for c in result.criteria)
