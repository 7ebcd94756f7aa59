"""A Hunspell .dic/.aff pair read into a set of every word form (prefixes and suffixes applied). Pure.

Hunspell stores stems with affix flags; expanding them once ("unmunch") turns every later check into a
set lookup, which is what keeps checking off the key path. Only what the shipped en_GB files use is read:
single-character flags, PFX/SFX rules with conditions, cross products, and the REP table.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
BASE = DATA_DIR / "en_GB"


@dataclass(frozen=True)
class Affix:
    """One PFX or SFX line: strip these characters, add those, where the condition matches."""

    strip: str
    add: str
    condition: re.Pattern[str] | None
    cross: bool


@dataclass
class Affixes:
    """The affix rules of an .aff file by flag, and its REP table (common misspellings)."""

    prefixes: dict[str, list[Affix]] = field(default_factory=dict)
    suffixes: dict[str, list[Affix]] = field(default_factory=dict)
    rep: list[tuple[str, str]] = field(default_factory=list)


def parse_aff(text: str) -> Affixes:
    """Read the PFX, SFX and REP lines of an .aff file."""
    out = Affixes()
    cross: dict[str, bool] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        if parts[0] in ("PFX", "SFX") and len(parts) == 4 and parts[2] in ("Y", "N"):
            cross[parts[1]] = parts[2] == "Y"
        elif parts[0] in ("PFX", "SFX") and len(parts) >= 5:
            kind, flag, strip, add, cond = parts[:5]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            anchored = f"^(?:{cond})" if kind == "PFX" else f"(?:{cond})$"
            condition = None if cond == "." else re.compile(anchored)
            table = out.prefixes if kind == "PFX" else out.suffixes
            table.setdefault(flag, []).append(Affix(strip, add, condition, cross.get(flag, False)))
        elif parts[0] == "REP" and len(parts) == 3:
            out.rep.append((parts[1].replace("_", " "), parts[2].replace("_", " ")))
    return out


def _suffixed(word: str, rules: list[Affix]) -> Iterator[tuple[str, bool]]:
    for rule in rules:
        if rule.strip and not word.endswith(rule.strip):
            continue
        if rule.condition is not None and not rule.condition.search(word):
            continue
        yield word[: len(word) - len(rule.strip)] + rule.add, rule.cross


def expand(word: str, flags: str, affixes: Affixes) -> Iterator[str]:
    """Every form of one dictionary entry."""
    yield word
    suffixed: list[tuple[str, bool]] = []
    for flag in flags:
        if flag in affixes.suffixes:
            suffixed += _suffixed(word, affixes.suffixes[flag])
    for form, _ in suffixed:
        yield form
    for flag in flags:
        for rule in affixes.prefixes.get(flag, ()):
            if rule.condition is not None and not rule.condition.search(word):
                continue
            if rule.strip and not word.startswith(rule.strip):
                continue
            yield rule.add + word[len(rule.strip) :]
            if rule.cross:
                for form, cross in suffixed:
                    if cross:
                        yield rule.add + form[len(rule.strip) :]


@dataclass(frozen=True)
class WordList:
    """Every accepted word form, and the .aff REP table for suggestions."""

    words: frozenset[str]
    rep: tuple[tuple[str, str], ...]

    def __contains__(self, word: str) -> bool:
        return word in self.words


def read(base: Path = BASE) -> WordList:
    """Read ``base``.dic and ``base``.aff (UTF-8) into a WordList."""
    affixes = parse_aff(base.with_suffix(".aff").read_text(encoding="utf-8-sig"))
    words: set[str] = set()
    lines = base.with_suffix(".dic").read_text(encoding="utf-8-sig").splitlines()
    for line in lines[1:]:
        entry = line.split("\t", 1)[0].strip()
        if not entry:
            continue
        word, _, flags = entry.partition("/")
        words.update(expand(word, flags, affixes))
    return WordList(frozenset(words), tuple(affixes.rep))


_cache: WordList | None = None
_lock = threading.Lock()


def shared() -> WordList:
    """The shipped en_GB word list, read once per process (call it from a worker: it takes a second or two)."""
    global _cache
    with _lock:
        if _cache is None:
            _cache = read()
        return _cache
