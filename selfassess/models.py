"""Domain models: roles, criteria and scales. Plain pydantic; no Textual, no TinyDB."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Kind = Literal["essential", "desirable"]
Method = Literal["application", "interview", "test", "presentation", "document", "reference", "other"]

METHODS: tuple[str, ...] = ("application", "interview", "test", "presentation", "document", "reference", "other")
KIND_PREFIX = {"essential": "E", "desirable": "D"}
ROLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Criterion(Strict):
    """One selection criterion of a person specification."""

    id: str = Field(pattern=r"^[ED][1-9][0-9]{0,2}$", description="E1, E2 ... for essential; D1 ... for desirable")
    text: str = Field(min_length=1, max_length=5000, description="The criterion as the employer wrote it")
    kind: Kind = Field(description="essential (must be met to be appointed) or desirable (a bonus)")
    category: str | None = Field(default=None, max_length=200, description="Group heading, e.g. Experience")
    assessed_by: list[Method] = Field(default_factory=list, description="How the criterion is assessed")
    weight: float = Field(default=1.0, gt=0, le=100, description="Weight in the panel's total")
    questions: list[str] = Field(default_factory=list, description="Interview questions for this criterion")

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
    title: str = Field(min_length=1, max_length=300)
    organisation: str | None = Field(default=None, max_length=300)
    source: str | None = Field(default=None, description="File name of the document the role was made from")
    guidance: str | None = Field(default=None, max_length=5000, description="Guidance to applicants")
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
