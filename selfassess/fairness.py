"""Fair-selection rules as pure functions: conflicts, the Guaranteed Interview Scheme minimum, the
reserve list's expiry and offer order, the review-guide band of a score, calibration of each
panellist against the panel, and the criteria the panel disagrees on most."""

from __future__ import annotations

import calendar
import math
import statistics
from dataclasses import dataclass, field
from datetime import date

from . import scoring
from .campaign_models import PlanItem
from .models import Conflict, Criterion, Role, Scale, Session

RESERVE_MONTHS = 12
RESERVE_MONTHS_MAX = 12


# --- stage ---------------------------------------------------------------------------------


def current_stage(sessions: list[Session], default: str = "interview") -> str:
    """The stage a role's campaign is at: the furthest stage any candidate's panel is at (the panels'
    own stage, not a fixed default); ``default`` when no panel is set."""
    from .models import SCORING_STAGES

    stages = [s.panel.stage for s in sessions if s.panel is not None and s.panel.stage in SCORING_STAGES]
    return max(stages, key=SCORING_STAGES.index) if stages else default


def other_stages(sessions: list[Session], stage: str, hint: str = "--stage") -> str | None:
    """One line when some of a role's panels are at a stage other than ``stage`` (one moved on to
    interview, the rest still shortlisting): how many are where, and ``hint`` with the stage to look at
    them; None when every panel is at ``stage``."""
    from .models import SCORING_STAGES

    elsewhere: dict[str, int] = {}
    for s in sessions:
        if s.panel is not None and s.panel.stage != stage and s.panel.stage in SCORING_STAGES:
            elsewhere[s.panel.stage] = elsewhere.get(s.panel.stage, 0) + 1
    if not elsewhere:
        return None
    parts = [
        f"{n} {'candidate is' if n == 1 else 'candidates are'} at {where} (use {hint} {where})"
        for where, n in sorted(elsewhere.items(), key=lambda kv: SCORING_STAGES.index(kv[0]))
    ]
    return f"showing {stage}: " + "; ".join(parts)


# --- conflicts -------------------------------------------------------------------------------


def declaration(session: Session, panellist: str) -> Conflict | None:
    """The panellist's latest declaration about this candidate, or None if they have not declared."""
    found = [c for c in session.conflicts if c.panellist == panellist]
    return found[-1] if found else None


def scoring_blocked(session: Session, panellist: str) -> str | None:
    """Why ``panellist`` may not score this candidate now, or None if they may."""
    declared = declaration(session, panellist)
    if declared is not None and declared.conflicted:
        return f"{panellist} declared a conflict of interest with this candidate"  # no reason: it may identify them
    if declared is None and session.panel is not None and session.panel.require_declarations:
        return f"{panellist} must declare any conflict of interest before scoring this candidate"
    return None


def viewing_blocked(session: Session, panellist: str) -> str | None:
    """Why ``panellist`` may not open this candidate's application in panel mode, or None if they may:
    a declared conflict hides the application from them (as criterion-first shortlisting does)."""
    declared = declaration(session, panellist)
    if declared is not None and declared.conflicted:
        return (
            f"{panellist} declared a conflict of interest with this candidate: the application is hidden "
            "and not theirs to score"
        )
    return None


# --- Guaranteed Interview Scheme -------------------------------------------------------------


@dataclass(frozen=True)
class GisResult:
    """Whether a GIS candidate meets the minimum: every essential criterion 'met' at shortlisting."""

    flagged: bool
    meets_minimum: bool
    short: list[str]  # essential criteria agreed below the met level (or not assessed)
    pending: list[str] = field(default_factory=list)  # essential criteria with no consensus yet

    @property
    def must_interview(self) -> bool:
        """A flagged candidate who meets the minimum is offered an interview whatever their rank."""
        return self.flagged and self.meets_minimum

    @property
    def status(self) -> str:
        """'met', 'not met' (an agreed essential is below met) or 'no consensus yet'."""
        if self.meets_minimum:
            return "met"
        return "not met" if self.short or not self.pending else "no consensus yet"


