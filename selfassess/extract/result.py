"""What extraction produces: the DESIGN.md contract, plus an `uncertain` flag per criterion."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..models import Kind, Method


class ExtractedCriterion(BaseModel):
    """One criterion found in a document."""

    id: str
    text: str
    kind: Kind
    category: str | None = None
    assessed_by: list[Method] = Field(default_factory=list)
    uncertain: bool = Field(default=False, description="Kind or boundaries could not be established")

    def contract(self) -> dict:
        """The JSON shape other tools rely on (uncertain only when true)."""
        data = self.model_dump(exclude={"uncertain"})
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

    def contract(self) -> dict:
        return {"title": self.title, "organisation": self.organisation, "guidance": self.guidance,
                "criteria": [c.contract() for c in self.criteria]}
