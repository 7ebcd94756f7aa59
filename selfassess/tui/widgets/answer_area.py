"""A text area for the candidate's own writing: pasted text arrives without control characters, and keys
typed ahead (arriving together while the app is busy) are applied in the order they were typed."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from ...safetext import strip_controls
from .in_turn import run_own_binding


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

    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)  # Backspace, arrows, undo in turn with the characters typed ahead
