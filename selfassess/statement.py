"""The supporting statement: counts against limits, evidence checks, gaps, and the statement in order. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .models import Criterion, Evidence, Role, Scale, Session, StatementLimits

NEAR = 0.9  # at 90% of a limit the count turns to a warning

STOPWORDS = set(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "can",
        "could",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
        "within",
        "your",
        "you",
        "able",
        "ability",
        "demonstrate",
        "demonstrated",
        "demonstrable",
        "evidence",
        "evidenced",
        "good",
        "excellent",
        "including",
        "include",
        "includes",
        "other",
        "others",
        "use",
        "using",
        "used",
        "work",
        "working",
        "all",
        "any",
        "each",
        "both",
        "such",
        "must",
        "well",
        "level",
        "levels",
        "own",
        "required",
        "requirement",
        "requirements",
        "understanding",
        "knowledge",
        "experience",
        "skills",
        "skill",
        "effective",
        "effectively",
        "relevant",
        "appropriate",
        "appropriately",
        "previous",
        "current",
        "role",
        "post",
    ]
)

Status = Literal["ok", "near", "over", "none"]


# --- counts ------------------------------------------------------------------------------


def count_words(text: str) -> int:
    """Words as a form counts them: runs of non-space characters."""
    return len(text.split())


def count_chars(text: str) -> int:
    """Characters including spaces and newlines, as NHS Jobs style boxes count them."""
    return len(text)


@dataclass(frozen=True)
class Count:
    """A count against an optional limit."""

    value: int
    limit: int | None
    unit: str

    @property
    def status(self) -> Status:
        if self.limit is None:
            return "none"
        if self.value > self.limit:
            return "over"
        return "near" if self.value >= NEAR * self.limit else "ok"

    def describe(self) -> str:
        return f"{self.value} {self.unit}" + (f" / {self.limit}" if self.limit is not None else "")


def criterion_counts(text: str, limits: StatementLimits) -> list[Count]:
    """Words and characters of one answer against the per-criterion limits."""
    return [
        Count(count_words(text), limits.words_per_criterion, "words"),
        Count(count_chars(text), limits.chars_per_criterion, "chars"),
    ]


def total_counts(session: Session) -> list[Count]:
    """Words and characters of the whole statement against the whole-statement limits."""
    texts = [session.evidence[c.id].text for c in session.role.criteria if c.id in session.evidence]
    limits = session.role.limits
    return [
        Count(sum(count_words(t) for t in texts), limits.words_total, "words"),
        Count(sum(count_chars(t) for t in texts), limits.chars_total, "chars"),
    ]


# --- checks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One evidence check: whether it passed and a sentence that explains why."""

    name: str
    ok: bool
    message: str


WE = re.compile(r"\b(?:we|our|us|ourselves)\b", re.I)
I_WORDS = re.compile(r"\b(?:I|my|me|myself|I'm|I've|I'd)\b")
RESULT = re.compile(
    r"\b(?:result(?:s|ed)?|outcomes?|led\s+to|so\s+that|achiev\w*|reduc\w*|increas\w*|improv\w*|"
    r"saved|sav(?:ing|ings)|feedback|impact\w*|successful\w*|completed|delivered|praised|"
    r"recogni[sz]ed|meant\s+that|consequently|therefore|fell|rose|cut)\b",
    re.I,
)
MEASURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"fifty|hundred|thousand|million|half|double|doubled|tripled|percent|per\s+cent)\b",
    re.I,
)
REFERENCE = re.compile(
    r"\b(?:see|as)\s+(?:above|below|before|earlier|previously)\b|\bcovered\s+(?:above|earlier|"
    r"elsewhere|previously)\b|\bsee\s+(?:my\s+)?(?:answer|response|example|evidence)\b|"
    r"\bas\s+(?:mentioned|stated|described|explained|outlined|noted)\s+(?:above|earlier|"
    r"previously|before)\b|\bsee\s+[ED]\d+\b|\bsame\s+as\s+(?:above|[ED]\d+)\b",
    re.I,
)
TERM = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


def key_terms(criterion_text: str, most: int = 8) -> list[str]:
    """The content words of a criterion, in order, that evidence for it should speak to."""
    seen: list[str] = []
    for word in TERM.findall(criterion_text):
        lower = word.lower().strip("'-")
        if lower in STOPWORDS or len(lower) < 4 or lower in seen:
            continue
        seen.append(lower)
    return seen[:most]


