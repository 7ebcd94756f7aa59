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
    try:
        return (Session.model_validate(data["session"]), [AuditEvent.model_validate(e) for e in data.get("audit", [])])
    except (KeyError, ValidationError) as exc:
        where = first_problem(exc) if isinstance(exc, ValidationError) else f"{exc} missing"
        raise BadInput(f"{name}: invalid session export ({where})") from exc
