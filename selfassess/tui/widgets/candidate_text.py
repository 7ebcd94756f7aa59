"""What the candidate screen writes above and beside the editor: the criterion heading, the rating, a rail row."""

from __future__ import annotations

from rich.text import Text

from ...methods import method_codes
from ...models import Criterion, Scale
from ...safetext import plain
from .criterion_rail import RailRow

GLYPH = {"empty": "○", "draft": "◐", "done": "●"}


def criterion_heading(c: Criterion, index: int, total: int, guidance: str | None) -> Text:
    """'E1 · Essential · 1/36 · Category · assessed by ...', the criterion's text, the role's guidance."""
    head = Text()
    head.append(f"{c.id} · {c.kind.capitalize()}", style="bold green" if c.kind == "essential" else "bold cyan")
    head.append(f" · {index + 1}/{total}", style="dim")
    if c.category:
        head.append(" · ")
        head.append_text(plain(c.category, "italic"))
    codes = ", ".join(c.assessed_by)
    head.append(f" · assessed by {codes}" if codes else "", style="dim")
    head.append("\n")
    head.append_text(plain(c.text))
    if guidance:
        head.append("\n")
        head.append_text(plain("Guidance: " + guidance, "dim italic"))
    return head


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
