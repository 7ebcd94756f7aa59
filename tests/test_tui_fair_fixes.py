"""Fair-selection screens after the fresh-eyes findings: conflicts withdrawn only by the chair with a
reason, dialogs that name the candidate (the reference on a blind panel), reasons never silently
dropped, the plan and notes on the scoring screen, calibration in moderation."""

from __future__ import annotations

from textual.widgets import Input, Label, Static

from selfassess import fairness
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.common import TextPrompt as ReasonPrompt
from selfassess.tui.screens.declarations import DeclarationsScreen

from .test_tui_fair import NAMES, PANEL, ROLE, SMALL, campaign


def _question(app) -> str:
    return str(app.screen.query_one(".question", Static).render())


async def test_a_declared_conflict_is_withdrawn_only_by_the_chair_with_a_reason() -> None:
    app = make_app()
    ids = campaign(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(DeclarationsScreen(ROLE, "Bo Panel"))
        await pilot.pause()
        screen = app.screen
        first = screen.sessions[0]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ReasonPrompt) and first.candidate in _question(app)
        await pilot.press("enter")  # empty: the dialog stays and says the reason is needed
        await pilot.pause()
        assert isinstance(app.screen, ReasonPrompt)
        assert "reason is needed" in str(app.screen.query_one("#prompt-hint", Static).render())
        app.screen.query_one(Input).value = "my former colleague"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")  # one key no longer undoes it
        await pilot.pause()
        assert any("only the chair can withdraw" in n.message for n in app._notifications)
        assert fairness.declaration(app.store.load(first.id), "Bo Panel").conflicted
        await pilot.press("w")  # nor can Bo withdraw it: refused at the key, before any reason is typed
        await pilot.pause()
        assert app.screen is screen and not app.screen.query(Input)
        assert any("only the chair (Ann Chair) withdraws" in n.message for n in app._notifications)
        assert fairness.declaration(app.store.load(first.id), "Bo Panel").conflicted
    chair = make_app()
    async with chair.run_test(size=(100, 30)) as pilot:
        chair.push_screen(DeclarationsScreen(ROLE, "Ann Chair"))
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert "Withdraw Bo Panel's conflict with " + first.candidate in _question(chair)
        chair.screen.query_one(Input).value = "a different person of the same name"
        await pilot.press("enter")
        await pilot.pause()
    session = app.store.load(first.id)
    assert not fairness.declaration(session, "Bo Panel").conflicted
    assert [c.withdrawn_by for c in session.conflicts] == [None, "Ann Chair"]
    assert "conflict.withdraw" in [e.action for e in app.store.audit(first.id)]
    assert len(ids) == len(NAMES)


async def test_a_blind_panel_dialog_shows_the_reference_not_the_name() -> None:
    app = make_app()
    ids = campaign(app.store)
    for sid in ids:
        app.store.set_panel(sid, PANEL, "Ann Chair", stage="interview", blind=True, actor="Ann Chair")
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(DeclarationsScreen(ROLE, "Bo Panel"))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        question = _question(app)
        assert "ref R-" in question and not any(n.split()[0] in question for n in NAMES)


async def _moderate(app, sid: str, pilot) -> None:
    from selfassess.tui.screens.moderation import ModerationScreen

    app.push_screen(ModerationScreen(app.store.load(sid), "Ann Chair", "interview"))
    await pilot.pause()


async def test_moderation_shows_calibration_and_never_drops_a_reason_silently() -> None:
    from textual.widgets import DataTable

    from selfassess.tui.widgets.calibration import CalibrationPanel

    app = make_app()
    ids = campaign(app.store, scored=True)
    for sid in ids:
        for p in PANEL:
            app.store.submit(sid, p, "interview")
    async with app.run_test(size=SMALL) as pilot:
        await _moderate(app, ids[0], pilot)
        chart = app.screen.query_one(CalibrationPanel)
        assert not chart.display
        await pilot.press("c")
        await pilot.pause()
        text = str(chart.render())
        assert chart.display and "3 candidates at interview" in text
        assert "Ann Chair" in text and "soft" in text and "Most disagreement: D1" in text
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=[c.id for c in app.screen.criteria].index("D1"))
        await pilot.press("enter")
        await pilot.pause()
        assert "(scores 5, 2;" in _question(app)  # the scores as numbers, not a Python list
        app.screen.query_one(Input).value = "3"  # no panellist gave 3: a reason is needed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReasonPrompt)
        await pilot.press("enter")  # empty: stays open, says so
        await pilot.pause()
        assert isinstance(app.screen, ReasonPrompt)
        assert "reason is needed" in str(app.screen.query_one("#prompt-hint", Static).render())
        app.screen.query_one(Input).value = "between the two on outcomes"
        await pilot.press("enter")
        await pilot.pause()
        # agreeing E1 again at the same value with an empty comment keeps the stored reason
        table.move_cursor(row=[c.id for c in app.screen.criteria].index("E1"))
        for comment in ("Ann's example stronger", ""):
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one(Input).value = "4"
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one(Input).value = comment
            await pilot.press("enter")
            await pilot.pause()
    agreed = {c.criterion: (c.value, c.reason) for c in app.store.load(ids[0]).consensus}
    assert agreed == {"D1": (3, "between the two on outcomes"), "E1": (4, "Ann's example stronger")}


