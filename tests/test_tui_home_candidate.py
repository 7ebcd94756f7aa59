"""The candidate's side of the home screen: focus after returning, the Done count, roles with one title."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from selfassess.tui.app import make_app

from .helpers import seed_role
from .test_tui_candidate import start_session

ROLE = seed_role()


async def test_focus_returns_to_a_table_and_done_counts_rated_answers() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert("I led the review and as a result delays fell by 20%.")
        await pilot.press("ctrl+r", "3", "ctrl+n")
        screen.editor.insert("A draft without a rating yet.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, DataTable)
        sessions = app.screen.query_one("#sessions", DataTable)
        assert sessions.get_row_at(0)[2] == f"1/{len(ROLE.criteria)}"  # one done; the draft is not done


async def test_two_roles_with_one_title_are_told_apart(private_folders: dict[str, Path]) -> None:
    source = seed_role().model_copy()
    folder = private_folders["roles"]
    folder.mkdir()
    for role_id in ("twin-a", "twin-b"):
        criteria = "\n".join(
            f'[[criteria]]\nid = "E{i}"\nkind = "essential"\ntext = "Criterion {i} of {role_id}"\n' for i in (1, 2)
        )
        (folder / f"{role_id}.toml").write_text(f'id = "{role_id}"\ntitle = "Twin officer"\n{criteria}')
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#roles", DataTable)
        titles = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        twins = [t for t in titles if t.startswith("Twin officer")]
        assert twins == ["Twin officer (twin-a)", "Twin officer (twin-b)"]
        assert source.title in titles  # a title held by one role only is shown as it is
