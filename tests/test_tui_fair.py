"""Fair campaign screens with Pilot, and their 80x24 snapshots: question plan, criterion-first
shortlisting, calibration."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, TextArea

from selfassess import fairness
from selfassess.campaign_models import Campaign
from selfassess.campaign_store import CampaignStore
from selfassess.errors import BadInput
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.screens.campaign import CampaignScreen
from selfassess.tui.screens.declarations import DeclarationsScreen
from selfassess.tui.screens.question_plan import QuestionPlanScreen
from selfassess.tui.screens.shortlist import ShortlistScreen
from selfassess.tui.widgets.calibration import CalibrationPanel

SMALL = (80, 24)
ROLE = Role(
    id="fair-tui",
    title="Casework officer",
    organisation="Anytown Council",
    criteria=[
        Criterion(id="E1", kind="essential", text="Experience of casework", assessed_by=["application", "interview"]),
        Criterion(id="E2", kind="essential", text="Clear written English", assessed_by=["application"]),
        Criterion(id="D1", kind="desirable", text="Audit experience", assessed_by=["interview"]),
    ],
)
NAMES = ["Dana Testcase", "Morgan Otherperson", "Priya Sampleton"]
PANEL = ["Ann Chair", "Bo Panel"]


def campaign(store: SessionStore, scored: bool = False) -> list[str]:
    """Three applications with the same evidence apart from the name; a fixed shortlisting seed."""
    ids = []
    for n, name in enumerate(NAMES):
        s = store.create(ROLE, candidate=name, reference=f"R-{n}")
        store.set_panel(s.id, PANEL, "Ann Chair", stage="interview")
        for c in ROLE.criteria:
            store.set_evidence(s.id, c.id, f"I am {name}. For {c.id} I ran 40 cases and cut delays by 20%.")
        if scored:
            for cid in ("E1", "D1"):  # the criteria assessed at interview
                store.record_score(s.id, "Ann Chair", cid, 4 if cid == "E1" else 5, stage="interview")
                store.record_score(s.id, "Bo Panel", cid, 3 if cid == "E1" else 2, stage="interview")
        ids.append(s.id)
    campaigns = CampaignStore(store)
    campaigns.directory.mkdir(parents=True, exist_ok=True)
    campaigns.path(ROLE.id).write_text(Campaign(role_id=ROLE.id, shuffle_seed=1234).model_dump_json())
    return ids


async def test_question_plan_is_written_saved_and_refused_to_a_non_chair() -> None:
    app = make_app()
    first = campaign(app.store)[0]
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionPlanScreen) and [c.id for c in screen.criteria] == ["E1", "D1"]
        screen.query_one("#plan-questions", TextArea).insert("Tell us about a case you turned round.")
        screen.query_one("#plan-probes", TextArea).insert("What did you do yourself?")
        screen.query_one("#plan-strong", Input).value = "Own actions and a measured result"
        screen.query_one("#plan-weak", Input).value = "Describes the team only"
        await pilot.press("ctrl+s")
        await pilot.pause()
        item = CampaignStore(app.store).load(ROLE.id).plan_item("E1", "interview")
        assert item is not None and item.questions == ["Tell us about a case you turned round."]
        assert item.guide.strong == "Own actions and a measured result" and item.probes == ["What did you do yourself?"]
        # no acceptable answer yet: begun, not planned
        assert "0 of 2 planned (1 begun" in str(screen.query_one("#plan-status", Static).render())
        screen.query_one("#plan-acceptable", Input).value = "One example with some result"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "1 of 2 planned;" in str(screen.query_one("#plan-status", Static).render())
        item = CampaignStore(app.store).load(ROLE.id).plan_item("E1", "interview")
        assert item is not None
        # someone other than the chair is refused, and what they typed stays on screen
        other = QuestionPlanScreen(ROLE, screen.scale, "Bo Panel")
        app.push_screen(other)
        await pilot.pause()
        other.query_one("#plan-weak", Input).value = "changed by Bo"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("only the chair" in n.message for n in app._notifications)
        assert other.query_one("#plan-weak", Input).value == "changed by Bo"
        assert CampaignStore(app.store).load(ROLE.id).plan_item("E1", "interview") == item


async def test_shortlisting_scores_every_application_criterion_by_criterion_anonymised() -> None:
    app = make_app()
    ids = campaign(app.store)
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(ShortlistScreen(ROLE.id, "Bo Panel"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ShortlistScreen)
        seen = []
        for _ in range(6):  # E1 and E2 (assessed by application) x 3 applications
            head = str(screen.query_one("#sl-head", Static).render())
            evidence = str(screen.query_one("#sl-evidence", Static).render())
            assert "Application " in head and not any(n.split()[0] in head + evidence for n in NAMES)
            seen.append(head.split()[0])
            await pilot.press("3")
            await pilot.pause()
        assert seen == ["E1"] * 3 + ["E2"] * 3
        assert "Every application is scored" in str(screen.query_one("#sl-head", Static).render())
        assert "Bo Panel 6/6" in str(screen.query_one("#sl-progress", Static).render())
    for sid in ids:
        scores = app.store.load(sid).scores
        assert sorted((s.criterion, s.stage, s.value) for s in scores) == [
            ("E1", "shortlisting", 3),
            ("E2", "shortlisting", 3),
        ]


def submit_all(store: SessionStore, ids: list[str], stage: str = "interview") -> None:
    for sid in ids:
        for p in PANEL:
            store.submit(sid, p, stage)


async def test_campaign_screen_shows_calibration_and_steps() -> None:
    app = make_app()
    ids = campaign(app.store, scored=True)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CampaignScreen(ROLE, "Ann Chair"))
        await pilot.pause()
        # each sees only their own scores until they submit: one line instead of the chart
        chart = str(app.screen.query_one(CalibrationPanel).render())
        assert "shown once you submit your own scores" in chart and "Bo Panel" not in chart and "\n" not in chart
        submit_all(app.store, ids)
        await pilot.press("r")
        await pilot.pause()
        chart = str(app.screen.query_one(CalibrationPanel).render())
        assert "Ann Chair" in chart and "soft" in chart and "Bo Panel" in chart and "hard" in chart
        assert "Most disagreement: D1" in chart
        steps = str(app.screen.query_one("#campaign-steps", Static).render())
        assert "0 of 2 interview criteria planned" in steps and "seed 1234" in steps
        await pilot.press("v")  # nobody is recommended reserve yet: a message, not a crash
        await pilot.pause()
        assert any("reserve" in n.message for n in app._notifications)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuestionPlanScreen)


def _push(screen_factory):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(screen_factory(pilot.app))
        await pilot.pause()

    return run_before


def test_question_plan_at_80x24(snap_compare) -> None:
    app = make_app()
    scale = app.store.load(campaign(app.store)[0]).scale
    assert snap_compare(
        app, terminal_size=SMALL, run_before=_push(lambda a: QuestionPlanScreen(ROLE, scale, "Ann Chair"))
    )


def test_shortlisting_at_80x24(snap_compare) -> None:
    app = make_app()
    campaign(app.store)
    assert snap_compare(app, terminal_size=SMALL, run_before=_push(lambda a: ShortlistScreen(ROLE.id, "Bo Panel")))


def test_calibration_at_80x24(snap_compare) -> None:
    app = make_app()
    submit_all(app.store, campaign(app.store, scored=True))
    assert snap_compare(app, terminal_size=SMALL, run_before=_push(lambda a: CampaignScreen(ROLE, "Ann Chair")))


async def test_declarations_gis_and_panel_rules_from_the_campaign_screen() -> None:
    app = make_app()
    ids = campaign(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CampaignScreen(ROLE, "Bo Panel"))
        await pilot.pause()
        await pilot.press("n")  # only the chair turns rules on
        await pilot.pause()
        assert any("only the chair" in n.message for n in app._notifications)
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DeclarationsScreen)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(Input).value = "my former colleague"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "n")
        await pilot.pause()
        await pilot.press("g")  # not the chair: refused with a message
        await pilot.pause()
        assert any("Guaranteed Interview Scheme flag: only the chair" in n.message for n in app._notifications)
        declared = {sid: fairness.declaration(app.store.load(sid), "Bo Panel") for sid in ids}
        assert sorted((d.conflicted, d.reason) for d in declared.values() if d) == [
            (False, ""),
            (True, "my former colleague"),
        ]
        conflicted = next(sid for sid, d in declared.items() if d and d.conflicted)
        with pytest.raises(BadInput, match="conflict of interest"):
            app.store.record_score(conflicted, "Bo Panel", "E1", 3, stage="shortlisting")
    chair = make_app()
    async with chair.run_test(size=(100, 30)) as pilot:
        chair.push_screen(CampaignScreen(ROLE, "Ann Chair"))
        await pilot.pause()
        await pilot.press("n", "k")
        await pilot.pause()
        panels = [chair.store.load(sid).panel for sid in ids]
        assert all(p is not None and p.require_notes and p.require_declarations for p in panels)
        assert "evidence note with every score on" in str(chair.screen.query_one("#campaign-steps", Static).render())


async def test_shortlisting_hides_a_conflicted_application_goes_back_and_follows_others() -> None:
    """A conflicted application is never shown (nor its reason): not even going back with ctrl+b after
    the last score; other panellists' progress is recounted from the store."""
    app = make_app()
    ids = campaign(app.store)
    app.store.declare_conflict(ids[1], "Bo Panel", True, "lives next door to Morgan")
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(ShortlistScreen(ROLE.id, "Bo Panel"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ShortlistScreen)
        for _ in range(4):  # two applications x E1, E2: the conflicted one is skipped
            await pilot.press("3")
            await pilot.pause()
        assert "ctrl+b goes back" in str(screen.query_one("#sl-head", Static).render())
        for _ in range(5):  # back over the four it may see; the conflicted one is not in the pass at all
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert screen.item is not None and not screen.item.conflicted
            assert "40 cases" in str(screen.query_one("#sl-evidence", Static).render())
            assert screen.item.label.endswith(" of 2")  # numbered among what Bo may see (tester 16c/6)
        assert [screen.item.position.criterion, screen.item.position.index] == ["E1", 0]
        messages = " ".join(n.message for n in app._notifications)
        assert "next door" not in messages and "Morgan" not in messages
        other = SessionStore(app.store.directory)
        other.record_score(ids[0], "Ann Chair", "E1", 4, stage="shortlisting")
        other.record_score(ids[2], "Ann Chair", "E1", 2, stage="shortlisting")
        screen.folder_watch.seen = None  # as if the poll had run after another terminal's save
        screen._follow()
        progress = str(screen.query_one("#sl-progress", Static).render())
        assert "Ann Chair 2/6" in progress and "Bo Panel 4/4" in progress
    assert not any(s.panellist == "Bo Panel" for s in app.store.load(ids[1]).scores)
