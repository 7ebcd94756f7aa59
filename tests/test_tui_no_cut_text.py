"""No cut text on the candidate's screens at 80x24 and 120x36: no ellipsis, no word cut where the text fits.

Each check reads the screen as the terminal shows it, takes the region of one widget, and compares its
words with the widget's full text: every word shown must be a whole word of the text, in order, and a
widget whose box is tall enough must show all of it. The footer must show each of its keys whole.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, OptionList, Static

from selfassess.models import Criterion
from selfassess.tui.app import make_app
from selfassess.tui.screens.candidate import CandidateScreen

from .helpers import seed_role
from .screen_text import screen_lines

SIZES = [(80, 24), (120, 36)]
LONG = (
    "Experience of planning and delivering post-qualifying training for multi-agency safeguarding partners, "
    "including evaluating its impact on practice and reporting to the board"
)


def big_role():
    """A role of 36 criteria with long wording, as real person specifications have."""
    base = seed_role()
    criteria = [
        Criterion(
            id=f"{'E' if i <= 24 else 'D'}{i if i <= 24 else i - 24}",
            kind="essential" if i <= 24 else "desirable",
            category="Experience and knowledge of statutory social work",
            assessed_by=["application", "interview"],
            text=f"{LONG} ({i}).",
        )
        for i in range(1, 37)
    ]
    return base.model_copy(update={"criteria": criteria, "guidance": "Address each criterion separately."})


def shown_words(lines: list[str], widget: Widget) -> list[str]:
    region = widget.content_region
    parent = widget.parent
    if isinstance(parent, Widget) and parent.is_scrollable:
        region = region.intersection(parent.scrollable_content_region)
    rows = lines[region.y : region.y + region.height]
    return " ".join(row[region.x : region.x + region.width] for row in rows).split()


def assert_whole(lines: list[str], widget: Widget, complete: bool | None = None) -> None:
    """Whole words only; all of them unless the widget scrolls (``complete`` None: decide from the widget)."""
    if complete is None:  # a box that scrolls (the widget or the one around it) may show part of it
        parent = widget.parent
        complete = widget.max_scroll_y == 0 and not (isinstance(parent, Widget) and parent.max_scroll_y > 0)
    full = str(widget.render()).split()
    shown = shown_words(lines, widget)
    assert not any("…" in word for word in shown), f"#{widget.id}: ellipsis in {' '.join(shown)}"
    assert shown == full[: len(shown)], f"#{widget.id}: cut words: {' '.join(shown)!r} vs {' '.join(full)!r}"
    if complete:
        assert shown == full, f"#{widget.id}: text cut off: {' '.join(shown)!r}"


def assert_footer_whole(app, lines: list[str]) -> None:
    footer_line = lines[app.screen.query_one(Footer).region.y]
    assert "…" not in footer_line
    for active in app.screen.active_bindings.values():
        binding = active.binding
        if binding.show and binding.description:
            item = f"{app.get_key_display(binding)} {binding.description}"
            assert item in footer_line, f"footer cuts {item!r}: {footer_line!r}"


async def open_candidate(app, pilot, rated: bool = True) -> CandidateScreen:
    session = app.store.create(big_role(), candidate="Alex Example", reference="C-7")
    cid = session.role.criteria[0].id
    app.store.set_evidence(session.id, cid, "I organized 40 case reviews and as a result delays fell.", self_rating=4)
    if not rated:
        app.store.set_evidence(session.id, session.role.criteria[1].id, "A draft.")
    app.push_screen(CandidateScreen(app.store.load(session.id)))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, CandidateScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_candidate_screen_text_is_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_candidate(app, pilot)
        lines = screen_lines(app)
        assert f"{screen.criterion.id} · Essential · 1/36" in "\n".join(lines)
        for selector in ("#counts", "#rating", "#checks", "#spelling"):
            assert_whole(lines, screen.query_one(selector, Static))
        assert_whole(lines, screen.query_one("#criterion", Static), complete=False)  # scrolls when long
        assert_footer_whole(app, lines)


@pytest.mark.parametrize("size", SIZES)
async def test_dialogs_and_review_text_is_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_candidate(app, pilot)
        await pilot.press("ctrl+n", "ctrl+o")  # evidence bank: its title names the criterion
        await pilot.pause()
        lines = screen_lines(app)
        assert_whole(lines, app.screen.query_one("#bank-title", Static))
        await pilot.press("escape", "f2")
        await pilot.pause()
        lines = screen_lines(app)
        assert_whole(lines, app.screen.query_one("#statement-summary", Static))
        assert_footer_whole(app, lines)


@pytest.mark.parametrize("size", SIZES)
async def test_go_to_list_shows_whole_words(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_candidate(app, pilot)
        await pilot.press("ctrl+g")
        await pilot.pause(0.3)
        await pilot.press(*"go to E2")
        await pilot.pause(0.5)
        text = "\n".join(screen_lines(app))
        assert "…" not in text
        first_line = next(line for line in text.splitlines() if "Go to E2" in line)
        tail = first_line.split("Go to E2", 1)[1].split()
        words = f": {LONG}".split()
        assert tail[: len(tail) - 1] == words[: len(tail) - 1]  # the last word may be the box's edge


@pytest.mark.parametrize("size", SIZES)
async def test_home_header_and_footer_are_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        app.screen.query_one("#new-reference", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        lines = screen_lines(app)
        for label in app.screen.query(".section"):
            assert_whole(lines, label)
        assert_footer_whole(app, lines)


@pytest.mark.parametrize("size", SIZES)
async def test_practice_and_form_dialogs_text_is_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_candidate(app, pilot)
        await pilot.press("f5")
        await pilot.pause()
        lines = screen_lines(app)
        for selector in ("#practice-clock", "#practice-cards", ".section"):
            for widget in app.screen.query(selector):
                assert_whole(lines, widget)
        assert_whole(lines, app.screen.query_one("#practice-question", Static), complete=False)
        assert_footer_whole(app, lines)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        for key in ("f4", "f6", "f3"):
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            lines = screen_lines(app)
            for widget in app.screen.query("Static, Label"):
                if widget.id not in ("bank-preview",):
                    assert_whole(lines, widget)
            await pilot.press("escape")
            await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_rating_dialog_names_the_whole_criterion(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_candidate(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        lines = screen_lines(app)
        title = app.screen.query_one("#rating-title", Static)
        assert screen.criterion.text in str(title.render())
        assert_whole(lines, title, complete=title.parent.max_scroll_y == 0)  # all of it unless its box scrolls
        assert_whole(lines, app.screen.query_one(".hint", Static))  # the list scrolls; the hint stays on screen


@pytest.mark.parametrize("size", SIZES)
async def test_confirm_and_prompt_questions_wrap_whole(size: tuple[int, int]) -> None:
    from selfassess.tui.dialogs.common import Confirm, EditText, TextPrompt

    question = f"Delete the session ref C-7 · {LONG}? It is kept in the deleted folder."
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for dialog in (Confirm(question), TextPrompt(question), EditText(question, "")):
            app.push_screen(dialog)
            await pilot.pause()
            assert_whole(screen_lines(app), app.screen.query_one(".question", Static), complete=True)
            app.pop_screen()
            await pilot.pause()


BLOCKS = set("▁▂▃▄▅▆▇█▔▎▊▌▍▏▐")


def renderable_words(renderable) -> list[str]:
    """The words of a prompt (Text, or any Rich renderable such as a grid) as a wide terminal shows them."""
    if hasattr(renderable, "plain"):
        return renderable.plain.split()
    console = Console(width=400, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text(styles=False).split()


def assert_list_whole(lines: list[str], options: OptionList) -> None:
    """Every word an OptionList shows is whole and in order (a run of its prompts' words, as it scrolls)."""
    full = [w for i in range(options.option_count) for w in renderable_words(options.get_option_at_index(i).prompt)]
    shown = [w for w in shown_words(lines, options) if not set(w) <= BLOCKS]
    assert shown, f"#{options.id}: nothing shown"
    assert not any("…" in w or w == "..." for w in shown), f"#{options.id}: ellipsis in {' '.join(shown)}"
    starts = [i for i in range(len(full)) if full[i : i + len(shown)] == shown]
    assert starts, f"#{options.id}: cut words: {' '.join(shown)!r} vs {' '.join(full)!r}"


def assert_table_whole(lines: list[str], table: DataTable) -> None:
    """Every cell of a table is shown whole (wrapped if need be), none is cut at the pane's edge."""
    assert table.max_scroll_x == 0, f"#{table.id}: wider than its pane"
    shown = shown_words(lines, table)
    for row in range(table.row_count):
        for cell in table.get_row_at(row):
            text = cell.plain if isinstance(cell, Text) else str(cell)
            for word in text.split():
                assert word in shown, f"#{table.id}: {word!r} of {text!r} not shown whole: {' '.join(shown)!r}"


def assert_inside_screen(app, widget: Widget) -> None:
    """The widget is drawn within the screen (a dialog taller than the screen loses its last lines)."""
    region = widget.region
    assert region.height > 0 and region.bottom <= app.size[1], f"#{widget.id} is off the screen: {region}"


@pytest.mark.parametrize("size", SIZES)
async def test_home_tables_and_delete_question_are_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        long_role = big_role().model_copy(
            update={"title": "Social Worker – Children we Care for", "organisation": "Oxfordshire County Council"}
        )
        app.store.create(long_role, candidate="Alex Example", reference="C-7")
        app.screen.load_sessions()
        await pilot.pause()
        lines = screen_lines(app)
        for table in app.screen.query(DataTable):
            if table.display and table.region.height:
                assert_table_whole(lines, table)
        for label in app.screen.query(".section"):
            assert_whole(lines, label)
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("d")
        await pilot.pause()
        lines = screen_lines(app)
        question = app.screen.query_one("#confirm-question", Static)
        assert "deleted folder" in str(question.render())
        assert_whole(lines, question)
        await pilot.press("n")


@pytest.mark.parametrize("size", SIZES)
async def test_rating_and_bank_dialogs_fit_and_are_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_candidate(app, pilot)
        long_answer = " ".join(
            ["I completed post-qualifying training in child protection and mentor two students."] * 4
        )
        other = app.store.create(big_role(), candidate="Sam Sample", reference="C-8")
        app.store.set_evidence(other.id, "E3", long_answer)
        await pilot.press("ctrl+r")
        await pilot.pause(0.3)
        lines = screen_lines(app)
        assert_whole(lines, app.screen.query_one("#rating-title", Static), complete=False)  # scrolls when long
        assert_list_whole(lines, app.screen.query_one("#rating-options", OptionList))
        hint = app.screen.query_one("#rating-hint", Static)
        assert_inside_screen(app, hint)
        assert_whole(lines, hint)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+n", "ctrl+o")
        await pilot.pause(0.3)
        lines = screen_lines(app)
        options = app.screen.query_one("#bank-options", OptionList)
        assert options.option_count >= 1
        assert_list_whole(lines, options)
        for widget in (app.screen.query_one("#bank-preview-box"), app.screen.query_one("#bank-dialog .hint")):
            assert_inside_screen(app, widget)
        assert_whole(lines, app.screen.query_one("#bank-dialog .hint", Static))


@pytest.mark.parametrize("size", SIZES)
async def test_practice_cue_cards_are_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_candidate(app, pilot)
        answer = (
            "Situation: a child in foster care was missing school for most of the spring term.\n"
            "Action: I visited weekly, set up a support plan with the carers and school, and chaired three meetings.\n"
            "Result: attendance rose from 40% to 95% in one term and she sat her exams."
        )
        screen.editor.load_text(answer)
        screen.flush()
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        lines = screen_lines(app)
        cards = app.screen.query_one("#practice-cards", Static)
        assert "..." not in str(cards.render()) and "she sat her exams." in str(cards.render())
        assert_whole(lines, cards, complete=app.screen.query_one("#practice-cards-box").max_scroll_y == 0)
        assert_whole(lines, app.screen.query_one("#practice-clock", Static))


def children_role():
    """The built-in role with long criteria (E2, E4, E6 wrap to two or three lines) and guidance."""
    from selfassess import roles

    return next(r for r in roles.library() if r.guidance and "Children" in r.title)


@pytest.mark.parametrize("size", SIZES)
async def test_whole_criterion_text_is_on_screen_with_room_to_answer(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        role = children_role()
        session = app.store.create(role, candidate="Alex Example", reference="C-7")
        app.push_screen(CandidateScreen(app.store.load(session.id)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CandidateScreen)
        ids = [c.id for c in role.criteria]
        for cid in ("E2", "E4", "E6"):
            screen.goto(ids.index(cid))
            await pilot.pause()
            lines = screen_lines(app)
            shown = " ".join(shown_words(lines, screen.query_one("#criterion", Static)))
            assert screen.criterion.text.split() == shown.split()[-len(screen.criterion.text.split()) :], shown
            assert screen.editor.content_region.height >= 5, f"answer box {screen.editor.content_region.height}"
        guidance = screen.query_one("#guidance", Static)
        if size[1] < 30:  # short: guidance starts hidden, the heading says how to show it, F7 shows it
            assert not guidance.parent.display and "F7 guidance" in "\n".join(screen_lines(app))
            await pilot.press("f7")
            await pilot.pause()
        assert guidance.parent.display and guidance.region.height > 0
        assert_whole(screen_lines(app), guidance)  # whole words; it scrolls when longer than its room
        assert screen.editor.content_region.height >= 5
        assert_whole(screen_lines(app), screen.query_one("#criterion", Static), complete=True)
        await pilot.press("f7")
        await pilot.pause()
        assert not guidance.parent.display
