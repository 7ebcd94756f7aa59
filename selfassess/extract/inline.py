"""Criteria that carry their kind on their own line: 'Essential: a; b; c.' and 'Criterion text E A/I'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cells import glued_category, methods_of, words
from .vocab import BARE_KIND_CODES, INLINE_LIST

if TYPE_CHECKING:
    from .lines import Line
    from .parser import Parser


def inline_list(p: Parser, line: Line) -> bool:
    """'Essential: a; b; c.' — a kind label and its criteria on one line, one criterion per ';'. True when taken."""
    match = INLINE_LIST.match(line.text)
    if not match or len(words(match.group("rest"))) < 2:
        return False
    kind = match.group("kind").lower()
    if not p.in_spec:
        p.enter_kind(kind)
    p.kind = kind
    pieces = [piece.strip() for piece in re.split(r";\s*", match.group("rest").rstrip(" .;")) if piece.strip()]
    for piece in pieces:
        item = p.new_item(piece)
        item.kind_value = kind
    p.open = None
    return True


def bare_kind_row(p: Parser, line: Line) -> bool:
    """'Experience Experience of X E A/I' — a criterion, a bare E or D and its codes (a category may lead)."""
    match = BARE_KIND_CODES.match(line.text)
    if not match:
        return False
    methods = methods_of(match.group("codes"))
    if methods is None or len(words(match.group("text"))) < 2:
        return False
    category, text = glued_category(match.group("text"))
    if category:
        p.category = category
    if not p.in_spec:
        p.enter_kind(None)
    item = p.new_item(text)
    item.kind_value = "essential" if match.group("kind") == "E" else "desirable"
    item.methods = methods
    p.open = None
    return True