def stem(word: str) -> str:
    return word.lower()[:5] if len(word) > 5 else word.lower()


def term_coverage(criterion_text: str, evidence: str) -> tuple[list[str], list[str]]:
    """(covered, missing) key terms of a criterion in the evidence, matched by word stem."""
    stems = {stem(w) for w in TERM.findall(evidence)}
    terms = key_terms(criterion_text)
    covered = [t for t in terms if stem(t) in stems]
    return covered, [t for t in terms if t not in covered]


def check_evidence(criterion: Criterion, text: str, limits: StatementLimits) -> list[Check]:
    """Explain what a panel will notice about one answer."""
    if not text.strip():
        return [Check("empty", False, "No evidence yet: write a specific example (Situation, Task, Action, Result).")]
    checks: list[Check] = []
    we, i = len(WE.findall(text)), len(I_WORDS.findall(text))
    checks.append(
        Check(
            "voice",
            we <= i,
            f"'I' {i} times, 'we' {we}: say what you did yourself."
            if we > i
            else f"Written about your own actions ('I' {i}, 'we' {we}).",
        )
    )
    checks.append(
        Check(
            "result",
            bool(RESULT.search(text)),
            "Says what happened as a result."
            if RESULT.search(text)
            else "No result or outcome stated: say what changed because of what you did.",
        )
    )
    checks.append(
        Check(
            "measure",
            bool(MEASURE.search(text)),
            "Gives a number or measure."
            if MEASURE.search(text)
            else "No number or measure: add how many, how much, how fast or how often.",
        )
    )
    covered, missing = term_coverage(criterion.text, text)
    if covered or missing:
        message = f"Covers: {', '.join(covered) or 'none'}." + (f" Missing: {', '.join(missing)}." if missing else "")
        checks.append(Check("terms", len(missing) <= len(covered), message))
    reference = REFERENCE.search(text)
    checks.append(
        Check(
            "standalone",
            reference is None,
            f"Refers to another answer ('{reference.group(0)}'): panels score each criterion on its "
            "own, so repeat the evidence here."
            if reference
            else "Stands on its own.",
        )
    )
    for count in criterion_counts(text, limits):
        if count.status == "over":
            checks.append(Check("limit", False, f"Over the limit: {count.describe()}."))
    return checks


# --- the statement -----------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """A criterion likely to cost the candidate at shortlisting."""

    criterion: Criterion
    reason: str
    severe: bool


def gaps(session: Session) -> list[Gap]:
    """Every essential criterion without evidence or rated below 'met' (severe), and empty desirable ones."""
    scale: Scale = session.scale
    out = []
    for c in session.role.criteria:
        ev: Evidence | None = session.evidence.get(c.id)
        empty = ev is None or not ev.text.strip()
        if c.kind == "essential" and empty:
            out.append(Gap(c, "essential, no evidence: likely to fail shortlisting", True))
        elif c.kind == "essential" and ev is not None and ev.self_rating is not None and ev.self_rating < scale.met:
            level = scale.level(ev.self_rating)
            out.append(
                Gap(
                    c,
                    f"essential, self-rated {ev.self_rating} ({level.label if level else '?'}), below "
                    f"'met' ({scale.met}): likely to fail shortlisting",
                    True,
                )
            )
        elif c.kind == "desirable" and empty:
            out.append(Gap(c, "desirable, no evidence", False))
    return out


def status_of(evidence: Evidence | None) -> Literal["empty", "draft", "done"]:
    """empty (no text), draft (text, not yet self-rated) or done (text and a self-rating)."""
    if evidence is None or not evidence.text.strip():
        return "empty"
    return "done" if evidence.self_rating is not None else "draft"


@dataclass
class Section:
    """One criterion of the statement with its evidence."""

    criterion: Criterion
    text: str
    counts: list[Count] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.criterion.id} ({self.criterion.kind}): {self.criterion.text}"


def sections(role: Role, evidence: dict[str, Evidence]) -> list[Section]:
    """The statement criterion by criterion, in the employer's order."""
    return [
        Section(
            c,
            evidence[c.id].text if c.id in evidence else "",
            criterion_counts(evidence[c.id].text if c.id in evidence else "", role.limits),
        )
        for c in role.criteria
    ]
