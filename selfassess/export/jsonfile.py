"""Lossless JSON export of a session with its audit trail; `selfassess import-session` reads it back."""

from __future__ import annotations

import json

from pydantic import ValidationError

from ..errors import BadInput
from ..models import AuditEvent, Session
from ..validation import first_problem

FORMAT = "selfassess-session"
VERSION = 1


def session_json(session: Session, audit: list[AuditEvent]) -> str:
    """The whole session and its audit trail as one JSON document."""
    return (
        json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "session": session.model_dump(mode="json"),
                "audit": [e.model_dump(mode="json") for e in audit],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def read_session_json(text: str, name: str) -> tuple[Session, list[AuditEvent]]:
    """Parse an exported session; BadInput names the file and the problem."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BadInput(f"{name}: not JSON ({type(exc).__name__}: {str(exc)[:80]})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(f'{name}: not a selfassess session export (no "format": "{FORMAT}")')
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise BadInput(f"{name}: invalid session export (version {version!r})")
    if version > VERSION:
        raise BadInput(f"{name}: export version {version} is newer than this selfassess reads ({VERSION}); upgrade")
    try:
        _levels_are_numbers(data["session"], name)
        session = Session.model_validate(data["session"])
        audit = data.get("audit", [])
        if not isinstance(audit, list):
            raise BadInput(f"{name}: invalid session export (audit: not a list)")
        return session, [AuditEvent.model_validate(e) for e in audit]
    except (KeyError, ValidationError) as exc:
        where = first_problem(exc) if isinstance(exc, ValidationError) else f"{exc} missing"
        raise BadInput(f"{name}: invalid session export ({where})") from exc


def _levels_are_numbers(raw: object, name: str) -> None:
    """A score, self-rating or consensus of true or "3" is refused, not read as 1 or 3 (as if typed)."""
    if not isinstance(raw, dict):
        return
    evidence, scores, consensus = raw.get("evidence"), raw.get("scores"), raw.get("consensus")
    rows = [(f"evidence.{k}", "self_rating", v) for k, v in evidence.items()] if isinstance(evidence, dict) else []
    rows += [(f"scores.{i}", "value", v) for i, v in enumerate(scores)] if isinstance(scores, list) else []
    rows += [(f"consensus.{i}", "value", v) for i, v in enumerate(consensus)] if isinstance(consensus, list) else []
    for where, key, row in rows:
        value = row.get(key) if isinstance(row, dict) else None
        if value is not None and type(value) is not int:
            raise BadInput(f"{name}: invalid session export ({where}.{key}: {value!r} is not a whole number)")
