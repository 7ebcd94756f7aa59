"""The chair's checklist of a stage's criteria, opened from panel set-up, at 80x24."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Label, SelectionList, Static

from selfassess import roles, scoring
from selfassess.errors import BadInput
from selfassess.stage_criteria import REASON_MAX
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.panel_setup import PanelSetupDialog
from selfassess.tui.dialogs.stage_criteria import StageCriteriaDialog
from selfassess.tui.screens.scoring import ScoringScreen

ROLE = roles.load_role("senior-social-worker")  # every criterion "Essential for shortlisting"; E1 also interview


async def test_chair_ticks_interview_criteria_at_80x24(private_folders) -> None:
    app = make_app()
    session = app.store.create(ROLE, candidate="Alex Example", reference="C-21")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PanelSetupDialog)
        app.screen.query_one("#panel-names", Input).value = "Ann Chair, Bo Panel"
        assert "Interview scores 1 of 19 criteria (from the codes)" in str(
            app.screen.query_one("#panel-criteria-line", Static).render()
        )
        await pilot.press("f3")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StageCriteriaDialog)
        checklist = dialog.query_one(SelectionList)
        assert checklist.selected == ["E1"]  # ticked from the codes
        checklist.focus()
        await pilot.press("down", "space")  # untick nothing yet: cursor to E2, tick it
        for _ in range(7):
            await pilot.press("down")
        await pilot.press("space")  # E9: risk
        await pilot.press("down", "space")  # E10: supervision
        assert sorted(checklist.selected) == ["E1", "E10", "E2", "E9"]
        assert "added E2, E9, E10" in str(dialog.query_one("#stage-criteria-status", Static).render())
        await pilot.press("ctrl+s")  # no reason yet: refused, stays open
        await pilot.pause()
        assert app.screen is dialog
        assert any("reason" in n.message for n in app._notifications)
        dialog.query_one("#stage-criteria-reason", Input).value = "Probe risk and supervision at interview"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PanelSetupDialog)
        assert "4 of 19 criteria (3 added, 0 removed by the chair)" in str(
            app.screen.query_one("#panel-criteria-line", Static).render()
        )
        await pilot.press("ctrl+s")  # save the panel and the checklist
        await pilot.pause()
        await pilot.press("enter")  # Ann scores here
        await pilot.pause()
        assert isinstance(app.screen, ScoringScreen)
        assert [c.id for c in app.screen.criteria] == ["E1", "E2", "E9", "E10"]
    stored = app.store.load(session.id)
    assert [c.id for c in scoring.criteria_for_stage(stored, "interview")] == ["E1", "E2", "E9", "E10"]
    assert {c.reason for c in stored.stage_choices} == {"Probe risk and supervision at interview"}
    assert [e.criterion for e in app.store.audit(session.id) if e.action == "stage.criterion.add"] == [
        "E2",
        "E9",
        "E10",
    ]


async def test_escape_leaves_the_checklist_unchanged(private_folders) -> None:
    app = make_app()
    session = app.store.create(ROLE, reference="C-22")
    app.store.set_panel(session.id, ["Ann Chair"], "Ann Chair")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StageCriteriaDialog(app.store.load(session.id), "interview"))
        await pilot.pause()
        app.screen.query_one(SelectionList).select_all()
        await pilot.press("ctrl+d")  # back to the codes' default
        assert app.screen.query_one(SelectionList).selected == ["E1"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StageCriteriaDialog)
    assert app.store.load(session.id).stage_choices == []


def test_checklist_snapshot_at_80x24(snap_compare) -> None:
    app = make_app()
    session = app.store.create(ROLE, reference="C-23")
    app.store.set_panel(session.id, ["Ann Chair", "Bo Panel"], "Ann Chair")

    async def open_checklist(pilot) -> None:
        app.push_screen(StageCriteriaDialog(app.store.load(session.id), "interview"))
        await pilot.pause()
        app.screen.query_one(SelectionList).select("E9")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_checklist)


async def test_an_over_long_reason_is_refused_in_the_checklist_with_the_limit_shown(private_folders) -> None:
    app = make_app()
    session = app.store.create(ROLE, reference="C-24")
    app.store.set_panel(session.id, ["Ann Chair"], "Ann Chair")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StageCriteriaDialog(app.store.load(session.id), "interview"))
        await pilot.pause()
        dialog = app.screen
        status = dialog.query_one("#stage-criteria-status", Static)
        assert f"reason 0/{REASON_MAX} characters" in str(status.render())  # the limit, shown
        dialog.query_one(SelectionList).select("E9")
        reason = dialog.query_one("#stage-criteria-reason", Input)
        reason.focus()
        reason.insert_text_at_cursor("x" * 1500)
        await pilot.pause()
        assert f"reason 1500/{REASON_MAX} characters" in str(status.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # refused, the typed values still there
        assert [n.message for n in app._notifications][-1] == f"Reason: 1500 characters, at most {REASON_MAX}"
    assert app.store.load(session.id).stage_choices == []


async def panel_dialog_with(app, pilot, session_id: str, criteria: dict) -> PanelSetupDialog:
    """Open panel set-up from the home screen with the chair's checklist already answered."""
    app.screen.start_panel(session_id, setup=True)
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, PanelSetupDialog)
    dialog.query_one("#panel-names", Input).value = "Ann Chair, Bo Panel"
    dialog.criteria = criteria
    return dialog


