"""A one-line box with a character cap that keeps what fits of a long paste (cut where a word ends) and
says once what was kept, rather than dropping the whole paste silently (Textual's ``max_length`` does);
a pasted text's line breaks become spaces and control characters are dropped."""

from __future__ import annotations

import time

from textual import events
from textual.widgets import Input

from ...controls import strip_controls
from ...text_caps import LINE_BREAK, cut_at_word

WARN_EVERY_SECONDS = 3.0


def kept_line(pasted: str, kept: str, limit: int) -> str:
    """One line saying that the text went over the box's cap, and how much of it was kept."""
    if len(pasted) <= 1:
        return f"This box holds at most {limit:,} characters: the rest was not added."
    return (
        f"Pasted text over the cap (at most {limit:,} characters): kept {len(kept):,} of {len(pasted):,} "
        "characters, cut where a word ends."
    )


class CappedInput(Input):
    """Input holding at most ``cap`` characters: typing or pasting past it keeps what fits."""

    def __init__(self, *args, cap: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cap = cap
        self._warned = 0.0

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's own paste as well (it keeps the first line only)
        text = " ".join(part.strip() for part in LINE_BREAK.split(strip_controls(event.text)) if part.strip())
        if text:
            start, end = sorted(self.selection)
            self.replace(text, start, end)

    def replace(self, text: str, start: int, end: int) -> None:
        """Insert what fits in the cap (cut where a word ends), saying so when some was left out."""
        start, end = sorted((max(0, start), min(len(self.value), end)))
        room = self.cap - (len(self.value) - (end - start))
        kept = cut_at_word(text, room)
        if kept != text:
            self._too_long(text, kept)
        if kept or start != end:
            super().replace(kept, start, end)

    def _too_long(self, pasted: str, kept: str) -> None:
        """At once for a paste; at most every few seconds for keys typed past the cap."""
        now = time.monotonic()
        if len(pasted) > 1 or now - self._warned >= WARN_EVERY_SECONDS:
            self._warned = now
            self.notify(kept_line(pasted, kept, self.cap), severity="warning")
