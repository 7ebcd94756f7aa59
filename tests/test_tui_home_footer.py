"""The home and candidate footers show every key that fits the terminal and cut none (issue 15): optional keys
are added, most useful first, as the width allows; F1 help lists them all. Beside the preview the lists are
not cut."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from selfassess import roles
from selfassess.session_admin import rename
from selfassess.tui.app import make_app
from selfassess.tui.footer_fit import extras_that_fit, label_width
from selfassess.tui.screens.help import help_markdown
from selfassess.tui.screens.home import HomeScreen

from .screen_text import screen_lines
from .test_tui_no_cut_text import assert_footer_whole, assert_whole, open_candidate


def test_label_width_counts_key_space_and_description() -> None:
    assert label_width("n", "New session") == 13
    assert label_width("f1", "") == 2


def test_optional_keys_are_taken_in_order_while_they_fit() -> None:
    shown = [13, 12]  # 13 + 1 + 12 = 26 columns used
    extras = [("rename", 8), ("wide", 30), ("reload", 8)]
    assert extras_that_fit(shown, extras, 26) == set()
    assert extras_that_fit(shown, extras, 35) == {"rename"}  # 26 + 1 + 8 = 35: fits exactly
    assert extras_that_fit(shown, extras, 44) == {"rename", "reload"}  # the wide one is passed over
    assert extras_that_fit(shown, extras, 200) == {"rename", "wide", "reload"}


def footer_items(app) -> list[str]:
    return [
        f"{app.get_key_display(a.binding)} {a.binding.description}"
        for a in app.screen.active_bindings.values()
        if a.binding.show
    ]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_home_footer_and_headings_are_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert_footer_whole(app, lines)
        for heading in app.screen.query(".section").results(Static):
            assert_whole(lines, heading, complete=True)
        for role in app.screen.listed.values():  # beside the preview (120 columns) too
            organisation = role.organisation or "-"
            assert any(role.title in line and organisation in line for line in lines), f"cut: {role.title!r}"


async def test_wider_terminal_shows_more_keys_and_help_lists_them_all() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        narrow = footer_items(app)
        assert "e Rename" not in narrow and "d Delete" in narrow and "F1 Help" in narrow
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        wide = footer_items(app)
        assert {"e Rename", "o Merit order", "N New role", "r Reload"} <= set(wide)
        assert set(narrow) < set(wide)
        assert_footer_whole(app, screen_lines(app))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert footer_items(app) == narrow
        assert_footer_whole(app, screen_lines(app))
    help_text = help_markdown(HomeScreen)
    for binding in HomeScreen.BINDINGS:
        assert binding.description in help_text


async def test_session_columns_shrink_after_a_long_name_goes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        role = roles.check_file(next(iter(app.screen.listed.values())).path)
        session = app.store.create(role, candidate="A" * 70, reference="R-1")
        app.screen.load_sessions()
        await pilot.pause()
        rename(app.store, session.id, "Sam", "R-1")
        app.screen.load_sessions()
        await pilot.pause()
        assert any("Candidate" in line and "Last change" in line for line in screen_lines(app))


async def test_candidate_footer_adds_help_and_practice_when_wide() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(app, pilot)
        assert "F1 Help" not in footer_items(app)
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert {"F1 Help", "F5 Interview practice", "^n Next", "esc Home"} <= set(footer_items(app))
        assert_footer_whole(app, screen_lines(app))
