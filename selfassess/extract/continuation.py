"""Lines that go on with a criterion a layout cut: a bracket under an unfinished criterion, lower-case text after
a lone 'Essential' cell a column-by-column PDF copy put inside it, the next paragraph of an Essential/Desirable cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cells import category_like, words
from .vocab import NOTE_START

if TYPE_CHECKING:
    from .lines import Line
    from .parser import Parser


def next_paragraph(p: Parser, line: Line) -> bool:
    """A line right under a row that ended in an Essential/Desirable cell holding criteria: that cell's next
    paragraph (a flattened table drops the cell's inner line breaks), so another criterion of its kind."""
    if p.cell_item is None or p.cell_item[1] != p.number - 1 or line.bullet or line.tabbed or p.kind:
        return False
    from .parser import caps_heading, heading_like  # the parser imports this module

    previous = p.cell_item[0]
    text = line.text
    if (
        not text[:1].isupper()
        or len(words(text)) < 4
        or NOTE_START.match(text)
        or (heading_like(line) and (category_like(text) or caps_heading(line)))
    ):
        return False
    item = p.new_item(text)
    item.kind_value, item.label, item.methods = previous.kind_value, previous.label, previous.methods
    item.guessed = True
    p.cell_item = (item, p.number)
    return True


def resumes(p: Parser, line: Line) -> bool:
    """A line in lower case right after a lone 'Essential' line that cut an unfinished criterion (a PDF read
    column by column puts the E/D cell inside the text): the criterion goes on."""
    cut = p.cut_item
    if cut is None or cut[1] != p.number - 1 or line.bullet or not line.text[:1].islower():
        return False
    item = cut[0]
    if item.text.rstrip().endswith((".", ";", ":", "!", "?")):
        return False
    item.parts.append(line.text)
    item.touch(p.number)
    p.open, p.cut_item = item, None
    return True


def bracket_continues(p: Parser, line: Line) -> bool:
    """'(GBC) of the British ...' right under an unfinished criterion goes on with it; True when taken."""
    item = p.open
    if line.bullet or not line.text.startswith("(") or item is None or not item.parts:
        return False
    if p.last_line != p.number - 1 or item.text.rstrip().endswith((".", ";", ":", "!", "?")):
        return False
    item.parts.append(line.text)
    item.touch(p.number)
    return True