def gis_minimum(session: Session, stage: str = "shortlisting") -> GisResult:
    """Check the GIS minimum on the consensus scores of the shortlisting stage."""
    result = scoring.gate(session, stage)
    short = [cid for cid, _ in result.failed]
    met = not short and not result.missing  # every essential met (none at the stage: nothing to miss)
    return GisResult(flagged=session.gis, meets_minimum=met, short=short, pending=list(result.missing))


GIS_LABELS = {
    "met": "must interview",
    "not met": "flagged: below minimum",
    "no consensus yet": "flagged: no consensus yet",
}


def gis_label(session: Session) -> str:
    """What the merit view shows for the scheme: empty unless flagged; else whether the minimum is met
    (or that the shortlisting consensus is not yet agreed)."""
    if not session.gis:
        return ""
    return GIS_LABELS[gis_minimum(session).status]


# --- reserve list ----------------------------------------------------------------------------


def add_months(start: date, months: int) -> date:
    """``start`` plus whole calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def reserve_expiry(start: date, months: int = RESERVE_MONTHS) -> date:
    """When a reserve list started on ``start`` expires; at most 12 months, at least 1."""
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= RESERVE_MONTHS_MAX:
        raise ValueError(f"reserve list: {months!r} months; must be 1 to {RESERVE_MONTHS_MAX}")
    return add_months(start, months)


def reserve_expired(expires: date, today: date) -> bool:
    """A reserve list can be used up to and including its expiry day."""
    return today > expires


def offer_order(sessions: list[Session], stage: str, tie_break: str | None = None) -> list[Session]:
    """The reserve list in the order offers are made: merit order among candidates recommended
    'reserve' at the stage who pass the essential-criteria gate."""
    out = []
    for ranked in scoring.merit_order(sessions, stage, tie_break):
        decision = next((d for d in ranked.session.decisions if d.stage == stage), None)
        if ranked.passed and decision is not None and decision.recommendation == "reserve":
            out.append(ranked.session)
    return out


# --- review guide ----------------------------------------------------------------------------


def guide_band(scale: Scale, value: int) -> str:
    """Which part of a review guide a score corresponds to: 'weak' below the scale's met level,
    'strong' in the upper half of the levels above met, 'acceptable' between."""
    if value < scale.met:
        return "weak"
    strong_from = math.ceil((scale.met + scale.maximum) / 2)
    if scale.met == scale.maximum or value < max(strong_from, scale.met + 1):
        return "acceptable"
    return "strong"


def band_span(scale: Scale, band: str) -> str:
    """The levels of the scale a guide band covers, e.g. '4-5' ('-' if none)."""
    values = [level.value for level in scale.levels if guide_band(scale, level.value) == band]
    if not values:
        return "-"
    return str(values[0]) if len(values) == 1 else f"{values[0]}-{values[-1]}"


# --- calibration -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PanellistCalibration:
    """How one panellist marks across a role's candidates, against the panel."""

    panellist: str
    count: int
    mean: float
    spread: float  # standard deviation of their scores (0 for one score)
    offset: float  # mean of (their score - the others' mean on the same criterion and candidate)


@dataclass(frozen=True)
class Calibration:
    """Every panellist's calibration and the panel's own mean and spread, over the candidates the viewer
    may compare (``candidates`` of ``total``)."""

    panellists: list[PanellistCalibration]
    mean: float | None
    spread: float | None
    candidates: int = 0  # candidates counted: those the viewer has submitted their own scores for
    total: int = 0  # the role's candidates at the stage


def compared_scores(sessions: list[Session], stage: str, viewer: str) -> list[dict[str, dict[str, int | None]]]:
    """What ``viewer`` may compare across a role: each sees only their own scores until they submit, so
    only candidates they have submitted at this stage count, with the scores of every panellist who has
    submitted there (what moderation compares). A viewer who has submitted nothing sees nothing."""
    return [scoring.moderation_scores(s, stage) for s in sessions if scoring.has_submitted(s, viewer, stage)]


def _sd(values: list[int]) -> float:
    return statistics.pstdev(values) if len(values) > 1 else 0.0


