"""What extraction produces: the DESIGN.md contract, plus an `uncertain` flag per criterion."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from pydantic import BaseModel, Field

from ..models import Criterion, Kind, Method, Role


class ExtractedCriterion(BaseModel):
    """One criterion found in a document."""

    id: str
    text: str
    kind: Kind
    category: str | None = None
    assessed_by: list[Method] = Field(default_factory=list)
    uncertain: bool = Field(default=False, description="Kind or boundaries could not be established")
    span: tuple[int, int] | None = Field(
        default=None, description="First and last index into Extraction.source_lines of the text it came from"
    )

    def contract(self) -> dict:
        """The JSON shape other tools rely on (uncertain only when true; no span)."""
        data = self.model_dump(exclude={"uncertain", "span"})
        if self.uncertain:
            data["uncertain"] = True
        return data


class Extraction(BaseModel):
    """A document's title, organisation, guidance to applicants and criteria, in document order."""

    title: str | None = None
    organisation: str | None = None
    guidance: str | None = None
    criteria: list[ExtractedCriterion] = Field(default_factory=list)
    source: str | None = None
    source_lines: list[str] = Field(
        default_factory=list, description="The text lines the extractor read, after format reading, in order"
    )

    def contract(self) -> dict:
        """The DESIGN.md JSON contract (no source lines, no spans)."""
        return {
            "title": self.title,
            "organisation": self.organisation,
            "guidance": self.guidance,
            "criteria": [c.contract() for c in self.criteria],
        }

    def to_role(self, role_id: str | None = None, scale: str = "council-0-5") -> Role:
        """A role (for the library) made from this extraction; raises pydantic's ValidationError if invalid."""
        title = self.title or (self.source or "Imported role")
        return make_role(
            self.criteria,
            role_id,
            title[:300],
            self.organisation,
            source=self.source,
            guidance=self.guidance,
            scale=scale,
        )


class _CriterionLike(Protocol):
    id: str
    text: str
    kind: Kind
    category: str | None
    assessed_by: list[Method]


def make_role(
    criteria: Iterable[_CriterionLike],
    role_id: str | None,
    title: str,
    organisation: str | None,
    *,
    source: str | None,
    guidance: str | None,
    scale: str,
) -> Role:
    """A role from criteria found or reviewed (id made from the title when not given); pydantic validates it."""
    return Role(
        id=role_id or slug(title),
        title=title,
        organisation=organisation,
        source=source,
        guidance=guidance,
        scale=scale,
        criteria=[
            Criterion(id=c.id, text=c.text, kind=c.kind, category=c.category, assessed_by=c.assessed_by)
            for c in criteria
        ],
    )


def slug(text: str) -> str:
    """A role id made from a title: lower case, words joined by hyphens, at most 48 characters."""
    value = ""
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        joined = f"{value}-{word}" if value else word
        if len(joined) > 48:
            break  # whole words only: no id cut mid-word
        value = joined
    return value or "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:48].strip("-") or "imported-role"
