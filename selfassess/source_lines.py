"""Source lines of a job document under review: a criterion from selected lines, method codes, splits. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from .errors import BadInput
from .methods import METHOD_CODES, METHODS
from .models import Kind, Method

CELL_BREAK = re.compile(r"\t+|\s+\|\s+|\s+/\s+|\s{3,}|\u2029")
BULLET = re.compile(r"^\s*(?:[-•·*▪◦●○■□➢➤►✓✔–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
KIND_WORD = re.compile(r"^(?:(?P<e>e|ess|essential)|(?P<d>d|des|desirable))\.?$", re.I)
INLINE_KIND = re.compile(r"\s*[\[(]\s*(?P<kind>e|d|essential|desirable)\s*[\])]\s*$", re.I)
MARK = re.compile(r"^(?:x|✓|✔|√|☑|☒|yes|y)$", re.I)
METHOD_WORDS = {
    "application": "application",
    "form": "application",
    "af": "application",
    "interview": "interview",
    "test": "test",
    "exercise": "test",
    "assessment": "test",
    "presentation": "presentation",
    "document": "document",
    "documents": "document",
    "certificate": "document",
    "certificates": "document",
    "reference": "reference",
    "references": "reference",
    "other": "other",
}
CODE_OF = {code.lower(): method for method, code in METHOD_CODES.items()}
FILLER = {"and", "or", "&", "by", "assessed", "via", "at"}
SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")


@dataclass
class LineCriterion:
    """What a run of source lines says: the criterion text, its kind if marked, and how it is assessed."""

    text: str
    kind: Kind | None = None
    methods: list[Method] = field(default_factory=list)


def display(line: str) -> str:
    """A source line as shown on screen: cells separated by a bar, cell paragraphs as spaces."""
    return line.replace("\u2029", " ").replace("\t", " │ ").rstrip()


def _methods_of(cell: str) -> list[Method] | None:
    """The methods a cell names when it is nothing but method codes or words, else None."""
    words = [w for w in re.split(r"[\s,/;+.&]+", cell.lower()) if w]
    if not words:
        return None
    found: list[str] = []
    for word in words:
        method = CODE_OF.get(word) if len(word) == 1 else METHOD_WORDS.get(word)
        if method is None and word not in FILLER:
            return None
        if method is not None and method not in found:
            found.append(method)
    return [cast(Method, m) for m in METHODS if m in found] or None


def parse_methods(value: str) -> list[Method]:
    """'A, I' or 'application and interview' as methods in vocabulary order; BadInput for anything else."""
    if not value.strip():
        return []
    methods = _methods_of(value)
    if methods is None:
        codes = ", ".join(f"{c} {m}" for m, c in METHOD_CODES.items())
        raise BadInput(f"how assessed: {value.strip()!r} is not a list of methods ({codes})")
    return methods


def criterion_from_lines(lines: list[str]) -> LineCriterion:
    """Criterion text from selected lines: bullets, E/D or tick cells and method-code cells are read, not kept."""
    kind: Kind | None = None
    methods: list[Method] = []
    words: list[str] = []
    for line in lines:
        for cell in CELL_BREAK.split(line):
            cell = BULLET.sub("", cell).strip()
            if not cell:
                continue
            marked = KIND_WORD.match(cell)
            if marked:
                kind = kind or ("essential" if marked.group("e") else "desirable")
                continue
            if MARK.match(cell):
                continue
            cell_methods = _methods_of(cell) if words else None
            if cell_methods:
                methods += [m for m in cell_methods if m not in methods]
                continue
            inline = INLINE_KIND.search(cell)
            if inline:
                kind = kind or ("essential" if inline.group("kind").lower().startswith("e") else "desirable")
                cell = cell[: inline.start()]
            words.append(cell)
    text = " ".join(" ".join(words).split())
    if not text:
        raise BadInput("source lines: no criterion text in the selected lines")
    return LineCriterion(text, kind, [m for m in METHODS if m in methods])


def row_criteria(source_lines: list[str], index: int) -> list[tuple[str, Kind, str | None, list[Method]]] | None:
    """The criteria of one table row, read with the nearest header row above it: (text, kind, category, methods).

    A row with fewer cells than the header has them put in its columns left to right, the missing ones empty
    (see ``extract.row_align``). None when the row does not fit the header (more cells, or a cell that fits no
    column) or reads as no criterion: the caller then reads the cells as one. A row with an Essential and a
    Desirable cell gives two.
    """
    from .extract import extract_text
    from .extract.flatrow import flat_header
    from .extract.row_align import align_row

    row = source_lines[index]
    cells = row.split(" | ")
    if len(cells) < 2:
        return None
    for above in range(index - 1, max(-1, index - 200), -1):
        header = source_lines[above].split(" | ")
        if len(header) >= 2 and flat_header([c.strip() for c in header]):
            if len(cells) != len(header):
                aligned = align_row([c.strip() for c in header], [c.strip() for c in cells])
                if aligned is None:
                    return None
                cells = aligned
            found = extract_text("\n".join(["\t".join(header), "\t".join(cells)])).criteria
            return [(c.text, c.kind, c.category, list(c.assessed_by)) for c in found] or None
    return None


def suggest_split(text: str) -> list[str]:
    """Where a criterion that ran several together probably divides: at sentence ends and semicolons."""
    parts = [p.strip(" ;") for p in SENTENCE_END.split(text)]
    return [p for p in parts if p] or [text]


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def locate_parts(texts: list[str], lines: list[str]) -> list[tuple[int, int] | None]:
    """Which of ``lines`` each text (a part of a split criterion) came from, matching its words in order."""
    stream: list[tuple[str, int]] = [(tok, i) for i, line in enumerate(lines) for tok in _tokens(line)]
    words = [tok for tok, _ in stream]
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for text in texts:
        tokens = _tokens(text)
        head = tokens[: min(4, len(tokens))]
        at = _find(words, head, cursor) if head else -1
        if at < 0:
            at = _find(words, head, 0) if head else -1
        if at < 0:
            spans.append(None)
            continue
        end = min(len(stream) - 1, at + len(tokens) - 1)
        last = next((k for k in range(end, at - 1, -1) if words[k] == tokens[-1]), end)
        spans.append((stream[at][1], stream[last][1]))
        cursor = at + 1
    return spans


def _find(words: list[str], head: list[str], start: int) -> int:
    n = len(head)
    for k in range(start, len(words) - n + 1):
        if words[k : k + n] == head:
            return k
    return -1
