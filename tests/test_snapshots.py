"""Snapshots of the main screens at a fixed terminal size (review the SVG report before --snapshot-update)."""

from __future__ import annotations

from textual.widgets import Input

from selfassess.tui.app import make_app

from .helpers import seed_role

SIZE = (100, 30)
SMALL = (80, 24)


async def _new_session(pilot) -> None:
    await pilot.press("n")
    pilot.app.screen.query_one("#new-name", Input).value = "Alex Example"
    pilot.app.screen.query_one("#new-reference", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the spelling check of the (empty) answer
    pilot.app.screen.set_focus(None)  # no text cursor in the picture: its blink depends on timing
    await pilot.pause()


def test_home(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_home_wide_with_preview(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(130, 30))


def test_home_at_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SMALL)


def test_home_at_120x36(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 36))


def test_candidate(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_new_session)


def test_candidate_at_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=_new_session)


def test_statement_review(snap_compare) -> None:
    async def review(pilot) -> None:
        await _new_session(pilot)
        await pilot.press("f2")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=review)


def _panel_session(app):
    store = app.store
    role = seed_role()
    session = store.create(role, candidate="Alex Example", reference="C-9")
    store.set_panel(session.id, ["Ann Chair", "Bo Panel"], "Ann Chair", blind=True)
    for c in role.criteria:
        store.record_score(session.id, "Ann Chair", c.id, 1 if c.id == "E3" else 4)
        store.record_score(session.id, "Bo Panel", c.id, 3 if c.id == "E3" else 4)
    store.submit(session.id, "Ann Chair", "interview")
    store.set_consensus(session.id, "E3", 2, "Both examples thin on outcomes", "Ann Chair", "interview", override=True)
    return store.load(session.id)


def test_scoring(snap_compare, monkeypatch) -> None:
    import selfassess.tui.screens.scoring as scoring_screen

    monkeypatch.setattr(scoring_screen, "now", lambda: 1000.0)
    app = make_app()

    async def scoring(pilot) -> None:
        session = pilot.app.store.create(seed_role(), reference="C-9")
        session = pilot.app.store.set_panel(session.id, ["Ann Chair", "Bo Panel"], "Ann Chair")
        pilot.app.push_screen(scoring_screen.ScoringScreen(session, "Ann Chair", "interview"))
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause(1.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=scoring)


def test_moderation(snap_compare) -> None:
    from selfassess.tui.screens.moderation import ModerationScreen

    async def moderation(pilot) -> None:
        session = _panel_session(pilot.app)
        pilot.app.push_screen(ModerationScreen(session, "Ann Chair", "interview"))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=moderation)


def test_decision(snap_compare) -> None:
    from selfassess.tui.screens.decision import DecisionScreen

    async def decision(pilot) -> None:
        session = _panel_session(pilot.app)
        pilot.app.push_screen(DecisionScreen(session, "Ann Chair", "interview"))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=decision)
