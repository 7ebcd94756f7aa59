"""Issue 15, item 1, as a candidate meets it: saved state, the template, reopening, review, exports."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from selfassess.tui.app import make_app
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.statement_review import StatementReviewScreen

from .helpers import seed_role
from .test_tui_candidate import start_session

ROLE = seed_role()


async def test_answer_ending_in_blank_space_shows_saved_and_audits_once() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert("I led the review and as a result delays fell by 20%.\n\n")
        for _ in range(3):
            screen.flush()
            await pilot.pause()
        screen._refresh_feedback()
        counts = str(screen.query_one("#counts", Static).render())
        assert "saved" in counts and "unsaved" not in counts
        audit = [e for e in app.store.audit(screen.session.id) if e.action == "evidence.set"]
        assert len(audit) == 1


async def test_star_template_is_not_a_draft() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        await pilot.press("ctrl+t")
        await pilot.pause(0.4)
        screen._refresh_feedback()
        assert screen.status_counts()["draft"] == 0
        counts = str(screen.query_one("#counts", Static).render())
        assert counts.startswith("0 words")
        checks = str(screen.query_one("#checks", Static).render())
        assert "No evidence yet" in checks and "as a result" not in checks


async def test_reopened_session_shows_the_criterion_last_edited() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        sid = screen.session.id
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        screen.editor.insert("I wrote this one fourth.")
        await pilot.press("escape")
        await pilot.pause()
        app.screen.open_session(sid)
        await pilot.pause()
        assert isinstance(app.screen, CandidateScreen)
        assert app.screen.criterion.id == ROLE.criteria[3].id


async def test_review_item_opens_its_criterion() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, StatementReviewScreen)
        gaps = app.screen.query_one("#review-gaps", OptionList)
        assert gaps.has_focus
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.criterion.id == ROLE.criteria[2].id


async def test_export_keeps_the_typed_path_and_the_key_decides_the_format(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert("I led the review and as a result delays fell by 20%.")
        await pilot.press("f2")
        await pilot.pause()
        review = app.screen
        await pilot.press("m")
        await pilot.pause()
        typed = str(tmp_path / "missing-folder" / "mine.md")
        app.screen.query_one("#prompt-input", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#prompt-input", Input).value == typed  # asked again, path kept
        assert any("no such folder" in n.message for n in app._notifications)
        app.screen.query_one("#prompt-input", Input).value = str(tmp_path / "mine.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert not (tmp_path / "mine.txt").exists()  # m is Markdown: a .txt name is refused, not saved as text
        app.screen.query_one("#prompt-input", Input).value = str(tmp_path / "mine")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "mine.md").read_text().startswith("#")
        assert app.screen is review
        await pilot.press("u", "t")  # leave unanswered criteria out; the folder is remembered
        await pilot.pause()
        prompt = app.screen.query_one("#prompt-input", Input)
        assert Path(prompt.value).parent == tmp_path
        await pilot.press("enter")
        await pilot.pause()
        text = next(tmp_path.glob("*.txt")).read_text()
        assert "(no evidence yet)" not in text and ROLE.criteria[0].id in text
        assert f"{ROLE.criteria[1].id} (essential)" not in text


async def test_spelling_is_shown_and_a_suggestion_replaces_the_word() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert("I recieve referrals and organize the team's visits.")
        screen._refresh_feedback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        line = str(screen.query_one("#spelling", Static).render())
        assert "recieve" in line and "organize → organise" in line
        await pilot.press("f3")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        suggestions = app.screen.query_one("#spelling-suggestions", OptionList)
        assert str(suggestions.get_option_at_index(0).prompt) == "receive"
        suggestions.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.text == "I receive referrals and organize the team's visits."
