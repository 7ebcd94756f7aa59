"""The supporting statement: counts against limits, evidence checks, gaps, and the statement in order. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .answer_text import stored_form as stored_form
from .answer_text import submitted_answer as submitted_answer
from .answer_text import substance as substance
from .controls import strip_controls
from .models import Criterion, Evidence, Role, Scale, Session, StatementLimits

NEAR = 0.9  # at 90% of a limit the count turns to a warning

STOPWORDS = frozenset(
    """
a an and are as at be been being by can could for from has have in into is it its of on or our that
the their them they this to was were which who will with within your you able ability demonstrate
demonstrated demonstrable evidence evidenced good excellent including include includes other others
use using used work working all any each both such must well level levels own required requirement
requirements understanding knowledge experience skills skill effective effectively relevant
appropriate appropriately previous current role post least following personal achievement
achievements area areas range wide variety various high highly strong proven sound clear clearly
basic general particular specific similar related where when what how while also more most than then
there these those through across under over about after before between without would should shall
may might need needs needed ensure ensuring way ways etc minimum years year months equivalent
commitment committed willingness willing candidate applicants applicant job
central key core main relation relations regard regards respect line order date dates part parts
provide provided providing given give make making made take taking put get full fully whole new
etc including like very much many some every number variety wider broad broadly keep keeping easily
understood different find based require requires plus dependent carrying covers uses drawing operates
follow worked prior associated
""".split()  # noqa: SIM905
)
"""Words too general to be a key term of a criterion (filler, not the thing assessed)."""
FILLER_PHRASES = re.compile(
    r"\b(?:up[- ]to[- ]date|in\s+relation\s+to|with\s+regards?\s+to|in\s+respect\s+of|in\s+line\s+with|"
    r"as\s+well\s+as|at\s+least|such\s+as|as\s+required|in\s+order\s+to|central\s+to|in\s+terms\s+of|"
    r"a\s+range\s+of|a\s+number\s+of|on\s+behalf\s+of|the\s+role\s+holder|post\s+holders?)\b",
    re.I,
)
"""Phrases that only join a criterion's ideas ('up to date', 'in relation to'): none of their words is a term."""
COMPOUNDS = re.compile(
    r"\b(?:young\s+people|social\s+work|social\s+care|service\s+users?|child\s+protection|child\s+care|"
    r"health\s+and\s+safety|equal\s+opportunities|customer\s+service|team\s+work|case\s+work)\b",
    re.I,
)
"""Two words that name one thing ('young people', 'social work'): one term, covered when both are there."""

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
    """Words and characters of one answer as it will be submitted, against the per-criterion limits."""
    text = submitted_answer(text)
    return [
        Count(count_words(text), limits.words_per_criterion, "words"),
        Count(count_chars(text), limits.chars_per_criterion, "chars"),
    ]


def total_counts(session: Session) -> list[Count]:
    """Words and characters of the whole statement as it will be submitted (each answer under its criterion's
    heading, as F4 copies it) against the whole-statement limits."""
    text = submitted_statement(session).rstrip("\n")
    limits = session.role.limits
    return [
        Count(count_words(text), limits.words_total, "words"),
        Count(count_chars(text), limits.chars_total, "chars"),
    ]


def form_heading(criterion_id: str, text: str) -> str:
    """A criterion's heading in the submitted statement: 'E1: the criterion's text' on one line."""
    return f"{criterion_id}: {strip_controls(' '.join(text.split()))}"


def submitted_statement(session: Session, include_unanswered: bool = False) -> str:
    """The whole statement as it will be submitted: in the employer's order, each answer (as submitted) under
    its criterion's heading; unanswered criteria left out unless asked for."""
    parts = []
    for c in session.role.criteria:
        ev = session.evidence.get(c.id)
        answer = submitted_answer(ev.text) if ev else ""
        if answer or include_unanswered:
            parts.append(f"{form_heading(c.id, c.text)}\n\n{answer}".rstrip())
    return "\n\n".join(parts) + ("\n" if parts else "")


# --- checks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One evidence check: whether it passed and a sentence that explains why."""

    name: str
    ok: bool
    message: str


