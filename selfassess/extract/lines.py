"""Normalise extracted document text into lines of cells, with the hints the parser needs."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from .flatrow import flat_row
from .layout import DOUBT, slash_cells

BULLET = re.compile(
    r"^\s*(?:[-•·*▪◦●○■□➢➤►✓✔–—]|o(?=\s+[A-Z])|\(?\d{1,2}[.)](?!\d)|\(?[a-h][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s+"
)
NUMBERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s")
NUMBER_ONLY = re.compile(r"^\s*\(?\d{1,2}[.)]?\s*$")
TAG = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")
BLOCK_BREAK = re.compile(r"</p>|<br\s*/?>|</li>|</tr>|</h\d>|</div>", re.I)
LIST_ITEM = re.compile(r"<li[^>]*>", re.I)
TABLE_RULE = re.compile(r"^[\s\-=_|+:\t]*$")
BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.I)
CHECKBOX = re.compile(r"[☐☑☒]|<input[^>]*>", re.I)
BOLD_START = re.compile(r"^\s*(?:<b>|<strong>|\*\*|__)", re.I)
BOLD_LEAD = re.compile(r"^\s*(?:<(?:b|strong)>(.+?)</(?:b|strong)>|\*\*(.+?)\*\*)", re.I)
HTML_HEADING = re.compile(r"^\s*<h\d", re.I)
MD_HEADING = re.compile(r"^\s*#{1,6}\s+")


@dataclass
class Line:
    """One line of a document: its cells (one for ordinary text) and formatting hints."""

    cells: list[str]
    number: int
    raw_cells: list[str] = field(default_factory=list)
    bold: bool = False
    heading: bool = False
    bullet: bool = False
    tabbed: bool = False
    lead: str = ""
    source: str = ""
    indent: int = 0
    has_children: bool = False
    numbered: bool = False  # a bullet that is a number ("1.", "(2)")
    filled: list[tuple[int, str]] = field(default_factory=list)
    doubt: bool = False  # a row whose cells were re-aligned by a guess (see layout.vertical_cells)

    @cached_property
    def text(self) -> str:
        """The line's content as one string (cells joined by spaces); read once its cells are final."""
        return " ".join(cell for _, cell in self.filled)

    @property
    def blank(self) -> bool:
        return not self.filled


PARAGRAPH_RUN = re.compile("[ \u00a0]*\u2029[\u2029 \u00a0]*")
EMPHASIS = re.compile(r"(?<!\w)[*_](\S[^*_]*?)[*_](?!\w)")
SPACES = re.compile(r"[ \u00a0]+")


def _clean_cell(cell: str) -> str:
    if not cell.strip():
        return ""
    cell = cell.replace("**", "").replace("__", "")
    if "\u2029" in cell:
        cell = PARAGRAPH_RUN.sub("\u2029", cell).strip(" \u2029")
    if "*" in cell or "_" in cell:
        cell = EMPHASIS.sub(r"\1", cell)
    return SPACES.sub(" ", cell).strip()


def source_text(piece: str) -> str:
    """A line as a person reads it: cells separated by ' | ', paragraphs inside a cell by spaces."""
    text = piece.replace("\u2029", " ").rstrip()
    if "\t" in text:
        text = " | ".join(cell.strip() for cell in text.split("\t")).strip(" |")
    return text


def split_lines(text: str) -> list[Line]:
    """The document as Lines; HTML and Markdown left by converters become plain text and hints."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u000b", "\n").replace("\f", "\n")
    if "[" in text:
        text = BOOKMARK.sub("", text)
    if " /" in text:
        text = slash_cells(text)
    tagged = "<" in text
    out: list[Line] = []
    for raw in text.split("\n"):
        marked = tagged or "*" in raw or "_" in raw  # the regular expressions below only where they can match
        bold = marked and bool(BOLD_START.match(raw))
        lead_match = BOLD_LEAD.match(raw) if bold else None
        lead = html.unescape(TAG.sub(" ", lead_match.group(1) or lead_match.group(2))).strip() if lead_match else ""
        heading = ("#" in raw and bool(MD_HEADING.match(raw))) or (tagged and bool(HTML_HEADING.match(raw)))
        if "#" in raw:
            raw = MD_HEADING.sub("", raw)
        if tagged or "☐" in raw or "☑" in raw or "☒" in raw:
            raw = CHECKBOX.sub("", raw)
        row = flat_row(raw) if "\t" not in raw else None
        shown, raw = (raw, row) if row is not None else (None, raw)  # the source line stays as written
        if "\t" in raw or (raw.lstrip().startswith("|") and raw.rstrip().endswith("|")):
            pieces = [raw]
        elif tagged and "<" in raw:
            raw = LIST_ITEM.sub("\n- ", raw)
            pieces = BLOCK_BREAK.sub("\n", raw).split("\n")
        else:
            pieces = [raw]
        for position, piece in enumerate(pieces):
            if "<" in piece:
                piece = TAG.sub(" ", piece)
            if "&" in piece:
                piece = html.unescape(piece)
            doubt = DOUBT in piece
            if doubt:
                piece = piece.replace(DOUBT, "")
            if piece.strip().startswith("|") and piece.strip().endswith("|"):
                cells = piece.strip().strip("|").split("|")
            else:
                cells = piece.split("\t")
            if TABLE_RULE.match(piece) and piece.strip():
                continue
            line = Line(
                cells=[_clean_cell(c) for c in cells],
                number=len(out),
                bold=bold,
                heading=heading,
                tabbed=len(cells) > 1,
                raw_cells=cells,
                doubt=doubt,
                lead=lead if position == 0 else "",
                source=source_text(shown if shown is not None else piece),
                indent=len(piece) - len(piece.lstrip()) if "\t" not in piece else 4 * piece.count("\t", 0, 8),
            )
            line.filled = [(i, c) for i, c in enumerate(line.cells) if c]
            if len(line.filled) == 1 and BULLET.match(line.filled[0][1]) and not NUMBER_ONLY.match(line.filled[0][1]):
                index, cell = line.filled[0]
                line.bullet = True
                line.numbered = bool(NUMBERED.match(cell))
                stripped = BULLET.sub("", cell, count=1).strip()
                line.cells[index] = stripped
                line.filled = [(index, stripped)] if stripped else []
            out.append(line)
    _mark_parents(out)
    return out


def _mark_parents(lines: list[Line]) -> None:
    """A bullet followed by bullets indented deeper is a heading over them (nested lists)."""
    previous: Line | None = None
    for line in lines:
        if line.blank:
            continue
        if previous is not None and previous.bullet and line.bullet and line.indent > previous.indent:
            previous.has_children = True
        previous = line
