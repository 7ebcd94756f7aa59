"""Import a job document or pasted text in the app, correct it on the review screen, save it, use it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, TextArea

from selfassess import paths, roles
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.common import Confirm
from selfassess.tui.dialogs.role_import import ImportDialog, SaveRoleDialog
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.import_review import ReviewScreen
from selfassess.tui.widgets.source_view import SourceList

DOC = (
    "Job title: Porter\nPerson specification\nEssential\n- Able to lift 20 kg safely\n- Good timekeeping\n"
    "Desirable\n- Experience in a hospital\n"
)
PASTED = (
    "Job title: Ward clerk\n"
    "Person specification\n"
    "Essential\n"
    "- Good IT skills. Able to work to deadlines\n"
    "- Experience of reception work\n"
    "- in a busy setting\n"
    "Desirable\n"
    "- Knowledge of NHS systems\n"
    "Full UK driving licence / Desirable / Interview\n"
)
NOTHING = "Thank you for your interest in this post.\nAbout us\nWe are a friendly team\nCommitted to patient care\n"


def texts(app) -> list[tuple[str, str]]:
    return [(c.id, c.text) for c in app.screen.draft.criteria]


async def _read(pilot, app) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _paste(pilot, app, text: str) -> None:
    await pilot.press("i")
    assert isinstance(app.screen, ImportDialog)
    app.screen.query_one("#import-text", TextArea).insert(text)
    await pilot.press("ctrl+s")
    await _read(pilot, app)


async def _open_file(pilot, app, path: Path) -> None:
    await pilot.press("i")
    app.screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    await _read(pilot, app)


async def _save(pilot, app, role_id: str, title: str | None = None) -> None:
    await pilot.press("s")
    assert isinstance(app.screen, SaveRoleDialog)
    if title is not None:
        app.screen.query_one("#save-title", Input).value = title
    app.screen.query_one("#save-id", Input).value = role_id
    app.screen.query_one("#save-id", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


async def _start_session(pilot, app, role_id: str) -> CandidateScreen:
    table = app.screen.query_one("#roles", DataTable)
    assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == role_id
    await pilot.press("n")
    await pilot.press("enter", "enter")
    await pilot.pause()
    assert isinstance(app.screen, CandidateScreen)
    return app.screen


async def _prompt(pilot, app, value: str) -> None:
    app.screen.query_one(Input).value = value
    await pilot.press("enter")


async def test_paste_correct_save_and_start_a_session(private_folders: dict[str, Path]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _paste(pilot, app, PASTED)
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen
        assert review.draft.source_lines[:9] == PASTED.splitlines()
        found = len(review.draft.criteria)
        assert found >= 1 and review.draft.used_lines()  # what the extractor used is marked

        # clear what was found, then build every criterion from the source lines
        for _ in range(found):
            await pilot.press("x")
        assert texts(app) == [] and review.draft.used_lines() == {}
        source = review.query_one("#source", SourceList)
        source.focus()
        for line in (8, 3, 4, 5, 7):  # any order: each lands in document order
            source.highlighted = line
            await pilot.press("t")
        assert texts(app) == [
            ("E1", "Good IT skills. Able to work to deadlines"),
            ("E2", "Experience of reception work"),
            ("E3", "in a busy setting"),
            ("E4", "Knowledge of NHS systems"),
            ("D1", "Full UK driving licence"),
        ]
        assert app.screen.draft.criteria[-1].assessed_by == ["interview"]
        assert sorted(app.screen.draft.used_lines()) == [3, 4, 5, 7, 8]

        # split the first criterion, join the two halves of the reception one
        criteria = review.query_one("#criteria", OptionList)
        criteria.focus()
        criteria.highlighted = 0
        await pilot.press("slash")
        area = app.screen.query_one(TextArea)
        assert area.text == "Good IT skills.\nAble to work to deadlines"
        await pilot.press("ctrl+s")
        await pilot.pause()
        criteria.highlighted = 2
        await pilot.press("j")
        assert texts(app)[:3] == [
            ("E1", "Good IT skills."),
            ("E2", "Able to work to deadlines"),
            ("E3", "Experience of reception work in a busy setting"),
        ]
        assert app.screen.draft.criteria[2].span == (4, 5)

        # reorder, kind, category, methods (a bad code is a message and keeps what was typed)
        await pilot.press("shift+up")
        assert texts(app)[1] == ("E2", "Experience of reception work in a busy setting")
        criteria.highlighted = 3
        await pilot.press("k", "k")
        assert texts(app)[3] == ("E4", "Knowledge of NHS systems")
        await pilot.press("c")
        await _prompt(pilot, app, "Knowledge")
        await pilot.press("m")
        await _prompt(pilot, app, "A, Q")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "A, Q"
        assert any("how assessed" in n.message for n in app._notifications)
        await _prompt(pilot, app, "A, I")
        await pilot.pause()
        nhs = app.screen.draft.criteria[3]
        assert (nhs.kind, nhs.category, nhs.assessed_by) == ("essential", "Knowledge", ["application", "interview"])

        # a bad id keeps what was typed; a good one saves and highlights the role at home
        await _save(pilot, app, "Ward Clerk!")
        assert isinstance(app.screen, SaveRoleDialog)
        assert app.screen.query_one("#save-id", Input).value == "Ward Clerk!"
        assert app.screen.query_one("#save-title", Input).value == "Ward clerk"
        assert app.screen.focused is app.screen.query_one("#save-id", Input)  # the field at fault
        assert any("role id" in n.message for n in app._notifications)
        app.screen.query_one("#save-id", Input).value = "ward-clerk"
        await pilot.press("enter")
        await pilot.pause()
        saved = roles.load_role("ward-clerk")
        assert [c.id for c in saved.criteria] == ["E1", "E2", "E3", "E4", "D1"]
        assert saved.criteria[3].assessed_by == ["application", "interview"]
        candidate = await _start_session(pilot, app, "ward-clerk")
        assert candidate.session.role.id == "ward-clerk"


async def test_nothing_found_still_opens_review_and_ends_in_a_usable_role() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _paste(pilot, app, NOTHING)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.draft.criteria == [] and app.screen.draft.source_lines[:4] == NOTHING.splitlines()
        assert app.screen.query_one("#criteria-empty").display
        await pilot.press("s")  # saving an empty role says why and keeps the dialog's values
        app.screen.query_one("#save-title", Input).value = "Ward helper"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveRoleDialog)
        assert app.screen.query_one("#save-title", Input).value == "Ward helper"
        await pilot.press("escape")
        source = app.screen.query_one("#source", SourceList)
        source.focus()
        source.highlighted = 2
        await pilot.press("space", "down", "t")  # lines 3-4 as one criterion
        assert texts(app) == [("E1", "We are a friendly team Committed to patient care")]
        await pilot.press("a")
        await _prompt(pilot, app, "Able to work shifts")
        await pilot.pause()
        await _save(pilot, app, "ward-helper", title="Ward helper")
        role = roles.load_role("ward-helper")
        assert (role.title, len(role.criteria)) == ("Ward helper", 2)
        await _start_session(pilot, app, "ward-helper")


async def test_new_role_from_scratch() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("N")
        assert isinstance(app.screen, ReviewScreen)
        assert not app.screen.query_one("#source-pane").display
        await pilot.press("a")
        await _prompt(pilot, app, "A relevant degree")
        await pilot.press("k")
        await _save(pilot, app, "porter", title="Porter")
        assert roles.load_role("porter").criteria[0].id == "D1"


async def test_n_on_an_empty_library_makes_a_role(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    shutil.copy(paths.builtin_roles_dir() / "scales.toml", builtin / "scales.toml")
    monkeypatch.setattr(paths, "builtin_roles_dir", lambda: builtin)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#roles", DataTable).row_count == 0
        await pilot.press("n")
        assert isinstance(app.screen, ReviewScreen) and app.screen.draft.criteria == []
        await pilot.press("a")
        await _prompt(pilot, app, "Able to lift 20 kg")
        await _save(pilot, app, "porter", title="Porter")
        await _start_session(pilot, app, "porter")


async def test_import_file_review_edit_and_save(tmp_path: Path, private_folders: dict[str, Path]) -> None:
    doc = tmp_path / "porter.txt"
    doc.write_text(DOC)
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_file(pilot, app, doc)
        assert isinstance(app.screen, ReviewScreen)
        assert len(app.screen.draft.criteria) == 3
        await pilot.press("down", "down", "k")  # hospital experience becomes essential
        await pilot.press("shift+up")  # and moves above timekeeping
        await pilot.press("up", "x")  # delete the first row
        await pilot.press("a")  # add a criterion below the cursor
        await _prompt(pilot, app, "Willing to work nights")
        await pilot.press("e")  # edit its text
        area = app.screen.query_one(TextArea)
        area.load_text("")
        area.insert("Willing to work nights and weekends")
        await pilot.press("ctrl+s")
        assert texts(app) == [
            ("E1", "Experience in a hospital"),
            ("E2", "Willing to work nights and weekends"),
            ("E3", "Good timekeeping"),
        ]
        await _save(pilot, app, "night-porter")
        assert not isinstance(app.screen, ReviewScreen)
        saved = roles.load_role("night-porter")
        assert [c.text for c in saved.criteria][1] == "Willing to work nights and weekends"
        assert (private_folders["roles"] / "night-porter.toml").exists()
        assert app.screen.query_one("#roles", DataTable).row_count == 6


async def test_saving_over_an_existing_role_asks_first(tmp_path: Path) -> None:
    doc = tmp_path / "porter.txt"
    doc.write_text(DOC)
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_file(pilot, app, doc)
        await _save(pilot, app, "porter")
        await _open_file(pilot, app, doc)
        await pilot.press("x")
        await _save(pilot, app, "porter")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # not replaced: back to the save dialog with what was typed
        assert isinstance(app.screen, SaveRoleDialog)
        assert app.screen.query_one("#save-id", Input).value == "porter"
        assert len(roles.load_role("porter").criteria) == 3
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert len(roles.load_role("porter").criteria) == 2


async def test_import_of_a_bad_file_is_a_message_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 nope")
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_file(pilot, app, bad)
        assert isinstance(app.screen, ImportDialog)  # what was typed stays
        assert app.screen.query_one("#import-path", Input).value == str(bad)
        assert any("broken.docx" in n.message and "damaged" in n.message for n in app._notifications)


async def test_a_file_with_no_criteria_opens_review_with_its_text(tmp_path: Path) -> None:
    doc = tmp_path / "letter.txt"
    doc.write_text(NOTHING)
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_file(pilot, app, doc)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.draft.criteria == [] and app.screen.draft.source == "letter.txt"


async def test_leaving_review_asks_first(tmp_path: Path, private_folders: dict[str, Path]) -> None:
    doc = tmp_path / "porter.txt"
    doc.write_text(DOC)
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_file(pilot, app, doc)
        await pilot.press("escape", "n")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape", "y")
        assert not isinstance(app.screen, ReviewScreen)
        assert not private_folders["roles"].exists() or not list(private_folders["roles"].iterdir())
