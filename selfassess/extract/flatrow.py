"""A table row (or a header row) flattened onto one line, with no header row above it to say what its columns are.

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
from .columns import Col, header_role
from .vocab import KIND_CELL, ROW_NUMBER

SEPARATOR = re.compile(r"[ \u00a0]+/[ \u00a0]+|[ \u00a0]*\|[ \u00a0]*|[ \u00a0]{2,}")
NUMBER_LEAD = re.compile(r"^\s*\(?\d{1,2}[.)]?(?:\s+/\s+|\s*\|\s*|\s+)(?=\S)")
HINT = re.compile(r"\S(?:[ \u00a0]+/[ \u00a0]+|[ \u00a0]*\|[ \u00a0]*|[ \u00a0]{2,})\S")


def _signal(cell: str) -> str | None:
    """'kind' or 'method' for a signal cell, else None."""
    if KIND_CELL.match(cell):
        return "kind"
    if methods_of(cell, allow_single_d=True) is not None:
        return "method"
    return None


HEADER_KINDS = (Col.ESSENTIAL, Col.DESIRABLE, Col.KIND, Col.METHOD)


def flat_header(cells: list[str]) -> bool:
    """Cells that name a table's columns ("Experience | Essential or Desirable | Assessed by")."""
    if len(cells) < 2 or any(len(words(c)) > 10 for c in cells):
        return False
    roles = [header_role(c) for c in cells]
    return sum(r is not None for r in roles) >= 2 and any(r in HEADER_KINDS for r in roles)


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
    if not numbered and flat_header(cells):
        return "\t".join(cells)  # a header row: the parser reads its columns (and a category in its first cell)
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
