"""Suggestions for a misspelt word: known words one or two edits away, the likeliest first. Pure.

Slow next to a check (tens of thousands of lookups for a long word): screens call it from a worker, on
demand, never while the candidate types. Edits are weighted the way people mistype: a swapped pair, a
doubled or undoubled letter and one vowel for another cost less than any other change; the .aff REP
table (f/ph, ness/ity ...) gives more candidates.
"""

from __future__ import annotations

from .check import british_form
from .dictionary import WordList

LETTERS = "abcdefghijklmnopqrstuvwxyz'-"
VOWELS = set("aeiouy")
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ROW = {ch: (r, c) for r, row in enumerate(KEYBOARD) for c, ch in enumerate(row)}


COMMON = frozenset(
    """
the be to of and a in that have it for not on with he as you do at this but his by from they we say her
she or an will my one all would there their what so up out if about who get which go me when make can
like time no just him know take people into year your good some could them see other than then now look
only come its over think also back after use two how our work first well way even new want because any
these give day most us is are was were been has had did does said made should must might shall may very
much many such where while through between during before after without within under each both those
those every never often always again still here why whom whose receive believe achieve separate
definitely necessary until across although though whether which whole where
""".split()  # noqa: SIM905
)
"""The commonest English words: a typo close to one of them most likely meant it ('wich' is 'which')."""
COMMON_BONUS = -0.35
DIGRAPH_FIRST = set("wsctgp")
NAME_COST = 0.5  # a proper noun ('Wych') for a word typed in lower case


def _near(a: str, b: str) -> bool:
    if a not in _ROW or b not in _ROW:
        return False
    (ra, ca), (rb, cb) = _ROW[a], _ROW[b]
    return abs(ra - rb) <= 1 and abs(ca - cb) <= 1


def edits(word: str) -> dict[str, float]:
    """Every string one edit from ``word``, with the cost of that edit."""
    out: dict[str, float] = {}

    def add(candidate: str, cost: float) -> None:
        if candidate and cost < out.get(candidate, 9.0):
            out[candidate] = cost

    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            doubled = (i > 0 and word[i - 1] == right[0]) or (len(right) > 1 and right[1] == right[0])
            add(left + right[1:], 0.5 if doubled else 1.0)
            if len(right) > 1:
                add(left + right[1] + right[0] + right[2:], 0.6)
            for ch in LETTERS:
                if ch != right[0]:
                    vowel = ch in VOWELS and right[0] in VOWELS
                    add(left + ch + right[1:], 0.7 if vowel else 0.85 if _near(ch, right[0]) else 1.0)
        for ch in LETTERS:
            doubling = (i > 0 and word[i - 1] == ch) or (right[:1] == ch)
            digraph = ch == "h" and left[-1:] in DIGRAPH_FIRST  # 'wich', 'shoud': the h of wh/sh/ch/th left out
            add(left + ch + right, 0.5 if doubling else 0.6 if digraph else 1.0)
    return out


def suggest(word: str, words: WordList, most: int = 5) -> list[str]:
    """Known words close to ``word``, best first (British spelling first for an American one)."""
    lower = word.lower()
    found: dict[str, float] = {}
    british = british_form(word, words)
    if british:
        found[british.lower()] = 0.0
    for wrong, right in words.rep:
        start = lower.find(wrong)
        while start != -1:
            candidate = lower[:start] + right + lower[start + len(wrong) :]
            if candidate in words:
                found[candidate] = min(found.get(candidate, 9.0), 0.8)
            start = lower.find(wrong, start + 1)
    first = edits(lower)
    for candidate, cost in first.items():
        if candidate in words or candidate.capitalize() in words:
            found[candidate] = min(found.get(candidate, 9.0), cost)
    if len(found) < most:
        for middle, cost in first.items():
            if cost > 0.7:
                continue  # second edits only after a likely first one: keeps it to a fraction of a second
            for candidate, more in edits(middle).items():
                if candidate in words and candidate != lower:
                    found[candidate] = min(found.get(candidate, 9.0), cost + more)

    def rank(item: tuple[str, float]) -> tuple[float, bool, bool, int, str]:
        candidate, cost = item  # a common word is likelier, a proper noun for a lower-case word less likely
        cost += (COMMON_BONUS if candidate in COMMON else 0.0) + (
            NAME_COST if candidate not in words and word[:1].islower() else 0.0
        )
        return (cost, candidate not in words, candidate[:1] != lower[:1], abs(len(candidate) - len(lower)), candidate)

    ranked = [c for c, _ in sorted(found.items(), key=rank)]
    cased = [c if c in words else c.capitalize() for c in ranked]
    if word[:1].isupper():
        cased = [c[:1].upper() + c[1:] for c in cased]
    return cased[:most]
