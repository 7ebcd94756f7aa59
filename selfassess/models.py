"""Domain models: roles, criteria and scales. Plain pydantic; no Textual, no TinyDB."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .clean_fields import (
    CleanLine,
    CleanStr,
    CleanText,
    NoControls,
    RequiredText,
    TitleLine,
)  # text: no control characters
from .methods import METHODS
from .stages import SCORING_STAGES as SCORING_STAGES  # callers look for it with the models

Kind = Literal["essential", "desirable"]
Method = Literal["application", "interview", "test", "presentation", "document", "reference", "other"]

KIND_PREFIX = {"essential": "E", "desirable": "D"}

ROLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class Criterion(Strict):
    """One selection criterion of a person specification."""

    id: str = Field(pattern=r"^[ED][1-9][0-9]{0,2}$", description="E1, E2 ... for essential; D1 ... for desirable")
    text: RequiredText = Field(min_length=1, max_length=5000, description="The criterion as the employer wrote it")
    kind: Kind = Field(description="essential (must be met to be appointed) or desirable (a bonus)")
    category: CleanLine = Field(default=None, max_length=200, description="Group heading, e.g. Experience")
    assessed_by: list[Method] = Field(default_factory=list, description="How the criterion is assessed")
    weight: float = Field(default=1.0, gt=0, le=100, description="Weight in the panel's total")
    questions: list[CleanStr] = Field(default_factory=list, description="Interview questions for this criterion")

    @field_validator("assessed_by")
    @classmethod
    def _methods_once_in_order(cls, value: list[str]) -> list[str]:
        """Treat assessed_by as a set, kept in the vocabulary's order."""
        return [m for m in METHODS if m in value]

    @field_validator("category")
    @classmethod
    def _blank_category_is_none(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _id_matches_kind(self) -> Criterion:
        if self.id[0] != KIND_PREFIX[self.kind]:
            raise ValueError(f"id {self.id} does not match kind {self.kind} (expected prefix {KIND_PREFIX[self.kind]})")
        return self


class Level(Strict):
    """One anchored point of a scoring scale."""

    value: int = Field(ge=0, le=100)
    label: str = Field(min_length=1, max_length=60)
    descriptor: str = Field(min_length=1, max_length=1000, description="What a panellist should see to give it")


class Scale(Strict):
    """An anchored scoring scale such as Civil Service 1-7."""

    id: str = Field(pattern=ROLE_ID.pattern)
    name: str = Field(min_length=1)
    levels: list[Level] = Field(min_length=2)
    met: int = Field(description="Lowest value at which a criterion counts as met")

    @model_validator(mode="after")
    def _levels_ascend_and_met_is_a_level(self) -> Scale:
        values = [level.value for level in self.levels]
        if values != sorted(set(values)):
            raise ValueError("levels must have distinct values in ascending order")
        if self.met not in values:
            raise ValueError(f"met value {self.met} is not one of the levels {values}")
        return self

    @property
    def minimum(self) -> int:
        return self.levels[0].value

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    def level(self, value: int) -> Level | None:
        """The level with this value, or None."""
        return next((level for level in self.levels if level.value == value), None)


class StatementLimits(Strict):
    """Limits an application form puts on the supporting statement; all optional."""

    words_per_criterion: int | None = Field(default=None, gt=0)
    chars_per_criterion: int | None = Field(default=None, gt=0)
    words_total: int | None = Field(default=None, gt=0)
    chars_total: int | None = Field(default=None, gt=0)


class Role(Strict):
    """A job: its person specification in the employer's order, and how it is scored."""

    id: str = Field(pattern=ROLE_ID.pattern, description="Short name used on the command line")
    title: TitleLine = Field(min_length=1, max_length=300)
    organisation: CleanLine = Field(default=None, max_length=300)
    source: CleanLine = Field(default=None, description="File name of the document the role was made from")
    guidance: CleanText = Field(default=None, max_length=5000, description="Guidance to applicants")
    scale: str = Field(default="council-0-5", description="Id of the default scoring scale")
    limits: StatementLimits = Field(default_factory=StatementLimits)
    criteria: list[Criterion] = Field(min_length=1, description="In the order the employer listed them")

    @field_validator("criteria")
    @classmethod
    def _ids_unique(cls, criteria: list[Criterion]) -> list[Criterion]:
        seen: dict[str, int] = {}
        for index, criterion in enumerate(criteria):
            if criterion.id in seen:
                raise ValueError(f"duplicate id {criterion.id} at criteria[{seen[criterion.id]}] and criteria[{index}]")
            seen[criterion.id] = index
        return criteria

    @property
    def essential(self) -> list[Criterion]:
        return [c for c in self.criteria if c.kind == "essential"]

    @property
    def desirable(self) -> list[Criterion]:
        return [c for c in self.criteria if c.kind == "desirable"]

    def criterion(self, criterion_id: str) -> Criterion | None:
        """The criterion with this id, or None."""
        return next((c for c in self.criteria if c.id == criterion_id), None)


# --- sessions ----------------------------------------------------------------------------

Stage = Literal["application", "shortlisting", "interview", "test", "presentation"]
SESSION_ID = r"^[a-z0-9][a-z0-9-]{0,63}$"


class Evidence(Strict):
    """A candidate's evidence for one criterion, with their honest self-rating."""

    criterion: str
    text: str = Field(default="", max_length=200_000)
    self_rating: int | None = Field(default=None, description="On the session's scale; None until rated")
    updated: datetime


class Score(Strict):
    """One panellist's score for one criterion at one stage."""

    panellist: str = Field(min_length=1, max_length=80)
    criterion: str
    stage: Stage
    value: int | None = Field(description="A level of the session's scale; None means not assessed")
    note: NoControls = Field(default="", max_length=20_000)
    time: datetime


class AuditEvent(Strict):
    """One change to a session, as appended to its audit trail (never edited)."""

    time: datetime
    actor: str
    action: str
    criterion: str | None = None
    old: Any = None
    new: Any = None
    login: str | None = Field(default=None, description="The OS login of the terminal that made the change")


Recommendation = Literal["appointable", "reserve", "not appointable"]


class Panel(Strict):
    """Who scores this session, at which stage, and how spreads are flagged."""

    panellists: list[str] = Field(min_length=1, max_length=8)
    chair: str
    stage: Stage = "interview"
    threshold: int = Field(default=2, ge=1, le=10, description="Spread at or above which moderation flags")
    blind: bool = Field(default=False, description="Show the candidate by reference only on panel screens")
    require_notes: bool = Field(default=False, description="Every score needs a short evidence note")
    require_declarations: bool = Field(
        default=False, description="A panellist declares conflicts of interest before scoring a candidate"
    )
    logins: dict[str, str] = Field(default_factory=dict, description="Panellist -> the OS login they score under")
    withdrawn: dict[str, str] = Field(
        default_factory=dict, description="Panellist -> why they left the panel (their scores stay, not counted)"
    )

    @model_validator(mode="after")
    def _chair_is_a_panellist(self) -> Panel:
        names = [p.strip() for p in self.panellists]
        if any(not n for n in names) or len(set(names)) != len(names):
            raise ValueError("panellists must be distinct, non-empty names")
        if any(len(n) > 80 for n in names):
            raise ValueError("panellist names: at most 80 characters each")
        if self.chair not in names:
            raise ValueError(f"chair {self.chair!r} is not one of the panellists")
        if self.chair in self.withdrawn:
            raise ValueError(f"chair {self.chair!r} cannot be withdrawn: name another chair first")
        for name in [*self.logins, *self.withdrawn]:
            if name not in names:
                raise ValueError(f"{name!r} is not one of the panellists")
        for name, login in self.logins.items():
            if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}", login):
                raise ValueError(f"login {login!r} for {name!r}: not a valid login name")
        return self

    @property
    def active(self) -> list[str]:
        """Panellists whose scores count (not withdrawn)."""
        return [p for p in self.panellists if p not in self.withdrawn]


