"""Help reads as a user's guide: sections named for people, every widget's keys on the screen that shows it,
one row per action (``0-9 Score``), the command palette listed, and F1 spelled one way in footer and help."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys

from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from selfassess.tui.app import SelfAssessApp, make_app
from selfassess.tui.dialogs.common import Confirm
from selfassess.tui.keys import binding_rows, help_widgets, mounted_widgets, own_bindings, screen_classes
from selfassess.tui.screens.help import HelpScreen, help_markdown
from selfassess.tui.screens.import_review import ReviewScreen
from selfassess.tui.screens.scoring import ScoringScreen
from selfassess.tui.widgets.score_pad import ScorePad

from .screen_text import screen_lines

PACKAGES = ("selfassess.tui.screens", "selfassess.tui.dialogs", "selfassess.tui.widgets")


def classes_with_bindings() -> list[type]:
    """Every class of the TUI that declares keys of its own."""
    found = []
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and cls.__dict__.get("BINDINGS"):
                    found.append(cls)
    return found


def test_every_class_with_keys_has_a_title_for_people() -> None:
    classes = classes_with_bindings()
    assert {"HomeScreen", "ScorePad", "SourceList", "UnsavedDialog"} <= {c.__name__ for c in classes}
    untitled = [c.__name__ for c in classes if not c.__dict__.get("HELP_TITLE")]
    assert not untitled, f"no HELP_TITLE: {untitled}"
    for cls in classes:
        title = cls.__dict__["HELP_TITLE"]
        assert title != (cls.__doc__ or "").strip().splitlines()[0]
        assert "``" not in title and "(" not in title and len(title) <= 40, f"{cls.__name__}: {title!r}"


def widgets_made_by(cls: type) -> set[type]:
    """Widget classes with keys of their own that a screen class (or a base of it in this app) constructs."""
    made: set[type] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("selfassess."):
            continue
        names = vars(sys.modules[klass.__module__])
        for node in ast.walk(ast.parse(inspect.getsource(klass).lstrip())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                made_cls = names.get(node.func.id)
                widget = inspect.isclass(made_cls) and issubclass(made_cls, Widget) and not issubclass(made_cls, Screen)
                if widget and own_bindings(made_cls):
                    made.add(made_cls)
    return made


def test_every_widget_with_keys_on_a_screen_is_in_that_screens_help() -> None:
    """A screen that shows a widget with keys of its own names it in HELP_WIDGETS, so its help lists them."""
    assert widgets_made_by(ReviewScreen) >= {w for w in help_widgets(ReviewScreen)}
    assert len(help_widgets(ReviewScreen)) == 2
    for cls in screen_classes():
        missing = widgets_made_by(cls) - set(help_widgets(cls))
        assert not missing, f"{cls.__name__} shows {sorted(w.__name__ for w in missing)} but its help does not"


def test_import_review_help_lists_the_source_lines_keys() -> None:
    text = help_markdown(ReviewScreen)
    assert "## Source lines" in text and "| `Enter` | Use line |" in text
    for key in ("Up", "Down", "PgUp", "PgDn", "Home", "End"):
        assert f"`{key}`" in text
    assert "Edit the criterion's text" in text


def test_enter_on_a_list_says_what_it_does() -> None:
    from selfassess.tui.screens.home import HomeScreen
    from selfassess.tui.screens.statement_review import StatementReviewScreen

    home = help_markdown(HomeScreen)
    assert "| `Enter` | Start a session on the role |" in home
    assert "| `Enter` | Resume the session" in home
    assert "| `Enter` | Open the criterion to fix it |" in help_markdown(StatementReviewScreen)


def test_the_command_palette_is_in_help_everywhere() -> None:
    everywhere = help_markdown(ScoringScreen).split("## Everywhere")[1]
    assert "`ctrl+p`" in everywhere and "Command palette" in everywhere
    assert [b.key for b in SelfAssessApp.BINDINGS].count("ctrl+p") == 1


def test_a_score_range_is_one_row() -> None:
    rows = [r for r in binding_rows(ScorePad.BINDINGS) if r.description == "Score"]
    assert [r.keys for r in rows] == [("0-9",)]
    text = help_markdown(ScoringScreen)
    assert text.count("| Score |") == 1 and "| `0-9` | Score |" in text


async def test_help_on_a_live_screen_lists_its_widgets_and_not_itself(private_folders) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        home = app.screen
        assert set(mounted_widgets(home)) <= set(help_widgets(type(home)))
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.source
        titles = [line[3:] for line in source.splitlines() if line.startswith("## ")]
        assert titles == ["Home: roles and sessions", "Roles list", "Sessions list", "Everywhere"]
        assert "Pick a role" not in source  # a docstring is not a title
        await pilot.press("escape")
        await pilot.pause()
        footer = " ".join(screen_lines(app)[-2:])
        assert "F1 Help" in footer and "f1 Help" not in footer


def test_every_dialog_takes_f1() -> None:
    """A dialog stops the app's own keys, so each one binds F1 itself (through AppModal)."""
    dialogs = [c for c in screen_classes() if issubclass(c, ModalScreen)]
    assert len(dialogs) > 10
    deaf = [c.__name__ for c in dialogs if "f1" not in {b.key for b in Binding.make_bindings(own_bindings(c))}]
    assert not deaf, f"F1 does nothing on: {deaf}"


async def test_f1_on_a_dialog_opens_its_help_and_f1_closes_it(private_folders) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        dialog = Confirm("Delete it?")
        app.push_screen(dialog)
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.source
        assert "## Yes or no" in source and "## Home" not in source
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is dialog
