"""Screens, dialogs and widgets reach the app typed (``tui/typed.py``): none annotates Textual's bare ``App``
or needs a ``type: ignore[attr-defined]`` to read the app's attributes."""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parents[1] / "selfassess" / "tui"
FOLDERS = ("screens", "dialogs", "widgets")


def tui_files() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (TUI / folder).glob("*.py"))


def test_no_screen_dialog_or_widget_silences_an_attribute_error() -> None:
    files = tui_files()
    assert len(files) > 30
    silenced = [
        f"{p.relative_to(TUI)}:{n}"
        for p in files
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if "type: ignore[attr-defined]" in line
    ]
    assert not silenced, f"use the typed app instead: {silenced}"


def test_no_function_takes_the_untyped_app() -> None:
    untyped = []
    for path in tui_files():
        for node in ast.walk(ast.parse(path.read_text())):
            annotation = node.annotation if isinstance(node, ast.arg) else None
            if annotation is not None and ast.unparse(annotation) in ("App", "textual.app.App"):
                untyped.append(f"{path.relative_to(TUI)}:{getattr(node, 'lineno', 0)} {getattr(node, 'arg', '')}")
    assert not untyped, f"annotate SelfAssessApp (tui/typed.py) instead: {untyped}"
