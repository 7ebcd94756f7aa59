"""Candidate mode driven with Pilot: walk the criteria in order, draft, rate, resume, review, export."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from textual.widgets import DataTable, Input, OptionList, Static

from selfassess.tui.app import make_app
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.statement_review import StatementReviewScreen

from .helpers import seed_role

ROLE = seed_role()  # the first seed role (9 essential criteria)


async def start_session(pilot, app, name: str = "Alex Example", reference: str = "C-7") -> CandidateScreen:
    await pilot.press("n")
    app.screen.query_one("#new-name", Input).value = name
    app.screen.query_one("#new-reference", Input).value = reference
    app.screen.query_one("#new-reference", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, CandidateScreen)
    return app.screen


def evidence_for(cid: str) -> str:
    return f"For {cid} I organised a review of 40 cases; as a result waiting times fell by 25%."


async def test_walk_every_criterion_in_order_draft_and_rate() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        seen = []
        for position, criterion in enumerate(ROLE.criteria):
            assert screen.criterion.id == criterion.id
            seen.append(screen.criterion.id)
            screen.editor.insert(evidence_for(criterion.id))
            await pilot.press("ctrl+r")
            await pilot.press(str(3 + position % 2))
            if position + 1 < len(ROLE.criteria):
                await pilot.press("ctrl+n")
        assert seen == [c.id for c in ROLE.criteria]
        screen.flush()
        stored = app.store.load(screen.session.id)
        assert [stored.evidence[c.id].text for c in ROLE.criteria] == [evidence_for(c.id) for c in ROLE.criteria]
        assert [stored.evidence[c.id].self_rating for c in ROLE.criteria] == [
            3 + i % 2 for i in range(len(ROLE.criteria))
        ]
        assert screen.status_counts() == {"empty": 0, "draft": 0, "done": len(ROLE.criteria)}
        screen.action_previous_criterion()
        assert screen.criterion.id == ROLE.criteria[-2].id


async def test_autosave_without_leaving_and_quit_saves() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        sid = screen.session.id
        screen.editor.insert("I drafted this and waited.")
        await pilot.pause(1.6)  # debounce (1 s) + a tick
        screen._saver.flush()
        assert app.store.load(sid).evidence[ROLE.criteria[0].id].text == "I drafted this and waited."
        screen.editor.insert(" Then I quit at once.")
        await app.action_quit()
    assert app.store.load(sid).evidence[ROLE.criteria[0].id].text.endswith("Then I quit at once.")


async def test_resume_shows_saved_text(private_folders: dict[str, Path]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        sid = screen.session.id
        screen.editor.insert("Kept between runs.")
        await pilot.press("ctrl+n")
        await pilot.press("escape")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        sessions = app.screen.query_one("#sessions", DataTable)
        assert sessions.row_count == 1
        sessions.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CandidateScreen) and app.screen.session.id == sid
        assert app.screen.editor.text == "Kept between runs."


async def test_jump_from_rail_and_command_palette() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.query_one("#rail", OptionList).focus()
        await pilot.press("down", "down", "enter")
        assert screen.criterion.id == ROLE.criteria[2].id
        await pilot.press("ctrl+p")
        await pilot.press(*f"go to {ROLE.criteria[6].id}")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.criterion.id == ROLE.criteria[6].id


async def test_checks_explain_themselves_and_hostile_text_is_safe() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert("We did it [/b][bold red]boom[/] \x1b[31m see above " + "x" * 3000)
        await pilot.pause(0.5)
        checks = str(screen.query_one("#checks", Static).render())
        assert "'I' 0 times, 'we' 1" in checks and "Refers to another answer" in checks
        assert "\x1b" not in checks and "boom" not in checks
        counts = str(screen.query_one("#counts", Static).render())
        assert "words" in counts and "chars" in counts


async def test_evidence_bank_inserts_earlier_answer() -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert("I analysed 30 case records and wrote clear summaries for colleagues.")
        await pilot.press("ctrl+n", "ctrl+n")  # E3 asks about analysing and recording information
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("#bank-options", OptionList).option_count == 1
        app.screen.query_one("#bank-options", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.text.startswith("I analysed 30 case records")


async def test_review_shows_gaps_and_exports_every_criterion_in_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # no Documents folder: exports default to the home folder
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        screen.editor.insert(evidence_for(ROLE.criteria[0].id))
        await pilot.press("ctrl+r", "1")  # below 'met'
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, StatementReviewScreen)
        gaps = app.screen.query_one("#review-gaps", OptionList)
        review = "\n".join(str(gaps.get_option_at_index(i).prompt) for i in range(gaps.option_count))
        assert f"{ROLE.criteria[0].id} essential, self-rated 1" in review
        assert f"{ROLE.criteria[1].id} essential, no evidence" in review
        for key, _ext in (("t", "txt"), ("m", "md"), ("w", "docx")):
            await pilot.press(key)
            await pilot.press("enter")  # accept the suggested path
            await pilot.pause()
        files = {p.suffix: p for p in tmp_path.iterdir() if p.is_file() and p.suffix}
        assert set(files) == {".txt", ".md", ".docx"}
        text = files[".txt"].read_text()
        marks = [text.index(f"{c.id} (essential)") for c in ROLE.criteria]
        assert marks == sorted(marks) and "Alex Example" in text
        document = docx.Document(io.BytesIO(files[".docx"].read_bytes()))
        headings = [p.text.split()[0] for p in document.paragraphs if p.style.name == "Heading 2"]
        assert headings[:-1] == [c.id for c in ROLE.criteria]
        before = files[".txt"].read_bytes()
        await pilot.press("t", "enter")  # exists: asks, and 'n' keeps the file
        await pilot.pause()
        await pilot.press("n")
        assert files[".txt"].read_bytes() == before


async def test_damaged_session_is_a_message_not_a_crash(private_folders: dict[str, Path]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(pilot, app)
        sid = screen.session.id
        await pilot.press("escape")
        app.store.path(sid).write_text("{broken")
        home = app.screen
        home.open_session(sid)
        await pilot.pause()
        assert not isinstance(app.screen, CandidateScreen)
        assert any("damaged" in n.message for n in app._notifications)
        assert app.store.path(sid).read_text() == "{broken"
