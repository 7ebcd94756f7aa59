"""Stage defaults follow the panels: the summary, reserve list, campaign calibration and merit order
default to the stage the role's panels are at; the merit views carry the GIS column."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from selfassess import fairness
from selfassess.cli import main
from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.screens.campaign import CampaignScreen
from selfassess.tui.screens.merit import MeritOrderScreen

from .test_tui_fair import PANEL, ROLE, campaign


def shortlisting_campaign(store: SessionStore) -> list[str]:
    ids = campaign(store)
    for sid in ids:
        store.set_panel(sid, PANEL, "Ann Chair", stage="shortlisting", actor="Ann Chair")
        store.record_score(sid, "Ann Chair", "E1", 4, stage="shortlisting")
    store.set_gis(ids[0], True, "Ann Chair")
    return ids


def test_current_stage_is_the_furthest_panel_stage(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    ids = shortlisting_campaign(store)
    assert fairness.current_stage(store.sessions_of_role(ROLE.id)) == "shortlisting"
    store.set_panel(ids[1], PANEL, "Ann Chair", stage="interview", actor="Ann Chair")
    assert fairness.current_stage(store.sessions_of_role(ROLE.id)) == "interview"
    assert fairness.current_stage([]) == "interview"


def test_summary_defaults_to_the_panels_stage_with_the_gis_column(tmp_path: Path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    shortlisting_campaign(store)
    assert main(["--sessions", str(store.directory), "summary", ROLE.id]) == 0
    out = capsys.readouterr().out
    assert "3 candidates, shortlisting" in out
    assert "guaranteed" in out and "flagged: no" in out and "below" not in out  # wrapped, never cut


async def test_campaign_and_merit_screens_default_to_the_panels_stage() -> None:
    app = make_app()
    shortlisting_campaign(app.store)
    async with app.run_test(size=(110, 34)) as pilot:
        app.push_screen(CampaignScreen(ROLE, "Ann Chair"))
        await pilot.pause()
        assert app.screen.stage == "shortlisting"
        assert "Calibration at shortlisting" in str(app.screen.query_one("#campaign-steps", Static).render())
        app.push_screen(MeritOrderScreen(ROLE))
        await pilot.pause()
        assert app.screen.stage == "shortlisting"
        table = app.screen.query_one(DataTable)
        cells = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        assert "flagged: no consensus yet" in cells
