"""Text for an online application form: one answer, or the whole statement with its headings. Pure.

Most applications are typed into a job site's boxes, one per criterion or one for the whole statement.
What goes to the clipboard is what the form should get: the candidate's words without outer blank space
or control characters, each criterion's heading as the employer wrote it, in the employer's order.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .answer_text import submitted_answer, without_empty_labels
from .models import Session, StatementLimits
from .statement import Count, count_chars, count_words, submitted_statement

answer_for_form = submitted_answer  # one answer as a form box gets it (the core's one definition)
statement_for_form = submitted_statement  # the whole statement with each criterion's heading
__all__ = [
    "answer_for_form",
    "over_limit",
    "statement_for_form",
    "statement_over_limit",
    "terminal_can_copy",
    "without_empty_labels",
]


def over_limit(text: str, limits: StatementLimits, whole: bool) -> str | None:
    """'50639 chars / 2000' when the copied text is over the form's limit (per answer, or whole statement)."""
    words, chars = (
        (limits.words_total, limits.chars_total) if whole else (limits.words_per_criterion, limits.chars_per_criterion)
    )
    counts = [Count(count_words(text), words, "words"), Count(count_chars(text), chars, "chars")]
    over = [c.describe() for c in counts if c.status == "over"]
    return ", ".join(over) or None


def statement_over_limit(session: Session) -> str | None:
    """'67 words / 10' when the whole statement, as it will be submitted, is over the form's whole-statement
    limit (a gap to fix first), else None."""
    return over_limit(submitted_statement(session), session.role.limits, whole=True)


def terminal_can_copy(env: Mapping[str, str] = os.environ) -> bool:
    """Whether the terminal is likely to pass a copy (OSC 52) to the system clipboard.

    The Linux console and dumb terminals cannot; most others can (some only once allowed in their
    settings), so the app always offers saving to a file as well.
    """
    term = env.get("TERM", "")
    return bool(term) and term not in ("linux", "dumb")
