"""Find the selection criteria in a job document's lines: the walk over the lines.

The parser walks the document once. Headings switch it into a person-specification region
("Person specification", "Selection criteria", "Essential", a table header with Essential/Desirable
columns ...) and out again (duties, appendices, conditions of employment ...). Inside the region it
reads list items, numbered items, plain lines under a kind heading, and table rows (see rows.py).
"""

from __future__ import annotations

import re

from . import inline, rows
from .cells import category_like, methods_of, words
from .columns import Col, Columns, header_roles
from .continuation import bracket_continues, next_paragraph, resumes
from .header_row import set_columns
from .item import Item
from .lines import NUMBER_ONLY, Line
from .lone_cells import cell_signal, kind_column_cell
from .signals import PendingSignals
from .vocab import (
    BARE_KIND_CODES,
    DEFAULT_PREAMBLE,
    DESIRABLE_LEAD,
    ESSENTIAL_LEAD,
    INLINE_LIST,
    KIND_HEADING,
    KIND_SUFFIX,
    LEAD_IN_END,
    LEGEND_LINE,
    METHOD_HEADER,
    SPEC_START,
    STAR_PREAMBLE,
    STOP_HEADING,
)

FLAT_HEADER = re.compile(
    r"^(?:selection\s+)?(?:criteria|details|requirements?|description|specification)\s+"
    r"(?:assessed\s+by|how\s+assessed|method\s+of\s+assessment|evidence)\s*:?$",
    re.I,
)


def heading_like(line: Line) -> bool:
    """Short, or bold, or marked as a heading: a line that could head a section."""
    if line.heading:
        return True
    text = line.text
    count = len(words(text))
    return (line.bold and count <= 16) or count <= 6 or (count <= 12 and not text.endswith((".", ";", ",")))


def kind_heading(line: Line) -> tuple[str, str, list[str]] | None:
    """(kind, category-or-empty, methods) when the line is a heading naming a kind."""
    text = line.text.strip().rstrip(":").strip()
    if len(words(text)) > 16:
        return None
    shortlisting = ["application"] if re.search(r"shortlist", text, re.I) else []
    match = KIND_HEADING.match(text)
    if match:
        rest = match.group("rest").strip(" :-–—.")
        rest = re.sub(r"^(?:criteria|requirements?)\b[\s:.\-–—]*", "", rest, flags=re.I)
        if not rest or category_like(rest) or line.heading or (line.bold and len(words(rest)) <= 8):
            return match.group("kind").lower(), rest, shortlisting
        return None
    match = KIND_SUFFIX.match(text)
    if match and (category_like(match.group("rest")) or line.heading or line.bold):
        return match.group("kind").lower(), match.group("rest").strip(" :-–—"), shortlisting
    return None


def caps_heading(line: Line) -> bool:
    """A short line in capitals ("CONFIDENTIAL REFERENCES", "SEEING THE BIG PICTURE"): a category heading."""
    text = line.text
    found = words(text)
    if not found or len(found) > 8 or text.rstrip().endswith((".", ";", ",")) or not any(len(w) >= 4 for w in found):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and (line.bullet or methods_of(text) is None)


def lead_in(text: str) -> str | None:
    """The kind a lead-in line gives the list after it ("The post holder should have:"), or None."""
    if not LEAD_IN_END.search(text) or len(words(text)) > 20:
        return None
    if DESIRABLE_LEAD.search(text):
        return "desirable"
    if ESSENTIAL_LEAD.search(text):
        return "essential"
    return None


def preamble(text: str) -> tuple[str | None, str | None] | None:
    """(kind of unmarked criteria, kind of criteria marked '*') when a note sets them, else None."""
    lowered = text.lower()
    if "essential" not in lowered and "desirable" not in lowered:
        return None
    star = STAR_PREAMBLE.search(text)
    default = DEFAULT_PREAMBLE.search(text)
    if not star and not (default and re.search(r"\bunless\b|\bother", text, re.I)):
        return None
    star_kind = (star.group("marked") or star.group("marked2")).lower() if star else None
    default_kind = default.group("kind").lower() if default else None
    if star_kind and default_kind == star_kind:
        default_kind = "desirable" if star_kind == "essential" else "essential"
    return default_kind, star_kind


