"""A table row with fewer cells than its header, put in the header's columns. Pure.

A reader (or a paste) often drops a row's empty cells, so ``Experience | Experience of audit`` sits under
``Area | Essential | Desirable | Method``. The cells go into the columns left to right, the missing ones
empty; a cell that cannot belong to a column (how-assessed codes under a criterion column, a sentence
under the method column) skips it, so ``Experience | Experience of audit | A, I`` leaves Desirable empty.
"""

from __future__ import annotations

from .cells import methods_of
from .columns import Col, header_role
from .vocab import KIND_CELL, MARK_CELL


def fits(role: Col | None, cell: str) -> bool:
    """Whether ``cell`` can be a value of a column with this role (an empty cell fits any)."""
    if not cell.strip():
        return True
    signal = bool(KIND_CELL.match(cell) or MARK_CELL.match(cell))
    method = methods_of(cell) is not None
    if role is Col.METHOD:
        return method
    if role is Col.KIND:
        return bool(KIND_CELL.match(cell))
    if role in (Col.ESSENTIAL, Col.DESIRABLE):  # criterion text, or a tick or E/D mark
        return signal or not method
    if role in (Col.TEXT, Col.LABEL):
        return not (signal or method)
    return True  # a column the header names but we do not know: anything


def align_row(header: list[str], cells: list[str]) -> list[str] | None:
    """``cells`` spread over the ``header``'s columns left to right, empty where none fits; None when the
    row has more cells than the header or a cell fits no column left for it."""
    roles = [header_role(h) for h in header]
    if len(cells) > len(roles):
        return None
    out = [""] * len(roles)
    column = 0
    for k, cell in enumerate(cells):
        last = len(roles) - (len(cells) - k)  # leave a column for each cell after this one
        while column <= last and not fits(roles[column], cell):
            column += 1
        if column > last:
            return None
        out[column] = cell
        column += 1
    return out
