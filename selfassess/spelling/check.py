"""Spelling against British English: misspellings, American spellings, the candidate's own words. Pure.

A word is accepted when the en_GB word list or the personal word list holds it (as written, in lower
case, or capitalised). American spellings are found by turning them British (-ize to -ise, -or to
-our, -er to -re, -eled to -elled, -ense to -ence, -og to -ogue, and a short list of others) and
finding the British form in the list; en_GB lists some -ize forms (Oxford spelling), and these are
flagged too when the -ise form exists, as UK public-sector forms use -ise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .dictionary import WordList

WORD = re.compile(r"[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f'’-]*[A-Za-z\u00c0-\u024f])?")

IRREGULAR = {
    "gray": "grey",
    "aluminum": "aluminium",
    "jewelry": "jewellery",
    "mold": "mould",
    "plow": "plough",
    "pajamas": "pyjamas",
    "mustache": "moustache",
    "maneuver": "manoeuvre",
    "pediatric": "paediatric",
    "anemia": "anaemia",
    "anesthetic": "anaesthetic",
    "esophagus": "oesophagus",
    "fetus": "foetus",
    "tire": "tyre",
    "curb": "kerb",
    "cozy": "cosy",
    "skeptical": "sceptical",
    "mom": "mum",
    "math": "maths",
    "fulfill": "fulfil",
    "enroll": "enrol",
    "skillful": "skilful",
    "willful": "wilful",
    "installment": "instalment",
    "enrollment": "enrolment",
    "fulfillment": "fulfilment",
    "judgement": "",
    "aging": "ageing",
}
# (American, British) spelling changes tried anywhere in a word (ize/yze) or at its end (the rest)
INSIDE = (("iza", "isa"), ("ize", "ise"), ("izi", "isi"), ("yz", "ys"), ("or", "our"))
ENDINGS = (
    ("er", "re"),
    ("ers", "res"),
    ("eled", "elled"),
    ("eling", "elling"),
    ("eler", "eller"),
    ("elers", "ellers"),
    ("ense", "ence"),
    ("enses", "ences"),
    ("og", "ogue"),
    ("ogs", "ogues"),
    ("ction", "xion"),
    ("ging", "geing"),  # aging -> ageing, binging -> bingeing
)

Kind = Literal["misspelt", "american"]


@dataclass(frozen=True)
class Issue:
    """A word flagged in a text: where it is, what it is, and (for American spellings) the British form."""

    start: int
    end: int
    word: str
    kind: Kind
    british: str = ""

    def describe(self) -> str:
        return f"{self.word} → {self.british}" if self.kind == "american" else self.word


def _known(word: str, words: WordList, personal: frozenset[str] | set[str]) -> bool:
    return any(form in words or form.lower() in personal for form in (word, word.lower(), word.capitalize()))


def _match_case(original: str, british: str) -> str:
    if original.isupper():
        return british.upper()
    return british.capitalize() if original[:1].isupper() else british


def british_form(word: str, words: WordList) -> str | None:
    """The British spelling of an American one, or None when ``word`` is not an American spelling."""
    lower = word.lower()
    if lower in IRREGULAR:
        return _match_case(word, IRREGULAR[lower]) if IRREGULAR[lower] else None
    for us, uk in INSIDE:
        start = lower.find(us, 3 if us.startswith(("iz", "yz")) else 1)
        while start != -1:
            candidate = lower[:start] + uk + lower[start + len(us) :]
            if candidate in words and (us != "or" or lower not in words):
                return _match_case(word, candidate)
            start = lower.find(us, start + 1)
    if lower in words:
        return None
    for us, uk in ENDINGS:
        if lower.endswith(us) and len(lower) > len(us) + 2:
            candidate = lower[: -len(us)] + uk
            if candidate in words:
                return _match_case(word, candidate)
    return None


def check_spelling(text: str, words: WordList, personal: Iterable[str] = ()) -> list[Issue]:
    """Every misspelt or American word of ``text`` in order (acronyms and words with digits are skipped)."""
    own = {w.lower() for w in personal}
    issues = []
    for match in WORD.finditer(text):
        raw = match.group(0)
        word = raw.replace("’", "'")
        if word.isupper() and len(word) > 1:
            continue  # NHS, DBS, CQSW: acronyms
        parts = [word] if _known(word, words, own) else [p for p in re.split(r"-", word) if p]
        british = british_form(word, words)
        if british:
            issues.append(Issue(match.start(), match.end(), raw, "american", british))
            continue
        if len(parts) == 1 and parts[0] == word and _known(word, words, own):
            continue
        if word.endswith("'s") and _known(word[:-2], words, own):
            continue
        if all(_known(p, words, own) for p in parts) and len(parts) > 1:
            continue
        issues.append(Issue(match.start(), match.end(), raw, "misspelt"))
    return issues
