"""A text area for the candidate's own writing: pasted text arrives without control characters, and keys
typed ahead (arriving together while the app is busy) are applied in the order they were typed."""

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

    async def _on_key(self, event: events.Key) -> None:
        """The editor's own keys (Backspace, arrows, Delete, undo) run here, in turn with the characters.
        Textual runs a widget's bindings only once the key has passed up to the app, so in a burst of keys
        ("teh", Backspace, Backspace, "he" typed while the app was busy) every character was inserted
        before any Backspace ran: "teh" instead of "the"."""
        for binding in self._bindings.key_to_bindings.get(event.key, []):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # TextArea's own handler, next in line, leaves it
                return
