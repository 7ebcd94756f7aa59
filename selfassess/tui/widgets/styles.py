"""One style table for the TUI: how essential and desirable criteria, and statuses, are coloured."""

from __future__ import annotations

from rich.text import Text

KIND_STYLE = {"essential": "green", "desirable": "cyan"}
KIND_LETTER = {"essential": "E", "desirable": "D"}
STATUS_STYLE = {"empty": "dim", "draft": "yellow", "done": "green", "review": "bold magenta"}


def kind_badge(kind: str) -> Text:
    """'E ' in the essential colour or 'D ' in the desirable colour."""
    return Text(KIND_LETTER[kind] + " ", style=KIND_STYLE[kind])


def heading_style(kind: str) -> str:
    """The bold style of a criterion's heading line."""
    return f"bold {KIND_STYLE[kind]}"
