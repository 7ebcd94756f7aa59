"""What a panel summary holds, as plain data every format renders; and anonymisation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .. import scoring
from ..campaign_models import Campaign
from ..late_scores import late_scores
from ..models import AuditEvent, Session
from ..stage_criteria import selection_lines
from . import redact
from .fair_summary import fair_lines

EXCERPT = 400


def redactor(session: Session, any_case: bool = False) -> Callable[[str], str]:
    """A function that removes the candidate's name (every part and spelling, as whole words), initials,
    e-mail addresses and phone numbers (see export.redact); ``any_case`` (the exports' --anonymise): a
    part in lower case too, unless it is an ordinary word."""
    return redact.redactor(session.candidate, any_case)


def anonymise_audit(session: Session, events: list[AuditEvent], any_case: bool = False) -> list[AuditEvent]:
    """Audit events with every text in them redacted as anonymise() does."""
    clean = redactor(session, any_case)

    def walk(value):
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return [e.model_copy(update={"actor": clean(e.actor), "old": walk(e.old), "new": walk(e.new)}) for e in events]


def anonymise(session: Session, any_case: bool = False) -> Session:
    """The session with the candidate's name and contact details removed from every text; ``any_case``
    (the exports' --anonymise; not the screens, which never wait for the word list): lower-case parts too."""
    clean = redactor(session, any_case)

    evidence = {cid: ev.model_copy(update={"text": clean(ev.text)}) for cid, ev in session.evidence.items()}
    scores = [s.model_copy(update={"note": clean(s.note)}) for s in session.scores]
    notes = [n.model_copy(update={"text": clean(n.text)}) for n in session.notes]
    consensus = [c.model_copy(update={"reason": clean(c.reason)}) for c in session.consensus]
    decisions = [d.model_copy(update={"reason": clean(d.reason)}) for d in session.decisions]
    choices = [c.model_copy(update={"reason": clean(c.reason)}) for c in session.stage_choices]
    conflicts = [c.model_copy(update={"reason": clean(c.reason)}) for c in session.conflicts]
    return session.model_copy(
        update={
            "conflicts": conflicts,
            "candidate": None,
            "evidence": evidence,
            "scores": scores,
            "notes": notes,
            "consensus": consensus,
            "decisions": decisions,
            "stage_choices": choices,
        }
    )


def stage_of(session: Session) -> str:
    """The stage a summary reports: the panel's, else the latest stage anything was scored at."""
    if session.panel is not None:
        return session.panel.stage
    stages = [s.stage for s in session.scores]
    return stages[-1] if stages else "interview"


@dataclass
class CriterionRow:
    """One criterion of a summary."""

    id: str
    kind: str
    weight: float
    text: str
    evidence: str
    scores: dict[str, int | str | None] = field(default_factory=dict)  # panellist -> value ("-" if none)
    notes: dict[str, list[str]] = field(default_factory=dict)
    mean: float | None = None
    spread: int | None = None
    consensus: int | str | None = "-"
    reason: str = ""
    late: dict[str, str] = field(default_factory=dict)  # panellist -> "given after submitting; reason: ..."


@dataclass
class Summary:
    """A panel summary: who, what, each criterion, totals, gate and recommendation."""

    role: str
    organisation: str | None
    candidate: str
    stage: str
    panellists: list[str]
    chair: str | None
    scale: str
    rows: list[CriterionRow]
    total: float
    maximum: float
    essential: float
    desirable: float
    withdrawn: dict[str, str]
    gate_passed: bool
    gate_status: str  # passed, failed, incomplete, not scored
    gate_failed: list[tuple[str, str]]
    recommendation: str | None
    recommendation_reason: str | None
    decided_by: str | None
    decided_at: str | None
    criteria_lines: list[str] = field(default_factory=list)  # which criteria the stage scored, and the chair's changes
    fair: list[tuple[str, str]] = field(default_factory=list)  # fair-selection lines (see fair_lines)
    reader: str = ""  # whose limited view this is and what it leaves out (export_access.withheld_line)
    conflicted: list[str] = field(default_factory=list)  # panellists who declared a conflict: shown, not counted
    to_review: list[str] = field(default_factory=list)  # criteria whose consensus was agreed before a change
    decision_to_review: bool = False


def summary(
    session: Session, stage: str | None = None, campaign: Campaign | None = None, audit: list[AuditEvent] | None = None
) -> Summary:
    """Gather a session's panel summary at a stage (the panel's stage by default); ``campaign`` adds the
    role's question plan; ``audit`` gives the reasons for scores given or changed after submitting."""
    stage = stage or stage_of(session)
    late = late_scores(session, stage, audit)
    scores = scoring.stage_scores(session, stage)
    counted = scoring.counted_scores(session, stage)  # withdrawn panellists' scores are shown, not counted
    panellists = session.panel.panellists if session.panel else sorted({p for by in scores.values() for p in by})
    agreed = {c.criterion: c for c in session.consensus if c.stage == stage}
    rows = []
    for c in scoring.criteria_for_stage(session, stage):
        by = scores.get(c.id, {})
        evidence = session.evidence.get(c.id)
        text = evidence.text if evidence else ""
        mean, spread = scoring.mean_and_spread(list(counted.get(c.id, {}).values()))
        consensus = agreed.get(c.id)
        rows.append(
            CriterionRow(
                id=c.id,
                kind=c.kind,
                weight=c.weight,
                text=c.text,
                evidence=text if len(text) <= EXCERPT else text[:EXCERPT] + "…",
                scores={p: by.get(p, "-") for p in panellists},
                notes={
                    p: [
                        f"{n.time:%H:%M} {n.text}"
                        for n in session.notes
                        if n.criterion == c.id and n.stage == stage and n.panellist == p
                    ]
                    + [
                        s.note
                        for s in session.scores
                        if s.criterion == c.id and s.stage == stage and s.panellist == p and s.note
                    ]
                    for p in panellists
                },
                mean=mean,
                spread=spread,
                consensus=consensus.value if consensus else "-",
                reason=consensus.reason if consensus else "",
                late={p: x.label for (p, cid), x in late.items() if cid == c.id},
            )
        )
    totals = scoring.totals(session, stage)
    gate = scoring.gate(session, stage)
    decision = next((d for d in session.decisions if d.stage == stage), None)
    return Summary(
        role=session.role.title,
        organisation=session.role.organisation,
        candidate=session.display_name(),
        stage=stage,
        panellists=panellists,
        chair=session.panel.chair if session.panel else None,
        scale=session.scale.name,
        rows=rows,
        total=totals.total,
        maximum=totals.maximum,
        essential=totals.essential,
        desirable=totals.desirable,
        withdrawn=scoring.withdrawn(session),
        gate_passed=gate.passed,
        gate_status=gate.status,
        gate_failed=gate.failed + [(cid, "no consensus yet") for cid in gate.missing],
        recommendation=decision.recommendation if decision else None,
        recommendation_reason=decision.reason if decision else None,
        decided_by=decision.by if decision else None,
        decided_at=decision.time.isoformat() if decision else None,
        criteria_lines=selection_lines(session, stage),
        fair=fair_lines(session, stage, campaign),
        conflicted=sorted(scoring.conflicted(session) & set(panellists)),
        to_review=scoring.consensus_to_review(session, stage),
        decision_to_review=scoring.decision_to_review(session, stage),
    )


def summary_lines(s: Summary) -> list[tuple[str, str]]:
    """The summary as (kind, text) lines: 'h1', 'h2', 'p', 'li' — for the text, Markdown and Word renderers."""
    out = [
        ("h1", f"Panel summary: {s.role}" + (f", {s.organisation}" if s.organisation else "")),
        *[("p", f"{name} withdrew ({why}): scores shown, not counted") for name, why in s.withdrawn.items()],
        *[("p", f"{name} declared a conflict of interest: scores shown, not counted") for name in s.conflicted],
        ("p", f"Candidate: {s.candidate}"),
        ("p", f"Stage: {s.stage}; scale: {s.scale}"),
        ("p", "Panel: " + ", ".join(p + (" (chair)" if p == s.chair else "") for p in s.panellists)),
        *([("p", s.reader)] if s.reader else []),
        *[("p", line) for line in s.criteria_lines],
    ]
    for row in s.rows:
        out.append(("h2", f"{row.id} ({row.kind}, weight {row.weight:g}): {row.text}"))
        out.append(("p", f"Evidence: {row.evidence or '(none)'}"))
        for panellist, value in row.scores.items():
            shown = "not assessed" if value is None else str(value)
            notes = "; ".join(row.notes.get(panellist, []))
            late = f", {row.late[panellist]}" if panellist in row.late else ""
            out.append(("li", f"{panellist}: {shown}{late}" + (f". Notes: {notes}" if notes else "")))
        spread = "" if row.spread is None else f"; mean {row.mean:.1f}, spread {row.spread}"
        consensus = "not assessed" if row.consensus is None else str(row.consensus)
        review = " TO REVIEW: agreed before a score or conflict changed" if row.id in s.to_review else ""
        out.append(("p", f"Consensus: {consensus}" + (f" ({row.reason})" if row.reason else "") + spread + review))
    out += s.fair
    out.append(("h2", "Result"))
    out.append(
        ("p", f"Weighted total {s.total:g} of {s.maximum:g} (essential {s.essential:g}, desirable {s.desirable:g})")
    )
    if s.gate_passed:
        out.append(("p", "Essential-criteria gate: passed"))
    elif s.gate_status != "failed":
        out.append(
            ("p", f"Essential-criteria gate: {s.gate_status}: " + "; ".join(f"{c} {w}" for c, w in s.gate_failed))
        )
    else:
        out.append(
            (
                "p",
                "Essential-criteria gate: failed (not appointable): "
                + "; ".join(f"{cid} {why}" for cid, why in s.gate_failed),
            )
        )
    if s.recommendation:
        out.append(
            (
                "p",
                f"Recommendation: {s.recommendation}. Reason: {s.recommendation_reason} "
                f"(recorded by {s.decided_by}, {s.decided_at})"
                + (". TO REVIEW: scores, consensus or a conflict changed after it" if s.decision_to_review else ""),
            )
        )
    else:
        out.append(("p", "Recommendation: none recorded"))
    return out
