"""Split one table cell into a given number of criteria (when its marks say it holds several)."""

from __future__ import annotations

import re

from .vocab import OPENERS

PARAGRAPH = "\u2029"
STRONG = re.compile(r"(?<=[.!?;])\s+(?=[\"'‘“(]?[A-Z0-9])")
WEAK = re.compile(r"(?<=[a-z0-9)%])\s+(?=([A-Z][A-Za-z'’-]*))")


def _cut(text: str, positions: list[int]) -> list[str]:
    pieces, start = [], 0
    for pos in sorted(positions):
        pieces.append(text[start:pos])
        start = pos
    pieces.append(text[start:])
    return [p.strip(" " + PARAGRAPH) for p in pieces if p.strip(" " + PARAGRAPH)]


def split_into(text: str, n: int) -> tuple[list[str], bool]:
    """``text`` cut into ``n`` criteria where the evidence allows; returns (pieces, exact).

    Boundaries, strongest first: cell paragraphs, sentence ends, then a lower-case word followed by a
    capitalised word that typically opens a criterion ("... to a good level Good verbal skills").
    """
    text = text.strip()
    if n <= 1:
        return [text.replace(PARAGRAPH, " ")], True
    paragraphs = [m.end() for m in re.finditer(PARAGRAPH, text)]
    if len(paragraphs) + 1 == n:
        return [p.replace(PARAGRAPH, " ") for p in _cut(text, paragraphs)], True
    flat = text.replace(PARAGRAPH, " ")
    strong = [m.start() for m in STRONG.finditer(flat)]
    if len(strong) + 1 >= n:
        chosen = strong if len(strong) + 1 == n else _best(flat, strong, n - 1)
        return _cut(flat, chosen), len(strong) + 1 == n
    weak = [(m.start(), m.group(1)) for m in WEAK.finditer(flat)]
    weak = [(pos, word) for pos, word in weak if pos not in strong]
    need = n - 1 - len(strong)
    openers = [pos for pos, word in weak if word.lower() in OPENERS]
    if len(openers) >= need:
        chosen = strong + (openers if len(openers) == need else _best(flat, openers, need))
        return _cut(flat, chosen), len(openers) == need
    others = [pos for pos, _ in weak if pos not in openers]
    chosen = strong + openers + _best(flat, others, min(need - len(openers), len(others)))
    pieces = _cut(flat, chosen)
    return pieces, False


def _best(text: str, candidates: list[int], k: int) -> list[int]:
    """Choose ``k`` cut positions that make the pieces most even in length."""
    if k <= 0:
        return []
    if k >= len(candidates):
        return list(candidates)
    chosen: list[int] = []
    length = len(text)
    for i in range(1, k + 1):
        target = length * i / (k + 1)
        pool = [c for c in candidates if c not in chosen and (not chosen or c > chosen[-1])]
        if not pool:
            break
        chosen.append(min(pool, key=lambda c: abs(c - target)))
    return chosen
