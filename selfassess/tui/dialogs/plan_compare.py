"""Compare a criterion's question plan as typed here with the one another terminal saved since: keep
yours (saved over theirs), take theirs (yours dropped), or go back with yours kept."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ...safetext import plain
from ..typed import AppModal


class PlanCompare(AppModal[str | None]):
    """Answers "mine", "theirs" or None (back, nothing changed)."""

    HELP_TITLE = "Plan changed at another terminal"

    DEFAULT_CSS = """
    PlanCompare VerticalScroll { height: auto; max-height: 16; }
    PlanCompare .plan-side { margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("k", "mine", "Keep mine (save it over theirs)", id="compare-mine"),
        Binding("t", "theirs", "Take theirs (drop mine)", id="compare-theirs"),
        Binding("escape", "back", "Back (mine kept, not saved)", id="compare-back"),
    ]

    def __init__(self, heading: str, theirs: str, mine: str) -> None:
        super().__init__()
        self.heading, self.theirs, self.mine = heading, theirs, mine

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.heading, "bold"))
            with VerticalScroll():
                yield Static(self._side("Saved now", self.theirs), classes="plan-side")
                yield Static(self._side("Yours (not saved)", self.mine), classes="plan-side")
            yield Static(
                "k = keep mine (saved over theirs) · t = take theirs (mine dropped) · Escape = back, mine kept",
                classes="hint",
            )

    @staticmethod
    def _side(title: str, text: str) -> Text:
        out = Text(f"{title}\n", style="bold underline")
        out.append_text(plain(text or "(no plan)"))
        return out

    def action_mine(self) -> None:
        self.dismiss("mine")

    def action_theirs(self) -> None:
        self.dismiss("theirs")

    def action_back(self) -> None:
        self.dismiss(None)
