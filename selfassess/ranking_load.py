"""Loading a role's sessions for ranking (merit order, campaign CSV) fast.

A campaign view needs each session's identity, panel, consensus, decisions and flags, not its
evidence, scores or notes. Each file is validated straight from its bytes against a model of just
those parts (pydantic's JSON parser, no intermediate dicts), and the role and scale, which every
session of a campaign carries a copy of, are validated once per distinct content. The sessions
returned are *ranking copies*: ``evidence``, ``scores`` and ``notes`` are empty. Open a session with
``SessionStore.load`` for anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import BadInput
from .fileio import read_regular
from .models import Conflict, Consensus, Decision, Panel, Role, Scale, Session, Stage, StageChoice, Submission
from .session_files import MAX_SESSION_BYTES, SUFFIX, session_id_ok

if TYPE_CHECKING:
    from .store import SessionStore


class _Head(BaseModel):
    """The session record, with role and scale left raw (validated once per content)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    schema_version: int
    role: dict[str, Any]
    scale: dict[str, Any] | None = None  # schema 1 named its scale by id only
    candidate: str | None = None
    reference: str | None = None
    stage: Stage = "application"
    created: datetime
    updated: datetime
    panel: Panel | None = None
    stage_choices: list[StageChoice] = []
    gis: bool = False
    conflicts: list[Conflict] = []


class _RankingFile(BaseModel):
    """The parts of a session file that ranking reads."""

    model_config = ConfigDict(extra="ignore")

    meta: dict[str, _Head]
    submissions: dict[str, Submission] = {}
    consensus: dict[str, Consensus] = {}
    decisions: dict[str, Decision] = {}


class _Cache:
    """Roles and scales validated once per distinct content (compared as parsed JSON, at C speed)."""

    def __init__(self) -> None:
        self.roles: list[tuple[dict[str, Any], Role]] = []
        self.scales: list[tuple[dict[str, Any], Scale]] = []

    def role(self, raw: dict[str, Any]) -> Role:
        for seen, role in self.roles:
            if seen == raw:
                return role
        role = Role.model_validate(raw)
        self.roles.append((raw, role))
        return role

    def scale(self, raw: dict[str, Any]) -> Scale:
        for seen, scale in self.scales:
            if seen == raw:
                return scale
        scale = Scale.model_validate(raw)
        self.scales.append((raw, scale))
        return scale


def _ranking_copy(data: _RankingFile, cache: _Cache) -> Session:
    head = next(iter(data.meta.values()))
    return Session.model_construct(
        id=head.id,
        schema_version=head.schema_version,
        role=cache.role(head.role),
        scale=cache.scale(head.scale or {}),
        candidate=head.candidate,
        reference=head.reference,
        stage=head.stage,
        created=head.created,
        updated=head.updated,
        evidence={},
        scores=[],
        panel=head.panel,
        submissions=list(data.submissions.values()),
        notes=[],
        consensus=list(data.consensus.values()),
        decisions=list(data.decisions.values()),
        stage_choices=head.stage_choices,
        conflicts=head.conflicts,
        gis=head.gis,
    )


def sessions_for_ranking(
    directory: Path, role_id: str, schema_version: int, load_full: Callable[[str], Session]
) -> tuple[list[Session], list[str]]:
    """Ranking copies of every readable session of ``role_id`` in ``directory``, most recently changed
    first, and one line per file that could not be read. A file of another schema version is loaded
    in full by ``load_full`` (which migrates it)."""
    sessions: list[Session] = []
    problems: list[str] = []
    if not directory.is_dir():
        return sessions, problems
    cache = _Cache()
    for path in directory.glob(f"*{SUFFIX}"):
        if not session_id_ok(path.stem):
            continue
        try:
            raw = read_regular(path, MAX_SESSION_BYTES, "a session file", within=directory)
            data = _RankingFile.model_validate_json(raw)
            if not data.meta:
                raise ValueError("no session record")
            head = next(iter(data.meta.values()))
            if head.role.get("id") != role_id:
                continue
            if head.schema_version == schema_version:
                sessions.append(_ranking_copy(data, cache))
            else:
                sessions.append(load_full(path.stem))
        except (ValidationError, ValueError, RecursionError) as exc:
            problems.append(f"{path}: damaged session file ({str(exc).splitlines()[0]})")
        except BadInput as exc:
            problems.append(exc.problems[0])
    sessions.sort(key=lambda s: (s.updated, s.id), reverse=True)
    return sessions, problems


def ranking_sessions(store: SessionStore, role_id: str) -> list[Session]:
    """Ranking copies of a role's sessions from a store (unreadable files are left out, as
    ``SessionStore.sessions_of_role`` does)."""
    from .store import SCHEMA_VERSION

    return sessions_for_ranking(store.directory, role_id, SCHEMA_VERSION, store.load)[0]