def calibration(sessions: list[Session], stage: str, viewer: str) -> Calibration:
    """Each panellist's mean, spread and offset from the others, across the candidates at a stage that
    ``viewer`` may compare (``compared_scores``).

    A positive offset marks soft (above colleagues on the same answers), a negative one hard.
    """
    own: dict[str, list[int]] = {}
    diffs: dict[str, list[float]] = {}
    everyone: list[int] = []
    compared = compared_scores(sessions, stage, viewer)
    for scores in compared:
        for by in scores.values():
            given = {p: v for p, v in by.items() if v is not None}
            for panellist, value in given.items():
                own.setdefault(panellist, []).append(value)
                everyone.append(value)
                others = [v for p, v in given.items() if p != panellist]
                if others:
                    diffs.setdefault(panellist, []).append(value - sum(others) / len(others))
    rows = [
        PanellistCalibration(
            panellist=p,
            count=len(values),
            mean=sum(values) / len(values),
            spread=_sd(values),
            offset=sum(diffs.get(p, [])) / len(diffs[p]) if diffs.get(p) else 0.0,
        )
        for p, values in sorted(own.items())
    ]
    counts = {"candidates": len(compared), "total": len(sessions)}
    if not everyone:
        return Calibration(rows, None, None, **counts)
    return Calibration(rows, sum(everyone) / len(everyone), _sd(everyone), **counts)


@dataclass(frozen=True)
class Disagreement:
    """How much the panel disagreed on one criterion across the role's candidates."""

    criterion: str
    mean_spread: float
    max_spread: int
    candidates: int


def disagreement(sessions: list[Session], stage: str, viewer: str, limit: int | None = None) -> list[Disagreement]:
    """Criteria ordered by the panel's mean spread (max - min) across the candidates ``viewer`` may compare
    (``compared_scores``), most disagreement first."""
    spreads: dict[str, list[int]] = {}
    for scores in compared_scores(sessions, stage, viewer):
        for cid, by in scores.items():
            _, spread = scoring.mean_and_spread(list(by.values()))
            if spread is not None and sum(v is not None for v in by.values()) > 1:
                spreads.setdefault(cid, []).append(spread)
    rows = [Disagreement(cid, sum(v) / len(v), max(v), len(v)) for cid, v in spreads.items()]
    rows.sort(key=lambda d: (-d.mean_spread, -d.max_spread, d.criterion))
    return rows if limit is None else rows[:limit]


# --- cohort comparison (feedback) ------------------------------------------------------------


@dataclass(frozen=True)
class CohortFigure:
    """The cohort's consensus on one criterion: how many were scored, their average and the best."""

    count: int
    average: float
    best: int


def cohort(sessions: list[Session], stage: str) -> dict[str, CohortFigure]:
    """criterion id -> the cohort's figures from the consensus scores at a stage (numbers only)."""
    values: dict[str, list[int]] = {}
    for session in sessions:
        for cid, value in scoring.consensus_values(session, stage).items():
            if value is not None:
                values.setdefault(cid, []).append(value)
    return {cid: CohortFigure(len(v), sum(v) / len(v), max(v)) for cid, v in values.items()}


# --- question plan -----------------------------------------------------------------------------


def plan_criteria(role: Role, sessions: list[Session], stage: str) -> list[Criterion]:
    """The criteria a role's question plan covers at a stage, in the employer's order: every criterion
    any candidate's panel scores at that stage (the chair's stage choices included), else the codes' default."""
    from .stage_criteria import default_criteria

    if not sessions:
        return default_criteria(role, stage)
    wanted = {c.id for s in sessions for c in scoring.criteria_for_stage(s, stage)}
    return [c for c in role.criteria if c.id in wanted]


def plan_complete(item: PlanItem | None) -> bool:
    """A criterion is planned when it has a question and a strong, an acceptable and a weak answer
    in its review guide (questions alone are not a plan panels can score against)."""
    if item is None:
        return False
    guide = item.guide
    return bool(item.questions) and all(s.strip() for s in (guide.strong, guide.acceptable, guide.weak))
