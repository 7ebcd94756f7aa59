"""Panel mode with Pilot: two panellists score independently, moderate, agree consensus and decide."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static

from selfassess import scoring
from selfassess.tui.app import make_app
from selfassess.tui.screens.decision import DecisionScreen
from selfassess.tui.screens.moderation import ModerationScreen
from selfassess.tui.screens.scoring import ScoringScreen

from .helpers import push, seed_role

ROLE = seed_role()  # every criterion is scored at every stage (no how-assessed codes)
ANN = {c.id: 4 for c in ROLE.criteria} | {"E3": 1}
BO = {c.id: 4 for c in ROLE.criteria} | {"E3": 3}


async def score_all(pilot, scores: dict[str, int]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, ScoringScreen)
    for criterion in screen.criteria:
        for _ in range(50):  # the advance lands after a refresh: wait for it however busy the machine is
            if screen.criteria[screen.index].id == criterion.id:
                break
            await pilot.pause(0.02)
        assert screen.criteria[screen.index].id == criterion.id  # auto-advance walks them in order
        await pilot.press(str(scores[criterion.id]), "enter")


async def test_two_panellists_moderate_and_decide(tmp_path) -> None:
    app_a, app_b = make_app(), make_app()
    store = app_a.store
    session = store.create(ROLE, candidate="Alex Example", reference="C-9")
    store.set_panel(session.id, ["Ann Chair", "Bo Panel"], "Ann Chair", stage="interview", blind=True)
    async with app_a.run_test(size=(110, 34)) as ann, app_b.run_test(size=(110, 34)) as bo:
        push(app_a, ScoringScreen(store.load(session.id), "Ann Chair", "interview"))
        push(app_b, ScoringScreen(store.load(session.id), "Bo Panel", "interview"))
        await ann.pause()
        await bo.pause()
        assert "Alex" not in app_a.screen.sub_title and "C-9" in app_a.screen.sub_title  # blind mode
        await score_all(ann, ANN)
        await score_all(bo, BO)
        stored = store.load(session.id)
        assert len(stored.scores) == 2 * len(ROLE.criteria)
        # neither sees the other's scores before submitting
        assert scoring.visible_scores(stored, "Ann Chair", "interview")["E3"] == {"Ann Chair": 1}
        await ann.press("m")
        assert not isinstance(app_a.screen, ModerationScreen)
        assert any("Submit your own scores first" in n.message for n in app_a._notifications)
        # Ann submits and moderates; Bo still cannot see
        await ann.press("ctrl+s", "y", "m")
        await ann.pause()
        assert isinstance(app_a.screen, ModerationScreen)
        table = app_a.screen.query_one(DataTable)
        assert str(table.get_row("E3")[3]) == "scoring"  # Bo has not submitted: his score is not shown
        await bo.press("m")
        assert not isinstance(app_b.screen, ModerationScreen)
        await bo.press("ctrl+s", "y")
        await bo.pause()
        for _ in range(20):  # Ann's screen follows Bo's submission without a key
            await ann.pause(0.1)
            if str(table.get_row("E3")[3]) == "3":
                break
        e3 = table.get_row("E3")
        assert e3[2:4] == ["1", "3"] and e3[5] == "2" and "SPREAD" in str(e3[6])
        assert "SPREAD" not in str(table.get_row("E1")[6])
        # consensus for E3 differs from both scores, so it needs a reason
        table.move_cursor(row=[c.id for c in ROLE.criteria].index("E3"))
        await ann.press("enter")
        assert app_a.screen.query_one(Input).value == "2"  # proposed: the rounded mean
        await ann.press("enter")
        await ann.pause()
        app_a.screen.query_one(Input).value = "Both examples thin on outcomes; agreed 2"
        await ann.press("enter")
        await ann.pause()
        stored = store.load(session.id)
        [agreed] = [c for c in stored.consensus if c.criterion == "E3"]
        assert (agreed.value, agreed.reason, agreed.by) == (2, "Both examples thin on outcomes; agreed 2", "Ann Chair")
        for c in ROLE.criteria:
            if c.id != "E3":
                store.set_consensus(session.id, c.id, 5, "strong", "Ann Chair", "interview")
        # the gate fails on E3 whatever the total
        await ann.press("d")
        await ann.pause()
        assert isinstance(app_a.screen, DecisionScreen)
        text = str(app_a.screen.query_one("#decision", Static).render())
        assert "gate: FAILED" in text and "E3: consensus 2 is below met (3)" in text
        await ann.press("1")  # refused at the key press, before any reason is typed (tester 16c/8)
        await ann.pause()
        assert isinstance(app_a.screen, DecisionScreen)
        assert store.load(session.id).decisions == []
        assert any("gate fails on E3" in n.message for n in app_a._notifications)
        await ann.press("3")
        app_a.screen.query_one(Input).value = "E3 not met"
        await ann.press("enter")
        await ann.pause()
        [decision] = store.load(session.id).decisions
        assert (decision.recommendation, decision.reason, decision.by) == ("not appointable", "E3 not met", "Ann Chair")
        actions = [e.action for e in store.audit(session.id)]
        assert actions.count("score.record") == 2 * len(ROLE.criteria)
        assert "scores.submit" in actions and "consensus.set" in actions and actions[-1] == "decision.record"


async def test_change_after_submit_needs_reason_and_not_assessed_is_distinct() -> None:
    app = make_app()
    store = app.store
    session = store.create(ROLE, reference="C-10")
    store.set_panel(session.id, ["Ann Chair"], "Ann Chair", stage="shortlisting")
    store.set_evidence(session.id, "E1", "I qualified in 2019 [b]bold?[/b]")
    async with app.run_test(size=(110, 34)) as pilot:
        push(app, ScoringScreen(store.load(session.id), "Ann Chair", "shortlisting"))
        await pilot.pause()
        body = str(app.screen.query_one("#criterion-text", Static).render())
        assert "Candidate's evidence" in body and "[b]bold?[/b]" in body  # shortlisting shows evidence
        await pilot.press("x", "enter")  # not assessed
        await pilot.press("ctrl+s", "y")
        await pilot.press("ctrl+b", "0", "enter")
        app.screen.query_one(Input).value = "Evidence found in the CV after all"
        await pilot.press("enter")
        await pilot.pause()
        scores = [s for s in store.load(session.id).scores if s.criterion == "E1"]
        assert [s.value for s in scores] == [0]
        change = store.audit(session.id)[-1]
        assert change.action == "score.change" and change.old["value"] is None
        assert change.new["reason"] == "Evidence found in the CV after all"


async def test_notes_are_time_stamped() -> None:
    app = make_app()
    store = app.store
    session = store.create(ROLE, reference="C-11")
    store.set_panel(session.id, ["Ann Chair"], "Ann Chair")
    async with app.run_test(size=(110, 34)) as pilot:
        push(app, ScoringScreen(store.load(session.id), "Ann Chair", "interview"))
        await pilot.pause()
        app.screen.query_one("#note-input", Input).focus()
        app.screen.query_one("#note-input", Input).value = "Gave a clear example from a court case"
        await pilot.press("enter")
        await pilot.pause()
        [note] = store.load(session.id).notes
        assert note.text == "Gave a clear example from a court case" and note.criterion == ROLE.criteria[0].id
        assert "Gave a clear example" in str(app.screen.query_one("#criterion-text", Static).render())


async def test_merit_order_and_home_panel_entry(private_folders) -> None:
    app = make_app()
    store = app.store
    for ref, value in (("C-1", 3), ("C-2", 5)):
        s = store.create(ROLE, reference=ref)
        store.set_panel(s.id, ["A"], "A")
        for c in ROLE.criteria:
            store.set_consensus(s.id, c.id, value, "ok", "A", "interview", override=True)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == ["ref C-2", "ref C-1"]
        await pilot.press("escape")
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")  # the only panellist
        await pilot.pause()
        assert isinstance(app.screen, ScoringScreen) and app.screen.me == "A"


async def test_panel_set_up_from_home_then_change_stage(private_folders) -> None:
    app = make_app()
    session = app.store.create(ROLE, candidate="Alex Example")
    async with app.run_test(size=(110, 40)) as pilot:
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#panel-names", Input).value = "Ann Chair, Bo Panel"
        app.screen.query_one("#panel-stage", Select).value = "shortlisting"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ScoringScreen) and (app.screen.me, app.screen.stage) == (
            "Bo Panel",
            "shortlisting",
        )
        await pilot.press("escape")
        # this terminal scored as Bo: on a shared login it may not change the panel in the chair's name
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("P")
        await pilot.pause()
        app.screen.query_one("#panel-stage", Select).value = "interview"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.load(session.id).panel.stage == "shortlisting"
        await pilot.press("escape")
        await pilot.pause()
    chair_terminal = make_app()  # a terminal that has scored as nobody acts as the chair (not verified)
    async with chair_terminal.run_test(size=(110, 40)) as pilot:
        chair_terminal.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("P")
        await pilot.pause()
        chair_terminal.screen.query_one("#panel-stage", Select).value = "interview"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
    panel = app.store.load(session.id).panel
    assert (panel.chair, panel.stage, panel.panellists) == ("Ann Chair", "interview", ["Ann Chair", "Bo Panel"])


async def test_decision_and_merit_screens_export_without_overwriting(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    store = app.store
    session = store.create(ROLE, reference="C-12")
    store.set_panel(session.id, ["A"], "A")
    for c in ROLE.criteria:
        store.set_consensus(session.id, c.id, 4, "ok", "A", "interview", override=True)
    async with app.run_test(size=(110, 34)) as pilot:
        push(app, DecisionScreen(store.load(session.id), "A", "interview"))
        await pilot.pause()
        await pilot.press("e")
        app.screen.query_one(Input).value = str(tmp_path / "summary.md")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "summary.md").read_text().startswith("# Panel summary")
        await pilot.press("e")
        app.screen.query_one(Input).value = str(tmp_path / "summary.md")
        await pilot.press("enter", "n")
        await pilot.pause()
        # "n" to overwrite keeps the path dialog open with what was typed, to choose another name
        assert app.screen.query_one(Input).value == str(tmp_path / "summary.md")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        await pilot.press("escape", "o")
        await pilot.pause()
        await pilot.press("e", "enter")
        await pilot.pause()
    [campaign] = list(tmp_path.glob("*-campaign.csv"))
    assert "C-12" in campaign.read_text(encoding="utf-8-sig")


async def test_bad_panel_set_up_keeps_what_was_typed(private_folders) -> None:
    from selfassess.tui.dialogs.panel_setup import PanelSetupDialog

    app = make_app()
    session = app.store.create(ROLE, reference="C-13")
    async with app.run_test(size=(110, 40)) as pilot:
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#panel-names", Input).value = "Ann Chair, Bo Panel"
        app.screen.query_one("#panel-chair", Input).value = "Cy Nobody"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PanelSetupDialog)
        assert app.screen.query_one("#panel-names", Input).value == "Ann Chair, Bo Panel"
        assert any("chair 'Cy Nobody' is not one of the panellists" in n.message for n in app._notifications)
        app.screen.query_one("#panel-chair", Input).value = "Ann Chair"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PanelSetupDialog)
    assert app.store.load(session.id).panel.panellists == ["Ann Chair", "Bo Panel"]
