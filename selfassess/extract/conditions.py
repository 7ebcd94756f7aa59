"""Statements of a condition of employment: a pre-employment check the post is subject to, not a quality of the person.

"This post is subject to an enhanced DBS check", "All appointments are conditional on a satisfactory occupational
health clearance", "The successful candidate will be required to provide proof of the right to work in the UK".
Such a line is a note about the post when nothing marks it as a criterion; under an Essential heading or with an
E/D mark, "Satisfactory DBS check" or "Willingness to undergo a DBS check" is a criterion, and is kept.
"""

from __future__ import annotations

import re

I = re.IGNORECASE  # noqa: E741  (the short flag name vocab.py uses)

CHECK = re.compile(
    r"\bdbs\b|\bcrb\b|disclosure\s+(?:and|&)\s+barring|criminal\s+records?\b|barred\s+lists?|right\s+to\s+work|"
    r"occupational\s+health|medical\s+(?:clearance|check|assessment|questionnaire|screening)|"
    r"pre-?\s*employment\s+(?:checks?|screening|clearance)|safeguarding\s+checks|security\s+(?:vetting|clearance)|"
    r"\bvetting\b",
    I,
)
_POST = r"(?:post|role|position|job|appointment|appointments|vacancy|employment|offers?(?:\s+of\s+\w+)?)"
STATEMENT = re.compile(
    rf"\b{_POST}\b[^.]{{0,60}}?\b(?:is|are|will\s+be)\s+(?:made\s+)?(?:subject\s+to|conditional\s+(?:up)?on|"
    r"dependent\s+(?:up)?on)\b"
    r"|\b(?:successful|appointed)\s+(?:candidate|applicant|person|post\s*holder)s?\b[^.]{0,40}?\b(?:will|must)\s+"
    r"(?:be\s+required\s+to|need\s+to|have\s+to|undergo|obtain|provide|complete)\b"
    rf"|\b(?:is|are|will\s+be)\s+required\s+(?:for|of)\s+(?:this|the|all)\s+{_POST}"
    r"|^(?:[\w ]{1,30}:\s*)?subject\s+to\b",
    I,
)
PERSON = re.compile(r"\b(?:willing(?:ness)?|prepared\s+to|able\s+to|ability|agree(?:ment)?\s+to|consent\s+to)\b", I)


def employment_condition(text: str) -> bool:
    """A sentence saying the post (or an offer) is subject to a check: DBS, right to work, occupational health."""
    return bool(CHECK.search(text) and STATEMENT.search(text) and not PERSON.search(text))
