"""The fair-selection part of a panel summary: the GIS flag, declared conflicts, the notes setting,
the question plan for the stage and any change to it after scoring began."""

from __future__ import annotations

from .. import fairness, scoring
from ..campaign_models import Campaign
from ..models import Session


def _gis_line(session: Session) -> str:
    if not session.gis:
        return "Guaranteed Interview Scheme: not flagged"
    result = fairness.gis_minimum(session)
    if result.meets_minimum:
        return (
            "Guaranteed Interview Scheme: flagged; meets the minimum (every essential criterion met at "
            "shortlisting), so must be offered an interview"
        )
    if result.status == "no consensus yet":
        return "Guaranteed Interview Scheme: flagged; minimum not yet known (no shortlisting consensus yet on " + (
            ", ".join(result.pending) + ")"
        )
    return "Guaranteed Interview Scheme: flagged; below the minimum at shortlisting (" + ", ".join(result.short) + ")"


def fair_lines(session: Session, stage: str, campaign: Campaign | None = None) -> list[tuple[str, str]]:
    """(kind, text) lines: 'h2', 'p', 'li', as summary_lines uses them."""
    out = [("h2", "Fair selection"), ("p", _gis_line(session))]
    if session.conflicts:
        out.append(("p", "Conflicts of interest declared (history, oldest first):"))
        for conflict in session.conflicts:
            when = f"{conflict.time:%Y-%m-%d %H:%M}"
            if conflict.withdrawn_by:
                out.append(
                    (
                        "li",
                        f"{conflict.panellist}: conflict withdrawn, approved by {conflict.withdrawn_by} "
                        f"({conflict.reason}), {when}",
                    )
                )
            elif conflict.conflicted:
                out.append(("li", f"{conflict.panellist}: conflict ({conflict.reason}), {when}"))
            else:
                out.append(("li", f"{conflict.panellist}: no conflict, {when}"))
        for panellist in dict.fromkeys(c.panellist for c in session.conflicts):
            declared = fairness.declaration(session, panellist)
            if declared is not None and declared.conflicted:
                out.append(("li", f"{panellist}: conflicted now; may not score this candidate"))
    else:
        out.append(("p", "Conflicts of interest declared: none"))
    if session.panel is not None:
        out.append(("p", "Evidence note required for every score: " + ("yes" if session.panel.require_notes else "no")))
    if campaign is None:
        return out
    items = [(c, campaign.plan_item(c.id, stage)) for c in scoring.criteria_for_stage(session, stage)]
    planned = [(c, item) for c, item in items if item is not None]
    out.append(("h2", f"Question plan ({stage})"))
    if not planned:
        out.append(("p", "No question plan recorded for this stage"))
    for c, item in planned:
        parts = [f"Questions: {' / '.join(item.questions) or '-'}"]
        if item.probes:
            parts.append(f"Probes: {' / '.join(item.probes)}")
        guide = item.guide
        for label, text in (("Strong", guide.strong), ("Acceptable", guide.acceptable), ("Weak", guide.weak)):
            if text:
                parts.append(f"{label}: {text}")
        out.append(("li", f"{c.id}: " + "; ".join(parts)))
    for change in campaign.plan_changes:
        if change.stage == stage:
            out.append(
                (
                    "p",
                    f"Plan for {change.criterion} changed after scoring began, "
                    f"by {change.actor} at {change.time:%Y-%m-%d %H:%M}",
                )
            )
    return out
