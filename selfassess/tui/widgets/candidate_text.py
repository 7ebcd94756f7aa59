"""What the candidate screen writes above and beside the editor: the criterion heading, the rating, a rail row."""

from __future__ import annotations

from rich.text import Text

from ...methods import method_codes
from ...models import Criterion, Scale
from ...safetext import plain

GLYPH = {"empty": ("○", "dim"), "draft": ("◐", "yellow"), "done": ("●", "green")}


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


def rail_prompt(c: Criterion, status: str, rating: int | None) -> Text:
    """One rail row: status glyph, id, E/D, how assessed, the self-rating."""
    glyph, style = GLYPH[status]
    prompt = Text()
    prompt.append(f"{glyph} ", style=style)
    prompt.append(f"{c.id:<4}", style="bold" if c.kind == "essential" else "")
    prompt.append("E " if c.kind == "essential" else "D ", style="green" if c.kind == "essential" else "cyan")
    prompt.append((method_codes(list(c.assessed_by)) or "-")[:7].ljust(7), style="dim")
    prompt.append(f" {rating}" if rating is not None else "  ")
    return prompt
