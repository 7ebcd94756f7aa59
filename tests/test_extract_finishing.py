"""Small things a tester met after import: ids, titles, file names that lie, the ! after review, an untitled paste."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from selfassess.errors import BadInput
from selfassess.extract import extract_file, extract_text
from selfassess.extract.result import slug
from selfassess.role_draft import draft_from_text
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.role_import import ImportDialog, SaveRoleDialog
from selfassess.tui.screens.import_review import ReviewScreen

UNTITLED = "Person specification\nEssential\n- Able to keep accurate records of stock\n"


def test_role_id_from_a_long_title_ends_on_a_whole_word() -> None:
    value = slug("Band 6 Community Staff Nurse - District Nursing Team (Northshire)")
    assert len(value) <= 48 and value == "band-6-community-staff-nurse-district-nursing"
    assert slug("x" * 60) == "x" * 48 and slug("!!!") == "imported-role"


@pytest.mark.parametrize(
    "first",
    [
        "Trainee Paramedic Apprentice - Person Specification",
        "Person Specification - Trainee Paramedic Apprentice",
        "Trainee Paramedic Apprentice (Person specification)",
    ],
)
def test_title_leaves_out_the_document_type(first: str) -> None:
    text = f"{first}\n\nEssential\n- Able to drive an ambulance safely\n"
    assert extract_text(text).title == "Trainee Paramedic Apprentice"


def test_a_file_named_pdf_that_is_not_one_says_what_it_is(tmp_path: Path) -> None:
    docx = tmp_path / "spec.pdf"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(BadInput, match=r"spec\.pdf: not a PDF but a Word \.docx"):
        extract_file(docx)
    text = tmp_path / "notes.pdf"
    text.write_text(UNTITLED)
    with pytest.raises(BadInput, match=r"notes\.pdf: not a PDF but a text file"):
        extract_file(text)


def test_setting_category_or_methods_in_review_clears_the_doubt() -> None:
    draft = draft_from_text("Person specification\n- Able to keep accurate records\n- Good with numbers\n")
    assert all(c.uncertain for c in draft.criteria)
    draft.set_category(0, "Skills")
    draft.set_methods(1, ["interview"])
    assert [c.uncertain for c in draft.criteria] == [False, False]


def test_pasted_text_with_no_title_gets_no_made_up_title() -> None:
    assert draft_from_text(UNTITLED).title == ""
    assert draft_from_text("Job title: Storekeeper\n" + UNTITLED).title == "Storekeeper"


async def test_untitled_paste_asks_for_a_title_when_saved(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ImportDialog)
        app.screen.query_one("#import-text", TextArea).insert(UNTITLED)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        heading = str(app.screen.query_one("#review-title", Static).render())
        assert "Untitled role" in heading and "1 criterion from pasted text" in heading
        await pilot.press("s")
        assert isinstance(app.screen, SaveRoleDialog)
        assert app.screen.query_one("#save-title", Input).value == ""
        assert app.screen.query_one("#save-id", Input).value == ""


def test_t_on_a_table_row_reads_its_cells_by_the_header_above() -> None:
    text = (
        "Person specification\nArea\tEssential\tDesirable\tMethod\n"
        "Qualifications\tFive GCSEs including English\tA-level in science\tApplication form\n"
        "Experience\tExperience of working with the public\tExperience as a first responder\tApplication / interview\n"
    )
    draft = draft_from_text(text)
    draft.delete(3)
    draft.delete(2)  # the Experience row's two criteria, as if the reader had missed them
    index = draft.add_from_lines(3, 3)
    got = [(c.id, c.text, c.kind, c.category, c.assessed_by) for c in draft.criteria[index:]]
    assert got == [
        ("E2", "Experience of working with the public", "essential", "Experience", ["application", "interview"]),
        ("D2", "Experience as a first responder", "desirable", "Experience", ["application", "interview"]),
    ]


def test_t_on_a_row_that_does_not_fit_its_header_joins_the_cells() -> None:
    draft = draft_from_text("Person specification\nArea\tEssential\tDesirable\tMethod\nAble to drive\tInterview\n")
    for _ in range(len(draft.criteria)):
        draft.delete(0)
    draft.add_from_lines(2, 2)
    assert [(c.text, c.assessed_by) for c in draft.criteria] == [("Able to drive", ["interview"])]


def test_t_on_a_row_with_fewer_cells_than_its_header_puts_them_in_its_columns() -> None:
    text = (
        "Person specification\nArea\tEssential\tDesirable\tMethod\n"
        "Qualifications\tFive GCSEs including English\tA-level in science\tApplication form\n"
        "Experience\tExperience of working with the public\n"
    )
    draft = draft_from_text(text)
    draft.delete(len(draft.criteria) - 1)  # the Experience row's criterion, as if the reader had missed it
    index = draft.add_from_lines(3, 3)
    got = [(c.id, c.text, c.kind, c.category) for c in draft.criteria[index:]]
    assert got == [("E2", "Experience of working with the public", "essential", "Experience")]
