"""Panel scoring rules as pure functions: which criteria a stage scores, spreads, consensus, totals,
the essential-criteria gate, what a panellist may see, and the merit order."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .models import Criterion, Scale, Session
from .stage_criteria import effective_criteria, latest_choices


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
    """Any score a panellist gives after submitting the stage is a change (needing a written reason),
    a first score on a criterion they left empty included: they have read colleagues' scores since. The
    one exception is a first score on a criterion the chair added to the stage after the submission."""
    submitted = [x.time for x in session.submissions if x.panellist == panellist and x.stage == stage]
    if not submitted:
        return False
    if any(s.panellist == panellist and s.criterion == criterion_id and s.stage == stage for s in session.scores):
        return True
    choice = latest_choices(session, stage).get(criterion_id)
    return not (choice is not None and choice.include and choice.time >= submitted[0])


def submission_problem(session: Session, panellist: str, stage: str) -> str | None:
    """Why a panellist may not submit the stage yet, or None: submitting unlocks colleagues' scores, so a
    sheet with nothing on it (no score and no "not assessed" on any criterion of the stage) is refused."""
    scored = {c.id for c in criteria_for_stage(session, stage)}
    if not any(s.panellist == panellist and s.stage == stage and s.criterion in scored for s in session.scores):
        return (
            f"{panellist} has scored nothing at {stage}: score (or mark not assessed) at least one criterion "
            "before submitting"
        )
    return None


def panellists(session: Session, stage: str) -> list[str]:
    """Everyone on the panel (withdrawn included), or, without a panel, everyone who scored."""
    if session.panel is not None:
        return list(session.panel.panellists)
    return sorted({s.panellist for s in session.scores if s.stage == stage})


def withdrawn(session: Session) -> dict[str, str]:
    """Panellists who left the panel, with the reason (their scores stay visible but do not count)."""
    return dict(session.panel.withdrawn) if session.panel is not None else {}


def conflicted(session: Session) -> set[str]:
    """Panellists whose latest declaration about this candidate is a conflict of interest: they do not
    score the candidate, so nobody waits for them and nothing of theirs counts."""
    latest = {c.panellist: c.conflicted for c in session.conflicts}
    return {p for p, yes in latest.items() if yes}


def counted(session: Session, stage: str) -> list[str]:
    """The panellists whose scores count in means, spreads, consensus and the summary (not those who
    withdrew, nor those who declared a conflict with this candidate)."""
    gone = withdrawn(session)
    out = conflicted(session) if session.conflicts else set()
    return [p for p in panellists(session, stage) if p not in gone and p not in out]


def counted_scores(session: Session, stage: str) -> dict[str, dict[str, int | None]]:
    """criterion id -> panellist -> value, for counted panellists only."""
    keep = set(counted(session, stage))
    return {cid: {p: v for p, v in by.items() if p in keep} for cid, by in stage_scores(session, stage).items()}


def still_scoring(session: Session, stage: str) -> list[str]:
    """Counted panellists who have not yet submitted the stage."""
    return [p for p in counted(session, stage) if not has_submitted(session, p, stage)]


def all_submitted(session: Session, stage: str) -> bool:
    return not still_scoring(session, stage)


def moderation_scores(session: Session, stage: str) -> dict[str, dict[str, int | None]]:
    """What moderation compares: scores of counted panellists who have submitted."""
    keep = {p for p in counted(session, stage) if has_submitted(session, p, stage)}
    return {cid: {p: v for p, v in by.items() if p in keep} for cid, by in stage_scores(session, stage).items()}


def visible_scores(session: Session, viewer: str, stage: str) -> dict[str, dict[str, int | None]]:
    """Scores ``viewer`` may see: only their own until they have submitted; then their own, every
    submitted panellist's, and a withdrawn panellist's (shown as withdrawn). Never an unsubmitted colleague's."""
    scores = stage_scores(session, stage)
    if not has_submitted(session, viewer, stage):
        return {cid: {p: v for p, v in by.items() if p == viewer} for cid, by in scores.items()}
    gone = withdrawn(session)
    shown = {p for p in panellists(session, stage) if has_submitted(session, p, stage) or p in gone} | {viewer}
    return {cid: {p: v for p, v in by.items() if p in shown} for cid, by in scores.items()}


