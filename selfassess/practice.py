"""Interview practice: which criteria an interview assesses, the likely question, cue cards, the clock. Pure."""

from __future__ import annotations

import re

from .answer_text import STAR_LABEL
from .models import Criterion, Role
from .readability import sentences

DEFAULT_SECONDS = 180
STEP_SECONDS = 30

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
        re.compile(r"^(?:a\s+)?(?:willingness|commitment|keenness|desire)\s+to\s+", re.I),
        "Why do you want to {rest}, and what have you done towards it so far?",
    ),
    (
        re.compile(r"^(?:good\s+|sound\s+|working\s+|detailed\s+)?(?:knowledge|understanding)\s+of\s+", re.I),
        "What do you know about {rest}, and how have you used it in your work?",
    ),
)


def interview_criteria(role: Role) -> list[Criterion]:
    """Criteria an interview assesses, in the employer's order."""
    return [c for c in role.criteria if "interview" in c.assessed_by]


CONDITION = re.compile(
    r"\b(?:regist(?:ered|ration)|licen[cs]e|DBS|driv(?:ing|er)|own\s+car|qualified|qualifications?|"
    r"right\s+to\s+work|insurance|vetting|clearance)\b",
    re.I,
)
"""A clause naming a condition of the job (registration, a licence, a car): confirmed, not shown by 'a time'."""
CLAUSE_BREAK = re.compile(r"(?<=[a-z)\]])\.\s+(?=[A-Z])|;\s+|,\s+(?=(?i:must|should|and\s+must)\b)")


def clauses(text: str) -> list[str]:
    """A criterion's clauses: its sentences, and parts joined by ', Must ...' style commas."""
    tidy = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split())).rstrip(".;:, ")
    return [part.strip(" ,.") for part in CLAUSE_BREAK.split(tidy) if part.strip(" ,.")]


def _lower_first(clause: str) -> str:
    """'Using reflection' -> 'using reflection'; an acronym or a name in capitals ('IT', 'DBS') is kept."""
    return clause[:1].lower() + clause[1:] if clause[1:2].islower() else clause


def _question(clause: str) -> str:
    for pattern, template in OPENINGS:
        match = pattern.match(clause)
        if match:
            return template.format(rest=clause[match.end() :])
    return (
        f"Tell us about a time that shows this: {_lower_first(clause)}. "
        "What was the situation, what did you do, and what was the result?"
    )


def questions_for(criterion: Criterion) -> list[str]:
    """The role's own questions for this criterion, else ones built from its wording: one for what can be
    shown by an example, one asking to confirm each condition of the job (registration, a licence)."""
    if criterion.questions:
        return list(criterion.questions)
    parts = clauses(criterion.text) or [criterion.text.strip()]
    shown = [p for p in parts if not CONDITION.search(p)]
    conditions = [p for p in parts if CONDITION.search(p)]
    out = [_question("; ".join(_lower_first(p) if n else p for n, p in enumerate(shown)))] if shown else []
    out += [f"Can you confirm this: {_lower_first(c)}? Have the details ready." for c in conditions]
    return out


def _card(text: str) -> str:
    """A cue card's text: the part or sentence whole, on one line (the cards scroll when long)."""
    return " ".join(text.split())


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
