"""A label of phrases ("Enter resumes · p panel · d delete") that wraps only between phrases, never inside one."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Phrases(Static):
    """Phrases joined by ``sep``; when they do not fit the width, a new line starts at a phrase."""

    def __init__(self, *phrases: str | Text, sep: str = " · ", **kwargs) -> None:
        super().__init__(**kwargs)
        self.sep = sep
        self.phrases = [Text(p) if isinstance(p, str) else p for p in phrases]
        self._width = 0

    def set_phrases(self, *phrases: str | Text) -> None:
        self.phrases = [Text(p) if isinstance(p, str) else p for p in phrases]
        self._lay_out()

    def on_mount(self) -> None:
        self._lay_out()

    def on_resize(self) -> None:
        if self.content_region.width != self._width:
            self._lay_out()

    def _lay_out(self) -> None:
        self._width = width = self.content_region.width
        out, used = Text(), 0
        for n, phrase in enumerate(self.phrases):
            if n and width and used + len(self.sep) + phrase.cell_len > width:
                out.append("\n")
                used = 0
            elif n:
                out.append(self.sep, style="dim")
                used += len(self.sep)
            out.append_text(phrase)
            used += phrase.cell_len
        self.update(out)
