"""Issue 15's fresh-eyes findings on the candidate side, each as the tester met it."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList, Static

from selfassess.models import StatementLimits
from selfassess.session_admin import set_limits, set_practice_note
from selfassess.tui.app import make_app
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.statement_review import StatementReviewScreen

from .helpers import push, seed_role

ROLE = seed_role(3)


async def test_review_lists_every_problem_of_a_criterion_with_several() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example", reference="C-7")
        set_limits(app.store, session.id, StatementLimits(words_per_criterion=5))
        first, second = ROLE.criteria[0].id, ROLE.criteria[1].id
        app.store.set_evidence(session.id, first, "I wrote fifteen words here so that this answer runs over the limit.")
        app.store.set_evidence(session.id, second, "I rated this one low and it is over the limit too.", self_rating=1)
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        screen = app.screen
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, StatementReviewScreen)
        listed = app.screen.query_one("#review-gaps", OptionList)
        rows = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        mine = [row for row in rows if row.startswith(f"{first} ")]
        assert any("over the form's limit" in row for row in mine) and any("not self-rated" in row for row in mine)
        assert sum(row.startswith(f"{second} ") for row in rows) == 2
        listed.highlighted = rows.index(next(row for row in rows if row.startswith(f"{second} ")))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.criterion.id == second


def test_the_store_keeps_no_control_characters(tmp_path) -> None:
    from selfassess.store import SessionStore

    store = SessionStore(tmp_path / "s")
    session = store.create(ROLE, candidate="Alex Example", reference="C-7")
    cid = ROLE.criteria[0].id
    saved = store.set_evidence(session.id, cid, "I led\x07 the\x1b[31m review\x00\r\nof 40 cases\u202e.")
    assert saved.evidence[cid].text == "I led the[31m review\nof 40 cases."
    assert store.load(session.id).evidence[cid].text == saved.evidence[cid].text
    noted = set_practice_note(store, session.id, cid, "went\x1b well\x07")
    assert noted.practice[cid] == "went well"


async def test_a_paste_with_control_characters_is_clean_in_the_editor_and_saved() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example", reference="C-7")
        push(app, CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CandidateScreen)
        app.post_message(events.Paste("I led\x07BELL the\x1b[31mRED review\x00 of cases."))
        await pilot.pause()
        assert screen.editor.text == "I ledBELL the[31mRED review of cases."
        screen.flush()
        await pilot.pause()
        screen._refresh_feedback()
        assert app.store.load(session.id).evidence[screen.criterion.id].text == screen.editor.text
        assert "unsaved" not in str(screen.query_one("#counts", Static).render())