WE = re.compile(r"\b(?:we|our|us|ourselves)\b", re.I)
I_WORDS = re.compile(r"\b(?:I|my|me|myself|I'm|I've|I'd)\b")
RESULT = re.compile(  # 'completed' or 'delivered' says what was done, not what changed: not a result
    r"\b(?:result(?:s|ed)?|outcomes?|led\s+to|so\s+that|achiev\w*|reduc\w*|increas\w*|improv\w*|"
    r"saved|sav(?:ing|ings)|feedback|impact\w*|successful\w*|praised|"
    r"recogni[sz]ed|meant\s+that|consequently|therefore|fell|rose|cut)\b",
    re.I,
)
MEASURE = re.compile(  # a year ('in 2019') says when, not how much: it is not a measure
    r"(?<!\d)(?!(?:19|20)\d\d(?![\d%]|[.,]\d))\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
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
    """The content words (and two-word names such as 'young people') of a criterion, in order, that evidence
    for it should speak to; joining phrases ('up to date', 'in relation to') and filler words are left out."""
    text = FILLER_PHRASES.sub(" ; ", criterion_text)
    seen: list[str] = []
    in_compounds: set[str] = set()  # 'social' is not a term of its own beside 'social work'
    for match in re.finditer(rf"{COMPOUNDS.pattern}|{TERM.pattern}", text, re.I):
        lower = " ".join(match.group(0).lower().strip("'-").split())
        if lower in STOPWORDS or len(lower) < 4 or lower in seen or stem(lower) in in_compounds:
            continue
        seen.append(lower)
        if " " in lower:
            in_compounds.update(stem(part) for part in lower.split())
    return seen[:most]


IRREGULAR = {
    "led": "lead", "wrote": "write", "written": "write", "taught": "teach", "built": "build", "brought": "bring",
    "ran": "run", "made": "make", "sought": "seek", "thought": "think", "gave": "give", "given": "give",
    "spoke": "speak", "spoken": "speak", "chose": "choose", "chosen": "choose", "met": "meet", "dealt": "deal",
    "children": "child", "people": "person", "analyses": "analyse", "analysed": "analyse",
}  # fmt: skip
SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def stem(word: str) -> str:
    """A crude stem for matching a criterion's words in an answer: 'leading', 'led' and 'lead' agree, as do
    'managed' and 'managing' (an irregular past or plural first, then -ing/-ed/-es/-s, then 5 letters)."""
    lower = word.lower()
    lower = IRREGULAR.get(lower, lower)
    bare = SUFFIX.sub("", lower)
    lower = bare if len(bare) >= 3 else lower
    return lower[:5]


def stems_of(text: str) -> set[str]:
    """Stems of every word of a text, and of each part of a hyphenated word ("post-qualifying")."""
    out = set()
    for word in TERM.findall(text):
        out.add(stem(word.strip("'-")))
        out.update(stem(part) for part in word.split("-") if len(part) >= 3)
    return out


def term_coverage(criterion_text: str, evidence: str) -> tuple[list[str], list[str]]:
    """(covered, missing) key terms of a criterion in the evidence, matched by word stem."""
    stems = stems_of(evidence)
    terms = key_terms(criterion_text)
    covered = [
        t for t in terms if stem(t) in stems or all(stem(p) in stems for p in re.split(r"[- ]", t) if len(p) >= 3)
    ]
    return covered, [t for t in terms if t not in covered]


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in TERM.findall(text)]
    return {tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3))}


def reused_from(text: str, others: dict[str, str]) -> str | None:
    """The id of another answer this one repeats (mostly word for word), or None."""
    mine = _shingles(substance(text))
    if len(mine) < 5:
        return None
    for cid, other in others.items():
        theirs = _shingles(substance(other))
        if theirs and len(mine & theirs) >= 0.8 * min(len(mine), len(theirs)):
            return cid
    return None


def _found(name: str, pattern: re.Pattern[str], text: str, yes: str, no: str) -> Check:
    """A check that passes when the pattern occurs in the text."""
    found = pattern.search(text) is not None
    return Check(name, found, yes if found else no)


