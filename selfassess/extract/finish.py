"""Finishing: parsed items into numbered criteria (split by marks, inline markers stripped, kind decided)."""

from __future__ import annotations

import re
from typing import cast

from ..models import Kind, Method
from .cells import category_like, methods_of, ordered, words
from .codekey import current_markers
from .conditions import employment_condition
from .item import Item
from .result import ExtractedCriterion
from .split import PARAGRAPH, split_into
from .vocab import INLINE_KIND, TRAILING_KIND
from .wording import DESIRABLE_WORDING, contact_like, process_note

INLINE_METHODS = re.compile(
    r"\s*(?:[\[(]\s*(?P<a>[A-Za-z]{1,3}(?:\s*[,/&]\s*[A-Za-z]{1,3})*)\s*[\])]|"
    r"[-–—;,]?\s*(?:assessed|tested|measured)\s+(?:by|at|through|via)\s*:?\s*(?P<b>[^.]{1,60}))\s*\.?$",
    re.I,
)
TRAILING_METHODS = re.compile(
    r"^(?P<text>.{20,}[.!?)])\s+(?P<m>[A-Z][A-Za-z ,/&]{2,60}?)\.?$"
)  # "... patients. Application and interview"
INTERVIEW_IN_TEXT = re.compile(r"\b(?:at|during|in|through)\s+(?:the\s+)?interview\b", re.I)
MAX_ITEM_WORDS = 160
LOOSE_KIND = re.compile(r"\((essential|desirable)\b[^()]{0,60}\)", re.I)


def clean(text: str) -> str:
    """One line of text without paragraph marks, runs of spaces, a leading bullet or number."""
    text = text.replace(PARAGRAPH, " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:[-•·*▪◦●–—]|\(?\d{1,2}[.)])\s+", "", text)
    return text.strip(" \t-–—:")


def inline_markers(text: str) -> tuple[str, str | None, list[str] | None]:
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
    match = TRAILING_METHODS.match(text) if methods is None else None
    if match and methods_of(match.group("m")):
        methods = methods_of(match.group("m"))
        text = match.group("text")
    return text, kind, methods


def kinds_for(item: Item, n: int) -> tuple[list[str | None], bool]:
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


def _by_inline_kinds(text: str) -> list[str]:
    """A paragraph holding several criteria each marked inline ('A. (desirable). B. (desirable).'), cut after each."""
    markers = list(LOOSE_KIND.finditer(text))
    if len(markers) < 2:
        return [text]
    pieces, start = [], 0
    for m in markers:
        pieces.append(f"{text[start : m.start()].strip()} ({m.group(1)})")
        start = m.end()
    pieces[-1] += text[start:]
    return [p.strip(" .;") for p in pieces if p.strip(" .;")]


def _pieces(item: Item) -> list[ExtractedCriterion]:
    """One item's criteria (several when its marks say the cell held several), numbered later."""
    raw = item.text
    if not raw:
        return []
    marks = item.e_marks + item.d_marks + len(item.trailing_kinds)
    pieces, exact = split_into(raw, marks) if marks > 1 else (_by_inline_kinds(raw), True)
    kinds, certain = kinds_for(item, len(pieces))
    out = []
    for piece, mark_kind in zip(pieces, kinds):
        text, inline_kind, inline_methods = inline_markers(clean(piece))
        found = words(text)
        if (
            len(found) > MAX_ITEM_WORDS
            or not found
            or (len(found) < 2 and not (item.bullet and len(text) >= 4 and not category_like(text)))
        ):
            continue
        if len(found) >= 3 and not any(c.islower() for c in text):
            continue  # a heading or a template placeholder in capitals, not a criterion
        if contact_like(text) or process_note(text):
            continue  # contact details or a link
        uncertain = not exact or not certain or item.guessed_split or item.guessed
        if item.star_kind and text.endswith("*"):
            text, inline_kind = text.rstrip("* "), inline_kind or item.star_kind
        kind = mark_kind or item.kind_value or inline_kind
        if kind is None and (item.context_kind is None or item.guessed) and employment_condition(text):
            continue  # "This post is subject to an enhanced DBS check", with nothing of its own marking it a criterion
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
                methods = ordered([*methods, "interview"])
        text, methods = _keyed_mark(text, methods)
        out.append(
            ExtractedCriterion(
                id="",
                text=text,
                kind=cast(Kind, kind),
                category=(item.label or item.category or None),
                assessed_by=cast(list[Method], methods),
                uncertain=uncertain,
                span=item.span,
            )
        )
    return out


def _keyed_mark(text: str, methods: list[str]) -> tuple[str, list[str]]:
    """A criterion ending in a mark the document's key defines ('... *' with 'criteria marked * will be assessed
    at shortlisting'): the mark stripped, its methods added."""
    for mark, named in current_markers().items():
        if text.endswith(mark) and not text.endswith(mark + mark[:1]) and len(text) > len(mark) + 3:
            return text[: -len(mark)].rstrip(" ,;"), ordered([*methods, *named])
    return text, methods


def finish(items: list[Item]) -> list[ExtractedCriterion]:
    """Turn parsed items into numbered criteria (E1, E2 ... D1 ...) in document order."""
    counters = {"essential": 0, "desirable": 0}
    result = []
    for item in items:
        for criterion in _pieces(item):
            counters[criterion.kind] += 1
            criterion.id = f"{'E' if criterion.kind == 'essential' else 'D'}{counters[criterion.kind]}"
            result.append(criterion)
    return result
