"""The home screen lists the role library; Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from selfassess.tui.app import make_app


async def test_home_lists_roles_and_previews_the_highlighted_one() -> None:
    app = make_app()
    async with app.run_test(size=(130, 30)) as pilot:
        table = app.screen.query_one("#roles", DataTable)
        assert table.row_count == 5
        await app.workers.wait_for_complete()
        await pilot.press("down")
        await pilot.pause()
        preview = str(app.screen.query_one("#preview", Static).render())
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


async def test_narrow_home_has_no_preview_until_widened() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query("#preview")
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert app.screen.query("#preview")
