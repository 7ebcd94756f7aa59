"""Which criteria a stage scores: the default from the how-assessed codes, then the chair's choices.

Every consumer (scoring screen, moderation, gate, totals, merit order, exports, the store) asks
``effective_criteria`` so they all agree. Pure: no Textual, no TinyDB.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .errors import BadInput
from .models import Criterion, Role, Score, Session, StageChoice

REASON_MAX = StageChoice.model_fields["reason"].metadata[1].max_length  # what a stored choice may hold

STAGE_METHOD = {
    "shortlisting": "application",
    "interview": "interview",
    "test": "test",
    "presentation": "presentation",
}


def scored_by_default(criterion: Criterion, stage: str) -> bool:
    """A stage scores a criterion its codes name; a criterion with no codes is scored at every stage."""
    return not criterion.assessed_by or STAGE_METHOD.get(stage) in criterion.assessed_by


def default_criteria(role: Role, stage: str) -> list[Criterion]:
    """The criteria the codes give a stage, in the employer's order."""
    return [c for c in role.criteria if scored_by_default(c, stage)]


def latest_choices(session: Session, stage: str) -> dict[str, StageChoice]:
    """criterion id -> the chair's latest choice for it at this stage."""
    return {c.criterion: c for c in session.stage_choices if c.stage == stage}


def effective_criteria(session: Session, stage: str) -> list[Criterion]:
    """The criteria this stage scores, in the employer's order: defaults plus additions minus removals."""
    choices = latest_choices(session, stage)
    return [
        c for c in session.role.criteria if (choices[c.id].include if c.id in choices else scored_by_default(c, stage))
    ]


@dataclass(frozen=True)
class Deviation:
    """A criterion the chair added to or removed from a stage's default, with the choice that did it."""

    criterion: Criterion
    added: bool
    choice: StageChoice


def deviations(session: Session, stage: str) -> list[Deviation]:
    """Where the stage's criteria differ from the codes' default, in the employer's order."""
    choices = latest_choices(session, stage)
    out = []
    for c in session.role.criteria:
        choice = choices.get(c.id)
        if choice is not None and choice.include != scored_by_default(c, stage):
            out.append(Deviation(c, choice.include, choice))
    return out


def scores_outside(session: Session, stage: str) -> list[Score]:
    """Scores kept at this stage for criteria it no longer scores (shown, not counted)."""
    scored = {c.id for c in effective_criteria(session, stage)}
    return [s for s in session.scores if s.stage == stage and s.criterion not in scored]


def stage_has_scores(session: Session, stage: str) -> bool:
    """True once anyone has scored anything at this stage."""
    return any(s.stage == stage for s in session.scores)


def describe(session: Session, stage: str, wanted: Iterable[str] | None = None) -> str:
    """One line: how many criteria the stage scores (or would, with ``wanted``) and how many differ from the codes."""
    ticked = set(wanted) if wanted is not None else {c.id for c in effective_criteria(session, stage)}
    defaults = {c.id for c in default_criteria(session.role, stage)}
    line = f"{stage.capitalize()} scores {len(ticked)} of {len(session.role.criteria)} criteria"
    added, removed = len(ticked - defaults), len(defaults - ticked)
    return line + (f" ({added} added, {removed} removed by the chair)" if added or removed else " (from the codes)")


def require_scored(session: Session, stage: str, criterion_id: str) -> None:
    """BadInput unless this stage scores the criterion (what the store checks before a score or consensus)."""
    scored = [c.id for c in effective_criteria(session, stage)]
    if criterion_id not in scored:
        raise BadInput(
            f"criterion {criterion_id}: not scored at {stage} (it scores {', '.join(scored) or 'nothing'}); "
            "the chair can add it in panel set-up"
        )


