"""What a name redaction replaced, said to the person sending the page: each replacement with the words
around it, before and after (so the chair sees "no Baker Street" become "no [another candidate] Street"
and can reword a reason that was not about another candidate). Plain Python."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .redact import EMAIL, PHONE

WORDS_AROUND = 2
_BEFORE = re.compile(rf"(?:\S+\s+){{0,{WORDS_AROUND}}}\S*$")
_AFTER = re.compile(rf"^\S*(?:\s+\S+){{0,{WORDS_AROUND}}}")


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the words just before ``start`` through the words just after ``end`` in ``text``."""
    before = _BEFORE.search(text[:start])
    after = _AFTER.match(text[end:])
    return start - len(before.group(0) if before else ""), end + len(after.group(0) if after else "")


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One window of words around each replaced span, widened to whole replaced spans and merged where
    they overlap, so each replacement is in exactly one window and no window cuts one in two."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        low, high = _window(text, start, end)
        low = min([low, *(s for s, e in spans if s < low < e)])
        high = max([high, *(e for s, e in spans if s < high < e)])
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def _with_label(text: str, low: int, high: int, spans: list[tuple[int, int]], label: str) -> str:
    """``text[low:high]`` with each replaced span in it put as ``label``."""
    out, at = [], low
    for start, end in spans:
        if low <= start and end <= high:
            out += [text[at:start], label]
            at = end
    return "".join(out) + text[at:high]


def replacements(original: str, redact: Callable[[str], str], label: str) -> list[tuple[str, str]]:
    """The places where ``redact`` put ``label`` into ``original``: (the words there before, the same words
    after, each placeholder whole), one pair per replacement or per run of replacements close together;
    one (original, redacted) pair where the two cannot be lined up. Empty if nothing changed but e-mail
    addresses and phone numbers."""
    redacted = redact(original)
    if label not in redacted:
        return []
    base = unicodedata.normalize("NFC", original)
    base = PHONE.sub("[phone]", EMAIL.sub("[email]", base))  # what the redaction does before the names
    pieces = redacted.split(label)
    match = re.fullmatch("(.+?)".join(re.escape(piece) for piece in pieces), base, flags=re.DOTALL)
    if match is None:
        return [(" ".join(original.split()), " ".join(redacted.split()))]
    spans = [match.span(n) for n in range(1, len(pieces))]
    return [
        (" ".join(base[low:high].split()), " ".join(_with_label(base, low, high, spans, label).split()))
        for low, high in _windows(base, spans)
    ]
