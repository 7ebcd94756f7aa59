"""Table rows: a row's cells read by their column roles into a criterion, its marks, kind and methods."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cells import (
    category_like,
    mark_positions,
    method_column_cell,
    methods_of,
    ordered,
    split_list_cell,
    strip_caps_prefix,
    words,
)
from .columns import KIND_COLUMNS, Col, Columns
from .lines import Line
from .split import PARAGRAPH
from .vocab import KIND_CELL, MARK_CELL, NOTE_START, ROW_NUMBER

if TYPE_CHECKING:
    from .parser import Parser

NOTHING_CELL = re.compile(r"(?:n/?a|none|-+|–)\.?", re.I)
YES_CELL = re.compile(r"(?:yes|y|required)", re.I)


def row_signal(line: Line) -> bool:
    """A mark or an E/D value after the first cell: the line is a table row, whatever its first cell says."""
    return any(MARK_CELL.match(c) or KIND_CELL.match(c) for _, c in line.filled[1:])


def text_in_kind_columns(p: Parser, line: Line) -> bool:
    """Rows of tables whose Essential and Desirable columns hold the criteria themselves (NHS style)."""
    cols = p.columns.for_row(line)
    if any(KIND_CELL.match(c) for _, c in line.filled):
        return False
    cells = [
        (i, c)
        for i, c in line.filled
        if cols.role(i) in KIND_COLUMNS
        and not MARK_CELL.match(c)
        and not NOTHING_CELL.fullmatch(c)
        and methods_of(c) is None
    ]
    if not cells or not any(len(words(c)) >= 2 for _, c in cells):
        return False
    first = min(i for i, _ in cells)
    label = next(
        (c for i, c in line.filled if i < first and cols.role(i) not in (Col.METHOD, *KIND_COLUMNS)),
        None,
    )
    if label is None and p.row_label is not None and p.row_label[0] == cols.line and _label_column(cols, first):
        label = p.row_label[1]  # a factor cell left blank (spanning rows) is the factor above
    elif label is not None:
        p.row_label = (cols.line, label)
    methods = None
    for i, c in line.filled:
        if cols.role(i) == Col.METHOD:
            methods = method_column_cell(c) or methods
        elif cols.role(i) in KIND_COLUMNS and (i, c) not in cells:
            methods = methods_of(c, allow_single_d=True) or methods
    for index, cell in cells:
        pieces, exact = split_list_cell(cell)
        for piece in pieces:
            item = p.new_item(piece)
            item.kind_value = "essential" if cols.role(index) == Col.ESSENTIAL else "desirable"
            item.label = strip_caps_prefix(label.replace(PARAGRAPH, " ")) if label else None
            item.methods = methods
            item.guessed_split = not exact
    p.last_row = None
    p.open = None
    p.cell_item = (item, p.number) if cells[-1][0] == line.filled[-1][0] else None  # the row ends in that cell
    return True


def _label_column(cols: Columns, first: int) -> bool:
    """The table has a factor (label) column before the criteria."""
    return any(cols.role(i) in (Col.LABEL, Col.OTHER, Col.TEXT) for i in range(first))


def read_row(p: Parser, line: Line) -> None:
    """A table row: a new criterion, or marks/methods for the row above, or a category row."""
    cols = p.columns.for_row(line)
    if text_in_kind_columns(p, line):
        return
    e = d = 0
    d_positions: list[int] | None = None
    e_positions: list[int] | None = None
    kind_value = None
    methods: list[str] | None = None
    texts: list[tuple[int, str]] = []
    for index, cell in line.filled:
        role = cols.role(index)
        if index == line.filled[0][0] and ROW_NUMBER.match(cell) and len(line.filled) > 2:
            continue  # the row's number
        raw = line.cells[index] if index < len(line.cells) else cell
        if MARK_CELL.match(cell):
            count = len(mark_positions(cell))
            raw_cell = p.raw_cells.get(index, raw)
            positioned = raw_cell[:1] in (" ", PARAGRAPH) or PARAGRAPH in raw_cell
            if role == Col.ESSENTIAL:
                e += count
                e_positions = mark_positions(raw_cell) if positioned else None
            elif role == Col.DESIRABLE:
                d += count
                d_positions = mark_positions(raw_cell) if positioned else None
            elif not cols.roles and p.kind is not None:
                e += count if p.kind == "essential" else 0
                d += count if p.kind == "desirable" else 0
            continue
        if role in KIND_COLUMNS and YES_CELL.fullmatch(cell):
            e += role == Col.ESSENTIAL
            d += role == Col.DESIRABLE
            continue
        kind = KIND_CELL.match(cell)
        if (
            kind
            and role != Col.METHOD
            and not (role is None and p.method_header and kind.group("d") and len(cell.strip()) == 1)
        ):
            kind_value = "essential" if kind.group("e") else "desirable"
            continue
        if role == Col.METHOD:
            found = method_column_cell(cell)
        else:
            found = methods_of(cell, allow_single_d=p.method_header)
        if found is not None and role != Col.TEXT:
            methods = ordered((methods or []) + found)
            continue
        if role == Col.OTHER and len(words(cell)) <= 3:
            continue
        texts.append((index, cell))
    label, body = label_and_text(cols, texts)
    short = None
    if body is None and len(texts) == 1 and (kind_value or e or d) and len(texts[0][1]) >= 3:
        body = short = texts[0][1]  # "Degree / D / C": a one-word criterion with its own kind
    has_signal = bool(e or d or kind_value or methods)
    if body is None:
        if p.last_row is not None and (e or d):
            p.last_row.trailing_kinds.extend(["essential"] * e + ["desirable"] * d)
            p.last_row.touch(p.number)
        elif p.last_row is not None and methods and not p.last_row.methods:
            p.last_row.methods = methods
            p.last_row.touch(p.number)
        elif label and category_like(label):
            p.category = label
        return
    if not has_signal and p.kind is None and not _unmarked_row(cols, texts, body):
        return
    if NOTE_START.match(body):
        return
    inherit = p.last_row if label is None and p.last_row is not None else None
    item = p.new_item(body, row=True, bullet=short is not None)
    item.e_marks, item.d_marks, item.kind_value = e, d, kind_value
    item.d_positions, item.e_positions = d_positions, e_positions
    item.label = label if label is not None else (inherit.label if inherit else None)
    item.methods = methods if methods is not None else (inherit.methods if inherit and label is None else None)
    p.last_row = item
    p.open = None


def _unmarked_row(cols: Columns, texts: list[tuple[int, str]], body: str) -> bool:
    """A row with no mark or code in a table whose header names a criteria column: still a criterion."""
    body_column = next(i for i, c in texts if c == body)
    return cols.role(body_column) == Col.TEXT and len(words(body)) >= 3 and body[:1].isupper()


def label_and_text(cols: Columns, texts: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """Of a row's text cells, the label (a short cell before the body) and the body (the longest)."""
    if not texts:
        return None, None
    body_index = max(texts, key=lambda t: (len(words(t[1])), cols.role(t[0]) == Col.TEXT))[0]
    body = next(c for i, c in texts if i == body_index)
    label = next(
        (
            c
            for i, c in texts
            if i < body_index and (cols.role(i) in (Col.LABEL, None, Col.OTHER, Col.TEXT)) and len(words(c)) <= 12
        ),
        None,
    )
    if label is not None:
        label = strip_caps_prefix(label.replace(PARAGRAPH, " "))
    if len(words(body)) < 2 and label is None:
        return None, None
    return label, body
