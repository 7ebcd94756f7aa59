"""A role being reviewed after import: correct text, kind, category and order, delete and add criteria."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from .errors import BadInput
from .extract import ExtractedCriterion, Extraction
from .extract.result import slug
from .models import Kind, Role


@dataclass
class RoleDraft:
    """Editable criteria in order; ids are renumbered (E1.., D1..) after every change."""

    title: str
    organisation: str | None = None
    guidance: str | None = None
    source: str | None = None
    criteria: list[ExtractedCriterion] = field(default_factory=list)

    @classmethod
    def from_extraction(cls, extraction: Extraction) -> RoleDraft:
        return cls(
            title=extraction.title or extraction.source or "Imported role",
            organisation=extraction.organisation,
            guidance=extraction.guidance,
            source=extraction.source,
            criteria=[c.model_copy() for c in extraction.criteria],
        )

    def _renumber(self) -> None:
        counters = {"essential": 0, "desirable": 0}
        for criterion in self.criteria:
            counters[criterion.kind] += 1
            criterion.id = f"{'E' if criterion.kind == 'essential' else 'D'}{counters[criterion.kind]}"

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.criteria):
            raise BadInput(f"criterion {index + 1}: no such row")

    def set_text(self, index: int, text: str) -> None:
        """Replace a criterion's text (reviewed, so no longer uncertain)."""
        self._check(index)
        text = " ".join(text.split())
        if not text:
            raise BadInput("criterion text: must not be empty")
        self.criteria[index].text = text
        self.criteria[index].uncertain = False

    def toggle_kind(self, index: int) -> None:
        """Essential <-> desirable."""
        self._check(index)
        c = self.criteria[index]
        c.kind = "desirable" if c.kind == "essential" else "essential"
        c.uncertain = False
        self._renumber()

    def set_category(self, index: int, category: str) -> None:
        self._check(index)
        self.criteria[index].category = " ".join(category.split()) or None

    def move(self, index: int, delta: int) -> int:
        """Move a criterion up (-1) or down (+1); returns its new index."""
        self._check(index)
        target = max(0, min(len(self.criteria) - 1, index + delta))
        self.criteria.insert(target, self.criteria.pop(index))
        self._renumber()
        return target

    def delete(self, index: int) -> None:
        self._check(index)
        del self.criteria[index]
        self._renumber()

    def add(self, index: int, text: str, kind: Kind = "essential") -> int:
        """Insert a new criterion after ``index`` (-1 for the top); returns its index."""
        text = " ".join(text.split())
        if not text:
            raise BadInput("criterion text: must not be empty")
        category = self.criteria[index].category if 0 <= index < len(self.criteria) else None
        self.criteria.insert(index + 1, ExtractedCriterion(id="E0", text=text, kind=kind, category=category))
        self._renumber()
        return index + 1

    def to_role(self, role_id: str | None = None, scale: str = "council-0-5") -> Role:
        """The reviewed role; BadInput names the field when it is not valid."""
        extraction = Extraction(
            title=self.title,
            organisation=self.organisation,
            guidance=self.guidance,
            source=self.source,
            criteria=self.criteria,
        )
        try:
            return extraction.to_role(role_id or slug(self.title), scale=scale)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise BadInput(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from exc
