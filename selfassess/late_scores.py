"""Scores given or changed after their panellist submitted the stage (and so could read colleagues' scores).

Found from the audit trail (``score.change`` events: whether it was a first score or a change, and the
reason written for it) and the score's own time against the panellist's first submission of the stage.
Pure functions: moderation, the decision and every summary export show the same mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .models import AuditEvent, Session


@dataclass(frozen=True)
class LateScore:
    """One panellist's score on one criterion, given or changed after they submitted the stage."""

    panellist: str
    criterion: str
    value: int | None
    changed: bool  # False: the first score on that criterion was given after submitting
    reason: str | None  # as written when it was saved (the latest change's), None if none was asked

    @property
    def label(self) -> str:
        """E.g. "given after submitting; reason: 'forgot E2'"."""
        what = "changed after submitting" if self.changed else "given after submitting"
        if self.reason:
            return f"{what}; reason: '{self.reason}'"
        return f"{what} (no reason asked: a criterion added after the submission)"

    @property
    def short(self) -> str:
        """The moderation detail line's words, e.g. "4 (after submitting: 'forgot E2')"."""
        value = "n/a" if self.value is None else str(self.value)
        return f"{value} ({'changed ' if self.changed else ''}after submitting: '{self.reason or 'no reason asked'}')"


def _changes(audit: list[AuditEvent], panellist: str, criterion: str, stage: str) -> list[AuditEvent]:
    """The ``score.change`` events of one panellist's score on one criterion at one stage, oldest first."""
    return [
        e
        for e in audit
        if e.action == "score.change"
        and e.actor == panellist
        and e.criterion == criterion
        and (e.new or {}).get("stage", "interview") == stage
    ]


def late_scores(
    session: Session, stage: str, audit: list[AuditEvent] | None = None
) -> dict[tuple[str, str], LateScore]:
    """Every score at ``stage`` saved after its panellist first submitted the stage, by (panellist, criterion):
    one with a ``score.change`` event (the store audits every score after submitting so), or saved later
    than the submission (a criterion the chair added after it: a first score, no reason asked)."""
    first: dict[str, datetime] = {}
    for x in sorted(session.submissions, key=lambda x: x.time):
        if x.stage == stage:
            first.setdefault(x.panellist, x.time)
    out: dict[tuple[str, str], LateScore] = {}
    for s in session.scores:
        submitted = first.get(s.panellist)
        if s.stage != stage or submitted is None:
            continue
        events = _changes(audit or [], s.panellist, s.criterion, stage)
        if not events and s.time <= submitted:  # times are to the second: a change event settles it
            continue
        reason = next((str(e.new.get("reason")) for e in reversed(events) if e.new.get("reason")), None)
        changed = bool(events) and events[0].old is not None
        out[(s.panellist, s.criterion)] = LateScore(s.panellist, s.criterion, s.value, changed, reason)
    return out


def late_criteria(session: Session, stage: str, audit: list[AuditEvent] | None = None) -> list[str]:
    """Criteria of the stage with at least one counted score saved after its panellist submitted."""
    from .scoring import counted

    people = set(counted(session, stage))
    return sorted({cid for (who, cid) in late_scores(session, stage, audit) if who in people})


def visible_late(
    session: Session, stage: str, viewer: str, audit: list[AuditEvent] | None
) -> dict[tuple[str, str], LateScore]:
    """The late scores ``viewer`` may see in moderation (their own, and submitted colleagues' once they
    have submitted: scoring.visible_scores)."""
    from .scoring import visible_scores

    shown = visible_scores(session, viewer, stage)
    return {k: x for k, x in late_scores(session, stage, audit).items() if k[0] in shown.get(k[1], {})}


def unanimous(session: Session, stage: str, audit: list[AuditEvent] | None = None) -> dict[str, int | None]:
    """The rows the chair may accept at once (scoring.agreed_rows), less any with a counted score given or
    changed after its panellist submitted: that one is agreed row by row, its mark in view."""
    from .scoring import agreed_rows

    late = late_criteria(session, stage, audit)
    return {cid: value for cid, value in agreed_rows(session, stage).items() if cid not in late}
