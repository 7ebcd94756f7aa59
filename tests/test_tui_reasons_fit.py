"""Reasons readable on any terminal (16c/19, 20): moderation shows the highlighted row's agreed reason in
full below the table and a conflicted panellist as "conflict"; the conflicts list cuts a long reason so
its other columns stay on screen, with the highlighted row's whole declaration below."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from selfassess.tui.app import make_app
from selfassess.tui.screens.declarations import DeclarationsScreen
from selfassess.tui.screens.moderation import ModerationScreen

from .helpers import push
from .test_fair_16c import ROLE, as_login, moderated

LONG = "Strong, specific example of turning round a backlog of 40 cases with measured results; " * 3


async def test_moderation_shows_the_whole_agreed_reason_below_the_table_at_80_columns() -> None:
    app = make_app()
    app._store = as_login(app.sessions_dir, "ann")
    sid = moderated(app.sessions_dir)
    app.store.set_consensus(sid, "E1", 3, LONG.strip(), "Ann Chair", "interview")
    as_login(app.sessions_dir, "cy").declare_conflict(sid, "Cy Panel", True, "realised she is my neighbour")
    async with app.run_test(size=(80, 24)) as pilot:
        push(app, ModerationScreen(app.store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        notes = str(app.screen.query_one("#moderation-notes", Static).render())
        table = app.screen.query_one(DataTable)
        cy = str(table.get_cell("E1", "p:Cy Panel"))
        reason = str(table.get_cell("E1", "reason"))
    assert "Agreed E1: 3 by Ann Chair. Reason: Strong, specific example" in notes
    assert "measured results;" in notes.replace("\n", " ").split("Notes on")[0][-80:]  # the end of it too
    assert cy == "conflict"
    assert len(reason) == 30 and reason.endswith("…")


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
async def test_the_conflicts_list_keeps_every_column_on_screen_with_a_long_reason(size) -> None:
    app = make_app()
    app._store = as_login(app.sessions_dir, "bo")
    sid = moderated(app.sessions_dir)
    app.store.declare_conflict(sid, "Bo Panel", True, "Former line manager " + LONG)
    async with app.run_test(size=size) as pilot:
        push(app, DeclarationsScreen(ROLE, "Bo Panel"))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        detail = str(app.screen.query_one("#declare-detail", Static).render()).replace("\n", " ")
        assert table.virtual_size.width <= table.size.width  # GIS and minimum not pushed off
        assert "CONFLICT: Former line manager" in str(table.get_row_at(0)[1])
    assert detail.startswith("Dana Testcase (ref R-1): CONFLICT: Former line manager Strong")
    assert "measured results;" in detail[-40:]
