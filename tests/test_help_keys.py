"""Help follows the bindings: every key the app binds is shown, every key shown is bound; the CLI is documented."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from textual.binding import Binding

from selfassess.cli import build_parser
from selfassess.tui.app import SelfAssessApp, make_app
from selfassess.tui.keys import help_widgets, key_label, key_range, own_bindings, screen_classes, section_title
from selfassess.tui.screens.help import HelpScreen, help_markdown
from selfassess.tui.screens.home import HomeScreen

README = Path(__file__).resolve().parents[1] / "README.md"


def shown_keys(text: str) -> set[str]:
    """The keys help's tables show (the first cell of each row)."""
    key_cells = [line.split(" | ")[0] for line in text.splitlines() if line.startswith("| `")]
    return {key for cell in key_cells for key in re.findall(r"`([^`]+)`", cell)}


def bound_keys(cls: type) -> set[str]:
    """The key of every binding that acts on a screen: its own, its widgets', the app's."""
    bindings = own_bindings(cls) + [b for w in help_widgets(cls) for b in own_bindings(w)]
    return {key_label(b) for b in Binding.make_bindings([*bindings, *SelfAssessApp.BINDINGS])}


def test_every_bound_key_of_every_screen_is_in_its_help() -> None:
    classes = screen_classes()
    names = {c.__name__ for c in classes}
    assert {"HomeScreen", "CandidateScreen", "ScoringScreen", "ModerationScreen", "DecisionScreen"} <= names
    for cls in classes:
        covered = {key for label in shown_keys(help_markdown(cls)) for key in key_range(label) | {label}}
        missing = bound_keys(cls) - covered
        assert not missing, f"{cls.__name__}: {sorted(missing)} not in its help"


def test_every_key_in_a_screens_help_is_bound_there() -> None:
    for cls in screen_classes():
        shown = shown_keys(help_markdown(cls))
        assert len(shown) >= 3, cls.__name__
        assert shown <= bound_keys(cls), f"{cls.__name__}'s help shows keys nothing binds: {shown - bound_keys(cls)}"


def test_key_labels_read_as_people_write_them() -> None:
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
        sections = app.screen.source.split("\n## ")
        assert sections[1].startswith(section_title(HomeScreen))
        assert sections[-1].startswith("Everywhere")
        assert not any(s.startswith(section_title(HelpScreen)) for s in sections[1:])
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


F1_LOADS = """
import asyncio, json, sys
from selfassess.tui.app import make_app

async def main():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = set(sys.modules)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen", app.screen
        return sorted(set(sys.modules) - before)

print(json.dumps(asyncio.run(main())))
"""


def test_f1_imports_no_other_screen(private_folders) -> None:
    """F1 builds help from the screen in front: it loads no other screen or dialog module (importing them
    all kept help seconds away on a busy machine)."""
    out = subprocess.run([sys.executable, "-c", F1_LOADS], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert "selfassess.tui.screens.help" in loaded
    extra = [m for m in loaded if m.startswith(("selfassess.tui.screens.", "selfassess.tui.dialogs."))]
    assert extra == ["selfassess.tui.screens.help"], extra


def test_every_cli_command_is_documented_in_the_readme() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in commands.choices if f"`selfassess {name}" not in readme]
    assert not missing, f"README.md does not document: {missing}"
