"""An imported session checked as if every value had been typed: its data (refused if wrong) and its audit trail
(kept, but the import says so and re-signs it as imported, if it does not match the data)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from . import roles as role_library
from .errors import BadInput
from .models import AuditEvent, Session
from .scoring import consensus_needs_reason, gate, stage_scores
from .store_tx import SCHEMA_VERSION, evidence_digest


def data_problems(session: Session) -> Iterator[str]:
    """Every value a user could not have typed: off the scale, for criteria that do not exist, off the panel."""
    role, scale = session.role, session.scale
    ids = {c.id for c in role.criteria}
    if session.schema_version != SCHEMA_VERSION:
        yield f"schema_version {session.schema_version}: this selfassess writes {SCHEMA_VERSION}"
    known = role_library.scales().get(scale.id)
    if known is not None and known != scale:
        yield f"scale {scale.id}: differs from the built-in scale of that id"

    def on_scale(value: object, where: str) -> Iterator[str]:
        if value is not None and (not isinstance(value, int) or scale.level(value) is None):
            yield f"{where}: {value!r} is not on {scale.name} ({scale.minimum} to {scale.maximum})"

    for cid, evidence in session.evidence.items():
        if cid not in ids or evidence.criterion != cid:
            yield f"evidence.{cid}: no such criterion in role {role.id}"
        yield from on_scale(evidence.self_rating, f"evidence.{cid}.self_rating")
    panel = set(session.panel.panellists) if session.panel else set()
    if (session.scores or session.submissions or session.consensus or session.decisions) and not panel:
        yield "scores: the session has no panel"
    for kind, criterion in [
        *(("score", x.criterion) for x in session.scores),
        *(("note", x.criterion) for x in session.notes),
        *(("consensus", x.criterion) for x in session.consensus),
    ]:
        if criterion not in ids:
            yield f"{kind} for {criterion}: no such criterion in role {role.id}"
    for score in session.scores:
        yield from on_scale(score.value, f"score {score.panellist}/{score.criterion}")
        if panel and score.panellist not in panel:
            yield f"score for {score.criterion}: {score.panellist!r} is not on the panel"
    for kind, who in [
        *(("submission", x.panellist) for x in session.submissions),
        *(("note", x.panellist) for x in session.notes),
    ]:
        if panel and who not in panel:
            yield f"{kind}: {who!r} is not on the panel"
    for consensus in session.consensus:
        yield from on_scale(consensus.value, f"consensus for {consensus.criterion}")
        given = list(stage_scores(session, consensus.stage).get(consensus.criterion, {}).values())
        if consensus_needs_reason(consensus.value, given) and not consensus.reason.strip():
            yield f"consensus for {consensus.criterion}: differs from every panellist's score and gives no reason"
    yield from conflict_problems(session)
    for decision in session.decisions:
        if decision.recommendation != "not appointable" and not gate(session, decision.stage).passed:
            yield f"decision at {decision.stage}: {decision.recommendation} although the essential-criteria gate fails"


def conflict_problems(session: Session) -> Iterator[str]:
    """Declarations no one could have typed: a declared conflict undone other than by the chair's
    withdrawal, or a withdrawal approved by the conflicted panellist themselves."""
    conflicted: set[str] = set()
    for c in session.conflicts:
        if c.withdrawn_by is not None and c.withdrawn_by == c.panellist:
            yield f"conflict: {c.panellist}'s withdrawal is approved by themselves"
        if c.panellist in conflicted and not c.conflicted and c.withdrawn_by is None:
            yield f"conflict: {c.panellist}'s declared conflict is undone without the chair's withdrawal"
        if c.conflicted:
            conflicted.add(c.panellist)
        else:
            conflicted.discard(c.panellist)


def check_data(session: Session, name: str) -> None:
    """BadInput (one line: the first problem and how many more) unless the data could have been typed."""
    problems = list(data_problems(session))
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise BadInput(f"{name}: {problems[0]}{more}; nothing imported")


def audit_problems(session: Session, audit: list[AuditEvent]) -> list[str]:
    """Where the audit trail does not account for the data (an empty list: it does)."""
    problems = []
    if not audit or audit[0].action != "session.create":
        problems.append("the trail does not start with session.create")
    if any(later.time < earlier.time for earlier, later in pairwise(audit)):
        problems.append("events are out of time order")
    last: dict[tuple[str, ...], AuditEvent] = {}
    for event in audit:
        new = event.new if isinstance(event.new, dict) else {}
        if event.action == "evidence.set":
            last["evidence", str(event.criterion)] = event
        elif event.action in ("score.record", "score.change"):
            last["score", event.actor, str(event.criterion), str(new.get("stage"))] = event
        elif event.action == "consensus.set":
            last["consensus", str(event.criterion), str(new.get("stage"))] = event
        elif event.action == "decision.record":
            last["decision", str(new.get("stage"))] = event

    def recorded(*key: str) -> dict:
        event = last.get(key)
        return event.new if event is not None and isinstance(event.new, dict) else {}

    for cid, evidence in session.evidence.items():
        if evidence.text and recorded("evidence", cid).get("sha256") != evidence_digest(evidence.text)["sha256"]:
            problems.append(f"evidence for {cid} has no matching evidence.set event")
    for score in session.scores:
        if recorded("score", score.panellist, score.criterion, score.stage).get("value", -1) != score.value:
            problems.append(f"{score.panellist}'s score for {score.criterion} has no matching event")
    for consensus in session.consensus:
        if recorded("consensus", consensus.criterion, consensus.stage).get("value", -1) != consensus.value:
            problems.append(f"consensus for {consensus.criterion} has no matching event")
    for decision in session.decisions:
        if recorded("decision", decision.stage).get("recommendation") != decision.recommendation:
            problems.append(f"decision at {decision.stage} has no matching event")
    held: set[tuple[str, ...]] = {("consensus", c.criterion, c.stage) for c in session.consensus}
    held |= {("decision", d.stage) for d in session.decisions}
    for key in last:  # consensus and decisions are never removed: an event for one the data lacks was invented
        if key[0] in ("consensus", "decision") and key not in held:
            problems.append(f"the trail records a {key[0]} ({', '.join(key[1:])}) the data does not have")
    return problems