def notes_for(session: Session, criterion_id: str, stage: str, viewer: str) -> list[tuple[str, str]]:
    """(panellist, note) pairs on one criterion that ``viewer`` may read: own notes, and once submitted,
    the notes of every submitted (or withdrawn) panellist."""
    scores_seen = visible_scores(session, viewer, stage)
    allowed = {p for by in scores_seen.values() for p in by} | {viewer}
    if has_submitted(session, viewer, stage):
        allowed |= {p for p in panellists(session, stage) if has_submitted(session, p, stage)}
    out = [(n.panellist, n.text) for n in session.notes if n.criterion == criterion_id and n.stage == stage]
    out += [
        (s.panellist, s.note)
        for s in session.scores
        if s.criterion == criterion_id and s.stage == stage and s.note.strip()
    ]
    return [(p, text) for p, text in out if p in allowed]


def agreed_rows(session: Session, stage: str) -> dict[str, int | None]:
    """Criteria with no consensus yet where every counted panellist has submitted the same score."""
    if not all_submitted(session, stage):
        return {}
    people = counted(session, stage)
    done = {c.criterion for c in session.consensus if c.stage == stage}
    out: dict[str, int | None] = {}
    scores = counted_scores(session, stage)
    for c in criteria_for_stage(session, stage):
        by = scores.get(c.id, {})
        values = {by[p] for p in people if p in by}
        if c.id not in done and people and all(p in by for p in people) and len(values) == 1:
            out[c.id] = values.pop()
    return out


def consensus_problem(
    session: Session, criterion_id: str, value: int | None, reason: str, stage: str, override: bool = False
) -> str | None:
    """Why this consensus cannot be agreed now, or None: every counted panellist must have submitted
    (unless the chair overrides, with a reason), and a value no panellist gave needs a reason."""
    waiting = still_scoring(session, stage)
    if waiting and not override:
        return (
            f"consensus for {criterion_id}: still scoring: {', '.join(waiting)} (the chair may override with a reason)"
        )
    if waiting and not reason.strip():
        return f"consensus for {criterion_id}: overriding before {', '.join(waiting)} submit needs a reason"
    given = list(counted_scores(session, stage).get(criterion_id, {}).values())
    if consensus_needs_reason(value, given) and not reason.strip():
        return f"consensus for {criterion_id}: {value} differs from every panellist's score; give a reason"
    return None


def kept_consensus_reason(
    session: Session, criterion_id: str, value: int | None, reason: str, stage: str
) -> tuple[str, str | None]:
    """(the reason to store, why not or None): an empty reason never wipes the stored reason of the
    same value, and changing an agreed value that had a reason needs a new one."""
    if reason.strip():
        return reason, None
    agreed = next((c for c in session.consensus if c.criterion == criterion_id and c.stage == stage), None)
    if agreed is None or not agreed.reason:
        return reason, None
    if agreed.value == value:
        return agreed.reason, None
    return reason, f"consensus for {criterion_id}: it was agreed with a reason; changing it needs a new reason"


def consensus_to_review(session: Session, stage: str) -> list[str]:
    """Criteria whose consensus was agreed before a panellist changed a score."""
    return [c.criterion for c in session.consensus if c.stage == stage and c.to_review]


def decision_to_review(session: Session, stage: str) -> bool:
    """True when a score or consensus changed after the stage's decision was recorded."""
    return any(d.stage == stage and d.to_review for d in session.decisions)


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
    """The essential-criteria gate: 'not scored' while nothing is agreed and nobody has submitted scores
    at the stage (or it scores no criterion); 'incomplete' until every essential criterion of the stage
    has a consensus (submitted but not agreed: awaiting consensus); then 'passed' only if each is met,
    else 'failed'."""

    status: str  # not scored, incomplete, passed, failed
    failed: list[tuple[str, str]]  # (criterion id, why) for agreed essentials that are not met
    missing: list[str]  # essential criteria with no consensus yet

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def complete(self) -> bool:
        return not self.missing