def check_choice(session: Session, stage: str, criteria: Iterable[str], reason: str) -> list[Criterion]:
    """The criteria a choice would change; BadInput naming the field if it cannot be saved (not who chooses)."""
    wanted = set(criteria)
    known = {c.id for c in session.role.criteria}
    unknown = sorted(wanted - known)
    if unknown:
        raise BadInput(f"stage criteria: {', '.join(unknown)} not in role {session.role.id}")
    if not wanted:
        raise BadInput(f"stage criteria: {stage} must score at least one criterion")
    current = {c.id for c in effective_criteria(session, stage)}
    changed = [c for c in session.role.criteria if (c.id in wanted) != (c.id in current)]
    reason = (reason or "").strip()
    if changed and not reason:
        names = ", ".join(c.id for c in changed)
        raise BadInput(f"stage criteria: give a reason for changing {names} at {stage}")
    if len(reason) > REASON_MAX:
        raise BadInput(f"stage criteria reason: {len(reason)} characters, at most {REASON_MAX}")
    return changed


def plan_choices(
    session: Session, stage: str, wanted: Iterable[str], reason: str, by: str, when: datetime
) -> list[StageChoice]:
    """The choices that make the stage score exactly ``wanted``; BadInput if that cannot be.

    Only the chair may choose; every change needs a reason; the stage keeps at least one criterion.
    """
    panel = session.panel
    if panel is None:
        raise BadInput("stage criteria: set up the panel first (the chair chooses them)")
    if by != panel.chair:
        raise BadInput(f"stage criteria: only the chair ({panel.chair}) can change them, not {by!r}")
    changed = check_choice(session, stage, wanted, reason)
    if not changed:
        return []
    reason, wanted = (reason or "").strip(), set(wanted)
    counts: dict[str, int] = {}
    for s in session.scores:
        if s.stage == stage:
            counts[s.criterion] = counts.get(s.criterion, 0) + 1
    try:
        return [
            StageChoice(
                stage=stage,  # type: ignore[arg-type]
                criterion=c.id,
                include=c.id in wanted,
                reason=reason,
                by=by,
                time=when,
                scores_affected=counts.get(c.id, 0),
                after_scoring=bool(counts),
            )
            for c in changed
        ]
    except ValueError as exc:
        raise BadInput(f"stage criteria: {exc}") from exc


def selection_lines(session: Session, stage: str) -> list[str]:
    """What a summary says about the stage's criteria: which it scored, what the chair changed and why."""
    scored = effective_criteria(session, stage)
    changed = deviations(session, stage)
    origin = "as the how-assessed codes give" if not changed else "chosen by the chair from the codes' default"
    lines = [
        f"Criteria scored at {stage} ({len(scored)} of {len(session.role.criteria)}, {origin}): "
        + ", ".join(c.id for c in scored)
    ]
    for choice in (c for c in session.stage_choices if c.stage == stage):  # every change, in the order made
        verb = "Added" if choice.include else "Removed"
        late = ", after scoring began" if choice.after_scoring else ""
        lines.append(f"{verb} {choice.criterion}: {choice.reason} ({choice.by}, {choice.time:%Y-%m-%d %H:%M}{late})")
    outside = scores_outside(session, stage)
    if outside:
        kept = ", ".join(f"{s.criterion} by {s.panellist}" for s in outside)
        lines.append(f"Scores kept but not counted (criterion not scored at {stage}): {kept}")
    return lines


def mixed_selection(sessions: list[Session], stage: str) -> str | None:
    """A warning when candidates of one campaign were not all scored on the same criteria at ``stage``."""
    chosen = [{c.id for c in effective_criteria(s, stage)} for s in sessions]
    if len({frozenset(ids) for ids in chosen}) <= 1:
        return None
    differ = set().union(*chosen) - chosen[0].intersection(*chosen[1:])
    order = [c.id for c in sessions[0].role.criteria if c.id in differ]
    return (
        f"Not every candidate was scored on the same criteria at {stage} ({', '.join(order)} differ): "
        "totals are not comparable"
    )
