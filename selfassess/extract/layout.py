"""Recover table cells from text whose table was flattened: ' / ' separators and rows that span lines.

Text copied from a web page or a converter often keeps a table as lines like
``Full UK driving licence / Desirable / Application form``, with a cell's list items on lines of
their own and a lone ``/`` between cells. When a header row names the columns this way
(``Experience / Essential or Desirable / Assessed by``), the separators are turned into tabs and a
row that runs over several lines (a line ending in ``/``, or a lone ``/``) becomes one line whose
cells hold their items as paragraphs.
"""

from __future__ import annotations

import re

from .columns import Col, header_role
from .factors import factor_like, factor_rows
from .split import PARAGRAPH
from .vocab import SPEC_START

SLASH = re.compile(r"[ \t\u00a0]+/(?:[ \t\u00a0]+|$)|^/[ \t\u00a0]+|^/$")
DOUBT = "\u2047 "  # a cell whose place in its row is a guess (read by the parser, then dropped)
KNOWN = (Col.ESSENTIAL, Col.DESIRABLE, Col.KIND, Col.METHOD)


def _slash_header(line: str) -> bool:
    cells = [c.strip() for c in SLASH.split(line.strip())]
    cells = [c for c in cells if c]
    if len(cells) < 2 or any(len(c.split()) > 10 for c in cells):
        return False
    roles = [header_role(c) for c in cells]
    return sum(r is not None for r in roles) >= 2 and any(r in KNOWN for r in roles)


