"""A live panel with Pilot: three terminals (three apps, one sessions folder, one login each), blind mode,
screens that follow one another, the chair's powers, and note text that can never change a score."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, Input

from selfassess.export.csvfile import campaign_csv
from selfassess.export.render import render
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.screens.moderation import ModerationScreen
from selfassess.tui.screens.scoring import ScoringScreen
from selfassess.tui.widgets.score_pad import ScorePad

from .helpers import LOGINS, PANEL, push

ROLE = Role(
    id="live",
    title="Case officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework experience"),
        Criterion(id="E2", kind="essential", text="Clear writing"),
        Criterion(id="D1", kind="desirable", text="Audit experience"),
    ],
)
SECRETS = ("Alex", "Examplesmith", "alex@example.org", "07700 900123")


def terminal(login: str):
    """An app as one panellist's terminal: its own store, logged in as ``login``."""
    app = make_app()
    app._store = SessionStore(app.sessions_dir, login=lambda: login)
    return app


def screen_text(app) -> str:
    return app.export_screenshot()


async def until(pilot, condition, tries: int = 50) -> bool:
    """Let the app run (no key pressed) until ``condition()`` holds; False if it never did."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


async def test_three_terminals_score_moderate_and_stay_blind(tmp_path) -> None:
    ann_app, bo_app, cy_app = terminal("ann"), terminal("bo"), terminal("cy")
    store = ann_app.store
    s = store.create(ROLE, candidate="Alex Examplesmith", reference="C-77")
    for c in ROLE.criteria:
        store.set_evidence(s.id, c.id, f"I, Alex Examplesmith (alex@example.org, 07700 900123), led {c.id}.")
    store.set_panel(s.id, PANEL, "Ann Chair", stage="shortlisting", blind=True, logins=LOGINS)
    seen: list[str] = []
    async with (
        ann_app.run_test(size=(100, 30)) as ann,
        bo_app.run_test(size=(100, 30)) as bo,
        cy_app.run_test(size=(100, 30)) as cy,
    ):
        for app, pilot in ((ann_app, ann), (bo_app, bo), (cy_app, cy)):
            seen.append(screen_text(app))  # the home screen lists the blind session by reference only
            table = app.screen.query_one("#sessions", DataTable)
            table.focus()
            await pilot.press("enter")  # opens panel mode: scores as this login's panellist, no picker
            await pilot.pause()
            assert isinstance(app.screen, ScoringScreen), [n.message for n in app._notifications]
            seen.append(screen_text(app))
        assert [a.screen.me for a in (ann_app, bo_app, cy_app)] == PANEL
        # independent scoring: two keys per criterion, each terminal as itself
        for pilot, value in ((ann, "4"), (bo, "4"), (cy, "2")):
            for _ in ROLE.criteria:
                await pilot.press(value, "enter")
        await ann.press("2")  # a pending change Ann has not confirmed survives the others' changes
        stored = store.load(s.id)
        assert {(x.panellist, x.criterion): x.value for x in stored.scores}[("Cy Member", "E1")] == 2
        # Cy and Ann submit; Ann's moderation shows only submitted scores
        for pilot in (cy, ann):
            await pilot.press("ctrl+s", "y")
            await pilot.pause()
        await ann.press("m")
        await ann.pause()
        assert isinstance(ann_app.screen, ModerationScreen)
        table = ann_app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row("E1")[2:5]] == ["4", "scoring", "2"]
        # Bo submits at his terminal: Ann's table follows without a key
        await bo.press("ctrl+s", "y")
        await bo.pause()
        assert await until(ann, lambda: str(table.get_row("E1")[3]) == "4")
        seen.append(screen_text(ann_app))
        # Cy (not the chair) cannot agree consensus, from the screen or the API
        await cy.press("m")
        await cy.pause()
        assert isinstance(cy_app.screen, ModerationScreen)
        await cy.press("a")
        await cy.pause()
        assert any("Only the chair" in n.message for n in cy_app._notifications)
        assert store.load(s.id).consensus == []
        seen.append(screen_text(cy_app))
        # the chair agrees a consensus; Cy's terminal shows it without a key
        cy_table = cy_app.screen.query_one(DataTable)
        await ann.press("enter")
        await ann.pause()
        ann_app.screen.query_one(Input).value = "3"
        await ann.press("enter")
        await ann.pause()
        ann_app.screen.query_one(Input).value = "Alex Examplesmith's example was thin"
        await ann.press("enter")
        await ann.pause()
        assert await until(cy, lambda: str(cy_table.get_cell("E1", "consensus")) == "3")
        await ann.press("d")
        await ann.pause()
        seen.append(screen_text(ann_app))
        await ann.press("escape", "escape", "escape")
        await ann.press("o")  # merit order of the role from the home screen
        await ann.pause()
        seen.append(screen_text(ann_app))
    session = store.load(s.id)
    audit = store.audit(s.id)
    for fmt in ("txt", "md", "csv", "json"):
        data = render(session, "summary", fmt, False, audit, "shortlisting")
        seen.append(data if isinstance(data, str) else data.decode("utf-8-sig"))
    seen.append(campaign_csv([session], "shortlisting").decode("utf-8-sig"))
    for text in seen:
        for secret in SECRETS:
            assert secret not in text
    assert "C-77" in seen[0]
    logins = {e.actor: e.login for e in audit if e.action in ("score.record", "scores.submit")}
    assert logins == LOGINS


async def test_moderation_rows_stay_right_after_a_consensus_deep_in_a_long_list() -> None:
    criteria = [Criterion(id=f"E{i}", kind="essential", text=f"Criterion {i}") for i in range(1, 31)]
    criteria += [Criterion(id=f"D{i}", kind="desirable", text=f"Desirable {i}") for i in range(1, 7)]
    role = Role(id="long", title="Long role", criteria=criteria)
    app = make_app()
    store = app.store
    s = store.create(role, reference="C-36")
    store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair")
    for name, value in (("Ann Chair", 3), ("Bo Panel", 4)):
        for c in criteria:
            store.record_score(s.id, name, c.id, value if c.id != "E20" else 5)
        store.submit(s.id, name, "interview")
    async with app.run_test(size=(80, 24)) as pilot:
        push(app, ModerationScreen(store.load(s.id), "Ann Chair", "interview"))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=19)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).value = "5"
        await pilot.press("enter", "enter")  # unanimous: the comment is optional
        await pilot.pause()
        assert [x.criterion for x in store.load(s.id).consensus] == ["E20"]
        for i, c in enumerate(criteria):
            row = table.get_row_at(i)
            assert str(row[0]) == c.id and table.get_row(c.id)[0] == c.id
        assert table.columns[table.ordered_columns[0].key].width >= 3
        assert str(table.get_row("E20")[7]) == "5" and str(table.get_row("E21")[7]) == "-"
        assert table.cursor_row == 19
        await pilot.press("a")  # every other row: the panellists differ, so nothing is accepted
        await pilot.pause()
        assert [x.criterion for x in store.load(s.id).consensus] == ["E20"]


async def test_one_key_accepts_every_unanimous_row() -> None:
    app = make_app()
    store = app.store
    s = store.create(ROLE, reference="C-5")
    store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair")
    for name, values in (("Ann Chair", (3, 4, 2)), ("Bo Panel", (3, 1, 2))):
        for c, v in zip(ROLE.criteria, values, strict=True):
            store.record_score(s.id, name, c.id, v)
        store.submit(s.id, name, "interview")
    async with app.run_test(size=(100, 30)) as pilot:
        push(app, ModerationScreen(store.load(s.id), "Ann Chair", "interview"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
    assert {c.criterion: c.value for c in store.load(s.id).consensus} == {"E1": 3, "D1": 2}


NOTE_TEXT = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=24)


@settings(max_examples=12)
@given(NOTE_TEXT)
def test_note_text_never_changes_a_score(tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("notes")

    async def run() -> None:
        app = make_app(sessions_dir=folder)
        store = app.store
        s = store.create(ROLE, reference="C-8")
        store.set_panel(s.id, ["Ann Chair"], "Ann Chair")
        store.record_score(s.id, "Ann Chair", "E1", 3)
        before = store.load(s.id)
        events = len(store.audit(s.id))
        async with app.run_test(size=(100, 30)) as pilot:
            push(app, ScoringScreen(store.load(s.id), "Ann Chair", "interview"))
            await pilot.pause()
            assert app.screen.focused is app.screen.query_one(ScorePad)
            await pilot.press("tab")  # score pad -> note box
            assert app.screen.focused is app.screen.query_one("#note-input", Input)
            await pilot.press(*text)
            assert app.screen.query_one("#note-input", Input).value == text
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ScoringScreen) and app.screen.auto_advance
        after = store.load(s.id)
        assert after.scores == before.scores and after.consensus == before.consensus
        assert after.submissions == before.submissions
        added = [e.action for e in store.audit(s.id)[events:]]
        assert added == (["note.add"] if text.strip() else [])

    asyncio.run(run())


async def test_focus_order_is_rail_score_note() -> None:
    app = make_app()
    s = app.store.create(ROLE, reference="C-6")
    app.store.set_panel(s.id, ["Ann Chair"], "Ann Chair")
    async with app.run_test(size=(80, 24)) as pilot:
        push(app, ScoringScreen(app.store.load(s.id), "Ann Chair", "interview"))
        await pilot.pause()
        order = []
        for _ in range(3):
            order.append(app.screen.focused.id)
            await pilot.press("tab")
        assert order == ["score-pad", "note-input", "criteria"]
        assert app.screen.focused.id == "score-pad"  # back round: a digit here scores, shown where you look
        await pilot.press("4", "enter")
        await pilot.pause()
        assert "Recorded E1: 4" in str(app.screen.query_one(ScorePad).render())
        assert app.screen.index == 1
