"""Tables laid out with runs of spaces (text copied from a PDF or a fixed-width page), read by column.

A header row of short column names separated by two or more spaces sets the columns: each column runs
from halfway between the previous name and its own to halfway to the next. Every later line is cut
into runs of text and each run goes to the column its first character falls in. Physical lines then
join into table rows: a run starting in lower case, or after a line ending in 'and', 'of', ',' ...,
continues its cell; a capitalised run in a column that already has text starts a new row; a line
holding only a mark or code completes the row above when that row has none. In columns of criteria
text under Essential and Desirable headings, each '-' or '•' item is kept as a paragraph of the cell.
"""

from __future__ import annotations

import re

from .cells import category_like, methods_of
from .columns import KIND_COLUMNS, Col, header_role
from .split import PARAGRAPH
from .vocab import KIND_CELL, MARK_CELL

RUN = re.compile(r"\S+(?: \S+)*")
WRAP_END = re.compile(r"(?:[,/–-]|\b(?:and|or|of|the|to|in|with|for|a|an|on|at|by|from|as|that|which))\s*$", re.I)
ITEM_START = re.compile(r"^[-•·▪*]\s+")
KNOWN = (Col.ESSENTIAL, Col.DESIRABLE, Col.KIND, Col.METHOD, Col.TEXT, Col.LABEL)


def _runs(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each run of text; runs are separated by two or more spaces."""
    return [(m.start(), m.end(), m.group(0)) for m in RUN.finditer(line)]


def _header(line: str) -> list[tuple[int, int, Col]] | None:
    runs = _runs(line)
    if len(runs) < 2 or any(len(text.split()) > 6 for _, _, text in runs):
        return None
    roles = [header_role(text) for _, _, text in runs]
    if sum(r in KNOWN for r in roles) < 2:
        return None
    return [(start, end, role or Col.OTHER) for (start, end, _), role in zip(runs, roles)]


def _bounds(header: list[tuple[int, int, Col]]) -> list[float]:
    return [(header[i][1] + header[i + 1][0]) / 2 for i in range(len(header) - 1)]


def _column(start: int, bounds: list[float]) -> int:
    return sum(start >= b for b in bounds)


class _Row:
    """A table row being assembled from physical lines."""

    def __init__(self, roles: list[Col]) -> None:
        self.roles = roles
        self.cells: list[list[str]] = [[] for _ in roles]

    @property
    def empty(self) -> bool:
        return not any(self.cells)

    def text(self, column: int) -> str:
        return " ".join(self.cells[column])

    def add(self, column: int, value: str) -> None:
        cell = self.cells[column]
        if self.roles[column] in KIND_COLUMNS and ITEM_START.match(value) and cell:
            cell.append(PARAGRAPH + value)
        else:
            cell.append(value)

    def render(self) -> str:
        return "\t".join(" ".join(cell).replace(" " + PARAGRAPH, PARAGRAPH) for cell in self.cells)


def _signal_only(value: str) -> bool:
    return bool(MARK_CELL.match(value) or KIND_CELL.match(value) or methods_of(value) is not None)


def _category_line(run: tuple[int, int, str], bounds: list[float]) -> bool:
    """A short capitalised run alone in the first column that names a category ("Knowledge and Experience")."""
    start, _, value = run
    return (
        _column(start, bounds) == 0
        and value[:1].isupper()
        and len(value.split()) <= 5
        and category_like(value)
        and not _signal_only(value)
    )


def _starts_row(row: _Row, placed: list[tuple[int, str]]) -> bool:
    """True when a physical line begins a new row rather than continuing ``row``."""
    if row.empty or any(value[:1].islower() and not _signal_only(value) for _, value in placed):
        return False
    for column, value in placed:
        role = row.roles[column]
        if _signal_only(value):
            if row.cells[column] and role not in (Col.TEXT, Col.LABEL, Col.OTHER):
                return True
            continue
        if role in KIND_COLUMNS and ITEM_START.match(value):
            continue
        before = row.text(column)
        if before and value[:1].isupper() and not WRAP_END.search(before):
            return True
        if not before and value[:1].isupper() and column == 0 and any(row.cells[1:]):
            return not WRAP_END.search(" ".join(" ".join(c) for c in row.cells[1:]))
    return False


def grid_rows(text: str) -> str:
    """The text with a space-laid-out table turned into tab-separated rows (unchanged when there is none)."""
    raw = text.split("\n")
    lines = text.expandtabs(8).split("\n")
    start = next(
        (i for i, line in enumerate(lines) if "  " in line.strip() and "\t" not in raw[i].strip() and _header(line)),
        None,
    )
    if start is None or sum(len(_runs(line)) >= 2 for line in lines[start + 1 :]) < 3:
        return text
    header = _header(lines[start])
    assert header is not None
    roles, bounds = [role for _, _, role in header], _bounds(header)
    out = [*lines[:start], "\t".join(t for _, _, t in _runs(lines[start]))]
    row = _Row(roles)

    def close() -> None:
        nonlocal row
        if not row.empty:
            out.append(row.render())
        row = _Row(roles)

    for line in lines[start + 1 :]:
        runs = _runs(line)
        if not runs:
            close()
            out.append("")
            continue
        if _header(line):
            close()
            out.append("\t".join(t for _, _, t in runs))
            continue
        if len(runs) == 1 and _category_line(runs[0], bounds):
            close()
            out.append(runs[0][2])
            continue
        placed = [(_column(s, bounds), t) for s, _, t in runs]
        if _starts_row(row, placed):
            close()
        for column, value in placed:
            row.add(column, value)
    close()
    return "\n".join(out)
