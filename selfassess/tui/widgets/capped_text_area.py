"""A TextArea for short lines of text (the question plan): no line grows past ``max_line`` characters.
What typing or pasting would add beyond it is left out, with one message: wrapping one ever longer line
on every key is what made a long paste (sent by the terminal as keystrokes) stall the screen."""

from __future__ import annotations

import time

from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

WARN_EVERY_SECONDS = 3.0


def capped(insert: str, before: str, after: str, limit: int) -> str:
    """``insert`` trimmed so that no line of ``before + insert + after`` (``before`` and ``after`` being
    the rest of the line around the insertion) is longer than ``limit``."""
    parts = insert.split("\n")
    out = []
    for n, part in enumerate(parts):
        room = limit - (len(before) if n == 0 else 0) - (len(after) if n == len(parts) - 1 else 0)
        out.append(part[: max(0, room)])
    return "\n".join(out)


class CappedTextArea(TextArea):
    """TextArea whose lines never grow past ``max_line`` by typing or pasting (a message says so)."""

    def __init__(self, *args, max_line: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_line = max_line
        self._warned = 0.0

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        """Typing and pasting both come here: trim what would make a line too long."""
        first, last = sorted((start, end))
        before = self.document[first[0]][: first[1]]
        after = self.document[last[0]][last[1] :]
        trimmed = capped(insert, before, after, self.max_line)
        if trimmed != insert:
            self._too_long()
            if not trimmed and start == end:
                return None
        return super()._replace_via_keyboard(trimmed, start, end)

    def _too_long(self) -> None:
        now = time.monotonic()
        if now - self._warned >= WARN_EVERY_SECONDS:
            self._warned = now
            self.notify(
                f"A line here holds at most {self.max_line:,} characters: the rest was not added.",
                severity="warning",
            )
