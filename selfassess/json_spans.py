"""A JSON value that many files repeat, found again by its bytes instead of parsed again.

Every session file of a campaign carries its own copy of the role and scale: parsing them is most of
the cost of reading a campaign. ``KnownValues`` remembers the exact bytes of such a value with what
it was made into. In a further file, the first value of the key whose bytes match one seen before is
swapped for a marker string (``splice``) and the file is parsed with the marker in its place: if the
parsed field holds the marker, the value there is exactly those bytes (the marker carries a random
per-process nonce, so no file can hold it, and a JSON object ends where its bytes say it does).
Anything else (another layout, a hostile file) is parsed in full as before.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class KnownValues(Generic[T]):
    """Object values of one key seen before, by their exact bytes, each with what it was made into."""

    LIMIT = 64  # distinct byte strings kept (most recent); others are parsed and learnt again

    def __init__(self, key: str) -> None:
        self._key = re.compile(b'"' + re.escape(key.encode()) + rb'"\s*:\s*')
        self.mark = f"selfassess-{key}-{secrets.token_hex(16)}"
        self.encoded_mark = json.dumps(self.mark).encode()
        self._seen: list[tuple[bytes, T]] = []

    def _start(self, raw: bytes, pos: int) -> int | None:
        """Where the first value of the key from ``pos`` begins, or None."""
        found = self._key.search(raw, pos)
        return found.end() if found else None

    def find(self, raw: bytes, pos: int = 0) -> tuple[int, int, T] | None:
        """(start, end, made) of the first value of the key from ``pos`` if its bytes were seen before."""
        start = self._start(raw, pos)
        if start is None:
            return None
        for span, made in reversed(self._seen):
            if raw.startswith(span, start):
                return start, start + len(span), made
        return None

    def learn(self, raw: bytes, pos: int, make: Callable[[bytes], T]) -> int | None:
        """Remember the bytes of the first object value of the key from ``pos`` with ``make(its bytes)``
        (nothing is remembered if it is not an object or ``make`` refuses it); where it ends, or None."""
        start = self._start(raw, pos)
        if start is None or raw[start : start + 1] != b"{":
            return None
        try:
            text = raw[start:].decode("utf-8", "surrogateescape")
            end = json.JSONDecoder().raw_decode(text)[1]  # only to find its end: it is parsed below
            span = text[:end].encode("utf-8", "surrogateescape")
            made = make(span)
        except (ValueError, RecursionError):
            return None
        self._seen = [*self._seen[-(self.LIMIT - 1) :], (span, made)]
        return start + len(span)


def splice(raw: bytes, parts: list[tuple[int, int, bytes]]) -> bytes:
    """``raw`` with each (start, end) range, in order and not overlapping, replaced by its bytes."""
    out, at = [], 0
    for start, end, mark in parts:
        out += [raw[at:start], mark]
        at = end
    out.append(raw[at:])
    return b"".join(out)
