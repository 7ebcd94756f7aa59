"""A role being reviewed before it is saved: criteria beside the source lines they came from. Pure; no Textual."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .errors import BadInput
from .extract import Extraction
from .extract.result import make_role
from .methods import METHODS
from .models import Kind, Method, Role
from .source_lines import criterion_from_lines, locate_parts, row_criteria

Span = tuple[int, int]


@dataclass
class DraftCriterion:
    """One criterion under review; ``span`` is the first and last source line it came from (inclusive)."""

    text: str
    kind: Kind = "essential"
    category: str | None = None
    assessed_by: list[Method] = field(default_factory=list)
    uncertain: bool = False
    span: Span | None = None
    id: str = "E0"


def _clean(text: str, what: str = "criterion text") -> str:
    text = " ".join(text.split())
    if not text:
        raise BadInput(f"{what}: must not be empty")
    return text


@dataclass
class RoleDraft:
    """Editable criteria in order; ids are renumbered (E1.., D1..) after every change."""

    title: str
    organisation: str | None = None
    guidance: str | None = None
    source: str | None = None
    criteria: list[DraftCriterion] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._renumber()

    @classmethod
    def from_extraction(cls, extraction: Extraction) -> RoleDraft:
        """A draft of what the extractor found, beside the lines it read."""
        spans = [c.span for c in extraction.criteria]
        lines = list(extraction.source_lines)
        return cls(
            title=extraction.title or extraction.source or "Imported role",
            organisation=extraction.organisation,
            guidance=extraction.guidance,
            source=extraction.source,
            criteria=[
                DraftCriterion(c.text, c.kind, c.category, list(c.assessed_by), c.uncertain, span, c.id)
                for c, span in zip(extraction.criteria, spans, strict=True)
            ],
            source_lines=lines,
        )

    def _renumber(self) -> None:
        counters = {"essential": 0, "desirable": 0}
        for criterion in self.criteria:
            counters[criterion.kind] += 1
            criterion.id = f"{'E' if criterion.kind == 'essential' else 'D'}{counters[criterion.kind]}"

    def _check(self, index: int) -> DraftCriterion:
        if not 0 <= index < len(self.criteria):
            raise BadInput(f"criterion {index + 1}: no such row")
        return self.criteria[index]

    def set_text(self, index: int, text: str) -> None:
        """Replace a criterion's text (reviewed, so no longer uncertain)."""
        self._check(index).text = _clean(text)
        self.criteria[index].uncertain = False

    def set_kind(self, index: int, kind: Kind) -> None:
        criterion = self._check(index)
        criterion.kind, criterion.uncertain = kind, False
        self._renumber()

    def toggle_kind(self, index: int) -> None:
        """Essential <-> desirable."""
        self.set_kind(index, "desirable" if self._check(index).kind == "essential" else "essential")

    def set_category(self, index: int, category: str) -> None:
        """Set the category (reviewed, so no longer uncertain)."""
        criterion = self._check(index)
        criterion.category = " ".join(category.split())[:200] or None
        criterion.uncertain = False

    def set_methods(self, index: int, methods: list[Method]) -> None:
        """How the criterion is assessed, kept in the vocabulary's order."""
        unknown = [m for m in methods if m not in METHODS]
        if unknown:
            raise BadInput(f"how assessed: unknown method {unknown[0]!r}")
        criterion = self._check(index)
        criterion.assessed_by = [m for m in METHODS if m in methods]
        criterion.uncertain = False  # reviewed

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
        category = self.criteria[index].category if 0 <= index < len(self.criteria) else None
        self.criteria.insert(index + 1, DraftCriterion(_clean(text), kind, category))
        self._renumber()
        return index + 1

    def join(self, index: int) -> None:
        """Join a criterion with the next one (text, methods and source lines); the first one's kind stays."""
        first = self._check(index)
        if index + 1 >= len(self.criteria):
            raise BadInput(f"{first.id}: no criterion after it to join")
        second = self.criteria.pop(index + 1)
        first.text = f"{first.text} {second.text}"
        first.assessed_by = [m for m in METHODS if m in first.assessed_by or m in second.assessed_by]
        first.category = first.category or second.category
        spans = [s for s in (first.span, second.span) if s is not None]
        first.span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
        first.uncertain = False
        self._renumber()

    def split(self, index: int, parts: list[str]) -> int:
        """Replace a criterion by its parts (each keeps its kind, category, methods); returns the last part's index."""
        original = self._check(index)
        texts = [" ".join(p.split()) for p in parts]
        texts = [t for t in texts if t]
        if len(texts) < 2:
            raise BadInput(f"{original.id}: put each part on its own line to split it")
        spans = self._part_spans(original.span, texts)
        self.criteria[index : index + 1] = [
            DraftCriterion(t, original.kind, original.category, list(original.assessed_by), False, s)
            for t, s in zip(texts, spans, strict=True)
        ]
        self._renumber()
        return index + len(texts) - 1

    def _part_spans(self, span: Span | None, texts: list[str]) -> list[Span | None]:
        if span is None:
            return [None] * len(texts)
        found = locate_parts(texts, self.source_lines[span[0] : span[1] + 1])
        return [(span[0] + s[0], span[0] + s[1]) if s else span for s in found]

    def add_from_lines(self, first: int, last: int) -> int:
        """Turn source lines ``first``..``last`` into a criterion, placed in document order; returns its index."""
        first, last = min(first, last), max(first, last)
        if first < 0 or last >= len(self.source_lines):
            raise BadInput(f"source lines {first + 1}-{last + 1}: no such lines")
        index = sum(1 for c in self.criteria if c.span is not None and c.span[0] <= first)
        row = row_criteria(self.source_lines, first) if first == last else None
        if row:  # a table row read by its header: each criterion cell in its column, with its category
            for offset, (text, kind, category, methods) in enumerate(row):
                self.criteria.insert(index + offset, DraftCriterion(text, kind, category, methods, span=(first, last)))
            self._renumber()
            return index
        found = criterion_from_lines(self.source_lines[first : last + 1])
        before = self.criteria[index - 1] if index else None
        criterion = DraftCriterion(
            found.text,
            found.kind or (before.kind if before else "essential"),
            before.category if before else None,
            found.methods,
            span=(first, last),
        )
        self.criteria.insert(index, criterion)
        self._renumber()
        return index

    def used_lines(self) -> dict[int, list[str]]:
        """Source line index -> ids of the criteria that use it."""
        used: dict[int, list[str]] = {}
        for c in self.criteria:
            if c.span is not None:
                for line in range(c.span[0], min(c.span[1], len(self.source_lines) - 1) + 1):
                    used.setdefault(line, []).append(c.id)
        return used

    def to_role(
        self,
        role_id: str | None = None,
        scale: str = "council-0-5",
        title: str | None = None,
        organisation: str | None = None,
    ) -> Role:
        """The reviewed role; BadInput names the field when it is not valid."""
        title = _clean(title if title is not None else self.title, "title")
        if organisation is not None:
            organisation = " ".join(organisation.split()) or None
        else:
            organisation = self.organisation
        if not self.criteria:
            raise BadInput("criteria: the role has no criteria yet (a adds one, t turns a source line into one)")
        try:
            return make_role(
                self.criteria, role_id, title, organisation, source=self.source, guidance=self.guidance, scale=scale
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            if first["loc"] == ("id",):
                raise BadInput(f"id: role id {role_id!r} must be lower case letters, digits and hyphens") from exc
            raise BadInput(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from exc


MAX_PASTE = 10 * 1024 * 1024


def draft_from_text(text: str, source: str = "pasted text") -> RoleDraft:
    """Extract pasted text into a draft; nothing found gives an empty draft beside the text, not an error."""
    from .extract import extract_text

    if not text.strip():
        raise BadInput(f"{source}: nothing to read (paste the person specification first)")
    if len(text) > MAX_PASTE:
        raise BadInput(f"{source}: over 10 MB of text; paste the person specification part only")
    from .doc_limits import check_text
    from .time_cap import time_cap

    with time_cap(source):
        draft = RoleDraft.from_extraction(extract_text(check_text(Path(source), text), source))
    if draft.title == source:
        draft.title = ""  # no title found: the save dialog asks for one rather than offering "pasted text"
    return draft


def draft_from_file(path: str | os.PathLike[str]) -> RoleDraft:
    """Read a job document into a draft; BadInput (naming the file) only when it cannot be read at all."""
    from .extract import extract_file

    return RoleDraft.from_extraction(extract_file(Path(path).expanduser(), allow_empty=True))