def test_moderation_calibration_at_80x24(snap_compare) -> None:
    app = make_app()
    ids = campaign(app.store, scored=True)
    for sid in ids:
        for p in PANEL:
            app.store.submit(sid, p, "interview")

    async def run_before(pilot) -> None:
        await _moderate(pilot.app, ids[0], pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


async def test_scoring_screen_shows_the_question_plan_and_takes_the_required_note() -> None:
    from selfassess.campaign_models import PlanItem, ReviewGuide
    from selfassess.campaign_store import CampaignStore
    from selfassess.tui.screens.scoring import ScoringScreen

    app = make_app()
    ids = campaign(app.store)
    plan = PlanItem(
        criterion="E1",
        stage="interview",
        questions=["Walk us through a case you turned round."],
        probes=["What did you do yourself?"],
        guide=ReviewGuide(strong="Own actions, measured result", acceptable="A clear example", weak="Team only"),
    )
    CampaignStore(app.store).set_plan_item(ROLE.id, plan, "Ann Chair")
    app.store.set_panel_rules(ids[0], "Ann Chair", require_notes=True)
    async with app.run_test(size=(110, 34)) as pilot:
        app.push_screen(ScoringScreen(app.store.load(ids[0]), "Bo Panel", "interview"))
        await pilot.pause()
        body = str(app.screen.query_one("#criterion-text", Static).render())
        for expected in ("Walk us through a case", "What did you do yourself?", "Strong (4-5): Own actions"):
            assert expected in body, expected
        assert "Tell us about a time" not in body
        # a note typed in the note box goes with the score
        box = app.screen.query_one("#note-input", Input)
        box.focus()
        box.value = "Clear case, own actions, figures given"
        await pilot.press("enter")  # keeps the text for the score and goes to the score pad
        await pilot.pause()
        assert app.screen.query_one("#score-pad").has_focus and box.value
        await pilot.press("4", "enter")
        await pilot.pause()
        # with the box empty, a dialog asks for the note; empty is refused there, Escape cancels the score
        await pilot.press("2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReasonPrompt) and "Evidence note for D1: 2" in _question(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReasonPrompt)
        app.screen.query_one(Input).value = "No audit example"
        await pilot.press("enter")
        await pilot.pause()
    assert not app.store.load(ids[0]).notes  # the note went with the score, not apart
    scores = {s.criterion: (s.value, s.note) for s in app.store.load(ids[0]).scores}
    assert scores == {"E1": (4, "Clear case, own actions, figures given"), "D1": (2, "No audit example")}


def test_capped_keeps_every_line_within_the_limit() -> None:
    from selfassess.tui.widgets.capped_text_area import capped

    assert capped("abcdef", "xx", "yy", 6) == "ab"
    assert capped("abc\ndefgh\nij", "xxxx", "yy", 5) == "a\ndefgh\nij"
    assert capped("q" * 50, "", "", 10) == "q" * 10
    assert capped("", "x" * 20, "", 10) == ""


async def test_question_plan_boxes_show_and_keep_their_caps() -> None:
    from selfassess.campaign_store import CampaignStore
    from selfassess.tui.screens.question_plan import QuestionPlanScreen
    from selfassess.tui.widgets.capped_text_area import CappedTextArea

    app = make_app()
    first = campaign(app.store)[0]
    async with app.run_test(size=(110, 34)) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        box = app.screen.query_one("#plan-questions", CappedTextArea)
        box.focus()
        await pilot.pause()
        box._replace_via_keyboard("Tell us about a case. " * 100, *box.selection)  # as a paste would
        await pilot.pause(0.5)
        assert len(box.text) == 997 and ("Tell us about a case. " * 100).startswith(box.text + " ")  # at a word
        assert any("at most 1,000 characters" in n.message for n in app._notifications)
        assert "1/12 lines · longest 997/1,000" in str(box.border_subtitle)
        strong = app.screen.query_one("#plan-strong", Input)
        strong.value = "Own actions"
        await pilot.pause()
        assert str(strong.border_subtitle) == "11/2,000"
        await pilot.press("ctrl+s")
        await pilot.pause()
    item = CampaignStore(app.store).load(ROLE.id).plan_item("E1", "interview")
    assert item is not None and len(item.questions[0]) <= 1000


async def test_panel_set_up_names_the_candidate_or_only_the_reference_when_blind() -> None:
    from selfassess.tui.dialogs.panel_setup import PanelSetupDialog as PanelSetup

    app = make_app()
    ids = campaign(app.store)
    app.store.set_panel(ids[1], PANEL, "Ann Chair", stage="interview", blind=True, actor="Ann Chair")
    async with app.run_test(size=(110, 34)) as pilot:
        app.push_screen(PanelSetup(app.store.load(ids[0])))
        await pilot.pause()
        assert "Panel for Dana Testcase (ref R-0)" in str(app.screen.query_one("#panel-title", Label).render())
        app.pop_screen()
        app.push_screen(PanelSetup(app.store.load(ids[1])))
        await pilot.pause()
        title = str(app.screen.query_one("#panel-title", Label).render())
        assert "Panel for ref R-1" in title and "Morgan" not in title