class Parser:
    """One pass over the lines; see the module docstring."""

    def __init__(self) -> None:
        self.in_spec = False
        self.kind: str | None = None
        self.category: str | None = None
        self.context_methods: list[str] = []
        self.columns = Columns()
        self.method_header = False
        self.items: list[Item] = []
        self.open: Item | None = None
        self.last_row: Item | None = None
        self.last_nonblank: Line | None = None
        self.number = -1  # the number of the line being fed
        self.last_line = -10  # number of the last non-blank line fed
        self.raw_cells: dict[int, str] = {}  # the current line's cells before cleaning
        self.default_kind: str | None = None  # from a preamble: the kind of criteria not marked otherwise
        self.star_kind: str | None = None  # from a preamble: the kind of criteria marked '*'
        self.heading_seen: str | None = None  # the last category-like heading, in or out of the region
        self.pending = PendingSignals()  # a run of E/D or method lines under a group of criteria
        self.group_start = 0  # index in items of the first criterion of the current group
        self.kinds_in_categories = False  # Essential/Desirable headings come under each category heading
        self.category_line = -10  # the line of the last category heading
        self.plain_items = False  # under a flattened "Criteria / Assessed by" header with no kind column
        self.legend: list[str] = []  # methods a how-assessed heading lists before any criterion
        self.unsure_section = False  # under a heading that names neither a kind nor a category
        self.cut_item: tuple[Item, int] | None = None  # a criterion a lone E/D cell line interrupted, and that line
        self.cell_item: tuple[Item, int] | None = None  # a criterion from an E/D cell that ended its row, and its line
        self.doubt = False  # the line being fed is a row whose cells were re-aligned by a guess
        self.row_label: tuple[int, str] | None = (
            None  # the factor of the last NHS-style row, and its table's header line
        )

    # --- state changes -----------------------------------------------------------------
    def _leave(self) -> None:
        self.in_spec = False
        self.kind = None
        self.category = None
        self.context_methods = []
        self.columns = Columns()
        self.open = None
        self.last_row = None

    def enter_kind(self, kind: str | None) -> None:
        """Enter the specification region with this kind, keeping the category heading seen before."""
        self._enter(kind, self.category or self.heading_seen, self.context_methods)

    def _enter(self, kind: str | None, category: str | None, methods: list[str] | None = None) -> None:
        self.in_spec = True
        self.group_start = len(self.items)
        self.kind = kind
        self.category = category
        self.context_methods = methods or []
        self.open = None
        self.last_row = None
        self.unsure_section = False

    def new_item(self, text: str, **extra) -> Item:
        """Start a criterion at the current line, in the current kind, category and methods."""
        item = Item(
            parts=[text] if text else [],
            context_kind=self.kind or self.default_kind,
            star_kind=self.star_kind,
            category=self.category,
            context_methods=list(self.context_methods),
            **extra,
        )
        item.guessed = self.unsure_section or self.doubt
        item.touch(self.number)
        self.items.append(item)
        return item

    # --- the walk ----------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        self.doubt = line.doubt
        if line.blank:
            if self.open is not None and (self.open.parts or not self.open.numbered):
                self.open = None
            return
        previous, self.last_nonblank = self.last_nonblank, line
        single = len(line.filled) == 1
        text = line.text
        first = line.filled[0][1]
        if self.pending.signals and not (single and cell_signal(self, first) is not None):
            self._flush()

        if line.lead and line.lead != text and STOP_HEADING.match(line.lead):
            self._leave()
            return
        stop_heading = (single or line.bold) and heading_like(line) and STOP_HEADING.match(text)
        if (stop_heading and not cell_signal(self, text)) or (
            not single and STOP_HEADING.match(first) and len(words(first)) <= 8 and not rows.row_signal(line)
        ):
            self._leave()
            return
        if self._note(line, text, single):
            return
        header = header_roles(line)
        if header is not None and (
            len(header) > 1 or not single or header.get(line.filled[0][0]) == Col.METHOD or line.tabbed
        ):
            set_columns(self, line, header, previous, single)
            return
        if single and FLAT_HEADER.match(text):
            self._enter(None, self.category if self.in_spec else None, self.context_methods)
            self.method_header = self.plain_items = True  # "Details Assessed by": every paragraph a criterion
            return
        if (single or line.bold) and self._section_heading(line, text):
            return
        if single and category_like(text) and heading_like(line) and not line.bullet:
            self.heading_seen = text.rstrip(":").strip()
        if not self.in_spec and not ((single and INLINE_LIST.match(text)) or BARE_KIND_CODES.match(text)):
            return
        if single and (bracket_continues(self, line) or resumes(self, line) or next_paragraph(self, line)):
            return
        if single and (
            caps_heading(line)
            or (line.has_children and len(words(text)) <= 12)
            or (line.numbered and category_like(text) and len(words(text)) <= 4)
        ):
            self._set_category(text)
            return
        if single and METHOD_HEADER.match(text) and len(words(text)) <= 6:
            self.method_header = True
            return
        if single and line.heading and not line.bullet and not category_like(text) and len(words(text)) <= 12:
            self._set_category(text)  # a marked heading is never a criterion; what follows an unknown one is a guess
            self.unsure_section = True
            return
        if (
            single
            and not line.bullet
            and heading_like(line)
            and (category_like(text) or (text.endswith(":") and len(words(text)) <= 4))
            and (len(words(text)) <= 8 or text.endswith(":"))
        ):
            self._set_category(text)
            return
        signal = cell_signal(self, first) if single else None
        if signal is not None:
            self.pending.add(signal)
            return
        if single and not line.bullet and (inline.inline_list(self, line) or inline.bare_kind_row(self, line)):
            return
        if single and NUMBER_ONLY.match(first):
            self.open = self.new_item("", numbered=True)
            return
        if len(line.filled) >= 2 or (
            line.tabbed and (kind_column_cell(self, line.filled[0]) or self.columns.role(line.filled[0][0]) == Col.TEXT)
        ):
            rows.read_row(self, line)
            return
        inline.plain_line(self, line, first)

    def _note(self, line: Line, text: str, single: bool) -> bool:
        """Preambles that set default kinds, lead-ins that start a list of one kind, legends: True when taken."""
        found = preamble(text) if len(text) > 30 else None
        if found is not None:
            self.default_kind = found[0] or self.default_kind
            self.star_kind = found[1] or self.star_kind
            return True
        kind = lead_in(text) if single and not line.bullet else None
        if kind is not None:
            self._enter(kind, self.category if self.in_spec else self.heading_seen, self.context_methods)
            return True
        return bool(line.bullet and LEGEND_LINE.match(text))

    def _set_category(self, text: str) -> None:
        """A category heading; where kind headings sit inside categories, a new category has no kind yet."""
        self.unsure_section = False
        self.category = text.rstrip(":").strip()
        self.group_start = len(self.items)
        self.open = self.last_row = None
        self.category_line = self.number
        if self.kinds_in_categories:
            self.kind = None

    def _section_heading(self, line: Line, text: str) -> bool:
        """A kind heading ("Essential criteria") or the start of the specification; True when taken."""
        kind = kind_heading(line)
        if kind is not None:
            self.kinds_in_categories = self.kinds_in_categories or (self.category_line == self.last_line >= 0)
            category = kind[1] or (self.category if self.in_spec else None)
            keep_methods = kind[2] or (self.context_methods if self.in_spec and not kind[1] else [])
            cut = self.open if self.open is not None and self.number - 1 in self.open.lines and not kind[1] else None
            self._enter(kind[0], category or None, keep_methods)
            self.cut_item = (cut, self.number) if cut is not None and cut.parts else None
            return True
        if heading_like(line) and SPEC_START.match(text):
            self._enter(None, text.rstrip(":").strip() if category_like(text) else None)
            self.method_header = False
            return True
        return False

    def target(self) -> Item | None:
        """The criterion a signal line belongs to: the open one, else the last one read."""
        return self.open if self.open is not None and self.open.parts else (self.items[-1] if self.items else None)

    def _flush(self) -> None:
        """Give waiting signal lines to the criteria above them; a new group of criteria starts."""
        if self.pending.signals:
            self.pending.flush(self.items[self.group_start :], self.target())
        self.group_start = len(self.items)

    def run(self, lines: list[Line]) -> list[Item]:
        for line in lines:
            self.number = line.number
            self.raw_cells = dict(enumerate(line.raw_cells))
            self.feed(line)
            if not line.blank:
                self.last_line = line.number
        self._flush()
        return self.items
