"""Title, organisation and guidance to applicants, found in a job document's text."""

from __future__ import annotations

import re

from .cells import category_like
from .lines import Line
from .vocab import KIND_HEADING, SPEC_START

TITLE_LABEL = re.compile(
    r"^(?:job|role|post|position)\s*title|^title\s+of\s+(?:the\s+)?(?:post|role|job)|"
    r"^role\s+description|^vacancy|^job\s+role|^post\b|^position\b",
    re.I,
)
REGULATOR = re.compile(
    r"professions|regulat|medical\s+council|nursing|midwifery|dental|pharmac|optical|"
    r"osteopathic|chiropractic|teaching\s+regulation|research\s+council|arts\s+council",
    re.I,
)
DOC_TYPE = re.compile(
    r"^(?:role\s+profile|job\s+(?:description|profile)|person\s+specification|job\s+details|"
    r"role\s+description|section\s+\w+.*|job\s+description\s+(?:and|&)\s+person\s+specification)$",
    re.I,
)
ORGANISATION = re.compile(
    r"\b((?:[A-Z][\w'’&-]*[ ]+){0,4}(?:City|County|Borough|District|Metropolitan|Town|Parish)?[ ]*Council|"
    r"(?:[A-Z][\w'’&-]*[ ]+){1,5}(?:NHS[ ]+)?(?:Foundation[ ]+)?Trust|"
    r"University[ ]+of[ ]+[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*)?|(?:[A-Z][\w'’-]*[ ]+){1,3}University|"
    r"(?:HM|His Majesty's)\s+[A-Z][\w ]{3,40}|Department\s+(?:for|of)\s+[A-Z][\w ,]{3,50}?(?=[.,\n]))"
)
GUIDANCE_CUE = re.compile(
    r"supporting\s+statement|address\s+each|in\s+the\s+order\s+(?:listed|given|shown)|"
    r"separately\s+and\s+in\s+(?:the\s+)?order|how\s+you\s+meet\s+(?:each|the)\s+(?:of\s+the\s+)?criteri|"
    r"evidence\s+(?:of\s+)?how\s+you\s+meet",
    re.I,
)
GUIDANCE_WORDS = ("statement", "address", "order", "meet")  # every cue has one of these
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
NOT_ORGANISATION = re.compile(r"^(?:the|a|an|this|our|your|all|each|every|city|county|borough|district|town)\b", re.I)


DOC_TYPE_EDGE = re.compile(
    r"^\s*(?:job\s+description\s+(?:and|&)\s+)?(?:person\s+specification|job\s+description|role\s+profile)"
    r"(?:\s*[-–—:|]\s*|\s+for\s+|\s+(?=(?-i:[A-Z])))(?=\S)|\s*[-–—:|(]\s*(?:job\s+description\s+(?:and|&)\s+)?"
    r"(?:person\s+specification|job\s+description|role\s+profile)\s*\)?\s*$",
    re.I,
)


def find_title(all_lines: list[Line]) -> str | None:
    """The job title (without a 'Person specification' before or after it)."""
    title = _title(all_lines)
    if title:
        title = DOC_TYPE_EDGE.sub("", title).strip() or title
    return title


def _title(all_lines: list[Line]) -> str | None:
    """A 'Job title:' style field, else the first short line that is not a document type."""
    lines = [line for line in all_lines[:400] if not line.blank]
    for i, line in enumerate(lines[:80]):
        for j, (_, cell) in enumerate(line.filled):
            label = re.sub(r"[:*]+$", "", cell).strip()
            match = re.match(r"^(.{0,30}?)\s*[:]\s*(.+)$", cell)
            if match and TITLE_LABEL.match(match.group(1).strip()) and len(match.group(2).split()) <= 12:
                return match.group(2).strip()
            if (
                TITLE_LABEL.match(label)
                and len(label.split()) <= 4
                and (cell.rstrip().endswith(":") or j + 1 < len(line.filled))
            ):
                rest = [c for _, c in line.filled[j + 1 :]]
                if rest and len(rest[0].split()) <= 12:
                    return rest[0].strip()
                if not rest and i + 1 < len(lines) and len(lines[i + 1].text.split()) <= 12:
                    return lines[i + 1].text.strip()
    for line in lines[:4]:
        if len(line.filled) != 1:
            continue
        value = line.filled[0][1].strip()
        if DOC_TYPE.match(value) or len(value.split()) > 10 or value.endswith(".") or ":" in value:
            continue
        if line.bullet or (KIND_HEADING.match(value) and len(value.split()) <= 3):
            continue  # a list item or "Essential": criteria, not the job
        if SPEC_START.match(value) and DOC_TYPE_EDGE.sub("", value) == value:
            continue  # "Selection criteria": a heading of the criteria
        if category_like(value) or ORGANISATION.fullmatch(value):
            continue
        if re.search(r"[A-Za-z]{3}", value):
            return value
    return None


def find_organisation(text: str) -> str | None:
    """The employer's name: the council, trust, university or department the document names most often."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    canonical: dict[str, str] = {}
    for offset, line in _lines_naming_a_body(text[:100000]):
        for match in ORGANISATION.finditer(line + "\n"):
            _count_name(match.group(1), offset + match.start(), counts, first_seen, canonical)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first_seen[k]))
    return canonical[best]


BODY_WORD = re.compile(r"Council|Trust|University|HM\s|His Majesty|Department")


def _lines_naming_a_body(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the lines that can name an employer: the costly search runs on these only."""
    found, offset = [], 0
    for line in text.split("\n"):
        if BODY_WORD.search(line):
            found.append((offset, line))
        offset += len(line) + 1
    return found


def _count_name(
    raw: str, position: int, counts: dict[str, int], first_seen: dict[str, int], canonical: dict[str, str]
) -> None:
    """Count one organisation name found at ``position`` (leading articles dropped, regulators ignored)."""
    words = re.sub(r"\s+", " ", raw).strip().split()
    while len(words) > 2 and NOT_ORGANISATION.match(words[0]):
        words = words[1:]
    name = " ".join(words)
    if len(words) < 2 or NOT_ORGANISATION.match(name) or REGULATOR.search(name):
        return
    key = name.lower()
    counts[key] = counts.get(key, 0) + 1
    first_seen.setdefault(key, position)
    if key not in canonical or name.split()[-1][0].isupper():
        canonical[key] = name


def find_guidance(lines: list[Line]) -> str | None:
    """The instruction to applicants about the supporting statement, from its first cue sentence."""
    for line in lines:
        paragraph = line.text
        lowered = paragraph.lower()
        if not any(word in lowered for word in GUIDANCE_WORDS):
            continue  # the costly search only on lines holding a cue word
        if not GUIDANCE_CUE.search(paragraph) or len(paragraph) > 2000:
            continue
        sentences = SENTENCE.split(paragraph)
        start = next(i for i, s in enumerate(sentences) if GUIDANCE_CUE.search(s) or i == len(sentences) - 1)
        guidance = " ".join(sentences[start:]).strip()
        if len(guidance.split()) >= 6:
            return guidance
    return None
