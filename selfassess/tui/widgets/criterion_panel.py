"""CriterionPanel: the criterion the candidate answers, always in full, then the role's guidance (F7 hides it).

On a short terminal the guidance starts hidden so the criterion and the answer box both fit; the heading
then says "F7 guidance". The guidance box scrolls (keys while it has focus) when it is longer than its room.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ...models import Criterion
from ...safetext import plain
from .candidate_text import criterion_heading


class CriterionPanel(Vertical):
    """The heading and whole text of one criterion; below it the role's guidance, hidden or shown."""

    DEFAULT_CSS = """
    CriterionPanel {
        height: auto;
        border-bottom: solid $primary-darken-2;
    }
    CriterionPanel #criterion-box {
        height: auto;
        max-height: 12;
        padding: 0 1;
    }
    CriterionPanel #criterion {
        height: auto;
    }
    CriterionPanel #guidance-box {
        height: auto;
        max-height: 5;
        padding: 0 1;
    }
    CriterionPanel.short #criterion-box {
        max-height: 7;
    }
    CriterionPanel.short #guidance-box {
        max-height: 3;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.guidance = ""
        self.chosen: bool | None = None  # the candidate's F7 choice; None: shown unless the screen is short
        self._shown: tuple[Criterion, int, int] | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="criterion-box"):
            yield Static(id="criterion")
        with VerticalScroll(id="guidance-box"):
            yield Static(id="guidance")

    @property
    def guidance_shown(self) -> bool:
        if not self.guidance:
            return False
        return self.chosen if self.chosen is not None else not self.has_class("short")

    def show(self, c: Criterion, index: int, total: int, guidance: str | None) -> None:
        """Show criterion ``c`` (number ``index`` of ``total``) in full, and the role's guidance if shown."""
        self._shown = (c, index, total)
        self.guidance = guidance or ""
        self.query_one("#guidance", Static).update(plain("Guidance: " + self.guidance, "dim italic"))
        self._fill()
        self.query_one("#criterion-box").scroll_home(animate=False)
        self.query_one("#guidance-box").scroll_home(animate=False)

    def fit(self, short: bool) -> None:
        """Fit a short (True) or tall terminal: guidance starts hidden on a short one."""
        self.set_class(short, "short")
        self._fill()

    def toggle_guidance(self) -> bool:
        """Hide the guidance if shown, show it if hidden; True when it is now shown."""
        self.chosen = not self.guidance_shown
        self._fill()
        return self.guidance_shown

    def on_resize(self) -> None:
        self._fill()  # the heading's first line is fitted to the width

    def _heading_width(self) -> int:
        """Room for the heading's first line: the box's width less its padding and a scrollbar's width."""
        box = self.query_one("#criterion-box")
        return max(box.content_region.width - box.styles.scrollbar_size_vertical, 0)

    def _fill(self) -> None:
        self.query_one("#guidance-box").display = self.guidance_shown
        if self._shown is None:
            return
        c, index, total = self._shown
        hint = "F7 guidance" if self.guidance and not self.guidance_shown else ""
        head = criterion_heading(c, index, total, hint, self._heading_width())
        self.query_one("#criterion", Static).update(head)
