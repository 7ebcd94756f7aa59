"""The home screen lists the role library; Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from selfassess.tui.app import make_app


async def test_home_lists_roles_and_previews_the_highlighted_one() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one("#roles", DataTable)
        assert table.row_count == 5
        await pilot.press("down")
        preview = str(app.screen.query_one("#preview", Static).render())  # 100 columns: no preview pane
        second = list(app.screen.roles.values())[1]
        assert second.title in preview and second.criteria[-1].id in preview


async def test_home_warns_about_a_damaged_role_file(private_folders: dict[str, Path]) -> None:
    private_folders["roles"].mkdir()
    (private_folders["roles"] / "broken.toml").write_text("title = ")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#roles", DataTable).row_count == 5
        assert any("broken.toml" in n.message for n in app._notifications)
