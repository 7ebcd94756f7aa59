"""Panel scoring rules as pure functions: which criteria a stage scores, spreads, consensus, totals,
the essential-criteria gate, what a panellist may see, and the merit order."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .models import Criterion, Scale, Session
from .stage_criteria import effective_criteria


def criteria_for_stage(session: Session, stage: str) -> list[Criterion]:
    """The criteria a stage scores, in order: by default shortlisting scores A, interview I, test T,
    presentation P (a criterion with no codes at every stage), then the chair's additions and removals."""
    return effective_criteria(session, stage)


def stage_scores(session: Session, stage: str) -> dict[str, dict[str, int | None]]:
    """criterion id -> panellist -> value (None = not assessed), for one stage."""
    out: dict[str, dict[str, int | None]] = {}
    for score in session.scores:
        if score.stage == stage:
            out.setdefault(score.criterion, {})[score.panellist] = score.value
    return out


def mean_and_spread(values: list[int | None]) -> tuple[float | None, int | None]:
    """Mean and spread (max - min) of the values given; 'not assessed' is left out."""
    given = [v for v in values if v is not None]
    if not given:
        return None, None
    return sum(given) / len(given), max(given) - min(given)


def flagged(spread: int | None, threshold: int) -> bool:
    """A spread at or above the panel's threshold needs moderating."""
    return spread is not None and spread >= threshold


def nearest_level(value: float, scale: Scale) -> int:
    """The scale level nearest to ``value`` (halves round up)."""
    rounded = math.floor(value + 0.5)
    return min((level.value for level in scale.levels), key=lambda v: (abs(v - rounded), -v))


def proposed_consensus(values: list[int | None], scale: Scale) -> int | None:
    """The rounded mean of the panellists' scores, as a level of the scale; None if nobody scored."""
    mean, _ = mean_and_spread(values)
    return None if mean is None else nearest_level(mean, scale)


def consensus_needs_reason(value: int | None, values: list[int | None]) -> bool:
    """A consensus that differs from every panellist's score must be explained."""
    return value not in values


def has_submitted(session: Session, panellist: str, stage: str) -> bool:
    return any(s.panellist == panellist and s.stage == stage for s in session.submissions)


def change_needs_reason(session: Session, panellist: str, criterion_id: str, stage: str) -> bool:
    """A score is a change (needing a written reason) once the panellist has submitted the stage and had
    already scored this criterion there; a first score on a criterion added later is not a change."""
    return has_submitted(session, panellist, stage) and any(
        s.panellist == panellist and s.criterion == criterion_id and s.stage == stage for s in session.scores
    )


def visible_scores(session: Session, viewer: str, stage: str) -> dict[str, dict[str, int | None]]:
    """Scores ``viewer`` may see: only their own until they have submitted, then everyone's."""
    scores = stage_scores(session, stage)
    if has_submitted(session, viewer, stage):
        return scores
    return {cid: {p: v for p, v in by.items() if p == viewer} for cid, by in scores.items()}


def consensus_values(session: Session, stage: str) -> dict[str, int | None]:
    """criterion id -> the latest agreed consensus value at this stage."""
    out: dict[str, int | None] = {}
    for c in session.consensus:
        if c.stage == stage:
            out[c.criterion] = c.value
    return out


@dataclass(frozen=True)
class Totals:
    """Weighted totals of the consensus scores at a stage."""

    total: float
    maximum: float
    essential: float
    desirable: float
    scored: int
    of: int


def totals(
    session: Session, stage: str, agreed: dict[str, int | None] | None = None, criteria: list[Criterion] | None = None
) -> Totals:
    """Weighted sums of consensus values (not assessed counts as nothing) and the most possible.

    ``agreed`` and ``criteria`` may be passed when the caller has them already (ranking many sessions).
    """
    agreed = consensus_values(session, stage) if agreed is None else agreed
    criteria = criteria_for_stage(session, stage) if criteria is None else criteria
    top = session.scale.maximum
    sums = {"essential": 0.0, "desirable": 0.0}
    scored = 0
    for c in criteria:
        value = agreed.get(c.id)
        if value is not None:
            sums[c.kind] += value * c.weight
            scored += 1
    maximum = sum(top * c.weight for c in criteria)
    return Totals(
        total=sums["essential"] + sums["desirable"],
        maximum=maximum,
        essential=sums["essential"],
        desirable=sums["desirable"],
        scored=scored,
        of=len(criteria),
    )


@dataclass(frozen=True)
class Gate:
    """The essential-criteria gate: passed only if every essential criterion of the stage is met."""

    passed: bool
    failed: list[tuple[str, str]]  # (criterion id, why)


def gate(
    session: Session, stage: str, agreed: dict[str, int | None] | None = None, criteria: list[Criterion] | None = None
) -> Gate:
    """Any essential criterion without a consensus at or above 'met' fails the gate, whatever the total."""
    agreed = consensus_values(session, stage) if agreed is None else agreed
    met = session.scale.met
    failed = []
    for c in criteria_for_stage(session, stage) if criteria is None else criteria:
        if c.kind != "essential":
            continue
        if c.id not in agreed:
            failed.append((c.id, "no consensus yet"))
        elif (value := agreed[c.id]) is None:
            failed.append((c.id, "not assessed"))
        elif value < met:
            failed.append((c.id, f"consensus {value} is below met ({met})"))
    return Gate(passed=not failed, failed=failed)


@dataclass(frozen=True)
class Ranked:
    """One session in the merit order."""

    session: Session
    passed: bool
    total: float
    tie_break: int | None
    agreed: dict[str, int | None] = field(default_factory=dict, compare=False)


def criteria_by_session(sessions: list[Session], stage: str) -> dict[str, list[Criterion]]:
    """session id -> the criteria its stage scores; computed once per shared role object when the chair
    made no choice for the stage (ranking copies of a campaign share one role)."""
    out: dict[str, list[Criterion]] = {}
    by_role: dict[int, list[Criterion]] = {}
    for s in sessions:
        if any(c.stage == stage for c in s.stage_choices):
            out[s.id] = criteria_for_stage(s, stage)
            continue
        if id(s.role) not in by_role:
            by_role[id(s.role)] = criteria_for_stage(s, stage)
        out[s.id] = by_role[id(s.role)]
    return out


def merit_order(sessions: list[Session], stage: str, tie_break: str | None = None) -> list[Ranked]:
    """Sessions ranked by the gate (passed first), then total, then the tie-break criterion's consensus."""
    ranked = []
    stage_criteria = criteria_by_session(sessions, stage)
    for s in sessions:
        criteria = stage_criteria[s.id]
        agreed = consensus_values(s, stage)
        value = agreed.get(tie_break) if tie_break else None
        passed = gate(s, stage, agreed, criteria).passed
        ranked.append(Ranked(s, passed, totals(s, stage, agreed, criteria).total, value, agreed))
    ranked.sort(key=lambda r: (r.passed, r.total, -1 if r.tie_break is None else r.tie_break), reverse=True)
    return ranked
