"""Copy to the form, limits in the app, interview practice, delete and rename, as a candidate uses them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from selfassess import recycle
from selfassess.tui.app import make_app
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.practice import PracticeScreen

from .helpers import seed_role
from .test_tui_candidate import start_session

ROLE = seed_role()
ANSWER = "I led the duty rota for 12 staff and as a result cover gaps fell by half."


async def test_copy_answer_and_statement_to_the_clipboard_with_a_toast() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert(ANSWER + "\n\n")
        await pilot.press("f4", "enter")
        await pilot.pause()
        assert app.clipboard == ANSWER
        assert any("Copied your answer" in (n.title or "") for n in app._notifications)
        await pilot.press("f4", "down", "enter")
        await pilot.pause()
        assert app.clipboard.startswith(f"{ROLE.criteria[0].id}: ") and app.clipboard.rstrip().endswith(ANSWER)


async def test_copy_falls_back_to_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("TERM", "linux")  # the Linux console cannot copy: the dialog starts on "save"
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert(ANSWER)
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.query_one("#copy-options", OptionList).highlighted == 2
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # accept the suggested file name
        await pilot.pause()
        saved = list(tmp_path.glob("*.txt"))
        assert len(saved) == 1 and saved[0].read_text() == ANSWER


async def test_limits_set_in_the_app_from_a_preset_and_typed() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert(ANSWER)
        await pilot.press("f6")
        await pilot.pause()
        presets = app.screen.query_one("#limits-presets", OptionList)
        presets.highlighted = 1  # Civil Service behaviours: 250 words each
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.load(screen.session.id).role.limits.words_per_criterion == 250
        assert "/ 250" in str(screen.query_one("#counts", Static).render())
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#limits-custom", Input).value = "10 words each"
        app.screen.query_one("#limits-custom", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.role.limits.words_per_criterion == 10
        screen._refresh_feedback()
        assert "Over the limit" in str(screen.query_one("#checks", Static).render())


async def test_interview_practice_question_clock_cards_and_notes(private_folders: dict[str, Path]) -> None:
    role = ROLE.model_copy(
        update={
            "criteria": [
                c.model_copy(update={"assessed_by": ["application", "interview"]}) if i < 2 else c
                for i, c in enumerate(ROLE.criteria)
            ]
        }
    )
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        session = app.store.create(role, candidate="Alex Example")
        app.store.set_evidence(session.id, role.criteria[0].id, "Situation: A backlog.\n\nResult: Cleared it.")
        app.push_screen(CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        practice = app.screen
        assert "Q: " in str(practice.query_one("#practice-question", Static).render())
        cards = str(practice.query_one("#practice-cards", Static).render())
        assert "Situation" in cards and "Cleared it." in cards
        await pilot.press("f7")  # +30 s
        assert "3:30" in str(practice.query_one("#practice-clock", Static).render())
        practice.query_one("#practice-notes", TextArea).insert("Too long on the situation.")
        await pilot.press("ctrl+n")
        assert practice.criteria[practice.index].id == role.criteria[1].id
        await pilot.press("escape")
        await pilot.pause()
        stored = app.store.load(session.id)
        assert stored.practice == {role.criteria[0].id: "Too long on the situation."}
        assert "Too long" not in stored.evidence[role.criteria[0].id].text


async def test_delete_asks_keeps_and_rename_saves(private_folders: dict[str, Path]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot, app, name="Wrong Name")
        sid = screen.session.id
        await pilot.press("escape")
        await pilot.pause()
        sessions = app.screen.query_one("#sessions", DataTable)
        sessions.focus()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "Alex Example"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # keep the reference
        await pilot.pause()
        assert app.store.load(sid).candidate == "Alex Example"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert app.store.path(sid).exists()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.store.path(sid).exists() and sessions.row_count == 0
        assert [d.id for d in recycle.deleted_sessions(private_folders["sessions"])[0]] == [sid]
        app.screen.query_one("#roles", DataTable).focus()
        await pilot.press("d")  # a built-in role: refused with a message
        await pilot.pause()
        assert any("built-in" in n.message for n in app._notifications)


async def test_limits_set_for_a_role_apply_to_its_next_session() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        first = await start_session(pilot, app)
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#limits-presets", OptionList).highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#roles", DataTable).focus()
        second = await start_session(pilot, app, name="Sam Other")
        assert second.session.id != first.session.id
        assert app.store.load(second.session.id).role.limits.words_per_criterion == 250
