"""The question plan screen with another terminal saving the same plan (16c/14), and for a panellist who
is not the chair (16c/26)."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from selfassess.campaign_models import PlanItem
from selfassess.campaign_store import CampaignStore
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.plan_compare import PlanCompare
from selfassess.tui.dialogs.unsaved import UnsavedDialog
from selfassess.tui.screens.question_plan import QuestionPlanScreen, typed

from .test_tui_fair import ROLE, SMALL, campaign

THEIRS = PlanItem(criterion="E1", stage="interview", questions=["Saved at the other terminal"])


def status(app) -> str:
    return str(app.screen.query_one("#plan-status", Static).render())


async def test_a_save_over_another_terminals_change_is_refused_and_the_text_kept() -> None:
    app = make_app()
    first = campaign(app.store)[0]
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#plan-questions", TextArea).insert("Typed here first")
        CampaignStore(app.store).set_plan_item(ROLE.id, THEIRS, "Ann Chair", based_on=None)  # the other terminal
        screen._poll()  # what its timer does (not waited for)
        assert "E1 was changed by Ann Chair" in status(app) and "ctrl+r compares" in status(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "was changed by Ann Chair" in [n.message for n in app._notifications][-1]
        assert screen.query_one("#plan-questions", TextArea).text == "Typed here first"  # kept
        assert CampaignStore(app.store).load(ROLE.id).plan_item("E1", "interview") == THEIRS
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, PlanCompare)
        await pilot.press("k")  # keep mine: saved over theirs, knowingly
        await pilot.pause()
        saved = CampaignStore(app.store).load(ROLE.id).plan_item("E1", "interview")
        assert saved is not None and saved.questions == ["Typed here first"]
        assert "E1 was changed" not in status(app) and screen.unsaved() is None


async def test_a_plan_with_nothing_typed_shows_the_other_terminals_save_and_theirs_can_be_taken() -> None:
    app = make_app()
    first = campaign(app.store)[0]
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        screen = app.screen
        CampaignStore(app.store).set_plan_item(ROLE.id, THEIRS, "Ann Chair", based_on=None)
        screen._poll()
        await pilot.pause()
        assert screen.query_one("#plan-questions", TextArea).text == "Saved at the other terminal"
        later = THEIRS.model_copy(update={"questions": ["Changed again elsewhere"]})
        screen.query_one("#plan-probes", TextArea).insert("My probe")
        CampaignStore(app.store).set_plan_item(ROLE.id, later, "Ann Chair", based_on=THEIRS)
        screen._poll()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("t")  # take theirs
        await pilot.pause()
        assert screen.query_one("#plan-questions", TextArea).text == "Changed again elsewhere"
        assert screen.query_one("#plan-probes", TextArea).text == "" and screen.unsaved() is None


async def test_the_plan_is_read_only_for_a_panellist_who_is_not_the_chair() -> None:
    app = make_app()
    first = campaign(app.store)[0]
    CampaignStore(app.store).set_plan_item(ROLE.id, THEIRS, "Ann Chair")
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Bo Panel"))
        await pilot.pause()
        screen = app.screen
        assert "Read only: question plan: only the chair (Ann Chair) may change it" in status(app)
        box = screen.query_one("#plan-questions", TextArea)
        assert box.read_only and screen.query_one("#plan-strong", Input).disabled
        box.focus()
        await pilot.press("x", "y", "z")
        assert box.text == "Saved at the other terminal"
        await pilot.press("ctrl+s")  # says why, keeps nothing to warn about
        assert "only the chair (Ann Chair)" in [n.message for n in app._notifications][-1]
        await pilot.press("escape")  # nothing typed: leaves without asking
        await pilot.pause()
        assert not isinstance(app.screen, (QuestionPlanScreen, UnsavedDialog))


def test_the_leave_warning_counts_only_what_was_typed() -> None:
    before = PlanItem(criterion="E1", questions=["Tell us about a case you turned round."], probes=["Why?"])
    after = before.model_copy(update={"questions": ["Tell us about a hard case you turned round."]})
    assert typed(after, before) == 5  # "hard " typed into a 40-character question
    assert typed(before, before) == 0
