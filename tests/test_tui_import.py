"""Import a job document in the app, correct it on the review screen, save it into the library."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from selfassess import roles
from selfassess.tui.app import make_app
from selfassess.tui.screens.import_review import ReviewScreen

DOC = (
    "Job title: Porter\nPerson specification\nEssential\n- Able to lift 20 kg safely\n- Good timekeeping\n"
    "Desirable\n- Experience in a hospital\n"
)


async def _open_review(pilot, app, path: Path) -> None:
    await pilot.press("i")
    app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_import_review_edit_and_save(tmp_path: Path, private_folders: dict[str, Path]) -> None:
    doc = tmp_path / "porter.txt"
    doc.write_text(DOC)
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_review(pilot, app, doc)
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("down", "down", "k")  # hospital experience becomes essential
        await pilot.press("shift+up")  # and moves above timekeeping
        await pilot.press("up", "x")  # delete the first row
        await pilot.press("a")  # add a criterion below the cursor
        app.screen.query_one(Input).value = "Willing to work nights"
        await pilot.press("enter")
        await pilot.press("e")  # edit its text
        area = app.screen.query_one(TextArea)
        area.load_text("")
        area.insert("Willing to work nights and weekends")
        await pilot.press("ctrl+s")
        draft = app.screen.draft
        assert [(c.id, c.text) for c in draft.criteria] == [
            ("E1", "Experience in a hospital"),
            ("E2", "Willing to work nights and weekends"),
            ("E3", "Good timekeeping"),
        ]
        await pilot.press("s")
        app.screen.query_one(Input).value = "night-porter"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
        saved = roles.load_role("night-porter")
        assert [c.text for c in saved.criteria][1] == "Willing to work nights and weekends"
        assert (private_folders["roles"] / "night-porter.toml").exists()
        assert app.screen.query_one("#roles", DataTable).row_count == 6


async def test_import_of_a_bad_file_is_a_message_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 nope")
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_review(pilot, app, bad)
        assert not isinstance(app.screen, ReviewScreen)
        assert any("broken.docx" in n.message and "damaged" in n.message for n in app._notifications)


async def test_leaving_review_asks_first(tmp_path: Path, private_folders: dict[str, Path]) -> None:
    doc = tmp_path / "porter.txt"
    doc.write_text(DOC)
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await _open_review(pilot, app, doc)
        await pilot.press("escape", "n")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape", "y")
        assert not isinstance(app.screen, ReviewScreen)
        assert not private_folders["roles"].exists() or not list(private_folders["roles"].iterdir())
