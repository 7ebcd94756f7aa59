"""Text for an online application form: one answer, or the whole statement with its headings. Pure.

Most applications are typed into a job site's boxes, one per criterion or one for the whole statement.
What goes to the clipboard is what the form should get: the candidate's words without outer blank space
or control characters, each criterion's heading as the employer wrote it, in the employer's order.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .answer_text import stored_form, substance
from .models import Session
from .safetext import strip_controls


def answer_for_form(text: str) -> str:
    """One answer as a form box should get it ('' for an empty answer or an unfilled STAR template)."""
    return strip_controls(stored_form(text)) if substance(text) else ""


def heading(criterion_id: str, text: str) -> str:
    return f"{criterion_id}: {strip_controls(' '.join(text.split()))}"


def statement_for_form(session: Session, include_unanswered: bool = False) -> str:
    """The whole statement in the employer's order, each answer under its criterion's heading."""
    parts = []
    for c in session.role.criteria:
        ev = session.evidence.get(c.id)
        answer = answer_for_form(ev.text) if ev else ""
        if answer or include_unanswered:
            parts.append(f"{heading(c.id, c.text)}\n\n{answer}".rstrip())
    return "\n\n".join(parts) + ("\n" if parts else "")


def terminal_can_copy(env: Mapping[str, str] = os.environ) -> bool:
    """Whether the terminal is likely to pass a copy (OSC 52) to the system clipboard.

    The Linux console and dumb terminals cannot; most others can (some only once allowed in their
    settings), so the app always offers saving to a file as well.
    """
    term = env.get("TERM", "")
    return bool(term) and term not in ("linux", "dumb")
