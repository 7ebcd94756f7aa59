"""Table columns: what each column of a criteria table holds, read from its header row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from .cells import methods_of, words
from .split import PARAGRAPH
from .vocab import MARK_CELL, METHOD_HEADER, ROW_NUMBER

if TYPE_CHECKING:
    from .lines import Line


class Col(StrEnum):
    """The role of a table column."""

    ESSENTIAL = "E"  # marks (or criteria text) under an Essential heading
    DESIRABLE = "D"  # marks (or criteria text) under a Desirable heading
    KIND = "K"  # an E/D or Essential/Desirable value per row
    METHOD = "M"  # how assessed
    TEXT = "T"  # the criterion itself
    LABEL = "L"  # a category or factor name
    OTHER = "O"  # anything else with a header


KIND_COLUMNS = (Col.ESSENTIAL, Col.DESIRABLE)


@dataclass
class Columns:
    """The roles of the current table's columns, and the line number of the header that set them."""

    roles: dict[int, Col] = field(default_factory=dict)
    line: int = -10

    def role(self, index: int) -> Col | None:
        return self.roles.get(index)

    def for_row(self, line: Line) -> Columns:
        """These columns, shifted one to the right when the header left out the criterion column.

        ("Desirable / Evidence" over rows "criterion / E / R": the header names only the last two; or
        "Criteria / E or D / Method" over rows "1 / criterion / E / AF": the rows add a number column.)
        """
        if self.roles and len(line.cells) == max(self.roles) + 2 and ROW_NUMBER.match(line.cells[0].strip()):
            return Columns({i + 1: r for i, r in self.roles.items()}, self.line)
        if not self.roles or self.roles.get(0) in (Col.TEXT, Col.LABEL, Col.OTHER, None):
            return self
        if len(line.filled) != max(self.roles) + 2 or line.filled[-1][0] != max(self.roles) + 1:
            return self
        return Columns({i + 1: r for i, r in self.roles.items()}, self.line)

    def has_both_kinds(self) -> bool:
        return {Col.ESSENTIAL, Col.DESIRABLE} <= set(self.roles.values())


def header_role(cell: str) -> Col | None:
    """The role a header cell names, or None when it names nothing we know."""
    text = cell.replace(PARAGRAPH, " ").strip().rstrip(":*").strip().lower()
    if re.fullmatch(r"essential(?:\s+criteria)?|e", text):
        return Col.ESSENTIAL
    if re.fullmatch(r"desirable(?:\s+criteria)?|d", text):
        return Col.DESIRABLE
    if re.fullmatch(
        r"e\s*/\s*d|e\s+or\s+d|essential\s*(?:/|or|and)\s*desirable(?:\s+criteria)?|essential/\s*desirable|"
        r"priority|importance",
        text,
    ):
        return Col.KIND
    if METHOD_HEADER.match(text):
        return Col.METHOD
    if re.fullmatch(
        r"(?:selection\s+)?criteri(?:a|on)|(?:necessary\s+|key\s+|minimum\s+)?requirements?\b.*|description|"
        r"examples?.*|specification|"
        r"details?|skills?\s*/\s*knowledge.*|person\s+specification.*",
        text,
    ):
        return Col.TEXT
    if re.fullmatch(r"category|area|attributes?|factor|heading|section|competenc(?:y|ies)", text):
        return Col.LABEL
    return None


def header_roles(line: Line) -> dict[int, Col] | None:
    """Column roles when the line is a table header row (unnamed columns are OTHER), else None."""
    if not line.tabbed or not line.filled:
        return None
    roles = {i: header_role(c) for i, c in line.filled}
    if not any(r in (Col.ESSENTIAL, Col.DESIRABLE, Col.KIND, Col.METHOD) for r in roles.values()):
        return None
    unnamed = [c for i, c in line.filled if roles[i] is None]
    if any(len(words(c)) > 3 or MARK_CELL.match(c) or methods_of(c) is not None for c in unnamed):
        return None
    named = [(i, r) for i, r in roles.items() if r is not None]
    if len(named) == 1 and named[0][1] in KIND_COLUMNS and (len(dict(line.filled)[named[0][0]]) == 1 or unnamed):
        return None  # "Qualified teacher status | Essential" is a row, not a header
    if any(len(words(c)) > 12 for _, c in line.filled):
        return None
    return {i: (r or Col.OTHER) for i, r in roles.items()}
