"""A TextArea for short lines of text (the question plan): no line grows past ``max_line`` characters, nor
the box past ``max_lines`` non-blank lines. What typing or pasting would add beyond them is left out (cut
where a line or word ends), with one message saying what was kept; control characters are dropped.
Wrapping one ever longer line on every key is what made a long paste (sent by the terminal as keystrokes)
stall the screen."""

from __future__ import annotations

import time

from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from ...controls import strip_controls
from ...text_caps import capped as capped
from ...text_caps import kept_message

WARN_EVERY_SECONDS = 3.0


class CappedTextArea(TextArea):
    """TextArea whose lines never grow past ``max_line`` by typing or pasting (a message says so)."""

    def __init__(self, *args, max_line: int, max_lines: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_line = max_line
        self.max_lines = max_lines
        self._warned = 0.0

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        """Typing and pasting both come here: drop control characters, trim what would go over the caps."""
        first, last = sorted((start, end))
        before = self.document[first[0]][: first[1]]
        after = self.document[last[0]][last[1] :]
        clean = strip_controls(insert)
        lines_left = None
        if self.max_lines is not None:
            others = sum(
                1 for row, line in enumerate(self.document.lines) if not first[0] <= row <= last[0] and line.strip()
            )
            lines_left = self.max_lines - others
        trimmed = capped(clean, before, after, self.max_line, lines_left)
        if trimmed != clean:
            self._too_long(clean, trimmed)
        if not trimmed and start == end:
            return None
        return super()._replace_via_keyboard(trimmed, start, end)

    def _too_long(self, pasted: str, kept: str) -> None:
        """Say what was kept: at once for a paste, at most every few seconds for keys."""
        now = time.monotonic()
        if len(pasted) > 1 or now - self._warned >= WARN_EVERY_SECONDS:
            self._warned = now
            self.notify(kept_message(pasted, kept, self.max_line, self.max_lines), severity="warning")
