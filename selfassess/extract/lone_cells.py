"""Lone cells: what a line holding one cell says about the criteria above it (E/D, methods, 'Both')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cells import methods_of, ordered, words
from .columns import KIND_COLUMNS
from .signals import Signal
from .vocab import KIND_CELL, MARK_CELL

if TYPE_CHECKING:
    from .parser import Parser

BOTH = re.compile(r"both|either", re.I)


def kind_column_cell(p: Parser, cell: tuple[int, str]) -> bool:
    """A lone cell under an Essential or Desirable column of a table that has both."""
    return p.columns.has_both_kinds() and p.columns.role(cell[0]) in KIND_COLUMNS and not MARK_CELL.match(cell[1])


def cell_signal(p: Parser, cell: str) -> Signal | None:
    """The signal a lone cell holds for the criteria above it: E/D, methods, or 'Both'.

    Methods named under a how-assessed heading before any criterion are the column's legend:
    'Both' in that column then means the two methods it names.
    """
    if p.target() is None:
        if p.method_header and methods_of(cell) is not None and len(words(cell)) <= 4:
            p.legend = ordered([*p.legend, *(methods_of(cell) or [])])
        return None
    kind = KIND_CELL.match(cell)
    if kind and p.method_header and kind.group("d") and len(cell.strip()) == 1:
        return Signal(p.number, kind="desirable", methods=["document"])  # D: desirable or documents
    if kind:
        return Signal(p.number, kind="essential" if kind.group("e") else "desirable")
    methods = methods_of(cell, allow_single_d=p.method_header)
    if methods is not None:
        return Signal(p.number, methods=methods)
    if BOTH.fullmatch(cell):
        return Signal(p.number, methods=p.legend if len(p.legend) == 2 else [])
    return None
