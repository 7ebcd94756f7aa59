"""A role's merit view at one stage, the one the app's merit order, `summary` and the campaign CSV show:
the candidates at that stage ranked (scoring.merit_order), the others listed apart and never ranked
(their panel is at another stage, or none is set), and whether the stage scores any criterion at all."""

from __future__ import annotations

from dataclasses import dataclass

from . import scoring
from .models import Criterion, Session
from .stages import SCORING_STAGES


@dataclass(frozen=True)
class Apart:
    """A candidate not at the stage shown: where they are instead ('at shortlisting', 'no panel yet')."""

    session: Session
    where: str


@dataclass(frozen=True)
class MeritView:
    """Ranked candidates at ``stage`` in merit order, the rest apart, and whether the stage scores anything."""

    stage: str
    ranked: list[scoring.Ranked]
    apart: list[Apart]
    scores_nothing: bool  # no candidate's panel scores a criterion at this stage: nothing to pass


def at_stage(session: Session, stage: str) -> bool:
    """True when the candidate's panel is at ``stage``, or has submitted, agreed or decided there (a
    candidate moved on from shortlisting is still ranked at shortlisting). Scores alone are not asked:
    a ranking copy holds none, and it must give the answer the full session gives."""
    if session.panel is not None and session.panel.stage == stage:
        return True
    return (
        any(x.stage == stage for x in session.submissions)
        or any(c.stage == stage for c in session.consensus)
        or any(d.stage == stage for d in session.decisions)
    )


def where(session: Session) -> str:
    """Where a candidate apart is: their panel's stage, or that no panel is set."""
    return f"at {session.panel.stage}" if session.panel is not None else "no panel yet"


def merit_view(
    sessions: list[Session],
    stage: str,
    tie_break: str | None = None,
    stage_criteria: dict[str, list[Criterion]] | None = None,
) -> MeritView:
    """Rank the candidates at ``stage``; list the others apart (by stage, then reference)."""
    stage_criteria = scoring.criteria_by_session(sessions, stage) if stage_criteria is None else stage_criteria
    present = [s for s in sessions if at_stage(s, stage)]
    others = [s for s in sessions if not at_stage(s, stage)]
    order = {name: i for i, name in enumerate(SCORING_STAGES)}
    others.sort(key=lambda s: (order.get(s.panel.stage, -1) if s.panel else 99, s.reference or "", s.id))
    nothing = bool(sessions) and not any(stage_criteria.get(s.id) for s in sessions)
    return MeritView(
        stage=stage,
        ranked=scoring.merit_order(present, stage, tie_break, stage_criteria),
        apart=[Apart(s, where(s)) for s in others],
        scores_nothing=nothing,
    )


def stage_note(view: MeritView, role_id: str) -> str | None:
    """One line when the stage shown scores no criterion (so nobody passes or fails it), else None."""
    if view.scores_nothing:
        return f"{view.stage} scores no criterion of {role_id}: nothing to pass at this stage"
    return None


def stages_with_criteria(sessions: list[Session]) -> list[str]:
    """The scoring stages at which any of the candidates' panels scores a criterion (what the app offers)."""
    return [st for st in SCORING_STAGES if any(scoring.criteria_for_stage(s, st) for s in sessions)]


def under_review(session: Session, stage: str) -> bool:
    """True when the stage's consensus or decision is marked 'to review' (a score or a declared conflict
    changed after it was agreed: the same flag the moderation and decision screens show)."""
    return bool(scoring.consensus_to_review(session, stage)) or scoring.decision_to_review(session, stage)


def gate_label(ranked: scoring.Ranked, stage: str, shown: str | None = None) -> str:
    """The gate cell: the gate's status (as ``shown``, default as is), marked 'to review' when it rests on
    consensus under review (so it never reads 'passed' as if settled)."""
    status = shown or ranked.status
    return f"to review ({status})" if scoring.consensus_to_review(ranked.session, stage) else status


def recommendation_label(session: Session, stage: str, empty: str = "") -> str:
    """The recommendation at ``stage`` with '(to review)' beside it when it is under review."""
    decision = next((d for d in session.decisions if d.stage == stage), None)
    if decision is None:
        return "to review" if under_review(session, stage) else empty
    return decision.recommendation + (" (to review)" if under_review(session, stage) else "")


def review_refusal(sessions: list[Session], stage: str) -> str | None:
    """Why no reserve list may be recorded at ``stage`` yet, or None: a candidate at the stage has a
    consensus or decision to review (their place on the offer list rests on it)."""
    flagged = [s.display_name(s.blind) for s in sessions if at_stage(s, stage) and under_review(s, stage)]
    if not flagged:
        return None
    return (
        f"reserve list: at {stage}, {', '.join(flagged)} {'has' if len(flagged) == 1 else 'have'} a consensus or "
        "decision marked to review (a score or conflict changed after it was agreed): the chair reviews it on "
        "the moderation and decision screens first; nothing recorded"
    )
