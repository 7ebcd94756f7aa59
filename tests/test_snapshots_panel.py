"""Every panel screen at 80x24 and 120x36 (review the SVG report before --snapshot-update)."""

from __future__ import annotations

import pytest

from selfassess.tui.app import make_app

from .helpers import push, seed_role

SIZES = [(80, 24), (120, 36)]


def _scored(app):
    """A blind panel of two, both submitted, one consensus agreed."""
    store = app.store
    role = seed_role()
    session = store.create(role, candidate="Alex Example", reference="C-9")
    store.set_panel(session.id, ["Ann Chair", "Bo Panel"], "Ann Chair", blind=True)
    for c in role.criteria:
        store.record_score(session.id, "Ann Chair", c.id, 1 if c.id == "E3" else 4)
        store.record_score(session.id, "Bo Panel", c.id, 3 if c.id == "E3" else 4)
    store.submit(session.id, "Ann Chair", "interview")
    store.submit(session.id, "Bo Panel", "interview")
    store.set_consensus(session.id, "E3", 2, "Both examples thin on outcomes", "Ann Chair", "interview")
    return store.load(session.id)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_scoring_screen(snap_compare, monkeypatch, size) -> None:
    import selfassess.tui.screens.scoring as scoring_screen

    monkeypatch.setattr(scoring_screen, "now", lambda: 1000.0)

    async def run(pilot) -> None:
        session = pilot.app.store.create(seed_role(), reference="C-9")
        session = pilot.app.store.set_panel(session.id, ["Ann Chair", "Bo Panel"], "Ann Chair")
        push(pilot.app, scoring_screen.ScoringScreen(session, "Ann Chair", "interview"))
        await pilot.pause()
        await pilot.press("3")

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_moderation_screen(snap_compare, size) -> None:
    from selfassess.tui.screens.moderation import ModerationScreen

    async def run(pilot) -> None:
        push(pilot.app, ModerationScreen(_scored(pilot.app), "Ann Chair", "interview"))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_decision_screen(snap_compare, size) -> None:
    from selfassess.tui.screens.decision import DecisionScreen

    async def run(pilot) -> None:
        push(pilot.app, DecisionScreen(_scored(pilot.app), "Ann Chair", "interview"))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_merit_order_screen(snap_compare, size) -> None:
    from selfassess.tui.screens.merit import MeritOrderScreen

    async def run(pilot) -> None:
        session = _scored(pilot.app)
        other = pilot.app.store.create(seed_role(), reference="C-10")  # nobody scored: "not scored", never FAILED
        pilot.app.store.set_panel(other.id, ["Ann Chair", "Bo Panel"], "Ann Chair")  # at the stage shown
        push(pilot.app, MeritOrderScreen(session.role))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_panel_set_up(snap_compare, size) -> None:
    from selfassess.tui.dialogs.panel_setup import PanelSetupDialog

    async def run(pilot) -> None:
        for _ in range(100):  # the home screen behind finishes checking the library (its preview) first
            if getattr(pilot.app.screen, "roles", None):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        session = pilot.app.store.create(seed_role(), reference="C-9")
        push(pilot.app, PanelSetupDialog(session))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run)
