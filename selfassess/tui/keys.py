"""The app's keys, read from the real bindings of every screen and dialog (for help, and for its tests)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass

from textual.binding import Binding
from textual.screen import Screen

NAMED = {"escape": "Escape", "enter": "Enter", "tab": "Tab", "space": "Space", "delete": "Delete"}
PACKAGES = ("selfassess.tui.screens", "selfassess.tui.dialogs")


@dataclass(frozen=True)
class KeyRow:
    """One action and the keys that trigger it."""

    keys: tuple[str, ...]
    description: str
    action: str


def key_label(binding: Binding) -> str:
    """How a key is written for people: `key_display` when the binding sets one, else `ctrl+n`, `F2`, `Enter`."""
    if binding.key_display:
        return binding.key_display
    parts = binding.key.split("+")
    last = parts[-1]
    if len(last) > 1 and last[0] == "f" and last[1:].isdigit():
        last = last.upper()
    parts[-1] = NAMED.get(last, last)
    return "+".join(parts)


def binding_rows(bindings: list) -> list[KeyRow]:
    """Bindings grouped by action and description, in the order first bound."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        description = binding.description or binding.tooltip or binding.action.replace("_", " ")
        keys = rows.setdefault((binding.action, description), [])
        label = key_label(binding)
        if label not in keys:
            keys.append(label)
    return [KeyRow(tuple(keys), description, action) for (action, description), keys in rows.items()]


def screen_keys(cls: type) -> list[KeyRow]:
    """The keys a screen or dialog class binds itself (not the ones it inherits from Textual), and the keys
    of the widgets it names in ``HELP_WIDGETS`` (keys that act only while that widget has focus)."""
    own: list = []
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("selfassess."):
            own.extend(klass.__dict__.get("BINDINGS", []))
            for widget in klass.__dict__.get("HELP_WIDGETS", ()):
                own.extend(widget.BINDINGS)
    return binding_rows(own)


def screen_classes() -> list[type]:
    """Every screen and dialog class of the app that binds keys, screens first, each in module order."""
    found: list[type] = []
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            module = importlib.import_module(f"{package_name}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and issubclass(cls, Screen) and screen_keys(cls):
                    found.append(cls)
    return found
