"""What one cell or line of a person specification holds: words, a category, how-assessed codes, marks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .codekey import KEY_HINT, current_codes
from .split import PARAGRAPH
from .vocab import CATEGORY_WORDS, CODE_RUN, METHOD_CODES, METHOD_FILLER, METHOD_WORDS

METHOD_ORDER = ("application", "interview", "test", "presentation", "document", "reference", "other")
WORD = re.compile(r"[A-Za-z][A-Za-z'’/-]*|&")
CRITERION_START = re.compile(
    r"^\s*(?:experience|knowledge|understanding|awareness|ability|abilities|skills?)\s+(?:of|in|to|with|at|using)\s+\w",
    re.I,
)
INLINE_BULLET = re.compile(r"(?:^|\s)[•·▪●◦■➢►]\s+")


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of a text (letters, apostrophes, slashes and hyphens; '&' counts as a word)."""
    return tuple(WORD.findall(text))


@lru_cache(maxsize=4096)
def category_like(text: str) -> bool:
    """True when a line reads as a category heading ("Knowledge and skills", "Qualifications:")."""
    found = [w.lower().strip("/") for w in words(text)]
    found = [w for w in found if w]
    if not found or len(found) > 12 or CRITERION_START.match(text):
        return False
    known = sum(1 for w in found if w in CATEGORY_WORDS)
    return known / len(found) >= 0.6 and any(w not in {"and", "&", "of", "the", "for", "or", "in"} for w in found)


def ordered(methods: Iterable[str]) -> list[str]:
    """Methods without repeats in the contract's order."""
    chosen = set(methods)
    return [m for m in METHOD_ORDER if m in chosen]


OCCASION = re.compile(r"\bselection\s+(?:centre|center|event|day)s?\b", re.I)
OTHER_WORDS = [pattern for pattern, method in METHOD_WORDS if method == "other"]


def _one_cell(methods: Iterable[str], text: str) -> list[str]:
    """A single cell's methods: a generic 'assessment' beside the application form adds nothing, and neither
    does the occasion a named method happens at ('Interview/Selection centre')."""
    chosen = set(methods)
    if len(chosen) > 1 and "other" in chosen:
        occasion = OCCASION.search(text) is not None
        if "application" in chosen or (occasion and not any(p.search(OCCASION.sub(" ", text)) for p in OTHER_WORDS)):
            chosen.discard("other")
    return ordered(chosen)


def methods_of(cell: str, allow_single_d: bool = True) -> list[str] | None:
    """The assessment methods a cell names, or None if it is not a how-assessed cell."""
    text = cell.replace(PARAGRAPH, " ").strip().rstrip(".:")
    if not text or len(text) > 80 or (("=" in text or " - " in text) and KEY_HINT.search(text)):
        return None  # a key to the codes ("AF = Application form, I = Interview") names no criterion's methods
    if CODE_RUN.match(text):
        codes = current_codes()
        tokens = [t.lower() for t in re.split(r"[\s,/&+;.]+|\band\b", text) if t.strip()]
        known = [t for t in tokens if t in codes]
        if len(tokens) >= 3 and len(known) >= len(tokens) - 1 and len(tokens[0]) == 1 and "/" in text:
            tokens = known  # one code the key does not define ("A/L/R/I")
        if tokens and all(t in codes for t in tokens):
            if tokens == ["d"] and not allow_single_d:
                return None
            if tokens == ["e"]:
                return None
            return ordered(codes[t] for t in tokens)
    found_words = re.findall(r"[A-Za-z][A-Za-z.'/-]*", text)
    if not found_words or len(found_words) > 10:
        return None
    whole = [method for pattern, method in METHOD_WORDS if pattern.search(text)]
    found: list[str] = []
    for word in found_words:
        hit = next((method for pattern, method in METHOD_WORDS if pattern.search(word)), None)
        if hit:
            found.append(hit)
        elif word.lower() not in METHOD_FILLER and word.lower() not in METHOD_CODES:
            return None
    if not found and not whole:
        return None
    return _one_cell(found + whole, text)


SEGMENT = re.compile(r"\s*[/,;&+]\s*|\s+(?:and|or|then)\s+", re.I)


def method_column_cell(cell: str) -> list[str] | None:
    """The methods of a cell in a column headed as how-assessed: as ``methods_of``, but a part it cannot
    name ("Application form / NMC check", "Interview / scenario") does not hide the methods it can."""
    found = methods_of(cell, allow_single_d=True)
    if found is not None:
        return found
    parts = [p for p in SEGMENT.split(cell.replace(PARAGRAPH, " ").strip().rstrip(".:")) if p.strip()]
    if len(parts) < 2 or len(parts) > 8 or any(len(words(p)) > 4 for p in parts):
        return None
    named: list[str] = []
    for part in parts:
        named += methods_of(part, allow_single_d=True) or [m for pattern, m in METHOD_WORDS if pattern.search(part)]
    return ordered(named) if named else None


def split_list_cell(cell: str) -> tuple[list[str], bool]:
    """A table cell holding a list of criteria, as (items, exact): by paragraphs, bullets, else sentences."""
    if PARAGRAPH in cell:
        pieces = [p for p in cell.split(PARAGRAPH) if p.strip()]
        return [INLINE_BULLET.sub(" ", p).strip() for p in pieces], True
    if INLINE_BULLET.search(cell):
        return [p.strip() for p in INLINE_BULLET.split(cell) if p.strip()], True
    sentences = [p.strip() for p in re.split(r"(?<=[.;])\s+(?=[A-Z])", cell) if p.strip()]
    return sentences, len(sentences) == 1


def mark_positions(raw: str) -> list[int]:
    """Where the marks sit in a flattened cell ("" X "" -> [1]); each paragraph is one slot."""
    tokens = re.split(r"[ \u2029]", raw.strip("\t"))
    return [i for i, t in enumerate(tokens) if t.strip()]


def strip_caps_prefix(label: str) -> str:
    """'ACCOUNTABILITY and RESPONSIBILITY Undertakes tasks' -> 'Undertakes tasks' (a parent heading run in)."""
    match = re.match(r"^((?:[A-Z][A-Z-]+|and|&|of)(?:\s+(?:[A-Z][A-Z-]+|and|&|of))+)\s+([A-Z][a-z].*)$", label)
    return match.group(2) if match else label


def glued_category(text: str) -> tuple[str | None, str]:
    """('Experience', 'Experience of X') from 'Experience Experience of X': category words run into a criterion."""
    found = text.split()
    for n in range(min(4, len(found) - 2), 0, -1):
        head, rest = found[:n], found[n:]
        if all(w.lower().strip(",") in CATEGORY_WORDS for w in head) and rest[0][:1].isupper():
            if head[-1].lower() in {"and", "&", "of", "the", "for", "or", "in"}:
                continue
            return " ".join(head), " ".join(rest)
    return None, text
