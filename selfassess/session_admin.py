"""Candidate-side changes to a session's own record: rename, the form's limits, interview practice notes.

Each is one store transaction (under the session's lock, saved atomically) with an audit event, and
checks its input first, so the CLI, a script and the app meet the same rules.
"""

from __future__ import annotations

from typing import Any

from . import identity
from .controls import one_clean_line, strip_controls
from .errors import BadInput
from .limit_presets import out_of_range
from .models import AuditEvent, Session, StatementLimits
from .store import SessionStore, now

MAX_NOTE = 20_000


def _change_meta(
    store: SessionStore, session_id: str, changes: dict[str, Any], action: str, old, new, actor: str = "candidate"
) -> Session:
    with store._transaction(session_id) as tx:
        stamp = now()
        tx.db.table("meta").update({**changes, "updated": stamp.isoformat()})
        tx.events.append(AuditEvent(time=stamp, actor=actor, action=action, old=old, new=new))
        return tx.session()


def acting_name(store: SessionStore, session: Session) -> str:
    """Who changes a session's record from this terminal: on a session with a panel, the panellist bound
    to this login (else 'login NAME'); on a candidate's own session, 'candidate'."""
    if session.panel is None:
        return "candidate"
    login = store.login()
    return identity.panellist_for(session.panel, login) or f"login {login}"


def rename(
    store: SessionStore, session_id: str, candidate: str | None, reference: str | None, actor: str | None = None
) -> Session:
    """Change the candidate's name and reference (empty means none; control characters never kept, as on
    import). ``actor``: who does it (default: ``acting_name``)."""
    candidate, reference = one_clean_line(candidate), one_clean_line(reference)
    if candidate and len(candidate) > 200:
        raise BadInput("candidate: at most 200 characters")
    if reference and len(reference) > 80:
        raise BadInput("reference: at most 80 characters")
    session = store.load(session_id)
    old = {"candidate": session.candidate, "reference": session.reference}
    new = {"candidate": candidate, "reference": reference}
    if old == new:
        return session
    who = (actor or "").strip() or acting_name(store, session)
    return _change_meta(store, session_id, new, "session.rename", old, new, actor=who)


def set_limits(store: SessionStore, session_id: str, limits: StatementLimits) -> Session:
    """Set the form's limits on the session's own copy of its role."""
    problem = out_of_range(limits)
    if problem:
        raise BadInput(f"limits: {problem}")
    session = store.load(session_id)
    if session.role.limits == limits:
        return session
    role = session.role.model_copy(update={"limits": limits})
    old, new = session.role.limits.model_dump(exclude_none=True), limits.model_dump(exclude_none=True)
    return _change_meta(store, session_id, {"role": role.model_dump(mode="json")}, "role.limits", old, new)


def set_practice_note(store: SessionStore, session_id: str, criterion_id: str, text: str) -> Session:
    """Keep notes on how an interview practice went for one criterion (never part of the statement)."""
    text = strip_controls(text).strip()
    if len(text) > MAX_NOTE:
        raise BadInput(f"practice note for {criterion_id}: at most {MAX_NOTE} characters")
    session = store.load(session_id)
    if session.role.criterion(criterion_id) is None:
        raise BadInput(f"{criterion_id}: no such criterion in {session.role.id}")
    notes = dict(session.practice)
    if notes.get(criterion_id, "") == text:
        return session
    if text:
        notes[criterion_id] = text
    else:
        notes.pop(criterion_id, None)
    size = {"chars": len(text)}
    return _change_meta(store, session_id, {"practice": notes}, "practice.note", None, {criterion_id: size})
