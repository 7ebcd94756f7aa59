"""Help follows the bindings: every key the app binds is shown, every key shown is bound; the CLI is documented."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Markdown

from selfassess.cli import build_parser
from selfassess.tui.app import SelfAssessApp, make_app
from selfassess.tui.keys import key_label, screen_classes, screen_keys
from selfassess.tui.screens.help import HelpScreen, help_markdown, screen_title
from selfassess.tui.screens.home import HomeScreen

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_bound_key_of_every_screen_is_in_help() -> None:
    text = help_markdown()
    classes = screen_classes()
    names = {c.__name__ for c in classes}
    assert {"HomeScreen", "CandidateScreen", "ScoringScreen", "ModerationScreen", "DecisionScreen"} <= names
    for cls in classes:
        for row in screen_keys(cls):
            for key in row.keys:
                assert f"`{key}`" in text, f"{cls.__name__}: {key} ({row.description}) is not in help"
    for binding in SelfAssessApp.BINDINGS:
        assert f"`{key_label(binding)}`" in text


def test_every_key_in_help_is_bound_somewhere() -> None:
    text = help_markdown()
    bound = {key for cls in screen_classes() for row in screen_keys(cls) for key in row.keys}
    bound |= {key_label(b) for b in SelfAssessApp.BINDINGS}
    key_cells = [line.split(" | ")[0] for line in text.splitlines() if line.startswith("| `")]
    shown = {key for cell in key_cells for key in re.findall(r"`([^`]+)`", cell)}
    assert len(shown) > 20
    assert shown <= bound, f"help shows keys nothing binds: {sorted(shown - bound)}"


def test_key_labels_read_as_people_write_them() -> None:
    from textual.binding import Binding

    assert key_label(Binding("f2", "x")) == "F2"
    assert key_label(Binding("ctrl+n", "x")) == "ctrl+n"
    assert key_label(Binding("escape", "x")) == "Escape"
    assert key_label(Binding("question_mark", "x", key_display="?")) == "?"


async def test_f1_opens_help_for_the_screen_in_front(private_folders) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = app.screen.query_one(Markdown).source.split("\n## ")
        assert sections[1].startswith("Everywhere")
        assert sections[2].startswith(screen_title(HomeScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


def test_every_cli_command_is_documented_in_the_readme() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in commands.choices if f"`selfassess {name}" not in readme]
    assert not missing, f"README.md does not document: {missing}"
