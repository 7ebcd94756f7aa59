"""What the scoring screen shows, as Rich text: the criterion's heading, the question or the candidate's
evidence (read only) with the panellist's own notes, and the score pad's lines."""

from __future__ import annotations

from rich.text import Text

from ...campaign_models import Campaign
from ...models import Criterion, Scale, Session
from ...safetext import plain
from ..widgets.plan_text import plan_guide, plan_text
from ..widgets.styles import heading_style

DEFAULT_PROMPT = (
    "Tell us about a time you showed this. What was the situation, what did you do, and what was the result?"
)


def criterion_heading(c: Criterion, index: int, total: int) -> Text:
    head = Text()
    head.append(f"{c.id} · {c.kind} · weight {c.weight:g}", style=heading_style(c.kind))
    head.append(f"   ({index + 1} of {total})\n", style="dim")
    head.append_text(plain(c.text))
    return head


def criterion_body(session: Session, c: Criterion, stage: str, me: str, campaign: Campaign | None = None) -> Text:
    """Shortlisting shows the candidate's evidence and the plan's review guide, other stages the role's
    question plan (questions, probes, guide); then ``me``'s notes."""
    body = Text()
    if stage == "shortlisting":
        evidence = session.evidence.get(c.id)
        body.append("Candidate's evidence (read only)\n", style="bold")
        body.append_text(plain(evidence.text if evidence and evidence.text.strip() else "(no evidence given)"))
        guide = plan_guide(campaign.plan_item(c.id, stage) if campaign else None, session.scale)
        if guide:
            body.append("\nReview guide\n", style="bold")
            body.append_text(guide)
    else:
        body.append_text(plan_text(campaign, c, stage, session.scale, DEFAULT_PROMPT))
    notes = [n for n in session.notes if n.criterion == c.id and n.stage == stage and n.panellist == me]
    if notes:
        body.append("\nYour notes\n", style="bold")
        for note in notes:
            body.append(f"{note.time.astimezone():%H:%M:%S} ", style="dim")
            body.append_text(plain(note.text))
            body.append("\n")
    return body


def score_pad_text(
    scale: Scale,
    criterion_id: str | None,
    current: int | str | None,
    submitted: bool,
    pending: int | str | None,
    last_change: str,
) -> Text:
    """The panellist's score for the criterion, what is pending (with its descriptor), the last change."""
    line = Text()
    line.append(f"Your score for {criterion_id}: " if criterion_id else "Your score: ", style="bold")
    line.append("-" if current == "unset" else ("not assessed" if current is None else str(current)))
    if submitted:
        line.append("  (submitted: a change needs a reason)", style="dim")
    else:
        line.append("   ctrl+s submit · m moderation", style="dim")
    line.append("\n")
    if pending != "unset":
        line.append("Pending: ", style="bold yellow")
        if pending is None:
            line.append("not assessed (different from the lowest score)", style="yellow")
        elif isinstance(pending, int):
            level = scale.level(pending)
            line.append(f"{pending} {level.label if level else ''}", style="yellow")
            if level is not None:
                line.append_text(plain(f" - {level.descriptor}", "dim"))
        line.append("   Enter confirms", style="bold")
    else:
        line.append(f"{scale.minimum}-{scale.maximum} score, x not assessed, Enter confirms", style="dim")
    if last_change:
        line.append("\n")
        line.append(last_change, style="green")
    return line


def submit_question(missing: list[str]) -> str:
    """What submitting asks, naming any criterion not yet scored."""
    question = "Submit your scores? They lock, and you will see the other submitted panellists' scores."
    return f"Not yet scored: {', '.join(missing)}. " + question if missing else question
