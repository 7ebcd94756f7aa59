"""Advice on how an answer reads: long sentences and a reading-ease figure. Pure.

Reading ease is Flesch's formula (1948), 206.835 - 1.015 x (words per sentence) - 84.6 x (syllables
per word), with syllables counted as groups of vowels (a final silent "e" dropped, at least one per
word). Libraries that do this offline (textstat) pull in nltk and its downloaded data, so the formula is
written out here. Roughly: 60-70 is plain English, under 30 is hard going.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_SENTENCE = 30  # words
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n|\n(?=\s*[-*•]\s)")
WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer: where it starts and how many words it has."""

    start: int
    text: str
    words: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text (a blank line or a bullet also ends one)."""
    out, start = [], 0
    for end in [*(m.start() for m in SENTENCE_END.finditer(text)), len(text)]:
        chunk = text[start:end]
        if chunk.strip():
            out.append(Sentence(start + len(chunk) - len(chunk.lstrip()), chunk.strip(), len(chunk.split())))
        start = end
        match = SENTENCE_END.match(text, end)
        if match:
            start = match.end()
    return out


def long_sentences(text: str, limit: int = LONG_SENTENCE) -> list[Sentence]:
    """Sentences over ``limit`` words."""
    return [s for s in sentences(text) if s.words > limit]


def syllables(word: str) -> int:
    lower = word.lower()
    if len(lower) > 3 and lower.endswith("e") and not lower.endswith(("le", "ee", "ye")):
        lower = lower[:-1]
    return max(1, len(VOWEL_GROUP.findall(lower)))


def reading_ease(text: str) -> float | None:
    """Flesch reading ease of a text, or None when it is too short to say (under 20 words)."""
    words = WORD.findall(text)
    found = sentences(text)
    if len(words) < 20 or not found:
        return None
    per_sentence = len(words) / len(found)
    per_word = sum(syllables(w) for w in words) / len(words)
    return round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1)


def describe_ease(score: float) -> str:
    if score >= 60:
        return "plain English"
    if score >= 40:
        return "fairly hard"
    return "hard going: shorter sentences and words help"
