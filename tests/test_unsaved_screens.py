"""Every screen that edits keeps what a failed save did not write: leaving asks (retry, write it to a
file, discard on a second d), and the text can be recovered. Saves are made to fail as a full disk
or a damaged session file would (running as root, a read-only folder would not stop a write)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from selfassess import identity, session_admin
from selfassess.campaign_store import CampaignStore
from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.common import TextPrompt
from selfassess.tui.dialogs.unsaved import UnsavedDialog
from selfassess.tui.screens.decision import DecisionScreen
from selfassess.tui.screens.declarations import DeclarationsScreen
from selfassess.tui.screens.moderation import ModerationScreen
from selfassess.tui.screens.practice import PracticeScreen
from selfassess.tui.screens.question_plan import QuestionPlanScreen
from selfassess.tui.screens.scoring import ScoringScreen
from selfassess.tui.screens.shortlist import ShortlistScreen

from .helpers import push, seed_role
from .test_tui_fair import ROLE as FAIR_ROLE
from .test_tui_fair import campaign

ROLE = seed_role()
SIZE = (110, 34)
TEXT = "Clear example; the outcome was measured by the team's own audit."


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def panel_session(store: SessionStore, panellists: list[str], submitted: list[str]) -> str:
    session = store.create(ROLE, candidate="Alex Example", reference="C-1")
    store.set_panel(session.id, panellists, panellists[0], stage="interview")
    for name in panellists:
        for c in ROLE.criteria:
            store.record_score(session.id, name, c.id, 3, stage="interview")
    for name in submitted:
        store.submit(session.id, name, "interview")
    return session.id


async def leave_and_write(pilot, tmp_path: Path) -> str:
    """Escape: the guard asks; w writes the kept text to a new file, which is returned."""
    app = pilot.app
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, UnsavedDialog)
    await pilot.press("w")
    target = tmp_path / "kept.txt"
    app.screen.query_one("#unsaved-path", Input).value = str(target)
    await pilot.press("enter")
    await pilot.pause()
    assert not isinstance(app.screen, UnsavedDialog)
    return target.read_text(encoding="utf-8")


async def test_scoring_note_kept_when_the_file_is_damaged_and_retry_saves_it() -> None:
    app = make_app()
    store = app.store
    sid = panel_session(store, ["Ann Chair"], [])
    good = store.path(sid).read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        store.hold(sid, "Ann Chair")  # as panel entry does before scoring
        push(app, ScoringScreen(store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        screen = app.screen
        lease = identity.lease_path(store.directory, sid, "Ann Chair")
        assert lease.exists()
        store.path(sid).write_text("{broken")
        box = screen.query_one("#note-input", Input)
        box.focus()
        box.value = TEXT
        await pilot.press("enter")
        await pilot.pause()
        assert any("NOT SAVED" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # stay: the note is still in its box
        await pilot.pause()
        assert app.screen is screen and box.value == TEXT
        store.path(sid).write_bytes(good)  # the file is mended; retry saves the note and leaves
        await pilot.press("escape", "r")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, (UnsavedDialog, ScoringScreen))
        assert [n.text for n in store.load(sid).notes] == [TEXT]
        assert not lease.exists()  # leaving gave the panellist back


async def test_quitting_releases_the_panellists_lease() -> None:
    app = make_app()
    store = app.store
    sid = panel_session(store, ["Ann Chair"], [])
    async with app.run_test(size=SIZE) as pilot:
        store.hold(sid, "Ann Chair")  # as panel entry does before scoring
        push(app, ScoringScreen(store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        lease = identity.lease_path(store.directory, sid, "Ann Chair")
        assert lease.exists()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not lease.exists()


async def test_consensus_reason_kept_when_the_disk_is_full(tmp_path, monkeypatch) -> None:
    app = make_app()
    store = app.store
    sid = panel_session(store, ["Ann Chair"], ["Ann Chair"])
    async with app.run_test(size=SIZE) as pilot:
        push(app, ModerationScreen(store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        monkeypatch.setattr(SessionStore, "set_consensus", disk_full)
        await pilot.press("enter")  # the consensus value (proposed 3)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).value = TEXT
        await pilot.press("enter")
        await pilot.pause()
        assert any("No space left" in n.message for n in app._notifications)
        kept = await leave_and_write(pilot, tmp_path)
        assert TEXT in kept and ROLE.criteria[0].id in kept
        assert not isinstance(app.screen, ModerationScreen)


async def test_empty_override_reason_keeps_the_dialog_open_and_says_why() -> None:
    app = make_app()
    store = app.store
    sid = panel_session(store, ["Ann Chair", "Bo Panel"], ["Ann Chair"])  # Bo still scoring
    async with app.run_test(size=SIZE) as pilot:
        push(app, ModerationScreen(store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt) and "override" in app.screen.question
        await pilot.press("enter")  # empty
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert "reason is needed" in str(app.screen.query_one("#prompt-hint", Static).render())
        app.screen.query_one(Input).value = "Bo is ill; agreed with HR"
        await pilot.press("enter")
        await pilot.pause()
        [agreed] = store.load(sid).consensus
        assert agreed.override and agreed.reason == "Bo is ill; agreed with HR"


async def test_decision_reason_kept_and_discarded_only_on_a_second_d(monkeypatch) -> None:
    app = make_app()
    store = app.store
    sid = panel_session(store, ["Ann Chair"], ["Ann Chair"])
    async with app.run_test(size=SIZE) as pilot:
        push(app, DecisionScreen(store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        monkeypatch.setattr(SessionStore, "record_decision", disk_full)
        await pilot.press("3")
        await pilot.pause()
        app.screen.query_one(Input).value = TEXT
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionScreen)
        assert TEXT in screen.unsaved().text
        await pilot.press("escape", "d")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, (UnsavedDialog, DecisionScreen))


async def test_conflict_reason_kept(tmp_path, monkeypatch) -> None:
    app = make_app()
    campaign(app.store)
    async with app.run_test(size=SIZE) as pilot:
        push(app, DeclarationsScreen(FAIR_ROLE, "Bo Panel"))
        await pilot.pause()
        monkeypatch.setattr(SessionStore, "declare_conflict", disk_full)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(Input).value = "She is my neighbour"
        await pilot.press("enter")
        await pilot.pause()
        assert "She is my neighbour" in await leave_and_write(pilot, tmp_path)


async def test_shortlisting_note_kept(tmp_path, monkeypatch) -> None:
    app = make_app()
    campaign(app.store)
    async with app.run_test(size=SIZE) as pilot:
        push(app, ShortlistScreen(FAIR_ROLE.id, "Bo Panel"))
        await pilot.pause()
        monkeypatch.setattr(SessionStore, "record_score", disk_full)
        monkeypatch.setattr(SessionStore, "add_note", disk_full)
        app.screen.query_one("#sl-note-box", Input).value = TEXT
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.query_one("#sl-note-box", Input).value == TEXT  # still on screen
        assert TEXT in await leave_and_write(pilot, tmp_path)


async def test_question_plan_kept_when_it_cannot_be_saved(tmp_path, monkeypatch) -> None:
    app = make_app()
    first = campaign(app.store)[0]
    async with app.run_test(size=SIZE) as pilot:
        push(app, QuestionPlanScreen(FAIR_ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        monkeypatch.setattr(CampaignStore, "set_plan_item", disk_full)
        app.screen.query_one("#plan-questions", TextArea).insert("Tell us about a case you turned round.")
        kept = await leave_and_write(pilot, tmp_path)
        assert "Tell us about a case you turned round." in kept
        assert not isinstance(app.screen, QuestionPlanScreen)


@pytest.mark.parametrize("key", ["escape", "ctrl+q"])
async def test_practice_notes_kept(key, monkeypatch) -> None:
    app = make_app()
    session = app.store.create(FAIR_ROLE, candidate="Alex Example")
    async with app.run_test(size=SIZE) as pilot:
        push(app, PracticeScreen(session, {}))
        await pilot.pause()
        monkeypatch.setattr(session_admin, "set_practice_note", disk_full)
        app.screen.query_one("#practice-notes", TextArea).insert(TEXT)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog) and app.is_running
        assert TEXT in app.screen.pending.text


async def test_a_required_evidence_note_typed_in_its_dialog_is_kept_when_the_score_fails(monkeypatch) -> None:
    app = make_app()
    store = app.store
    sid = panel_session(store, ["Ann Chair"], [])
    store.set_panel_rules(sid, "Ann Chair", require_notes=True)
    async with app.run_test(size=SIZE) as pilot:
        push(app, ScoringScreen(store.load(sid), "Ann Chair", "interview"))
        await pilot.pause()
        monkeypatch.setattr(SessionStore, "record_score", disk_full)
        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = TEXT
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog) and TEXT in app.screen.pending.text
