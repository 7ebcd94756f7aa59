"""Criteria written as running prose, read only when a document has no list, table or heading of criteria.

Sentences that say what the person must, should or will have ("The post-holder must be able to ...",
"Strong communication skills are essential") are essential; sentences in desirability wording
("... would also be advantageous") are desirable. A sentence that joins an essential clause and a
desirable one ("X are essential and Y would be desirable") is cut in two. Duties ("will be responsible
for ...", imperatives) and application instructions ("you must submit ...") are not criteria. Every
criterion found this way is a guess, so it is marked uncertain.
"""

from __future__ import annotations

import re

from ..models import Kind
from .cells import words
from .lines import Line
from .result import ExtractedCriterion
from .wording import DESIRABLE_WORDING, contact_like, process_note

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
WHO = (
    r"(?:the\s+(?:post[\s-]?holder|successful\s+(?:candidate|applicant)|candidate|applicant|jobholder|person|"
    r"ideal\s+candidate|individual)|you|they|applicants|candidates|he\s+or\s+she|she\s+or\s+he)"
)
REQUIRES = re.compile(
    rf"\b{WHO}\s+(?:must|should|will\s+(?:also\s+)?(?:need|have|be\s+(?:able|expected|required))|"
    rf"(?:is|are)\s+(?:required|expected)\s+to|need\s+to|(?:will\s+)?(?:also\s+)?(?:need|require)s?)\b|"
    r"\b(?:is|are)\s+(?:absolutely\s+)?(?:essential|required|necessary)\b",
    re.I,
)
NOT_A_CRITERION = re.compile(
    r"\b(?:must|should|will|need\s+to)\s+(?:also\s+)?(?:submit|apply|complete|send|return|include|quote|upload|"
    r"register|contact|be\s+responsible\s+for|be\s+accountable|report\s+to|work\s+closely|lead\s+the|manage\s+the)\b|"
    r"\b(?:closing\s+date|interviews?\s+will\s+be\s+held|application\s+form|cookies?)\b",
    re.I,
)
BOTH_CLAUSES = re.compile(
    r"^(?P<a>.+?\b(?:is|are)\s+(?:absolutely\s+)?(?:essential|required|necessary))\s*,?\s+and\s+(?P<b>\S.+)$", re.I
)


def _clauses(sentence: str) -> list[str]:
    """The sentence, or its essential and desirable clauses when it joins one of each."""
    match = BOTH_CLAUSES.match(sentence)
    if match and DESIRABLE_WORDING.search(match.group("b")):
        return [match.group("a"), match.group("b").rstrip(".")]
    return [sentence]


def prose_criteria(lines: list[Line]) -> list[ExtractedCriterion]:
    """Criteria stated in sentences, in document order (numbered E1 ... D1 ...), all marked uncertain."""
    found: list[ExtractedCriterion] = []
    counters: dict[str, int] = {"essential": 0, "desirable": 0}
    for line in lines:
        if line.blank or len(line.filled) != 1:
            continue
        for sentence in SENTENCE.split(line.text):
            for clause in _clauses(sentence.strip()):
                desirable = DESIRABLE_WORDING.search(clause) is not None
                if not (desirable or REQUIRES.search(clause)) or NOT_A_CRITERION.search(clause):
                    continue
                if len(words(clause)) < 4 or len(words(clause)) > 80 or contact_like(clause) or process_note(clause):
                    continue
                kind: Kind = "desirable" if desirable else "essential"
                counters[kind] += 1
                found.append(
                    ExtractedCriterion(
                        id=f"{kind[0].upper()}{counters[kind]}",
                        text=clause,
                        kind=kind,
                        uncertain=True,
                        span=(line.number, line.number),
                    )
                )
    return found
