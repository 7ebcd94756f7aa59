"""The app's keys, read from the real bindings of a screen and the widgets on it (for help, and its tests).

Help is built from what is on screen now: the screen's own bindings, the widgets it names in
``HELP_WIDGETS`` (their keys act while that widget has focus) and the widgets mounted on it. Nothing here
imports other screens, so F1 opens at once. ``screen_classes`` walks every module, for the tests only.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.screen import Screen

NAMED = {"escape": "Escape", "enter": "Enter", "tab": "Tab", "space": "Space", "delete": "Delete", "up": "Up"}
NAMED |= {
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
}
PACKAGES = ("selfassess.tui.screens", "selfassess.tui.dialogs")


@dataclass(frozen=True)
class KeyRow:
    """One action and the keys that trigger it."""

    keys: tuple[str, ...]
    description: str
    action: str


@dataclass(frozen=True)
class KeySection:
    """A titled group of keys: a screen's, or a widget's (acting while it has focus)."""

    title: str
    rows: list[KeyRow]


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


def footer_key(display: str) -> str:
    """The footer's spelling of a key, with function keys written as help writes them (``F1``, not ``f1``)."""
    return re.sub(r"\bf(\d{1,2})\b", r"F\1", display)


def key_range(label: str) -> set[str]:
    """The keys a label stands for: ``0-9`` is ten keys; any other label is itself."""
    first, dash, last = label.partition("-")
    if dash and len(first) == len(last) == 1 and first < last:
        return {chr(c) for c in range(ord(first), ord(last) + 1)}
    return {label}


def binding_rows(bindings: Iterable) -> list[KeyRow]:
    """Bindings grouped by action (its arguments aside) and description, in the order first bound; keys a
    range label such as ``0-9`` already stands for are not listed again. The tooltip, when a binding has one,
    is the longer text help shows."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        description = binding.tooltip or binding.description or binding.action.replace("_", " ")
        keys = rows.setdefault((binding.action.partition("(")[0], description), [])
        label = key_label(binding)
        if not any(label != k and label in key_range(k) for k in keys) and label not in keys:
            keys.append(label)
    return [KeyRow(tuple(keys), description, action) for (action, description), keys in rows.items()]


def own_bindings(cls: type) -> list:
    """The bindings a class of this app declares (not the ones it inherits from Textual)."""
    found: list = []
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("selfassess."):
            found.extend(klass.__dict__.get("BINDINGS", []))
    return found


def help_widgets(cls: type) -> list[type]:
    """The widget classes a screen names in ``HELP_WIDGETS`` (its own and its mix-ins')."""
    found: list[type] = []
    for klass in reversed(cls.__mro__):
        for widget in klass.__dict__.get("HELP_WIDGETS", ()):
            if widget not in found:
                found.append(widget)
    return found


def screen_keys(cls: type) -> list[KeyRow]:
    """The keys a screen or dialog class binds itself, and those of the widgets it names in ``HELP_WIDGETS``."""
    own = own_bindings(cls)
    for widget in help_widgets(cls):
        own.extend(own_bindings(widget))
    return binding_rows(own)


def section_title(cls: type) -> str:
    """A class's name for people in help (its ``HELP_TITLE``; the class name if it has none)."""
    return getattr(cls, "HELP_TITLE", None) or cls.__name__


def screen_sections(screen: type, present: Iterable[type] = ()) -> list[KeySection]:
    """Help's sections for a screen class: its own keys, then each widget's it declares or has mounted."""
    sections = [KeySection(section_title(screen), binding_rows(own_bindings(screen)))]
    widgets = help_widgets(screen)
    widgets += [w for w in present if w not in widgets]
    for widget in widgets:
        rows = binding_rows(own_bindings(widget))
        if rows:
            sections.append(KeySection(section_title(widget), rows))
    return [s for s in sections if s.rows]


def mounted_widgets(screen: Screen) -> list[type]:
    """The classes of the widgets on a live screen that bind keys of their own, focused one first."""
    found: list[type] = []
    widgets = [screen.focused] if screen.focused is not None else []
    for widget in [*widgets, *screen.walk_children()]:
        cls = type(widget)
        if cls not in found and own_bindings(cls):
            found.append(cls)
    return found


def screen_classes() -> list[type]:
    """Every screen and dialog class of the app that binds keys, screens first, each in module order (tests)."""
    found: list[type] = []
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            module = importlib.import_module(f"{package_name}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and issubclass(cls, Screen) and screen_keys(cls):
                    found.append(cls)
    return found
