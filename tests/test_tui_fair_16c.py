"""Fair-selection screens after tester 16c: an over-long conflict reason keeps its dialog open with the
text (5); a long paste into the shortlisting note keeps what fits, cut where a word ends, and says so
(22)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Static

from selfassess import fairness
from selfassess.fair_caps import NOTE_MAX_CHARS
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.common import TextPrompt
from selfassess.tui.screens.declarations import DeclarationsScreen
from selfassess.tui.screens.shortlist import ShortlistScreen
from selfassess.tui.widgets.capped_input import CappedInput

from .test_tui_fair import ROLE, SMALL, campaign

ESSAY = "Former line manager of this candidate, " * 300  # 11,700 characters


async def test_an_over_long_conflict_reason_keeps_the_dialog_and_the_text() -> None:
    app = make_app()
    ids = campaign(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(DeclarationsScreen(ROLE, "Bo Panel"))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        prompt.query_one(Input).insert_text_at_cursor(ESSAY)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt and prompt.query_one(Input).value == ESSAY
        assert "Too long" in str(prompt.query_one("#prompt-hint", Static).render())
        prompt.query_one(Input).value = "Former line manager of this candidate"
        await pilot.press("enter")
        await pilot.pause()
    declared = [fairness.declaration(app.store.load(sid), "Bo Panel") for sid in ids]
    assert [d.reason for d in declared if d is not None] == ["Former line manager of this candidate"]


async def test_a_long_paste_into_the_shortlisting_note_keeps_what_fits_and_says_so() -> None:
    app = make_app()
    ids = campaign(app.store)
    pasted = "The answer shows\rown actions \x07and results; " * 80  # 3,440 characters over several lines
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(ShortlistScreen(ROLE.id, "Bo Panel"))
        await pilot.pause()
        box = app.screen.query_one("#sl-note-box", CappedInput)
        box.focus()
        app.post_message(events.Paste(pasted))  # as the terminal driver sends a bracketed paste
        await pilot.pause()
        assert 0 < len(box.value) <= NOTE_MAX_CHARS and "\x07" not in box.value and "\r" not in box.value
        whole = " ".join(pasted.replace("\x07", "").replace("\r", " ").split())
        assert whole.startswith(box.value) and whole[len(box.value)] == " "  # cut where a word ends
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1 and f"kept {len(box.value):,} of" in messages[0]
        kept = box.value
        await pilot.press("escape", "3")  # back to the evidence, then score: the note goes with it
        await pilot.pause()
    notes = [s.note for sid in ids for s in app.store.load(sid).scores]
    assert notes == [kept]


async def test_n_on_your_own_conflict_and_w_by_a_non_chair_are_refused_at_the_key() -> None:
    app = make_app()
    ids = campaign(app.store)
    app.store.declare_conflict(ids[0], "Bo Panel", True, "my former colleague")
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(DeclarationsScreen(ROLE, "Bo Panel"))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#declare-table").move_cursor(row=[s.id for s in screen.sessions].index(ids[0]))
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert app.screen is screen  # no reason dialog opened
        said = [n.message for n in app._notifications]
        assert len(said) == 2
        assert "only the chair can withdraw it" in said[0] and "only the chair (Ann Chair) withdraws" in said[1]
    assert fairness.declaration(app.store.load(ids[0]), "Bo Panel").conflicted


async def test_a_submitted_shortlisting_score_is_corrected_with_a_reason_asked_for() -> None:
    app = make_app()
    ids = campaign(app.store)
    for sid in ids:
        for cid in ("E1", "E2"):
            app.store.record_score(sid, "Bo Panel", cid, 3, stage="shortlisting")
        app.store.submit(sid, "Bo Panel", "shortlisting")
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(ShortlistScreen(ROLE.id, "Bo Panel"))
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+b")  # from 'finished' back to the last application
        await pilot.pause()
        position = screen.item.position
        await pilot.press("4")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt) and position.criterion in str(prompt.query_one(Static).render())
        prompt.query_one(Input).insert_text_at_cursor("Misread the caseload figures")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    session = app.store.load(position.session_id)
    [score] = [s for s in session.scores if s.criterion == position.criterion and s.panellist == "Bo Panel"]
    assert score.value == 4
    [change] = [e for e in app.store.audit(position.session_id) if e.action == "score.change"]
    assert change.new["reason"] == "Misread the caseload figures" and change.old["value"] == 3