def slash_cells(text: str) -> str:
    """The text with ' / ' table separators as tabs, from the first ' / ' header row on (else unchanged)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if " /" in line and _slash_header(line)), None)
    if start is None:
        return text
    out = [*lines[:start], "\t".join(c.strip() for c in SLASH.split(lines[start].strip()))]
    spanning = any(line.strip() == "/" for line in lines[start:])  # cells over several lines, "/" between
    row: list[list[str]] | None = None  # cells of an open row, each a list of paragraphs
    for line in lines[start + 1 :]:
        stripped = line.strip()
        parts = SLASH.split(stripped) if stripped else []
        opens = stripped == "/" or stripped.endswith(" /")
        if row is not None and len(parts) > 1 and parts[0].strip() and opens:
            out.append(_joined(row))  # "Experience /": the next row starts
            row = None
        if row is not None:
            if not stripped:
                out.append(_joined(row))
                row = None
                out.append("")
                continue
            if len(parts) > 1:
                if parts[0].strip():
                    row[-1].append(parts[0].strip())
                row.extend([[p.strip()] if p.strip() else [] for p in parts[1:]])
            else:
                row[-1].append(stripped)
            continue
        if len(parts) > 1 and opens and spanning:
            row = [[p.strip()] if p.strip() else [] for p in parts]
            continue
        out.append("\t".join(p.strip() for p in parts) if len(parts) > 1 else line)
    if row is not None:
        out.append(_joined(row))
    return "\n".join(out)


def _joined(row: list[list[str]]) -> str:
    return "\t".join(PARAGRAPH.join(p for p in cell if p) for cell in row)


def pipe_cells(text: str) -> str:
    """A table copied from a web page as one padded cell per line between lines holding only '|'.

    A '|' line ends a cell; a '|' line followed (after blank lines) by another '|' line ends the row.
    Each row becomes one line of tab-separated cells (unchanged when fewer than six '|' lines).
    """
    lines = text.split("\n")
    marks = [line.strip() == "|" for line in lines]
    if sum(marks) < 6:
        return text
    out: list[str] = []
    row: list[str] = []
    cell: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if marks[index]:
            if cell:
                row.append(" ".join(cell))
                cell = []
            after = next((j for j in range(index + 1, len(lines)) if lines[j].strip()), None)
            if row and (after is None or marks[after]):
                out.append("\t".join(row))
                row = []
        elif stripped.startswith("|") or stripped.endswith("|"):
            cell.append(stripped.strip("| "))
        elif stripped:
            cell.append(stripped)
    if cell:
        row.append(" ".join(cell))
    if row:
        out.append("\t".join(row))
    return "\n".join(out)


PIPE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$")


def _pipe_split(line: str) -> list[str] | None:
    """A line's '|'-separated cells (a leading and a trailing '|' are the table's edges), or None."""
    stripped = line.strip()
    if stripped.count("|") < 2 and not (stripped.count("|") == 1 and " | " in stripped):
        return None
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    cells = [c.strip() for c in stripped.split("|")]
    return cells if len(cells) >= 2 and sum(bool(c) for c in cells) >= 2 else None


def pipe_rows(text: str) -> str:
    """A table typed or copied with '|' between cells (Markdown or plain) as tab-separated rows.

    Only a run of '|' lines that holds a header row naming the columns ("Area | Criteria | E/D | Assessed by")
    is rewritten, from the header on: its rows then read like any tabbed table (a category column stays a
    category). A Markdown rule row (``|---|---|``) is dropped; other '|' lines are left to the row reader.
    """
    from .flatrow import flat_header

    lines = text.split("\n")
    out: list[str] = []
    in_table = False
    for line in lines:
        if in_table and PIPE_RULE.match(line):
            continue
        cells = _pipe_split(line) if "|" in line else None
        if cells is None:
            in_table = False
            out.append(line)
            continue
        if not in_table and flat_header([c for c in cells if c]):
            in_table = True
        out.append("\t".join(cells) if in_table else line)
    return "\n".join(out)


WRAPPED = re.compile(r"(?:,|\b(?:and|or|of|the|to|in|with|for|a|an|on|at|by|from|as))\s*$", re.I)


def _vertical_header(lines: list[str], start: int) -> list[Col]:
    """The roles of the column names listed one per line from ``start`` (empty unless a table header)."""
    roles: list[Col] = []
    for line in lines[start : start + 8]:
        role = header_role(line.strip()) if line.strip() and len(line.split()) <= 5 else None
        if role is None or (not roles and role not in KNOWN and SPEC_START.match(line.strip())):
            break  # the section's heading ("Person specification") above the column names is not one of them
        roles.append(role)
    kinds = {Col.ESSENTIAL, Col.DESIRABLE} <= set(roles) or Col.KIND in roles
    return roles if len(roles) >= 3 and kinds else []


def _criterion_like(value: str) -> bool:
    """A cell that reads as a criterion, not a factor heading or a method."""
    from .cells import category_like, words

    return len(words(value)) >= 4 and not category_like(value) and not _method_cell(value)


def _method_cell(value: str) -> bool:
    from .cells import methods_of

    return bool(value) and methods_of(value) is not None


def _cell_values(lines: list[str], index: int) -> tuple[list[str], int]:
    """The cells listed one per line from ``index`` (wrapped lines joined), and the index where they stop."""
    from .vocab import STOP_HEADING

    values: list[str] = []
    while index < len(lines):
        value = lines[index].strip()
        if value and STOP_HEADING.match(value):
            break
        if values and values[-1] and value and (value[:1].islower() or WRAPPED.search(values[-1])):
            values[-1] = f"{values[-1]} {value}"
        else:
            values.append(value)
        index += 1
    return values, index


def vertical_cells(text: str) -> str:
    """A table copied cell by cell: its column names one per line, then each row's cells one per line.

    An empty cell is an empty line; a line starting in lower case (or after one ending in 'and', 'of', ',')
    continues the cell above. Every N cells (N columns) make one tab-separated row, until a line that
    ends the specification (duties, conditions ...). Unchanged when there is no such header.

    When the last column says how each row is assessed, a method cell ends its row wherever it comes: a row
    whose first cell was left out (a factor spanning rows, copied once) gets an empty first cell, so the cells
    after it do not shift into the next row. A row short by more than one cell is marked doubtful
    (``DOUBT``) for the parser. When the first column holds factors, a criterion where a factor belongs
    starts a row with an empty factor, and a factor heading where a criterion belongs ends the row before.
    """
    from .vocab import STOP_HEADING

    lines = text.split("\n")
    candidates = [
        i
        for i, line in enumerate(lines)
        if len(line) < 40 and line.strip().lower().startswith(("essential", "e/d", "e or d"))
    ]
    start = next((i for c in candidates for i in range(max(0, c - 6), c + 1) if _vertical_header(lines, i)), None)
    if start is None:
        return text
    roles = _vertical_header(lines, start)
    width = len(roles)
    method_last = roles[-1] == Col.METHOD
    label_first = roles[0] == Col.LABEL
    out = [*lines[:start], "\t".join(line.strip() for line in lines[start : start + width])]
    cells: list[str] = []
    index = start + width

    def emit(row: list[str]) -> None:
        short = width - len(row)
        if method_last and short > 0 and row and _method_cell(row[-1]):
            row = [""] * short + row  # the left-out cells are the spanning ones at the front
            if short > 1:
                row[1] = DOUBT + row[1]
        out.append("\t".join(row))

    if label_first and not method_last:
        values, stop = _cell_values(lines, index)
        grouped = factor_rows(values, width)
        if grouped is not None:
            out.extend("\t".join([DOUBT + row[0], *row[1:]] if doubt else row) for row, doubt in grouped)
            return "\n".join([*out, *lines[stop:]])
    while index < len(lines):
        value = lines[index].strip()
        if value and STOP_HEADING.match(value):
            break
        continues = cells and cells[-1] and value and (value[:1].islower() or WRAPPED.search(cells[-1]))
        if continues:
            cells[-1] = f"{cells[-1]} {value}"
        else:
            if len(cells) == width or (method_last and cells and _method_cell(cells[-1])):
                emit(cells)
                cells = []
            if label_first and cells and any(cells[1:]) and factor_like(value):
                emit(cells + [""] * (width - len(cells)))  # a factor heading: the row before it has ended
                cells = []
            if label_first and not cells and _criterion_like(value):
                cells.append("")  # a criterion where the factor goes: the factor spans from the row above
            cells.append(value)
        index += 1
    if method_last and len(cells) < width and not _method_cell(cells[-1]):
        out.extend(cells)  # an unfinished last row with no method cell: text after the table, not a row
    elif any(cells):
        emit(cells)
    return "\n".join([*out, *lines[index:]])
