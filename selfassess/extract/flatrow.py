"""A table row flattened onto one line with no header row to say what its columns are.

``1 / Degree in a relevant subject / E / AF`` or ``3. Experience of budget management   D   AF, I``:
cells separated by ' / ', '|' or runs of spaces, an optional row number, the criterion, then only
signal cells (an E/D letter or word, how-assessed codes or method words). Such a line is rewritten as
tab-separated cells (criterion, signals) so the parser reads it as a table row. A line is taken only
when everything after the criterion is a signal and there is an E/D cell, or a row number and a
method cell, so ordinary sentences are left alone.
"""

from __future__ import annotations

import re

from .cells import methods_of, words
from .vocab import KIND_CELL

SEPARATOR = re.compile(r"[ \u00a0]+/[ \u00a0]+|[ \u00a0]*\|[ \u00a0]*|[ \u00a0]{2,}")
ROW_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?$")
NUMBER_LEAD = re.compile(r"^\s*\(?\d{1,2}[.)]?(?:\s+/\s+|\s*\|\s*|\s+)(?=\S)")
HINT = re.compile(r"\S(?:[ \u00a0]+/[ \u00a0]+|[ \u00a0]*\|[ \u00a0]*|[ \u00a0]{2,})\S")


def _signal(cell: str) -> str | None:
    """'kind' or 'method' for a signal cell, else None."""
    if KIND_CELL.match(cell):
        return "kind"
    if methods_of(cell, allow_single_d=True) is not None:
        return "method"
    return None


def flat_row(raw: str) -> str | None:
    """The line as tab-separated cells (criterion, then signals) when it is a header-less table row, else None."""
    stripped = raw.strip()
    if "\t" in raw or not any(c in stripped for c in ("/", "|", "  ", "\u00a0")) or not HINT.search(stripped):
        return None
    numbered = bool(NUMBER_LEAD.match(stripped))
    body = NUMBER_LEAD.sub("", stripped, count=1) if numbered else stripped
    cells = [c.strip() for c in SEPARATOR.split(body)]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return None
    first_signal = len(cells)
    while first_signal > 0 and _signal(cells[first_signal - 1]) is not None:
        first_signal -= 1
    signals = [_signal(c) for c in cells[first_signal:]]
    if first_signal == 0 or not signals or not ("kind" in signals or (numbered and "method" in signals)):
        return None
    if signals.count("kind") > 1:
        return None
    text_cells = cells[:first_signal]
    if ROW_NUMBER.match(text_cells[0]) and len(text_cells) > 1:
        text_cells = text_cells[1:]
    text = " / ".join(text_cells)
    if len(words(text)) < 2 or _signal(text) is not None:
        return None
    return "\t".join([text, *cells[first_signal:]])
