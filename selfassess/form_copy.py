"""Text for an online application form: one answer, or the whole statement with its headings. Pure.

Most applications are typed into a job site's boxes, one per criterion or one for the whole statement.
What goes to the clipboard is what the form should get: the candidate's words without outer blank space
or control characters, each criterion's heading as the employer wrote it, in the employer's order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from .answer_text import STAR_LABEL, stored_form, substance
from .models import Session, StatementLimits
from .safetext import strip_controls
from .statement import Count, count_chars, count_words


def without_empty_labels(text: str) -> str:
    """The answer without STAR template labels left empty ('Action:' with nothing under it)."""
    labels = list(STAR_LABEL.finditer(text))
    if not labels:
        return text
    kept = [text[: labels[0].start()]]
    for n, label in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        if text[label.end() : end].strip():
            kept.append(text[label.start() : end])
    return re.sub(r"\n{3,}", "\n\n", "".join(kept))


def answer_for_form(text: str) -> str:
    """One answer as a form box should get it ('' for an empty answer or an unfilled STAR template; STAR
    labels the candidate left empty are dropped)."""
    return strip_controls(stored_form(without_empty_labels(text))) if substance(text) else ""


def over_limit(text: str, limits: StatementLimits, whole: bool) -> str | None:
    """'50639 chars / 2000' when the copied text is over the form's limit (per answer, or whole statement)."""
    words, chars = (
        (limits.words_total, limits.chars_total) if whole else (limits.words_per_criterion, limits.chars_per_criterion)
    )
    counts = [Count(count_words(text), words, "words"), Count(count_chars(text), chars, "chars")]
    over = [c.describe() for c in counts if c.status == "over"]
    return ", ".join(over) or None


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
