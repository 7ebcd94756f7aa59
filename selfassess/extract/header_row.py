"""Header rows: the columns a table's header names, and the category a per-category header carries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cells import category_like
from .columns import KIND_COLUMNS, Col, Columns
from .lines import Line

if TYPE_CHECKING:
    from .parser import Parser


def set_columns(p: Parser, line: Line, header: dict[int, Col], previous: Line | None, single: bool) -> None:
    """A header row: the columns it names (added to the header row just above it, if any)."""
    consecutive = previous is not None and previous.number == p.columns.line
    roles = {**p.columns.roles, **header} if consecutive else header
    p.columns = Columns(roles, line.number)
    p.group_start = len(p.items)
    kinds = {r for r in header.values() if r in KIND_COLUMNS}
    if not p.in_spec:
        p._enter(None, None)
    if len(kinds) == 1 and single:
        p.kind = "essential" if kinds == {Col.ESSENTIAL} else "desirable"
    if Col.METHOD in header.values():
        p.method_header = True
    first_index, first = line.filled[0]
    if header.get(first_index) == Col.OTHER and category_like(first):
        p._set_category(first)  # "Experience / Essential or Desirable / Assessed by": one header per category
        p.columns.roles[first_index] = Col.TEXT  # and its column holds the criteria
    p.open = None
