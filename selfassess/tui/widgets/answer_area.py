"""A text area for the candidate's own writing: pasted text arrives without control characters."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from ...safetext import strip_controls


class AnswerArea(TextArea):
    """A TextArea whose pastes drop bells, escapes and NULs (they would be stripped on saving anyway, and
    on screen they shift the soft wrap so lines break mid-word)."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        if self.read_only:
            return
        result = self.replace(strip_controls(event.text), *self.selection)
        self.move_cursor(result.end_location)
        self.focus()
