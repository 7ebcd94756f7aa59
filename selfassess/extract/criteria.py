"""Find the selection criteria in a job document's lines.

The parser walks the document once. Headings switch it into a person-specification region
("Person specification", "Selection criteria", "Essential", a table header with Essential/Desirable
columns ...) and out again (duties, appendices, conditions of employment ...). Inside the region it
reads list items, numbered items, plain lines under a kind heading, and table rows, taking each
criterion's kind from (strongest first) its marks under Essential/Desirable columns, an E/D cell, an
inline "(E)"/"(D)", its wording ("would be an advantage"), then the heading it sits under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import NUMBER_ONLY, Line, split_lines
from .result import ExtractedCriterion
from .split import PARAGRAPH, split_into
from .vocab import (
    CATEGORY_WORDS,
    CODE_RUN,
    DESIRABLE_WORDING,
    ESSENTIAL_WORDING,
    INLINE_KIND,
    KIND_CELL,
    KIND_HEADING,
    KIND_SUFFIX,
    MARK_CELL,
    METHOD_CODES,
    METHOD_FILLER,
    METHOD_HEADER,
    METHOD_WORDS,
    NOTE_START,
    SPEC_START,
    STOP_HEADING,
    TRAILING_KIND,
)

METHOD_ORDER = ("application", "interview", "test", "presentation", "document", "reference", "other")
INLINE_METHODS = re.compile(
    r"\s*(?:[\[(]\s*(?P<a>[A-Za-z]{1,3}(?:\s*[,/&]\s*[A-Za-z]{1,3})*)\s*[\])]|"
    r"[-–—;,]?\s*(?:assessed|tested|measured)\s+(?:by|at|through|via)\s*:?\s*(?P<b>[^.]{1,60}))\s*\.?$",
    re.I,
)
INTERVIEW_IN_TEXT = re.compile(r"\b(?:at|during|in|through)\s+(?:the\s+)?interview\b", re.I)
LABELLED_PARAGRAPH = re.compile(r"^(?P<label>[A-Z][A-Z0-9 ,&/'’()-]{3,80}?)\s*[:\-–—]\s+(?P<text>[A-Z].{10,})$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’/-]*|&")
MAX_ITEM_WORDS = 160


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def category_like(text: str) -> bool:
    """True when a line reads as a category heading ("Knowledge and skills", "Qualifications:")."""
    words = [w.lower().strip("/") for w in _words(text)]
    words = [w for w in words if w]
    if not words or len(words) > 12:
        return False
    known = sum(1 for w in words if w in CATEGORY_WORDS)
    return known / len(words) >= 0.6 and any(w not in {"and", "&", "of", "the", "for", "or", "in"} for w in words)


def methods_of(cell: str, allow_single_d: bool = True) -> list[str] | None:
    """The assessment methods a cell names, or None if it is not a how-assessed cell."""
    text = cell.replace(PARAGRAPH, " ").strip().rstrip(".:")
    if not text or len(text) > 80:
        return None
    if CODE_RUN.match(text):
        tokens = [t.lower() for t in re.split(r"[\s,/&+;]+|\band\b", text) if t.strip()]
        if tokens and all(t in METHOD_CODES for t in tokens):
            if tokens == ["d"] and not allow_single_d:
                return None
            if tokens in (["e"],):
                return None
            return _ordered(METHOD_CODES[t] for t in tokens)
    words = re.findall(r"[A-Za-z][A-Za-z.'/-]*", text)
    if not words or len(words) > 10:
        return None
    found: list[str] = []
    for word in words:
        hit = next((method for pattern, method in METHOD_WORDS if pattern.search(word)), None)
        if hit:
            found.append(hit)
        elif word.lower() not in METHOD_FILLER and word.lower() not in METHOD_CODES:
            return None
    if not found:
        return None
    whole = [method for pattern, method in METHOD_WORDS if pattern.search(text)]
    return _ordered(found + whole)


def _ordered(methods) -> list[str]:
    chosen = set(methods)
    if "application" in chosen and len(chosen) > 1 and "other" in chosen:
        chosen.discard("other")
    return [m for m in METHOD_ORDER if m in chosen]


INLINE_BULLET = re.compile(r"(?:^|\s)[•·▪●◦■➢►]\s+")


def split_list_cell(cell: str) -> tuple[list[str], bool]:
    """A table cell holding a list of criteria, as (items, exact): by paragraphs, bullets, else sentences."""
    if PARAGRAPH in cell:
        pieces = [p for p in cell.split(PARAGRAPH) if p.strip()]
        return [INLINE_BULLET.sub(" ", p).strip() for p in pieces], True
    if INLINE_BULLET.search(cell):
        return [p.strip() for p in INLINE_BULLET.split(cell) if p.strip()], True
    sentences = [p.strip() for p in re.split(r"(?<=[.;])\s+(?=[A-Z])", cell) if p.strip()]
    return sentences, len(sentences) == 1


def _mark_positions(raw: str) -> list[int]:
    """Where the marks sit in a flattened cell ("" X "" -> [1]); each paragraph is one slot."""
    tokens = re.split(r"[ \u2029]", raw.strip("\t"))
    return [i for i, t in enumerate(tokens) if t.strip()]


def _strip_caps_prefix(label: str) -> str:
    """'ACCOUNTABILITY and RESPONSIBILITY Undertakes tasks' -> 'Undertakes tasks' (a parent heading run in)."""
    match = re.match(r"^((?:[A-Z][A-Z-]+|and|&|of)(?:\s+(?:[A-Z][A-Z-]+|and|&|of))+)\s+([A-Z][a-z].*)$", label)
    return match.group(2) if match else label


@dataclass
class Item:
    """A criterion being read; finished into one or more ExtractedCriterion."""

    parts: list[str] = field(default_factory=list)
    numbered: bool = False
    row: bool = False
    e_marks: int = 0
    d_marks: int = 0
    d_positions: list[int] | None = None
    e_positions: list[int] | None = None
    trailing_kinds: list[str] = field(default_factory=list)
    kind_value: str | None = None
    context_kind: str | None = None
    category: str | None = None
    label: str | None = None
    methods: list[str] | None = None
    context_methods: list[str] = field(default_factory=list)
    guessed_split: bool = False

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip())


@dataclass
class Columns:
    """What each column of the current table holds: E/D marks, E/D values, methods, labels, text, other."""

    roles: dict[int, str] = field(default_factory=dict)
    line: int = -10

    def role(self, index: int) -> str | None:
        return self.roles.get(index)


def _header_role(cell: str) -> str | None:
    text = cell.replace(PARAGRAPH, " ").strip().rstrip(":*").strip().lower()
    if re.fullmatch(r"essential(?:\s+criteria)?|e", text):
        return "E"
    if re.fullmatch(r"desirable(?:\s+criteria)?|d", text):
        return "D"
    if re.fullmatch(
        r"e\s*/\s*d|e\s+or\s+d|essential\s*(?:/|or|and)\s*desirable(?:\s+criteria)?|essential/\s*desirable|"
        r"priority|importance",
        text,
    ):
        return "K"
    if METHOD_HEADER.match(text):
        return "M"
    if re.fullmatch(
        r"(?:selection\s+)?criteri(?:a|on)|requirements?|description|examples?.*|specification|"
        r"details?|skills?\s*/\s*knowledge.*|person\s+specification.*",
        text,
    ):
        return "T"
    if re.fullmatch(r"category|area|attributes?|factor|heading|section|competenc(?:y|ies)", text):
        return "L"
    return None


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
        self._last_line = -10  # number of the last non-blank line fed
        self._raw_cells: dict[int, str] = {}  # the current line's cells before cleaning

    # --- state changes -----------------------------------------------------------------
    def _leave(self) -> None:
        self.in_spec = False
        self.kind = None
        self.category = None
        self.context_methods = []
        self.columns = Columns()
        self.open = None
        self.last_row = None

    def _enter(self, kind: str | None, category: str | None, methods: list[str] | None = None) -> None:
        self.in_spec = True
        self.kind = kind
        self.category = category
        self.context_methods = methods or []
        self.open = None
        self.last_row = None

    def _new_item(self, text: str, **extra) -> Item:
        item = Item(
            parts=[text] if text else [],
            context_kind=self.kind,
            category=self.category,
            context_methods=list(self.context_methods),
            **extra,
        )
        self.items.append(item)
        return item

    # --- classification ----------------------------------------------------------------
    @staticmethod
    def _heading_like(line: Line) -> bool:
        text = line.text
        return (
            line.heading
            or (line.bold and len(_words(text)) <= 16)
            or len(_words(text)) <= 6
            or (len(_words(text)) <= 12 and not text.endswith((".", ";", ",")))
        )

    def _kind_heading(self, line: Line) -> tuple[str, str, list[str]] | None:
        """(kind, category-or-empty, methods) when the line is a heading naming a kind."""
        text = line.text.strip().rstrip(":").strip()
        if len(_words(text)) > 16:
            return None
        shortlisting = ["application"] if re.search(r"shortlist", text, re.I) else []
        match = KIND_HEADING.match(text)
        if match:
            rest = match.group("rest").strip(" :-–—.")
            rest = re.sub(r"^(?:criteria|requirements?)\b[\s:.\-–—]*", "", rest, flags=re.I)
            if not rest or category_like(rest) or line.heading or (line.bold and len(_words(rest)) <= 8):
                return match.group("kind").lower(), rest, shortlisting
            return None
        match = KIND_SUFFIX.match(text)
        if match and (category_like(match.group("rest")) or line.heading or line.bold):
            return match.group("kind").lower(), match.group("rest").strip(" :-–—"), shortlisting
        return None

    def _header(self, line: Line) -> dict[int, str] | None:
        """Column roles when the line is a table header row."""
        if not line.tabbed or not line.filled:
            return None
        roles = {i: _header_role(c) for i, c in line.filled}
        if not any(r in ("E", "D", "K", "M") for r in roles.values()):
            return None
        unnamed = [c for i, c in line.filled if roles[i] is None]
        if any(len(_words(c)) > 3 or MARK_CELL.match(c) or methods_of(c) is not None for c in unnamed):
            return None
        named = [(i, r) for i, r in roles.items() if r is not None]
        if len(named) == 1 and named[0][1] in ("E", "D") and len(dict(line.filled)[named[0][0]]) == 1:
            return None
        if any(len(_words(c)) > 12 for _, c in line.filled):
            return None
        return {i: (r or "O") for i, r in roles.items()}

    # --- the walk ----------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        if line.blank:
            if self.open is not None and (self.open.parts or not self.open.numbered):
                self.open = None
            return
        previous, self.last_nonblank = self.last_nonblank, line
        single = len(line.filled) == 1
        text = line.text
        first = line.filled[0][1]

        if line.lead and line.lead != text and STOP_HEADING.match(line.lead):
            self._leave()
            return
        if ((single or line.bold) and self._heading_like(line) and STOP_HEADING.match(text)) or (
            not single and STOP_HEADING.match(first) and len(_words(first)) <= 8 and not self._row_signal(line)
        ):
            self._leave()
            return
        header = self._header(line)
        if header is not None and (
            len(header) > 1 or not single or header.get(line.filled[0][0]) == "M" or line.tabbed
        ):
            consecutive = previous is not None and previous.number == self.columns.line
            roles = {**self.columns.roles, **header} if consecutive else header
            self.columns = Columns(roles, line.number)
            kinds = {r for r in header.values() if r in ("E", "D")}
            if not self.in_spec:
                self._enter(None, None)
            if len(kinds) == 1 and single:
                self.kind = "essential" if kinds == {"E"} else "desirable"
            if "M" in header.values():
                self.method_header = True
            self.open = None
            return
        if single or line.bold:
            kind = self._kind_heading(line)
            if kind is not None:
                category = kind[1] or (self.category if self.in_spec else None)
                keep_methods = kind[2] or (self.context_methods if self.in_spec and not kind[1] else [])
                self._enter(kind[0], category or None, keep_methods)
                return
            if self._heading_like(line) and SPEC_START.match(text):
                self._enter(None, text.rstrip(":").strip() if category_like(text) else None)
                self.method_header = False
                return
        if not self.in_spec:
            return
        if single and METHOD_HEADER.match(text) and len(_words(text)) <= 6:
            self.method_header = True
            return
        if (
            single
            and not line.bullet
            and self._heading_like(line)
            and category_like(text)
            and (len(_words(text)) <= 8 or text.endswith(":"))
        ):
            self.category = text.rstrip(":").strip()
            self.open = None
            self.last_row = None
            return
        if single and self._attach(first):
            return
        if single and NUMBER_ONLY.match(first):
            self.open = self._new_item("", numbered=True)
            return
        if len(line.filled) >= 2 or (line.tabbed and self._kind_column_cell(line.filled[0])):
            self._row(line)
            return
        self._plain(line, first)

    def _kind_column_cell(self, cell: tuple[int, str]) -> bool:
        """A lone cell under an Essential or Desirable column of a table that has both."""
        roles = set(self.columns.roles.values())
        return {"E", "D"} <= roles and self.columns.role(cell[0]) in ("E", "D") and not MARK_CELL.match(cell[1])

    def _row_signal(self, line: Line) -> bool:
        return any(MARK_CELL.match(c) or KIND_CELL.match(c) for _, c in line.filled[1:])

    def _attach(self, cell: str) -> bool:
        """A line holding only a how-assessed code, a mark or E/D belongs to the criterion before it."""
        target = self.open if self.open is not None and self.open.parts else (self.items[-1] if self.items else None)
        if target is None:
            return False
        kind = KIND_CELL.match(cell)
        if kind and not (self.method_header and kind.group("d") and len(cell.strip()) == 1):
            target.kind_value = "essential" if kind.group("e") else "desirable"
            return True
        methods = methods_of(cell, allow_single_d=self.method_header)
        if methods is not None:
            target.methods = _ordered((target.methods or []) + methods)
            return True
        return False

    def _text_in_kind_columns(self, line: Line) -> bool:
        """Rows of tables whose Essential and Desirable columns hold the criteria themselves (NHS style)."""
        cols = self.columns
        cells = [
            (i, c)
            for i, c in line.filled
            if cols.role(i) in ("E", "D")
            and not MARK_CELL.match(c)
            and not KIND_CELL.match(c)
            and not re.fullmatch(r"(?:n/?a|none|-+|–)\.?", c, re.I)
        ]
        if not cells or not any(len(_words(c)) >= 2 for _, c in cells):
            return False
        first = min(i for i, _ in cells)
        label = next((c for i, c in line.filled if i < first and cols.role(i) not in ("M", "E", "D")), None)
        methods = None
        for i, c in line.filled:
            if cols.role(i) == "M":
                methods = methods_of(c, allow_single_d=True)
        for index, cell in cells:
            pieces, exact = split_list_cell(cell)
            for piece in pieces:
                item = self._new_item(piece)
                item.kind_value = "essential" if cols.role(index) == "E" else "desirable"
                item.label = _strip_caps_prefix(label.replace(PARAGRAPH, " ")) if label else None
                item.methods = methods
                item.guessed_split = not exact
        self.last_row = None
        self.open = None
        return True

    def _row(self, line: Line) -> None:
        cols = self.columns
        if self._text_in_kind_columns(line):
            return
        e = d = 0
        d_positions: list[int] | None = None
        e_positions: list[int] | None = None
        kind_value = None
        methods: list[str] | None = None
        texts: list[tuple[int, str]] = []
        for index, cell in line.filled:
            role = cols.role(index)
            raw = line.cells[index] if index < len(line.cells) else cell
            if MARK_CELL.match(cell):
                count = len(_mark_positions(cell))
                raw_cell = self._raw_cells.get(index, raw)
                positioned = raw_cell[:1] in (" ", PARAGRAPH) or PARAGRAPH in raw_cell
                if role == "E":
                    e += count
                    e_positions = _mark_positions(raw_cell) if positioned else None
                elif role == "D":
                    d += count
                    d_positions = _mark_positions(raw_cell) if positioned else None
                elif not cols.roles and self.kind is not None:
                    e += count if self.kind == "essential" else 0
                    d += count if self.kind == "desirable" else 0
                continue
            if role in ("E", "D") and re.fullmatch(r"(?:yes|y|required)", cell, re.I):
                e += role == "E"
                d += role == "D"
                continue
            kind = KIND_CELL.match(cell)
            if (
                kind
                and role != "M"
                and not (role is None and self.method_header and kind.group("d") and len(cell.strip()) == 1)
            ):
                kind_value = "essential" if kind.group("e") else "desirable"
                continue
            found = methods_of(cell, allow_single_d=role == "M" or self.method_header)
            if found is not None and (role in ("M", None, "O")):
                methods = _ordered((methods or []) + found)
                continue
            if role == "O" and len(_words(cell)) <= 3:
                continue
            texts.append((index, cell))
        label, body = self._label_and_text(texts)
        has_signal = bool(e or d or kind_value or methods)
        if body is None:
            if self.last_row is not None and (e or d):
                row = self.last_row
                row.trailing_kinds.extend(["essential"] * e + ["desirable"] * d)
            elif self.last_row is not None and methods and not self.last_row.methods:
                self.last_row.methods = methods
            elif label and category_like(label):
                self.category = label
            return
        if not has_signal and self.kind is None:
            return
        if NOTE_START.match(body):
            return
        inherit = self.last_row if label is None and self.last_row is not None else None
        item = self._new_item(body, row=True)
        item.e_marks, item.d_marks, item.kind_value = e, d, kind_value
        item.d_positions, item.e_positions = d_positions, e_positions
        item.label = label if label is not None else (inherit.label if inherit else None)
        item.methods = methods if methods is not None else (inherit.methods if inherit and label is None else None)
        self.last_row = item
        self.open = None

    def _label_and_text(self, texts: list[tuple[int, str]]) -> tuple[str | None, str | None]:
        if not texts:
            return None, None
        cols = self.columns
        body_index = max(texts, key=lambda t: (len(_words(t[1])), cols.role(t[0]) == "T"))[0]
        body = next(c for i, c in texts if i == body_index)
        label = next(
            (
                c
                for i, c in texts
                if i < body_index and (cols.role(i) in ("L", None, "O", "T")) and len(_words(c)) <= 12
            ),
            None,
        )
        if label is not None:
            label = _strip_caps_prefix(label.replace(PARAGRAPH, " "))
        if len(_words(body)) < 2 and label is None:
            return None, None
        return label, body

    def _plain(self, line: Line, text: str) -> None:
        open_item = self.open
        if open_item is not None and open_item.numbered:
            open_item.parts.append(text)
            return
        if line.bullet:
            if NOTE_START.match(text):
                return
            self.open = self._new_item(text)
            return
        if (
            open_item is not None
            and open_item.parts
            and (
                text[:1].islower()
                or (
                    not open_item.text.rstrip().endswith((".", ":", ";", "!", "?", ")"))
                    and len(_words(open_item.text)) > 12
                    and line.number - 1 == self._last_line
                )
            )
        ):
            open_item.parts.append(text)
            return
        if NOTE_START.match(text):
            return
        inline = INLINE_KIND.search(text) or TRAILING_KIND.search(text)
        labelled = LABELLED_PARAGRAPH.match(text)
        if self.kind is not None or inline:
            self.open = self._new_item(text)
        elif labelled and ESSENTIAL_WORDING.search(labelled.group("text")):
            self.open = self._new_item(labelled.group("text"))
            self.open.label = labelled.group("label").strip()
            self.open.kind_value = "essential"

    def run(self, lines: list[Line]) -> list[Item]:
        for line in lines:
            self._raw_cells = dict(enumerate(line.raw_cells))
            self.feed(line)
            if not line.blank:
                self._last_line = line.number
        return self.items


# --- finishing ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = text.replace(PARAGRAPH, " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:[-•·*▪◦●–—]|\(?\d{1,2}[.)])\s+", "", text)
    return text.strip(" \t-–—:")


def _inline(text: str) -> tuple[str, str | None, list[str] | None]:
    """Strip inline kind and method markers: '(E)', '(D)', '[A/I]', 'Assessed by: interview'."""
    kind = None
    match = INLINE_KIND.search(text)
    if match:
        kind = "essential" if match.group("kind").lower().startswith("e") else "desirable"
        text = (text[: match.start()] + text[match.end() :]).strip()
    match = TRAILING_KIND.search(text)
    if match and kind is None:
        kind = "essential" if match.group("kind").lower().startswith("e") else "desirable"
        text = text[: match.start()].strip()
    methods = None
    match = INLINE_METHODS.search(text)
    if match:
        found = methods_of(match.group("a") or match.group("b") or "")
        if found:
            methods = found
            text = text[: match.start()].strip()
    return text, kind, methods


def _kinds_for(item: Item, n: int) -> tuple[list[str | None], bool]:
    """The kind of each of an item's ``n`` pieces from its marks; and whether positions were certain.

    Marks whose slot is known (a flattened cell's leading blanks, or a Word cell's paragraphs) go to
    that slot; marks from a following row with no text go to the last pieces; other desirable marks
    go to the last free pieces (desirable usually follows essential), and that guess is uncertain.
    """
    kinds: list[str | None] = [None] * n
    placed = {"essential": 0, "desirable": 0}
    for kind, positions, limit in (
        ("desirable", item.d_positions, item.d_marks),
        ("essential", item.e_positions, item.e_marks),
    ):
        for pos in positions or []:
            if pos < n and kinds[pos] is None and placed[kind] < limit:
                kinds[pos] = kind
                placed[kind] += 1
    for kind in reversed(item.trailing_kinds):
        slot = next((i for i in range(n - 1, -1, -1) if kinds[i] is None), None)
        if slot is not None:
            kinds[slot] = kind
    remaining_d = item.d_marks - placed["desirable"]
    certain = not (remaining_d > 0 and item.e_marks > placed["essential"])
    for _ in range(remaining_d):
        slot = next((i for i in range(n - 1, -1, -1) if kinds[i] is None), None)
        if slot is not None:
            kinds[slot] = "desirable"
    for i in range(n):
        if kinds[i] is None and (item.e_marks or item.d_marks):
            kinds[i] = "essential" if item.e_marks else "desirable"
    return kinds, certain


def finish(items: list[Item]) -> list[ExtractedCriterion]:
    """Turn parsed items into numbered criteria in document order."""
    out: list[tuple[str, str, str | None, list[str], bool]] = []
    for item in items:
        raw = item.text
        if not raw:
            continue
        marks = item.e_marks + item.d_marks + len(item.trailing_kinds)
        pieces, exact = split_into(raw, marks) if marks > 1 else ([raw], True)
        kinds, certain = _kinds_for(item, len(pieces))
        for piece, mark_kind in zip(pieces, kinds):
            text, inline_kind, inline_methods = _inline(_clean(piece))
            words = _words(text)
            if len(words) < 2 or len(words) > MAX_ITEM_WORDS:
                continue
            uncertain = not exact or not certain or item.guessed_split
            kind = mark_kind or item.kind_value or inline_kind
            if kind is None and DESIRABLE_WORDING.search(text):
                kind = "desirable"
                uncertain = uncertain or item.context_kind == "essential"
            if kind is None:
                kind = item.context_kind
            if kind is None:
                kind = "essential"
                uncertain = True
            methods = item.methods if item.methods is not None else inline_methods
            if methods is None:
                methods = list(item.context_methods)
                if methods and INTERVIEW_IN_TEXT.search(text):
                    methods = _ordered([*methods, "interview"])
            category = item.label or item.category
            out.append((text, kind, category, methods, uncertain))
    counters = {"essential": 0, "desirable": 0}
    result = []
    for text, kind, category, methods, uncertain in out:
        counters[kind] += 1
        prefix = "E" if kind == "essential" else "D"
        result.append(
            ExtractedCriterion(
                id=f"{prefix}{counters[kind]}",
                text=text,
                kind=kind,
                category=(category or None),
                assessed_by=methods,
                uncertain=uncertain,
            )
        )
    return result


def criteria_from_lines(lines: list[Line]) -> list[ExtractedCriterion]:
    """The selection criteria of a document's lines, in document order."""
    return finish(Parser().run(lines))


def extract_criteria(text: str) -> list[ExtractedCriterion]:
    """The selection criteria of a document's text, in document order."""
    return criteria_from_lines(split_lines(text))
