"""What counts as the candidate's own words in an answer. No imports beyond re, so listings stay fast."""

from __future__ import annotations

import re

from .controls import strip_controls

STAR_LABEL = re.compile(r"^[ \t]*(?:situation|task|action|result|reflection)[ \t]*:[ \t]*", re.I | re.M)


def substance(text: str) -> str:
    """The candidate's own words: the text without STAR template labels and without outer blank space."""
    return STAR_LABEL.sub("", text).strip()


def stored_form(text: str) -> str:
    """The text as the store keeps it (no control characters, no outer blank space), so a screen can tell
    it is saved."""
    return strip_controls(text).strip()
