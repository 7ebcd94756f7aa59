"""The second fresh-eyes round on fair selection (tester 16b): rules kept in the core and shown in the TUI.
A conflicted panellist may not open the candidate in panel mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from selfassess import fairness
from selfassess.errors import BadInput
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.screens.home import HomeScreen

ROLE = Role(
    id="fair-16b",
    title="Fair clerk",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework experience", assessed_by=["application", "interview"]),
        Criterion(id="D1", kind="desirable", text="Audit experience", assessed_by=["application"]),
    ],
)
PANEL = ["Ann Chair", "Bo Panel"]
LOGINS = {"Ann Chair": "ann", "Bo Panel": "bo"}


def as_login(directory: Path, login: str) -> SessionStore:
    return SessionStore(directory, login=lambda: login)


def conflicted_session(store: SessionStore) -> str:
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-1")
    store.set_evidence(s.id, "E1", "I, Dana Testcase (dana@example.org), ran 40 cases.")
    store.set_panel(s.id, PANEL, "Ann Chair", stage="shortlisting", logins=LOGINS)
    return s.id


def test_a_conflicted_panellist_may_not_open_the_candidate_in_panel_mode(tmp_path: Path) -> None:
    bo, ann = as_login(tmp_path, "bo"), as_login(tmp_path, "ann")
    sid = conflicted_session(ann)
    bo.hold(sid, "Bo Panel")  # before declaring: Bo may view and score
    bo.release(sid, "Bo Panel")
    bo.declare_conflict(sid, "Bo Panel", True, "former colleague")
    session = bo.load(sid)
    assert "application is hidden" in (fairness.viewing_blocked(session, "Bo Panel") or "")
    assert fairness.viewing_blocked(session, "Ann Chair") is None
    with pytest.raises(BadInput, match="conflict of interest with this candidate: the application is hidden"):
        bo.hold(sid, "Bo Panel")
    ann.hold(sid, "Ann Chair")  # the others view as before


async def test_the_home_list_refuses_a_conflicted_panellist_in_one_line(tmp_path: Path) -> None:
    app = make_app()
    app._store = as_login(app.sessions_dir, "bo")
    sid = conflicted_session(as_login(app.sessions_dir, "ann"))
    app.store.declare_conflict(sid, "Bo Panel", True, "former colleague")
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = [n.message for n in app._notifications]
        assert any("application is hidden" in m and "\n" not in m for m in messages), messages


async def test_a_conflict_declared_while_the_scoring_screen_is_open_closes_it() -> None:
    from selfassess.tui.screens.scoring import ScoringScreen

    from .helpers import push

    app = make_app()
    app._store = as_login(app.sessions_dir, "bo")
    sid = conflicted_session(as_login(app.sessions_dir, "ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.store.hold(sid, "Bo Panel")
        push(app, ScoringScreen(app.store.load(sid), "Bo Panel", "shortlisting"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScoringScreen)
        # Bo declares at another terminal of his own login (his open screen does not block him)
        as_login(app.sessions_dir, "bo").declare_conflict(sid, "Bo Panel", True, "former colleague")
        screen._keep_lease()  # the screen's next lease refresh
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("application is hidden" in n.message for n in app._notifications)


# --- 8: consensus and decision reasons are capped like notes -------------------------------------------


def agreed_scores(store: SessionStore) -> str:
    """Both panellists scored E1 and D1 and submitted at shortlisting (one shared login)."""
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-1")
    store.set_panel(s.id, PANEL, "Ann Chair", stage="shortlisting")
    for name in PANEL:
        for cid in ("E1", "D1"):
            store.record_score(s.id, name, cid, 3, stage="shortlisting")
        store.submit(s.id, name, "shortlisting")
    return s.id


def test_consensus_and_decision_reasons_are_capped_by_the_store(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    sid = agreed_scores(store)
    with pytest.raises(BadInput, match=r"^consensus reason: 2,001 characters; at most 2,000$"):
        store.set_consensus(sid, "E1", 3, "r" * 2001, "Ann Chair", "shortlisting")
    assert store.load(sid).consensus == []
    store.set_consensus(sid, "E1", 3, "r" * 2000, "Ann Chair", "shortlisting")
    store.set_consensus(sid, "D1", 3, "", "Ann Chair", "shortlisting")
    with pytest.raises(BadInput, match=r"^decision reason: 2,530 characters; at most 2,000$"):
        store.record_decision(sid, "reserve", "d" * 2530, "Ann Chair", "shortlisting")
    assert store.load(sid).decisions == []
    store.record_decision(sid, "reserve", "d" * 2000, "Ann Chair", "shortlisting")


async def test_the_consensus_dialog_shows_the_cap_and_keeps_an_over_long_reason() -> None:
    from textual.widgets import Input, Static

    from selfassess.tui.dialogs.common import TextPrompt
    from selfassess.tui.screens.moderation import ModerationScreen

    app = make_app()
    sid = agreed_scores(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModerationScreen(app.store.load(sid), "Ann Chair", "shortlisting"))
        await pilot.pause()
        await pilot.press("enter", "enter")  # E1, the proposed score; then the reason dialog
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        hint = app.screen.query_one("#prompt-hint", Static)
        assert "at most 2,000 characters" in str(hint.render())
        long = "Clear example with figures. " * 90  # 2,520 characters
        app.screen.query_one(Input).value = long
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt) and app.screen.query_one(Input).value == long
        assert "Too long: 2,519 characters; at most 2,000" in str(hint.render())
        app.screen.query_one(Input).value = long[:200]
        await pilot.press("enter")
        await pilot.pause()
    assert [c.reason for c in app.store.load(sid).consensus] == [long[:200].strip()]


# --- 4: the fair campaign works under the login's name where logins are bound ---------------------------


def test_the_campaign_name_comes_from_the_login_where_panels_bind_logins() -> None:
    from selfassess import identity
    from selfassess.models import Panel

    bound = Panel(panellists=PANEL, chair="Ann Chair", logins=LOGINS)
    shared = Panel(panellists=PANEL, chair="Ann Chair")
    assert identity.campaign_name([bound, shared, None], "bo") == "Bo Panel"
    with pytest.raises(BadInput, match="login 'cy' is not bound to anyone on this role's panels"):
        identity.campaign_name([bound], "cy")
    other = Panel(panellists=["Bo Two", "Ann Chair"], chair="Ann Chair", logins={"Bo Two": "bo", "Ann Chair": "ann"})
    with pytest.raises(BadInput, match="bound to different names"):
        identity.campaign_name([bound, other], "bo")
    assert identity.campaign_name([shared, None], "bo") is None  # nobody bound: the terminal says who


async def test_f_opens_the_campaign_as_the_login_or_prefills_the_last_name() -> None:
    from textual.widgets import Input

    from selfassess.roles import write_role
    from selfassess.tui.dialogs.common import TextPrompt
    from selfassess.tui.screens.campaign import CampaignScreen
    from selfassess.tui.widgets.role_table import RoleTable

    app = make_app()
    write_role(ROLE, app.roles_dir)
    app._store = as_login(app.sessions_dir, "bo")
    sid = conflicted_session(as_login(app.sessions_dir, "ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(RoleTable).go_to(ROLE.id)
        await pilot.press("f")  # bound logins: no dialog, Bo's own campaign view
        await pilot.pause()
        assert isinstance(app.screen, CampaignScreen) and app.screen.actor == "Bo Panel"
        await pilot.press("escape")
        await pilot.pause()
        as_login(app.sessions_dir, "ann").set_panel(
            sid, PANEL, "Ann Chair", "shortlisting", logins={}, actor="Ann Chair"
        )
        for typed in ("Bo Panel", ""):  # nobody bound: asked, then prefilled with the last name given
            await pilot.press("f")
            await pilot.pause()
            assert isinstance(app.screen, TextPrompt) and app.screen.query_one(Input).value == (
                "" if typed else "Bo Panel"
            )
            if typed:
                app.screen.query_one(Input).value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, CampaignScreen) and app.screen.actor == "Bo Panel"
            await pilot.press("escape")
            await pilot.pause()


# --- 10: on a verified panel, a person's own open app does not block their own commands ----------------


def test_the_chairs_own_app_does_not_block_her_cli_but_another_login_does(tmp_path: Path, capsys) -> None:
    import json

    from selfassess import identity
    from selfassess.cli import main

    me = identity.os_login()
    folder = tmp_path / "s"
    ann, bo = SessionStore(folder), as_login(folder, "bo-x")
    s = ann.create(ROLE, candidate="Dana Testcase", reference="R-1")
    ann.set_panel(s.id, PANEL, "Ann Chair", stage="interview", logins={"Ann Chair": me, "Bo Panel": "bo-x"})
    for store, name in ((ann, "Ann Chair"), (bo, "Bo Panel")):
        store.record_score(s.id, name, "E1", 4, stage="interview")
        store.submit(s.id, name, "interview")
    ann.set_consensus(s.id, "E1", 4, "", "Ann Chair", "interview")
    ann.record_decision(s.id, "reserve", "strong second", "Ann Chair", "interview")
    SessionStore(folder).hold(s.id, "Ann Chair")  # the chair's app is open, scoring as her
    args = ["--sessions", str(folder), "reserve", ROLE.id, "--by", "Ann Chair", "--stage", "interview"]
    assert main(args) == 0, capsys.readouterr().err
    assert "1. Dana Testcase" in capsys.readouterr().out
    path = identity.lease_path(folder, s.id, "Ann Chair")
    path.write_text(json.dumps(json.loads(path.read_text()) | {"login": "intruder", "holder": "other"}))
    assert main(args) == 2
    assert "in use at another terminal (login 'intruder')" in capsys.readouterr().err


# --- 13: panels at mixed stages: the summary says where the others are ----------------------------------


def test_summary_with_panels_at_mixed_stages_says_where_the_others_are(tmp_path: Path, capsys) -> None:
    from selfassess.cli import main

    store = SessionStore(tmp_path / "s")
    for n in range(5):
        s = store.create(ROLE, candidate=f"Person {n}", reference=f"R-{n}")
        store.set_panel(s.id, PANEL, "Ann Chair", stage="interview" if n == 0 else "shortlisting")
    args = ["--sessions", str(store.directory), "summary", ROLE.id]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "showing interview: 4 candidates are at shortlisting (use --stage shortlisting)" in err
    assert main([*args, "--stage", "shortlisting"]) == 0
    assert "showing shortlisting: 1 candidate is at interview (use --stage interview)" in capsys.readouterr().err
    assert fairness.other_stages(store.sessions_of_role(ROLE.id)[:0], "interview") is None
