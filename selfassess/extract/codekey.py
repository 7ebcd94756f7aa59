"""A document's own key to its how-assessed codes ("A = Application form, S = Selection test").

A line that defines two or more one- or two-letter codes (``X = words``, ``X: words``, ``X - words`` or
``words - X``) is a key. While a document is read, ``current_codes()`` is the default code table with
the document's own definitions on top, so a code means what the employer said it means; a one-letter
code its key leaves out is read as 'other' (a method we cannot name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .vocab import METHOD_CODES, METHOD_WORDS

LETTER_FIRST = re.compile(
    r"(?<![\w/])([A-Z]{1,2})\s*[=:–—-]\s*([A-Za-z][A-Za-z /'’]{2,40}?)(?=\s*(?:[,;.)(]|$|[A-Z]{1,2}\s*[=:–—-]\s))"
)
WORDS_FIRST = re.compile(r"([A-Z][A-Za-z]+(?: [A-Za-z]+){0,3})\s*[–—-]\s*([A-Z]{1,2})(?![\w/])")
KEY_HINT = re.compile(
    r"\b[A-Z]{1,2}\s*[=:–—-]\s*[A-Za-z].*\b[A-Z]{1,2}\s*[=:–—-]|[–—-]\s*[A-Z]{1,2}\b.*[–—-]\s*[A-Z]{1,2}\b"
)
_CODES: ContextVar[dict[str, str]] = ContextVar("codes", default=METHOD_CODES)
_MARKERS: ContextVar[dict[str, list[str]] | None] = ContextVar("markers", default=None)
MARK = r"\*{1,2}|†|‡|§|#|\^"
MARKER_KEY = re.compile(
    rf"\b(?:criteria|requirements|items|those|ones|questions)\s+(?:marked|indicated|shown|denoted|identified|flagged)"
    rf"\s+(?:with\s+|by\s+)?(?:an?\s+)?(?P<mark>{MARK})\s*(?:will\s+be|are|is|to\s+be)\s+(?P<rest>[^;.]{{3,120}})"
    rf"|^\s*(?P<mark2>{MARK})\s*(?:=|:|[–—-]\s)\s*(?P<rest2>[^;.]{{3,120}})",
    re.I,
)


def _method(words: str) -> str | None:
    return next((method for pattern, method in METHOD_WORDS if pattern.search(words)), None)


def find_key(text: str) -> dict[str, str]:
    """Codes the document defines, lower-case code to method (empty when it defines none)."""
    found: dict[str, str] = {}
    for line in text.split("\n")[:400]:
        if len(line) > 400 or sum(line.count(c) for c in "=:–—-") < 2 or not KEY_HINT.search(line):
            continue
        pairs = [(c, w) for c, w in LETTER_FIRST.findall(line)] or [(c, w) for w, c in WORDS_FIRST.findall(line)]
        defined = {code.lower(): _method(words) for code, words in pairs}
        defined = {code: method for code, method in defined.items() if method}
        if len(defined) >= 2:
            found.update(defined)
    return found


def find_markers(text: str) -> dict[str, list[str]]:
    """Marks the document's key says how criteria are assessed ("Criteria marked * will be assessed at shortlisting
    from your application"): mark to methods. A mark whose key names a kind instead is left to the parser."""
    found: dict[str, list[str]] = {}
    for line in text.split("\n")[:400]:
        if len(line) > 400 or not any(m in line for m in "*†‡§#^"):
            continue
        for match in MARKER_KEY.finditer(line):
            rest = match.group("rest") or match.group("rest2") or ""
            methods = [method for pattern, method in METHOD_WORDS if pattern.search(rest)]
            if methods and not re.search(r"\b(?:essential|desirable)\b", rest, re.I):
                mark = match.group("mark") or match.group("mark2") or ""
                found[mark] = list(dict.fromkeys(methods))
    return found


def current_markers() -> dict[str, list[str]]:
    """Marks and the methods they stand for, in the document being read."""
    return _MARKERS.get() or {}


def current_codes() -> dict[str, str]:
    """The code table in force for the document being read."""
    return _CODES.get()


@contextmanager
def document_codes(text: str) -> Iterator[None]:
    """Read a document with its own code key (if it has one) over the default codes."""
    key = find_key(text)
    unknown = {code: "other" for code in METHOD_CODES if len(code) == 1 and code not in key}  # not in its key
    token = _CODES.set({**METHOD_CODES, **unknown, **key}) if key else None
    markers = find_markers(text) if "*" in text or "†" in text or "‡" in text else {}
    marker_token = _MARKERS.set(markers) if markers else None
    try:
        yield
    finally:
        if token is not None:
            _CODES.reset(token)
        if marker_token is not None:
            _MARKERS.reset(marker_token)
