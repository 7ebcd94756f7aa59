"""The question plan of one criterion as text for the scoring screen: questions, probes and the
review guide with the scale's levels each band covers."""

from __future__ import annotations

from rich.text import Text

from ... import fairness
from ...campaign_models import Campaign, PlanItem
from ...models import Criterion, Scale
from ...safetext import plain


def plan_text(campaign: Campaign | None, criterion: Criterion, stage: str, scale: Scale, fallback: str) -> Text:
    """Questions (the plan's, else the role's, else ``fallback``), probes, the guide and any change
    made to the plan after scoring began."""
    item = campaign.plan_item(criterion.id, stage) if campaign else None
    out = Text()
    out.append("Question\n", style="bold")
    for question in (item.questions if item and item.questions else None) or criterion.questions or [fallback]:
        out.append_text(plain(f"• {question}"))
        out.append("\n")
    if item is None:
        return out
    if item.probes:
        out.append("Probes\n", style="bold")
        for probe in item.probes:
            out.append_text(plain(f"• {probe}"))
            out.append("\n")
    out.append_text(plan_guide(item, scale))
    changes = [c for c in campaign.plan_changes if c.criterion == criterion.id and c.stage == stage] if campaign else []
    if changes:
        last = changes[-1]
        out.append(f"Plan changed after scoring began ({last.actor}, {last.time:%d %b %H:%M})\n", style="yellow")
    return out


def plan_guide(item: PlanItem | None, scale: Scale) -> Text:
    """The review guide's bands with the scale's levels each covers (empty without a plan)."""
    out = Text()
    for band in ("strong", "acceptable", "weak"):
        text = getattr(item.guide, band) if item else ""
        if text:
            out.append(f"{band.capitalize()} ({fairness.band_span(scale, band)}): ", style="bold")
            out.append_text(plain(text))
            out.append("\n")
    return out
