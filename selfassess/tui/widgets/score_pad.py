"""ScorePad: the one control that takes score keys. Digits pick, x is 'not assessed', Enter confirms.

Score keys are bindings of this widget only, so they act only while it has focus: text typed into a
note box can never change a score.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static


class ScorePad(Static, can_focus=True):
    """Shows the panellist's score for the criterion, what is pending, and the last change made."""

    HELP_TITLE = "Score pad"

    DEFAULT_CSS = """
    ScorePad {
        height: auto;
        min-height: 3;
        padding: 0 1;
        border: round $primary-darken-2;
    }
    ScorePad:focus {
        border: round $accent;
    }
    """

    BINDINGS = [
        Binding("0", "pick('0')", "Score", id="score-pick", key_display="0-9"),
        *[Binding(str(d), f"pick('{d}')", "Score", show=False, id=f"score-pick-{d}") for d in range(1, 10)],
        Binding("x", "pick('none')", "Not assessed", id="score-none"),
        Binding("enter", "confirm", "Confirm", id="score-confirm"),
    ]

    class Picked(Message):
        """A score key was pressed: a digit, or 'none' for not assessed."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Confirmed(Message):
        """Enter: record the pending score."""

    def action_pick(self, key: str) -> None:
        self.post_message(self.Picked(key))

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed())

    def show(self, text: Text) -> None:
        """Draw the pad's lines."""
        self.update(text)
