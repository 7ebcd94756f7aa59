"""The candidate's own words in an answer, and the answer as it will be submitted. Imports only re (fast)."""

from __future__ import annotations

import re

from .controls import strip_controls

STAR_LABEL = re.compile(r"^[ \t]*(?:situation|task|action|result|reflection)[ \t]*:[ \t]*", re.I | re.M)


def substance(text: str) -> str:
    """The candidate's own words: the text without STAR template labels and without outer blank space."""
    return STAR_LABEL.sub("", text).strip()


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


def submitted_answer(text: str) -> str:
    """One answer as it will be submitted: what counts, limits, copies and exports all use ('' for an empty
    answer or an unfilled STAR template; STAR labels left empty dropped; no control characters or outer
    blank space)."""
    return stored_form(without_empty_labels(text)) if substance(text) else ""


def stored_form(text: str) -> str:
    """The text as the store keeps it (no control characters, no outer blank space), so a screen can tell
    it is saved."""
    return strip_controls(text).strip()
