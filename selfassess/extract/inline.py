"""Lines of running text: list items, wrapped lines, paragraphs, and criteria that carry their kind on their
own line ('Essential: a; b; c.', 'Criterion text E A/I')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cells import glued_category, methods_of, words
from .vocab import (
    BARE_KIND_CODES,
    ESSENTIAL_WORDING,
    INLINE_KIND,
    INLINE_LIST,
    NOTE_START,
    TRAILING_KIND,
)

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


WRAPPED_END = re.compile(r"(?:,|\b(?:and|or|of|the|to|in|with|for|a|an|on|at|by|from|as|that|which))\s*$", re.I)
OPENS_ITEM = re.compile(r"[A-Z][a-z]+(?:\s|$)")
LABELLED_PARAGRAPH = re.compile(r"^(?P<label>[A-Z][A-Z0-9 ,&/'’()-]{3,80}?)\s*[:\-–—]\s+(?P<text>[A-Z].{10,})$")


def plain_line(p: Parser, line: Line, text: str) -> None:
    """A line of running text: a list item, the continuation of the item above, or a paragraph criterion."""
    open_item = p.open
    if open_item is not None and open_item.numbered:
        open_item.parts.append(text)
        open_item.touch(p.number)
        return
    if line.bullet:
        if NOTE_START.match(text):
            return
        p.open = p.new_item(text, bullet=True)
        return
    if (
        open_item is not None
        and open_item.parts
        and (
            text[:1].islower()
            or (
                not open_item.text.rstrip().endswith((".", ":", ";", "!", "?", ")"))
                and len(words(open_item.text)) > 12
                and line.number - 1 == p.last_line
                and (WRAPPED_END.search(open_item.text) or not OPENS_ITEM.match(text))
            )
        )
    ):
        open_item.parts.append(text)
        open_item.touch(p.number)
        return
    if NOTE_START.match(text):
        return
    inline = INLINE_KIND.search(text) or TRAILING_KIND.search(text)
    labelled = LABELLED_PARAGRAPH.match(text)
    if p.plain_items and not inline and len(words(text)) <= 4 and not text.endswith((".", ";")):
        p.category = text.rstrip(":").strip()  # a heading between flattened table sections
        return
    if p.kind is not None or inline or p.plain_items:
        last = p.items[-1] if len(p.items) > p.group_start else None
        after_list = not inline and last is not None and (last.guessed or (last.bullet and p.last_line < p.number - 1))
        p.open = p.new_item(text)
        p.open.guessed = after_list  # a plain line after a blank, below a list: a heading or note as likely
    elif labelled and ESSENTIAL_WORDING.search(labelled.group("text")):
        p.open = p.new_item(labelled.group("text"))
        p.open.label = labelled.group("label").strip()
        p.open.kind_value = "essential"
