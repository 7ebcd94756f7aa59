"""Limits that common application forms put on a supporting statement, to pick from in the app. Pure."""

from __future__ import annotations

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


def parse_custom(text: str) -> StatementLimits:
    """Limits typed as '250 words per criterion', '5000 chars total', '300w each', '4000c' (whole statement).

    Several may be given, separated by commas or semicolons. ValueError names what is not understood.
    """
    values: dict[str, int] = {}
    for part in (p.strip().lower() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        digits = "".join(ch for ch in part if ch.isdigit())
        words = part.replace(digits, " ", 1).split() if digits else []
        if not digits or int(digits) <= 0:
            raise ValueError(f"{part!r}: give a number above 0, e.g. '250 words per criterion'")
        unit_text = " ".join(words)
        unit = "chars" if unit_text.startswith(("c", "char")) else "words" if unit_text.startswith("w") else ""
        if not unit:
            raise ValueError(f"{part!r}: say words or characters")
        each = any(w in unit_text for w in ("each", "per", "criterion", "box", "answer"))
        values[f"{unit}_{'per_criterion' if each else 'total'}"] = int(digits)
    return StatementLimits(**values)