class Submission(Strict):
    """A panellist has submitted (and so locked) their scores for a stage."""

    panellist: str
    stage: Stage
    time: datetime


class Note(Strict):
    """A time-stamped note a panellist took on one criterion."""

    panellist: str
    criterion: str
    stage: Stage
    text: NoControls = Field(min_length=1, max_length=20_000)
    time: datetime


class Consensus(Strict):
    """The panel's agreed score for one criterion at one stage; the original scores are kept."""

    criterion: str
    stage: Stage
    value: int | None
    reason: NoControls = ""
    by: str
    time: datetime
    override: bool = Field(default=False, description="Agreed before every panellist had submitted (chair's reason)")
    to_review: bool = Field(default=False, description="A panellist's score changed after it was agreed")


class Decision(Strict):
    """The panel's recommendation at a stage, with its reason, who recorded it and when."""

    stage: Stage
    recommendation: Recommendation
    reason: NoControls = Field(min_length=1, max_length=20_000)
    by: str
    time: datetime
    to_review: bool = Field(default=False, description="A score or consensus changed after it was recorded")


class StageChoice(Strict):
    """The chair's choice that a stage does (include) or does not score a criterion, against its codes."""

    stage: Stage
    criterion: str
    include: bool = Field(description="True: the stage scores it; False: it does not")
    reason: NoControls = Field(min_length=1, max_length=1000)
    by: str
    time: datetime
    scores_affected: int = Field(default=0, description="Scores of this criterion at the stage when it changed")
    after_scoring: bool = Field(default=False, description="True: made after anyone had scored at the stage")


