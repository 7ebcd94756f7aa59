"""Who may import a session over a panel that binds OS logins, and what such an import may not change.

On a panel whose panellists are bound to logins (``identity.verified``) the import is an act on the panel,
so it meets the panel's rules as a typed change would. The rule is the simplest safe one: onto a bound
panel only its chair imports at all (the importing login must be the chair's bound login of every bound
panel involved: the session replaced, the file's own panel, and the role's sessions already in the
folder, so a file with its panel edited or unbound is still judged by the panel it lands on); no declared
conflict may disappear; and every consensus and decision must have the audit event that recorded it, by
the panellist it names. For every import: no audit event may be dated after the import itself, and a
candidate reference already held by another session of the same role is refused (one candidate, one
session). Pure functions: the store calls them, under the session's lock, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from . import identity
from .models import AuditEvent, Panel, Session


def bound(*panels: Panel | None) -> Panel | None:
    """The first of ``panels`` that binds logins (verified identities), or None."""
    return next((p for p in panels if p is not None and identity.verified(p)), None)


def import_actor(existing: Session | None, imported: Session, login: str) -> str:
    """Who the ``session.import`` event names: the panellist bound to the importing login, else 'import'."""
    for panel in (existing.panel if existing else None, imported.panel):
        if panel is not None and (name := identity.panellist_for(panel, login)):
            return name
    return "import"


def replace_problem(existing: Session, login: str) -> str | None:
    """Why ``login`` may not replace ``existing`` by import, or None: on a panel with bound logins
    only its chair may (a panellist could otherwise rewrite decisions and their own declarations)."""
    panel = existing.panel
    if panel is None or not identity.verified(panel):
        return None
    chair_login = panel.logins.get(panel.chair)
    if chair_login == login:
        return None
    return (
        f"session {existing.id}'s panel binds logins: only its chair ({panel.chair}, login {chair_login!r}) "
        f"may replace it by import; this terminal is logged in as {login!r}"
    )


def removed_conflicts(existing: Session, imported: Session) -> Iterator[str]:
    """Declared conflicts on record in ``existing`` that ``imported`` no longer holds."""
    kept = {(c.panellist, c.conflicted, c.reason, c.time) for c in imported.conflicts}
    for c in existing.conflicts:
        if c.conflicted and (c.panellist, c.conflicted, c.reason, c.time) not in kept:
            yield f"it removes {c.panellist}'s declared conflict ({c.time:%d %b %Y %H:%M})"


def unrecorded_rulings(session: Session, audit: list[AuditEvent]) -> Iterator[str]:
    """Each consensus or decision with no audit event that recorded it (the latest for its criterion and
    stage, with the same value, by the panellist the record names, under their bound login if it has one)."""
    panel = session.panel
    last: dict[tuple[str, ...], AuditEvent] = {}
    for event in audit:
        new = event.new if isinstance(event.new, dict) else {}
        if event.action == "consensus.set":
            last["consensus", str(event.criterion), str(new.get("stage"))] = event
        elif event.action == "decision.record":
            last["decision", str(new.get("stage"))] = event

    def matches(event: AuditEvent | None, by: str, **values: object) -> bool:
        if event is None or event.actor != by:
            return False
        new = event.new if isinstance(event.new, dict) else {}
        if any(new.get(k, -1) != v for k, v in values.items()):
            return False
        bound_login = panel.logins.get(by) if panel is not None else None
        return bound_login is None or event.login in (None, bound_login)

    for c in session.consensus:
        if not matches(last.get(("consensus", c.criterion, c.stage)), c.by, value=c.value):
            yield f"the consensus for {c.criterion} at {c.stage} ({c.by}) has no matching consensus.set event"
    for d in session.decisions:
        if not matches(last.get(("decision", d.stage)), d.by, recommendation=d.recommendation, reason=d.reason):
            yield f"the decision at {d.stage} ({d.by}) has no matching decision.record event"


def chair_problem(imported: Session, login: str, role_sessions: Iterable[Session]) -> str | None:
    """Why ``login`` may not import ``imported`` at all, or None: where the file's panel or a session of
    the same role already here binds logins, only the chair (of each such panel) imports."""
    for owner in (imported, *role_sessions):
        panel = owner.panel
        if panel is None or not identity.verified(panel):
            continue
        chair_login = panel.logins.get(panel.chair)
        if chair_login != login:
            where = "the file's panel" if owner is imported else f"the panel of session {owner.id} (same role)"
            return (
                f"{where} binds logins: only its chair ({panel.chair}, login {chair_login!r}) may import a session "
                f"onto it; this terminal is logged in as {login!r}"
            )
    return None


CLOCK_SKEW = timedelta(minutes=5)  # panels share folders across machines whose clocks differ a little


def future_event(audit: list[AuditEvent], at: datetime) -> str | None:
    """The first audit event dated after ``at`` (the import itself) by more than two machines' clocks can
    differ, named, or None: a trail holds no event from the future, so one is made up."""
    for number, event in enumerate(audit, start=1):
        if event.time > at + CLOCK_SKEW:
            return (
                f"audit event {number} ({event.action} by {event.actor}, {event.time:%Y-%m-%d %H:%M:%S}) is dated "
                f"after this import ({at:%Y-%m-%d %H:%M:%S} UTC)"
            )
    return None


def duplicate_reference(imported: Session, role_sessions: Iterable[Session]) -> str | None:
    """Why ``imported`` would be a second session for a candidate already here, or None: another session
    (another id) of the same role with the same candidate reference."""
    ref = (imported.reference or "").strip().casefold()
    if not ref:
        return None
    for other in role_sessions:
        if other.id != imported.id and (other.reference or "").strip().casefold() == ref:
            return (
                f"candidate reference {imported.reference} already has session {other.id} in role {imported.role.id}; "
                f"to replace it, import a copy with that session's id (the chair, --force)"
            )
    return None


def bound_panel_problems(
    existing: Session | None,
    imported: Session,
    audit: list[AuditEvent],
    login: str,
    role_sessions: Iterable[Session] = (),
) -> list[str]:
    """Everything that refuses this import because a panel (the existing one, the imported one, or one of
    the role's sessions here) binds logins."""
    role_sessions = [s for s in role_sessions if s.id != imported.id]
    panels = [existing.panel if existing else None, imported.panel, *(s.panel for s in role_sessions)]
    if bound(*panels) is None:
        return []
    problems: list[str] = []
    if existing is not None:
        problem = replace_problem(existing, login)
        if problem:
            return [problem]
        problems += removed_conflicts(existing, imported)
    problem = chair_problem(imported, login, role_sessions)
    if problem:
        return [problem]
    problems += unrecorded_rulings(imported, audit)
    return problems
