"""Limits that common application forms put on a supporting statement, to pick from in the app. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import StatementLimits


@dataclass(frozen=True)
class Preset:
    """A named set of limits."""

    id: str
    label: str
    limits: StatementLimits


PRESETS = (
    Preset("none", "No limits", StatementLimits()),
    Preset("cs-250", "Civil Service behaviours: 250 words each", StatementLimits(words_per_criterion=250)),
    Preset("cs-750", "Civil Service personal statement: 750 words", StatementLimits(words_total=750)),
    Preset("cs-1250", "Civil Service personal statement: 1,250 words", StatementLimits(words_total=1250)),
    Preset("nhs-box", "NHS Jobs supporting information: 5,000 characters", StatementLimits(chars_total=5000)),
    Preset("box-1500", "One box of 1,500 characters per criterion", StatementLimits(chars_per_criterion=1500)),
    Preset("council-1500", "Whole statement: 1,500 words", StatementLimits(words_total=1500)),
)

FIELDS = {
    "words_per_criterion": "words per criterion",
    "chars_per_criterion": "characters per criterion",
    "words_total": "words, whole statement",
    "chars_total": "characters, whole statement",
}


def describe(limits: StatementLimits) -> str:
    """'250 words per criterion; 5000 characters, whole statement', or 'no limits'."""
    parts = [f"{getattr(limits, name)} {label}" for name, label in FIELDS.items() if getattr(limits, name)]
    return "; ".join(parts) or "no limits"


MOST = {
    "words_per_criterion": 40_000,
    "chars_per_criterion": 200_000,
    "words_total": 400_000,
    "chars_total": 2_000_000,
}
"""The largest limit that means anything: an answer holds at most 200,000 characters (about 40,000 words)."""
PART = re.compile(r"^(?P<sign>[-−–]?)\s*(?P<number>\d[\d,_ ]*\d|\d)\s*(?P<unit>.*)$")


def out_of_range(limits: StatementLimits) -> str | None:
    """Why these limits cannot be used ('at most 40000 words per criterion'), or None."""
    for name, most in MOST.items():
        value = getattr(limits, name)
        if value is not None and value > most:
            return f"{value} {FIELDS[name]}: at most {most} (an answer holds at most 200000 characters)"
    return None


def parse_custom(text: str) -> StatementLimits:
    """Limits typed as '250 words per criterion', '5000 chars total', '300w each', '4000c' (whole statement).

    Several may be given, separated by commas or semicolons ('5,000' is one number). ValueError names the
    part not understood and why: no number, a number below 1 or too large, no unit.
    """
    values: dict[str, int] = {}
    for part in (p.strip().lower() for p in re.split(r"[;,](?!\d{3}(?!\d))", text)):
        if not part:
            continue
        match = PART.match(part)
        if match is None:
            raise ValueError(f"{part!r}: start with a number, e.g. '250 words per criterion'")
        number = int(re.sub(r"[,_ ]", "", match["number"]))
        if match["sign"] or number <= 0:
            raise ValueError(f"{part!r}: give a number above 0, e.g. '250 words per criterion'")
        unit_text = match["unit"].strip()
        unit = "chars" if unit_text.startswith(("c", "char")) else "words" if unit_text.startswith("w") else ""
        if not unit:
            raise ValueError(f"{part!r}: say words or characters")
        each = any(w in unit_text for w in ("each", "per", "criterion", "box", "answer"))
        name = f"{unit}_{'per_criterion' if each else 'total'}"
        if number > MOST[name]:
            raise ValueError(
                f"{part!r}: at most {MOST[name]} {FIELDS[name]} (an answer holds at most 200000 characters)"
            )
        values[name] = number
    return StatementLimits(**values)