def check_evidence(
    criterion: Criterion, text: str, limits: StatementLimits, others: dict[str, str] | None = None
) -> list[Check]:
    """Explain what a panel will notice about one answer (``others``: the other answers, by criterion id)."""
    full = text
    text = substance(text)
    if not text:
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
        _found(
            "result",
            RESULT,
            text,
            "Says what happened as a result.",
            "No result or outcome stated: say what changed because of what you did.",
        )
    )
    checks.append(
        _found(
            "measure",
            MEASURE,
            text,
            "Gives a number or measure.",
            "No number or measure: add how many, how much, how fast or how often.",
        )
    )
    covered, missing = term_coverage(criterion.text, text)
    if covered or missing:
        message = f"Covers: {', '.join(covered) or 'none'}." + (f" Missing: {', '.join(missing)}." if missing else "")
        checks.append(Check("terms", not missing, message))  # a tick only when every key term is there
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
    repeated = reused_from(text, others or {})
    if repeated is not None:
        checks.append(
            Check("repeat", False, f"Repeats your answer to {repeated}: tailor it to this criterion's own words.")
        )
    for count in criterion_counts(full, limits):
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


def from_statement(criterion: Criterion) -> bool:
    """True when the written statement is assessed for this criterion (application, or no codes)."""
    return not criterion.assessed_by or "application" in criterion.assessed_by


def gaps(session: Session) -> list[Gap]:
    """What to fix before sending, in order: severe (essential and shortlisted on the statement: empty or
    rated below 'met'; any answer over the form's limit), then advice (desirable empty, drafts not rated,
    criteria assessed later rather than from the statement)."""
    scale: Scale = session.scale
    out = []
    for c in session.role.criteria:
        ev: Evidence | None = session.evidence.get(c.id)
        status = status_of(ev)
        shortlisted = from_statement(c)
        over = [n for n in criterion_counts(ev.text if ev else "", session.role.limits) if n.status == "over"]
        if over:
            out.append(Gap(c, f"over the form's limit ({over[0].describe()}): the form will not take it", True))
        if c.kind == "essential" and shortlisted and status == "empty":
            out.append(Gap(c, "essential, no evidence: likely to fail shortlisting", True))
        elif status != "empty" and ev is not None and ev.self_rating is not None and ev.self_rating < scale.met:
            level = scale.level(ev.self_rating)
            label = f"self-rated {ev.self_rating} ({level.label if level else '?'}), below 'met' ({scale.met})"
            if c.kind == "essential" and shortlisted:
                out.append(Gap(c, f"essential, {label}: likely to fail shortlisting", True))
            else:
                out.append(Gap(c, f"{c.kind}, {label}", False))
        elif status == "draft":
            out.append(Gap(c, "draft, not self-rated yet (ctrl+r)", False))
        elif status == "empty" and not shortlisted:
            methods = ", ".join(c.assessed_by)
            out.append(Gap(c, f"{c.kind}, assessed by {methods}, not from the statement: prepare an example", False))
        elif status == "empty":
            out.append(Gap(c, "desirable, no evidence", False))
    return sorted(out, key=lambda g: not g.severe)


def status_of(evidence: Evidence | None) -> Literal["empty", "draft", "done"]:
    """empty (no text of the candidate's own), draft (text, not yet self-rated) or done (text and a self-rating)."""
    if evidence is None or not substance(evidence.text):
        return "empty"
    return "done" if evidence.self_rating is not None else "draft"


def last_edited(session: Session) -> int:
    """Index of the criterion whose evidence changed last (0 when nothing is written yet)."""
    order = {c.id: i for i, c in enumerate(session.role.criteria)}
    edited = [(ev.updated, n, cid) for n, (cid, ev) in enumerate(session.evidence.items()) if cid in order]
    return order[max(edited)[2]] if edited else 0  # same second: the one saved later in the file


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
    """The statement criterion by criterion, in the employer's order, each answer as it will be submitted."""
    return [
        Section(
            c,
            submitted_answer(evidence[c.id].text) if c.id in evidence else "",
            criterion_counts(evidence[c.id].text if c.id in evidence else "", role.limits),
        )
        for c in role.criteria
    ]
