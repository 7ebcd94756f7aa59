"""Reading one session file's ranking parts from its bytes (for ranking_load).

Each file is validated straight from its bytes against a model of just the parts ranking reads
(pydantic's JSON parser, no intermediate dicts). The role, scale and panel, which every session of a
campaign repeats, are validated once per distinct content and found again by their bytes in further
files (``json_spans``), which are then parsed without them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict
from pydantic_core import from_json

from .json_spans import KnownValues, splice
from .models import Conflict, Consensus, Decision, Panel, Role, Scale, Stage, StageChoice, Submission


class Head(BaseModel):
    """The session record's parts that ranking reads, but for its role, scale and panel."""

    model_config = ConfigDict(extra="ignore")

    id: str
    schema_version: int
    candidate: str | None = None
    reference: str | None = None
    stage: Stage = "application"
    created: datetime
    updated: datetime
    stage_choices: list[StageChoice] = []
    gis: bool = False
    conflicts: list[Conflict] = []


class _FullHead(Head):
    """The session record, with role and scale left raw (validated once per content)."""

    role: dict[str, Any]
    scale: dict[str, Any] | None = None  # schema 1 named its scale by id only
    panel: Panel | None = None


class _MarkedHead(Head):
    """The session record with its role, and perhaps its scale and panel, swapped for markers."""

    role: str
    scale: dict[str, Any] | str | None = None
    panel: Panel | str | None = None


class Parts(BaseModel):
    """The parts of a session file that ranking reads, but for the session record."""

    model_config = ConfigDict(extra="ignore")

    submissions: dict[str, Submission] = {}
    consensus: dict[str, Consensus] = {}
    decisions: dict[str, Decision] = {}


class _FullFile(Parts):
    meta: dict[str, _FullHead]


class _MarkedFile(Parts):
    meta: dict[str, _MarkedHead]


class Read(NamedTuple):
    """One file's ranking parts; role and scale are models, or raw where not validated yet."""

    parts: Parts
    head: Head
    role_id: Any  # as stored (not stripped), None if absent
    role: Role | dict[str, Any]
    scale: Scale | dict[str, Any] | None
    panel: Panel | None


class Reader:
    """Reads session files' ranking parts, keeping the roles, scales and panels it validated."""

    LIMIT = 64  # distinct roles or scales kept; more are validated again

    def __init__(self) -> None:
        self.roles: list[tuple[dict[str, Any], Role]] = []
        self.scales: list[tuple[dict[str, Any], Scale]] = []
        self.role_bytes: KnownValues[tuple[Any, Role]] = KnownValues("role")  # (the id as stored, role)
        self.scale_bytes: KnownValues[Scale] = KnownValues("scale")
        self.panel_bytes: KnownValues[Panel] = KnownValues("panel")

    def role(self, raw: dict[str, Any]) -> Role:
        """The role validated from this content (compared as parsed JSON, at C speed)."""
        for seen, role in self.roles:
            if seen == raw:
                return role
        role = Role.model_validate(raw)
        self.roles = [*self.roles[-self.LIMIT :], (raw, role)]
        return role

    def scale(self, raw: dict[str, Any]) -> Scale:
        """The scale validated from this content."""
        for seen, scale in self.scales:
            if seen == raw:
                return scale
        scale = Scale.model_validate(raw)
        self.scales = [*self.scales[-self.LIMIT :], (raw, scale)]
        return scale

    def _role_of(self, span: bytes) -> tuple[Any, Role]:
        parsed = from_json(span)
        return parsed.get("id"), self.role(parsed)

    def _scale_of(self, span: bytes) -> Scale:
        return self.scale(from_json(span))

    def read(self, raw: bytes) -> Read:
        """The ranking parts of a session file's bytes (ValueError, ValidationError if damaged)."""
        role = self.role_bytes.find(raw)
        if role is not None:
            found = self._marked(raw, role)
            if found is not None:
                return found
        data = _FullFile.model_validate_json(raw)
        if not data.meta:
            raise ValueError("no session record")
        end = self.role_bytes.learn(raw, 0, self._role_of)
        if end is not None:
            self.scale_bytes.learn(raw, end, self._scale_of)
            self.panel_bytes.learn(raw, end, Panel.model_validate_json)
        head = next(iter(data.meta.values()))
        return Read(data, head, head.role.get("id"), head.role, head.scale, head.panel)

    def _marked(self, raw: bytes, role: tuple[int, int, tuple[Any, Role]]) -> Read | None:
        """The file read with the known values swapped for markers; None if they were not where found."""
        end = role[1]
        scale, panel = self.scale_bytes.find(raw, end), self.panel_bytes.find(raw, end)
        if scale and panel and scale[0] < panel[1] and panel[0] < scale[1]:
            panel = None  # overlapping: keep one
        marks = [(role[0], end, self.role_bytes.encoded_mark)]
        marks += [(scale[0], scale[1], self.scale_bytes.encoded_mark)] if scale else []
        marks += [(panel[0], panel[1], self.panel_bytes.encoded_mark)] if panel else []
        try:
            marked = _MarkedFile.model_validate_json(splice(raw, sorted(marks)))
        except ValueError:
            return None  # read in full, for the same message as ever
        if not marked.meta:
            return None
        head = next(iter(marked.meta.values()))
        if (
            head.role != self.role_bytes.mark
            or (scale and head.scale != self.scale_bytes.mark)
            or (panel and head.panel != self.panel_bytes.mark)
        ):
            return None
        scale_value = scale[2] if scale else head.scale
        panel_value = panel[2] if panel else head.panel
        if isinstance(scale_value, str) or isinstance(panel_value, str):
            return None  # a string where the file should hold an object: read in full, for its message
        if not scale:
            self.scale_bytes.learn(raw, end, self._scale_of)
        if not panel:
            self.panel_bytes.learn(raw, end, Panel.model_validate_json)
        return Read(marked, head, role[2][0], role[2][1], scale_value, panel_value)
