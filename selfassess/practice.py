"""Interview practice: which criteria an interview assesses, the likely question, cue cards, the clock. Pure."""

from __future__ import annotations

import re

from .answer_text import STAR_LABEL
from .models import Criterion, Role
from .readability import sentences

DEFAULT_SECONDS = 180
STEP_SECONDS = 30
CARD_WORDS = 14

OPENINGS = (
    (
        re.compile(
            r"^(?:proven\s+|demonstrable\s+|significant\s+|substantial\s+)?experience\s+(?:of|in|with)\s+", re.I
        ),
        "Tell us about a time you had experience of {rest}. What did you do, and what was the result?",
    ),
    (
        re.compile(r"^(?:the\s+)?(?:ability|able)\s+to\s+", re.I),
        "Give an example of when you had to {rest}. What did you do, and how did it turn out?",
    ),
    (
        re.compile(r"^(?:good\s+|sound\s+|working\s+|detailed\s+)?(?:knowledge|understanding)\s+of\s+", re.I),
        "What do you know about {rest}, and how have you used it in your work?",
    ),
)


def interview_criteria(role: Role) -> list[Criterion]:
    """Criteria an interview assesses, in the employer's order."""
    return [c for c in role.criteria if "interview" in c.assessed_by]


def questions_for(criterion: Criterion) -> list[str]:
    """The role's own questions for this criterion, else one built from the criterion's wording."""
    if criterion.questions:
        return list(criterion.questions)
    text = " ".join(criterion.text.split()).rstrip(".;:")
    for pattern, template in OPENINGS:
        match = pattern.match(text)
        if match:
            return [template.format(rest=text[match.end() :])]
    lowered = text[:1].lower() + text[1:]
    return [
        f"Tell us about a time that shows this: {lowered}. What was the situation, what did you do, and what "
        "was the result?"
    ]


def _card(text: str) -> str:
    words = text.split()
    return " ".join(words[:CARD_WORDS]) + (" ..." if len(words) > CARD_WORDS else "")


def cue_cards(evidence: str) -> list[tuple[str, str]]:
    """(label, prompt) cue cards from written evidence: its STAR parts where labelled, else its sentences."""
    labelled = list(STAR_LABEL.finditer(evidence))
    cards = []
    if labelled:
        for n, match in enumerate(labelled):
            end = labelled[n + 1].start() if n + 1 < len(labelled) else len(evidence)
            body = evidence[match.end() : end].strip()
            if body:
                cards.append((match.group(0).strip().rstrip(":").strip().capitalize(), _card(body)))
        return cards
    found = sentences(evidence)
    labels = ("Situation", "Task", "Action", "Result", "Reflection")
    if len(found) <= len(labels):
        return [(labels[i] if len(found) > 2 else f"Point {i + 1}", _card(s.text)) for i, s in enumerate(found)]
    return [(f"Point {i + 1}", _card(s.text)) for i, s in enumerate(found[:8])]


def clock(seconds: int) -> str:
    """'3:00', '0:05', '-0:12' (over time)."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"