class Conflict(Strict):
    """A panellist's declaration about one candidate: no conflict, or a conflict with its reason."""

    panellist: str
    conflicted: bool
    reason: NoControls = Field(default="", max_length=2000)
    time: datetime
    withdrawn_by: str | None = Field(default=None, description="The chair who approved withdrawing the conflict")


class Session(Strict):
    """One candidate's application for one role: evidence, and the panel's scores."""

    id: str = Field(pattern=SESSION_ID)
    schema_version: int
    role: Role = Field(description="The session's own copy of the role it was started on")
    scale: Scale = Field(description="The session's own copy of its scoring scale")
    candidate: CleanLine = Field(default=None, max_length=200)
    reference: CleanLine = Field(default=None, max_length=80)
    stage: Stage = "application"
    created: datetime
    updated: datetime
    evidence: dict[str, Evidence] = Field(default_factory=dict, description="By criterion id")
    scores: list[Score] = Field(default_factory=list)
    panel: Panel | None = None
    submissions: list[Submission] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    consensus: list[Consensus] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    stage_choices: list[StageChoice] = Field(
        default_factory=list, description="The chair's changes to which criteria each stage scores, oldest first"
    )
    conflicts: list[Conflict] = Field(
        default_factory=list,
        description="Every declaration and withdrawal, oldest first (the latest per panellist counts)",
    )
    gis: bool = Field(default=False, description="Flagged for the Guaranteed Interview Scheme (Disability Confident)")
    practice: dict[str, str] = Field(
        default_factory=dict, description="Interview practice notes by criterion id; never part of the statement"
    )

    @property
    def blind(self) -> bool:
        """True when the panel scores this candidate by reference only."""
        return self.panel is not None and self.panel.blind

    def display_name(self, blind: bool = False) -> str:
        """How screens and exports name the candidate: 'Name (ref R)', or 'ref R' when blind or unnamed."""
        if blind or not self.candidate:
            return f"ref {self.reference or self.id}"
        return self.candidate + (f" (ref {self.reference})" if self.reference else "")


class SessionSummary(Strict):
    """One line of the session list."""

    id: str
    role_id: str
    role_title: str
    candidate: str | None
    reference: str | None
    stage: Stage
    updated: datetime
    answered: int = Field(default=0, description="Criteria with evidence")
    total: int = Field(default=0, description="Criteria in the role")
    blind: bool = Field(default=False, description="A blind panel's session: listed by reference, never by name")