async def test_a_bad_choice_saves_nothing_and_a_markup_error_does_not_crash(private_folders) -> None:
    app = make_app()
    session = app.store.create(ROLE, reference="C-25")
    criteria = {"stage": "interview", "criteria": ["E1", "E9"], "reason": "[bold]" + "y" * 1500}
    async with app.run_test(size=(80, 24)) as pilot:
        await panel_dialog_with(app, pilot, session.id, criteria)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PanelSetupDialog)  # back with what was typed
        assert app.screen.query_one("#panel-names", Input).value == "Ann Chair, Bo Panel"
        assert "reason: 1506 characters" in list(app._notifications)[-1].message
        await pilot.press("escape")
        await pilot.pause()
    stored = app.store.load(session.id)
    assert stored.panel is None and stored.stage_choices == []  # nothing half-saved
    assert not [e for e in app.store.audit(session.id) if e.action == "panel.set"]


async def test_when_the_criteria_are_refused_nothing_is_saved_and_the_dialog_says_so(
    private_folders, monkeypatch
) -> None:
    from selfassess import panel_rules

    app = make_app()
    session = app.store.create(ROLE, reference="C-26")
    criteria = {"stage": "interview", "criteria": ["E1", "E9"], "reason": "Probe risk"}

    def refuse(*args, **kwargs):
        raise BadInput("stage criteria: [/] refused [red")

    monkeypatch.setattr(panel_rules, "checklist", refuse)  # the panel and its checklist are one change
    async with app.run_test(size=(80, 24)) as pilot:
        await panel_dialog_with(app, pilot, session.id, criteria)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PanelSetupDialog) and app.screen.criteria == criteria  # typed values kept
        note = list(app._notifications)[-1]
        assert note.title == "Panel not saved: correct it"
        assert "refused" in note.message
        await pilot.pause()  # the toast draws without a MarkupError
    assert app.store.load(session.id).panel is None  # nothing half saved


async def test_checklist_rows_show_ticks_and_scores_without_colour(private_folders) -> None:
    app = make_app()
    session = app.store.create(ROLE, reference="C-27")
    app.store.set_panel(session.id, ["Ann Chair"], "Ann Chair")
    app.store.record_score(session.id, "Ann Chair", "E1", 3)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StageCriteriaDialog(app.store.load(session.id), "interview"))
        await pilot.pause()
        rows = app.screen.query_one(SelectionList)
        first, second = (rows.render_line(y).text for y in (0, 1))
        assert first.startswith("[x] E1") and second.startswith("[ ] E2")
        assert "S = has scores" in str(app.screen.query_one(Label).render())
        assert first[4:].split()[3] == "·S" and "S" not in second[4:].split()[2:4]