def gate(
    session: Session, stage: str, agreed: dict[str, int | None] | None = None, criteria: list[Criterion] | None = None
) -> Gate:
    """Any essential criterion without a consensus at or above 'met' fails the gate, whatever the total."""
    agreed = consensus_values(session, stage) if agreed is None else agreed
    criteria = criteria_for_stage(session, stage) if criteria is None else criteria
    met = session.scale.met
    failed: list[tuple[str, str]] = []
    missing: list[str] = []
    for c in criteria:
        if c.kind != "essential":
            continue
        value = agreed.get(c.id)
        if c.id not in agreed:
            missing.append(c.id)
        elif value is None:
            failed.append((c.id, "not assessed"))
        elif value < met:
            failed.append((c.id, f"consensus {value} is below met ({met})"))
    if not any(c.id in agreed for c in criteria):  # nothing agreed: a stage with nothing to pass passes nobody
        # submitted there (a ranking copy holds submissions, not scores): awaiting consensus
        submitted = bool(criteria) and any(x.stage == stage for x in session.submissions)
        status = "incomplete" if submitted else "not scored"
    elif missing:
        status = "incomplete"
    else:
        status = "failed" if failed else "passed"
    return Gate(status=status, failed=failed, missing=missing)


def decision_problem(session: Session, recommendation: str, stage: str) -> str | None:
    """Why this recommendation cannot be recorded, or None: only a complete, passed gate allows
    'appointable' or 'reserve'."""
    if recommendation == "not appointable":
        return None
    result = gate(session, stage)
    if result.missing:
        return f"decision: the gate is incomplete: no consensus yet on {', '.join(result.missing)}"
    if result.failed:
        failed = ", ".join(f"{cid} ({why})" for cid, why in result.failed)
        return f"decision: not appointable: the essential-criteria gate fails on {failed}"
    if not result.passed:
        if not criteria_for_stage(session, stage):
            return f"decision: the {stage} stage scores no criterion: there is nothing to pass"
        return f"decision: no consensus is agreed at {stage} yet"
    return None


@dataclass(frozen=True)
class Ranked:
    """One session in the merit order."""

    session: Session
    status: str  # the gate's status: passed, incomplete, failed, not scored
    total: float
    tie_break: int | None
    agreed: dict[str, int | None] = field(default_factory=dict, compare=False)

    @property
    def passed(self) -> bool:
        return self.status == "passed"


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


def merit_order(
    sessions: list[Session],
    stage: str,
    tie_break: str | None = None,
    stage_criteria: dict[str, list[Criterion]] | None = None,
) -> list[Ranked]:
    """Sessions ranked by the gate (passed, then incomplete, then failed, then not scored), then total,
    then the tie-break criterion's consensus, then reference and id (one order whatever order the files
    were read in). ``stage_criteria``: criteria_by_session's answer, if the caller has it."""
    ranked = []
    stage_criteria = criteria_by_session(sessions, stage) if stage_criteria is None else stage_criteria
    for s in sorted(sessions, key=lambda s: (s.reference or "", s.id)):  # the sort below keeps this for ties
        criteria = stage_criteria[s.id]
        agreed = consensus_values(s, stage)
        value = agreed.get(tie_break) if tie_break else None
        status = gate(s, stage, agreed, criteria).status
        ranked.append(Ranked(s, status, totals(s, stage, agreed, criteria).total, value, agreed))
    ranked.sort(key=lambda r: (GATE_RANK[r.status], r.total, -1 if r.tie_break is None else r.tie_break), reverse=True)
    return ranked


GATE_RANK = {"passed": 3, "incomplete": 2, "failed": 1, "not scored": 0}


def panel_view(session: Session) -> Session:
    """What panel screens show: a blind panel's session with the candidate's name, e-mail and phone
    removed from every text (evidence, notes, reasons) until the chair unblinds."""
    if not session.blind:
        return session
    from .export.summary_common import anonymise

    return anonymise(session)
