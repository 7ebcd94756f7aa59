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


def current_codes() -> dict[str, str]:
    """The code table in force for the document being read."""
    return _CODES.get()


@contextmanager
def document_codes(text: str) -> Iterator[None]:
    """Read a document with its own code key (if it has one) over the default codes."""
    key = find_key(text)
    unknown = {code: "other" for code in METHOD_CODES if len(code) == 1 and code not in key}  # not in its key
    token = _CODES.set({**METHOD_CODES, **unknown, **key}) if key else None
    try:
        yield
    finally:
        if token is not None:
            _CODES.reset(token)
