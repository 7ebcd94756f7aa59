"""Control characters in text: one definition for the store, the answer text rules and the renderers."""

from __future__ import annotations

import os
import re

# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides that can hide text.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(value: str) -> str:
    """Remove control characters that would move the cursor, ring bells or reorder text (CR, CRLF: newline)."""
    if "\r" not in value and CONTROL.search(value) is None:
        return value  # the usual case, checked once: every save validates every field of the role again
    return CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def one_clean_line(value: str | None) -> str | None:
    """A name or reference: one line without control characters, however it arrived (typed or imported)."""
    if value is None:
        return None
    return " ".join((value if CONTROL.search(value) is None else strip_controls(value)).split()) or None


def clean_text(value: str | None) -> str | None:
    """Text kept as written (lines and tabs too) without control characters: a role's criteria and guidance."""
    return None if value is None else strip_controls(value).strip()


def required_line(value: str) -> str:
    """A title: one line without control characters; ValueError if nothing else is left."""
    line = one_clean_line(value)
    if not line:
        raise ValueError("only control characters or spaces")
    return line


def required_text(value: str) -> str:
    """A criterion's text: ``clean_text``; ValueError if nothing else is left."""
    text = clean_text(value)
    if not text:
        raise ValueError("only control characters or spaces")
    return text


def file_name_text(path: str | os.PathLike[str]) -> str:
    """A file's name (no folder) as text to keep or show: bytes that are not UTF-8 (a name made on another
    system, which Python holds as lone surrogates) as U+FFFD, and on one line without control characters."""
    name = os.fsencode(os.path.basename(os.fspath(path))).decode("utf-8", "replace")
    return one_clean_line(name) or "\ufffd"
