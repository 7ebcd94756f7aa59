"""What the candidate screen writes above and beside the editor: the criterion heading, the rating, a rail row."""

from __future__ import annotations

from rich.text import Text

from ...methods import method_codes
from ...models import Criterion, Scale
from ...safetext import plain
from .criterion_rail import RailRow

GLYPH = {"empty": "○", "draft": "◐", "done": "●"}


def criterion_heading(c: Criterion, index: int, total: int, hint: str = "", width: int = 0) -> Text:
    """'E1 · Essential · 1/36 · Category · assessed by ...', then the criterion's whole text.

    With a ``width``, the first line is made to fit it: the methods shorten (to their codes at most), then the
    category moves to a line of its own, so the heading does not wrap and nothing is cut. ``hint``
    (for example "F7 guidance") ends the first line.
    """
    codes = method_codes(list(c.assessed_by))
    words = ", ".join(c.assessed_by)
    methods = [f"assessed by {words}", f"by {words}", f"by {codes}"] if codes else [""]
    lines = [_first_line(c, index, total, hint, m, inline) for inline in (True, False) for m in methods]
    if not c.category:
        lines = lines[: len(methods)]
    chosen = next((i for i, line in enumerate(lines) if width <= 0 or line.cell_len <= width), len(lines) - 1)
    head = lines[chosen]
    if chosen >= len(methods):  # the category did not fit on the first line: it gets one of its own
        head.append("\n")
        head.append_text(plain(c.category, "italic"))
    head.append("\n")
    head.append_text(plain(c.text))
    return head


def _first_line(c: Criterion, index: int, total: int, hint: str, method: str, category: bool) -> Text:
    line = Text()
    line.append(f"{c.id} · {c.kind.capitalize()}", style="bold green" if c.kind == "essential" else "bold cyan")
    line.append(f" · {index + 1}/{total}", style="dim")
    if c.category and category:
        line.append(" · ")
        line.append_text(plain(c.category, "italic"))
    for part in (method, hint):
        line.append(f" · {part}" if part else "", style="dim")
    return line


def rating_line(scale: Scale, value: int | None) -> Text:
    """'Self-rating: 3 Good - descriptor (ctrl+r; scale)'."""
    line = Text("Self-rating: ", style="bold")
    if value is None:
        line.append("not rated yet", style="yellow")
    else:
        level = scale.level(value)
        label, descriptor = (level.label, level.descriptor) if level else ("?", "")
        line.append(f"{value} {label}", style="green" if value >= scale.met else "yellow")
        line.append_text(plain(f" - {descriptor}", "dim"))
    line.append(f"  (ctrl+r; {scale.name})", style="dim")
    return line


def rail_row(c: Criterion, status: str, rating: int | None) -> RailRow:
    """One rail row: status glyph, then (after the rail's id and E/D) how assessed and the self-rating."""
    tail = Text((method_codes(list(c.assessed_by)) or "-")[:7].ljust(7), style="dim")
    tail.append(f" {rating}" if rating is not None else "  ")
    return RailRow(GLYPH[status], status, tail)
