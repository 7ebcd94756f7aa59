"""Issue 15 leftovers at 80x24: the criterion heading fits one line; the STAR guide leaves the answer room."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from selfassess.models import Criterion
from selfassess.tui.app import make_app
from selfassess.tui.screens.candidate import CandidateScreen
from selfassess.tui.screens.candidate_tools import STAR, STAR_SHORT
from selfassess.tui.widgets.candidate_text import criterion_heading

from .screen_text import screen_lines
from .test_tui_no_cut_text import SIZES, assert_whole, children_role, shown_words

CATEGORY = "Experience and knowledge of statutory social work"


def crit(category: str = "", methods: tuple[str, ...] = ("application", "interview")) -> Criterion:
    return Criterion(id="E12", kind="essential", category=category, assessed_by=list(methods), text="Able to plan.")


def first_line(c: Criterion, width: int, hint: str = "F7 guidance") -> str:
    return criterion_heading(c, 11, 36, hint, width).plain.split("\n")[0]


def test_heading_is_whole_when_it_fits() -> None:
    c = crit(CATEGORY)
    assert criterion_heading(c, 11, 36, "F7 guidance", 200).plain == (
        f"E12 · Essential · 12/36 · {CATEGORY} · assessed by application, interview · F7 guidance\nAble to plan."
    )
    assert criterion_heading(c, 11, 36).plain.split("\n")[0].endswith("assessed by application, interview")


@pytest.mark.parametrize("width", [30, 40, 52, 60, 80, 120])
@pytest.mark.parametrize("category", ["", "Skills", CATEGORY])
def test_heading_first_line_fits_and_nothing_is_lost(width: int, category: str) -> None:
    c = crit(category)
    text = criterion_heading(c, 11, 36, "F7 guidance", width).plain
    line = text.split("\n")[0]
    assert line.startswith("E12 · Essential · 12/36") and line.endswith("· F7 guidance")
    if width >= 46:  # the shortest first line (codes, category on its own line) is 46 columns
        assert len(line) <= width
    assert text.endswith("\nAble to plan.")  # the criterion itself is always there, whole
    assert category in text
    assert "A/I" in line or "application, interview" in line


def test_heading_shortens_methods_before_moving_the_category() -> None:
    skills = crit("Skills")
    assert first_line(skills, 80) == "E12 · Essential · 12/36 · Skills · by application, interview · F7 guidance"
    assert first_line(skills, 70) == "E12 · Essential · 12/36 · Skills · by A/I · F7 guidance"
    heading = criterion_heading(skills, 11, 36, "F7 guidance", 50).plain
    assert heading == "E12 · Essential · 12/36 · by A/I · F7 guidance\nSkills\nAble to plan."
    single = crit("", ("application",))
    assert first_line(single, 54) == "E12 · Essential · 12/36 · by application · F7 guidance"
    assert first_line(crit("", ()), 40) == "E12 · Essential · 12/36 · F7 guidance"


async def open_children(app, pilot, answer: str = "") -> CandidateScreen:
    session = app.store.create(children_role(), candidate="Alex Example", reference="C-7")
    if answer:
        app.store.set_evidence(session.id, session.role.criteria[0].id, answer)
    app.push_screen(CandidateScreen(app.store.load(session.id)))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CandidateScreen)
    return screen


async def test_heading_takes_one_row_at_80x24_and_the_whole_criterion_shows() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_children(app, pilot)
        ids = [c.id for c in screen.session.role.criteria]
        for cid in ("E1", "E2"):  # one method and two
            screen.goto(ids.index(cid))
            await pilot.pause()
            lines = screen_lines(app)
            criterion = screen.query_one("#criterion", Static)
            row = lines[criterion.content_region.y]
            assert row.rstrip().endswith("· F7 guidance"), f"{screen.criterion.id}: heading wraps: {row!r}"
            shown = " ".join(shown_words(lines, criterion))
            assert shown.endswith(" ".join(screen.criterion.text.split())), shown


@pytest.mark.parametrize("size", SIZES)
async def test_star_guide_leaves_the_answer_room(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_children(app, pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        star = screen.query_one("#star", Static)
        assert str(star.render()) == (STAR_SHORT if size[1] < 30 else STAR)
        lines = screen_lines(app)
        assert_whole(lines, star, complete=True)
        assert screen.editor.content_region.height >= (8 if size[1] < 30 else 12)  # 5 before, at 80x24
        assert_whole(lines, screen.query_one("#counts", Static), complete=True)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not star.display and not screen.has_class("star")


def test_star_guide_at_80x24(snap_compare) -> None:
    async def star(pilot) -> None:
        answer = "I qualified in 2015 (BA Hons Social Work) and I have been registered since."
        screen = await open_children(pilot.app, pilot, answer)  # saved: no save time or template in the picture
        await pilot.press("ctrl+t")
        await pilot.app.workers.wait_for_complete()  # the spelling check
        screen.set_focus(None)  # no text cursor in the picture: its blink depends on timing
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=star)
