"""A criterion while it is being read: its text parts, the signals found for its kind, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Item:
    """A criterion being read; finished into one or more ExtractedCriterion."""

    parts: list[str] = field(default_factory=list)
    numbered: bool = False
    bullet: bool = False
    row: bool = False
    e_marks: int = 0
    d_marks: int = 0
    d_positions: list[int] | None = None
    e_positions: list[int] | None = None
    trailing_kinds: list[str] = field(default_factory=list)
    kind_value: str | None = None
    context_kind: str | None = None
    star_kind: str | None = None  # the kind of a criterion ending in '*', from a preamble
    category: str | None = None
    label: str | None = None
    methods: list[str] | None = None
    context_methods: list[str] = field(default_factory=list)
    guessed_split: bool = False
    guessed: bool = False  # a plain line after a list: maybe a criterion, maybe a heading or note
    lines: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip())

    def touch(self, number: int) -> None:
        """Record that line ``number`` contributed to this item."""
        if number >= 0 and number not in self.lines:
            self.lines.append(number)

    @property
    def span(self) -> tuple[int, int] | None:
        """First and last source line this item came from."""
        return (min(self.lines), max(self.lines)) if self.lines else None
