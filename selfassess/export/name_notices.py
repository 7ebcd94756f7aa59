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


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before ``start`` and just after ``end`` in ``text`` (with the spaces between)."""
    before = _BEFORE.search(text[:start])
    after = _AFTER.match(text[end:])
    return (before.group(0) if before else ""), (after.group(0) if after else "")


def replacements(original: str, redact: Callable[[str], str], label: str) -> list[tuple[str, str]]:
    """Each place where ``redact`` put ``label`` into ``original``: (the words there before, the same words
    after), or one (original, redacted) pair where the two cannot be lined up. Empty if nothing changed
    but e-mail addresses and phone numbers."""
    redacted = redact(original)
    if label not in redacted:
        return []
    base = unicodedata.normalize("NFC", original)
    base = PHONE.sub("[phone]", EMAIL.sub("[email]", base))  # what the redaction does before the names
    pieces = redacted.split(label)
    match = re.fullmatch("(.+?)".join(re.escape(piece) for piece in pieces), base, flags=re.DOTALL)
    if match is None:
        return [(" ".join(original.split()), " ".join(redacted.split()))]
    out = []
    at = 0  # where the n-th label starts in ``redacted``
    for n in range(1, len(pieces)):
        at += len(pieces[n - 1])
        start, end = match.span(n)
        was_before, was_after = _around(base, start, end)
        now_before, now_after = _around(redacted, at, at + len(label))
        out.append(
            (
                " ".join(f"{was_before}{base[start:end]}{was_after}".split()),
                " ".join(f"{now_before}{label}{now_after}".split()),
            )
        )
        at += len(label)
    return out
