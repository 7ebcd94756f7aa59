"""The statement review after the second fresh-eyes check (issue 15, t15b): the whole statement over its limit
is a gap to fix first (N5), totals on one line, and the export prompt reads as a sentence."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from selfassess.form_copy import statement_for_form
from selfassess.models import StatementLimits
from selfassess.session_admin import set_limits
from selfassess.statement import count_words, gaps
from selfassess.tui.app import make_app
from selfassess.tui.screens.statement_review import StatementReviewScreen

from .helpers import seed_role

ROLE = seed_role(2)


async def test_whole_statement_over_its_limit_is_listed_to_fix_first() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example", reference="C-7")
        set_limits(app.store, session.id, StatementLimits(words_total=10))
        for c in ROLE.criteria[:2]:
            app.store.set_evidence(session.id, c.id, "I led a review of 40 cases.", self_rating=4)
        session = app.store.load(session.id)
        app.push_screen(StatementReviewScreen(session))
        await pilot.pause()
        listed = app.screen.query_one("#review-gaps", OptionList)
        first = str(listed.get_option_at_index(0).prompt)
        words = count_words(statement_for_form(session))
        assert first == f"Whole statement over the form's limit ({words} words / 10): shorten it"
        severe = sum(g.severe for g in gaps(session)) + 1  # the criteria's gaps and the whole statement's
        assert f"To fix first: {severe} " in str(app.screen.query_one("#statement-summary", Static).render())
        totals = str(app.screen.query_one("#statement", Static).render()).splitlines()[0]
        assert totals == f"Whole statement: {words} words / 10 · {len(statement_for_form(session).rstrip())} chars"
        await pilot.press("enter")  # nothing to open: the review stays
        await pilot.pause()
        assert isinstance(app.screen, StatementReviewScreen)


async def test_export_prompt_reads_as_a_sentence() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        session = app.store.create(ROLE, candidate="Alex Example", reference="C-7")
        app.push_screen(StatementReviewScreen(app.store.load(session.id)))
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        question = str(app.screen.query_one(".question", Static).render())
        assert question == "Save the statement to a plain text file (.txt)"


async def test_evidence_bank_filter_has_focus_so_typing_is_never_lost() -> None:
    from selfassess.tui.dialogs.bank import EvidenceBankDialog
    from selfassess.tui.screens.candidate import CandidateScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        earlier = app.store.create(ROLE, candidate="Sam Sample", reference="C-8")
        app.store.set_evidence(earlier.id, ROLE.criteria[0].id, "I completed post-qualifying training in 2020.")
        app.store.set_evidence(earlier.id, ROLE.criteria[1].id, "I chaired twelve planning meetings.")
        session = app.store.create(ROLE, candidate="Alex Example", reference="C-7")
        app.push_screen(CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceBankDialog)
        await pilot.press(*"training")  # typed at once, before any Tab
        await pilot.pause()
        assert app.screen.query_one("#bank-query", Input).value == "training"
        assert [e.criterion_id for e in app.screen.shown] == [ROLE.criteria[0].id]
        await pilot.press("down", "enter")  # browse and insert from the filter
        await pilot.pause()
        assert app.screen is screen and screen.editor.text.startswith("I completed post-qualifying training")


async def test_limits_dialog_keeps_its_hint_on_a_short_screen() -> None:
    from selfassess.tui.dialogs.form import LimitsDialog
    from selfassess.tui.screens.candidate import CandidateScreen

    from .screen_text import screen_lines

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        from selfassess import roles

        role = next(r for r in roles.library() if r.guidance and "Children" in r.title)  # a long title
        session = app.store.create(role, candidate="Alex Example", reference="C-7")
        set_limits(app.store, session.id, StatementLimits(words_per_criterion=5, words_total=10))
        app.push_screen(CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, LimitsDialog)
        hint = app.screen.query_one("#limits-dialog .hint", Static)
        dialog = app.screen.query_one("#limits-dialog")
        assert hint.region.height == 1 and hint.region.bottom <= dialog.content_region.bottom
        assert "Enter chooses, Escape cancels" in "\n".join(screen_lines(app))
        presets = app.screen.query_one("#limits-presets", OptionList)
        assert presets.region.height > 0 and app.screen.query_one("#limits-custom", Input).region.height > 0


async def test_sessions_table_keeps_the_role_on_one_line_when_there_is_room() -> None:
    from textual.widgets import DataTable

    from selfassess import roles

    from .screen_text import screen_lines

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        role = next(r for r in roles.library() if r.guidance and "Children" in r.title)
        app.store.create(role, candidate="Tester One", reference="C-7")
        app.screen.load_sessions()
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        rows = screen_lines(app)[table.region.y : table.region.bottom]
        assert any("Tester One" in row and role.title in row for row in rows), "\n".join(rows)
