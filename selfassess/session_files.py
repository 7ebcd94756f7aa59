"""Reading session files without the full model: the raw document, and a quick summary for listings.

Kept free of pydantic and TinyDB so the first screen can list sessions fast; SessionStore validates
a session fully when it is opened.
"""

from __future__ import annotations

import glob
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .answer_text import substance
from .errors import BadInput
from .fileio import read_regular

SUFFIX = ".json"
SCHEMA_VERSION = 2
MAX_SESSION_BYTES = 16 * 1024 * 1024  # a full statement and panel record is well under 1 MB
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class SessionNotFound(BadInput):
    """No session with that id in the folder."""


class SessionDamaged(BadInput):
    """The session file exists but cannot be read; it is left untouched."""


class SessionTooNew(SessionDamaged):
    """Written by a newer selfassess: not damaged, and never to be rolled back by `repair`."""


def schema_version_of(data: dict[str, Any], path: Path) -> int:
    """The schema version of a raw session document (1 when unmarked): SessionTooNew if newer than this
    selfassess, SessionDamaged if not a positive integer. The one verdict for listings and loading."""
    meta = next(iter(data["meta"].values()))
    version = meta.get("schema_version", 1) if isinstance(meta, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise SessionTooNew(
            f"{path}: schema version {version!r} is newer than this selfassess "
            f"understands ({SCHEMA_VERSION}); upgrade selfassess"
        )
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionDamaged(
            f"{path}: damaged session file (schema version {version!r}); run `selfassess repair {path.stem}`"
        )
    return version


def require_own_id(data: dict[str, Any], path: Path) -> None:
    """SessionDamaged if the record names a session other than its file does (a renamed or edited file):
    listed under one id and opened under the other, it would be reachable by neither."""
    meta = next(iter(data["meta"].values()))
    inner = meta.get("id") if isinstance(meta, dict) else None
    expected = owner_of(path.name) or path.stem
    if isinstance(inner, str) and inner != expected:
        raise SessionDamaged(
            f"{path}: damaged session file (it holds session id {inner!r} but its file name says {expected!r}); "
            f"run `selfassess repair {expected}`"
        )


def session_id_ok(value: object) -> bool:
    """True for a well-formed session id (no path separators, no dots)."""
    return isinstance(value, str) and bool(_ID.match(value))


@dataclass(frozen=True)
class SessionPaths:
    """Every file that belongs to one session, named in one place.

    ``<id>.json`` the session; ``.json.bak`` the version before the last write; ``.json.lock`` the
    lock every read-modify-write holds; ``<id>.audit.jsonl`` the audit trail; ``.json.damaged-TIME``
    what `repair` set aside; ``<id>.<hash>.lease`` a panellist's lease (identity.lease_path).
    """

    directory: Path
    id: str

    @classmethod
    def of(cls, directory: Path, session_id: str) -> SessionPaths:
        """The paths of a session; SessionNotFound if the id is not well formed."""
        if not session_id_ok(session_id):
            raise SessionNotFound(f"{session_id!r}: not a session id")
        return cls(directory, session_id)

    @property
    def file(self) -> Path:
        return self.directory / f"{self.id}{SUFFIX}"

    @property
    def backup(self) -> Path:
        return self.directory / f"{self.id}{SUFFIX}.bak"

    @property
    def lock(self) -> Path:
        return self.directory / f"{self.id}{SUFFIX}.lock"

    @property
    def audit(self) -> Path:
        return self.directory / f"{self.id}.audit.jsonl"

    def staging(self, tag: object) -> Path:
        """A hidden name beside the backup, used to swap it in atomically."""
        return self.directory / f".{self.id}{SUFFIX}.bak.{tag}"

    def damaged(self, when: datetime) -> Path:
        """Where `repair` sets a damaged file aside."""
        return self.directory / f"{self.id}{SUFFIX}.damaged-{when:%Y%m%dT%H%M%S}"

    def replaced(self, path: Path, when: datetime) -> Path:
        """Where `import-session --force` keeps the file it replaced (the session or its audit)."""
        return path.with_name(f"{path.name}.replaced-{when:%Y%m%dT%H%M%S}")

    def damaged_copies(self) -> list[Path]:
        """Damaged files `repair` has set aside, oldest first."""
        return sorted(self.directory.glob(f"{glob.escape(self.id + SUFFIX)}.damaged-*"))

    def all_files(self) -> list[Path]:
        """Every file in the folder that belongs to this session (what `purge` deletes), the lock last."""
        found = [p for p in self.directory.iterdir() if owner_of(p.name) == self.id]
        return sorted(found, key=lambda p: (p == self.lock, p.name))


_OWNED = re.compile(
    r"^\.?(?P<id>[a-z0-9][a-z0-9-]{0,63})(?:\.json(?:\.bak|\.lock|\.(?:damaged|replaced)-\d{8}T\d{6})?"
    r"|\.audit\.jsonl(?:\.replaced-\d{8}T\d{6})?|\.[0-9a-f]{12}\.lease|\.json\.bak\.\d+|\.json\.[A-Za-z0-9_]+\.tmp"
    r"|\.audit\.jsonl\.[A-Za-z0-9_]+\.tmp)$"
)


def owner_of(name: str) -> str | None:
    """The session id a file in the sessions folder belongs to (session, backup, lock, audit, damaged or
    replaced copy, staging or temp file), or None for anything else."""
    match = _OWNED.match(name)
    if match is None:
        return None
    hidden = name.startswith(".")
    visible_kinds = not any(name.endswith(t) for t in (".tmp",)) and not re.search(r"\.json\.bak\.\d+$", name)
    return match.group("id") if hidden != visible_kinds else None


def read_session_file(path: Path) -> dict[str, Any] | None:
    """The raw TinyDB document of a session file; None if missing; SessionDamaged if unreadable."""
    if not path.exists() and not path.is_symlink():
        return None
    try:
        raw = read_regular(path, MAX_SESSION_BYTES, "a session file", within=path.parent, empty_ok=True)
    except BadInput as exc:
        raise SessionDamaged(*exc.problems) from exc
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise SessionDamaged(
            f"{path}: damaged session file (not valid JSON: {exc}); run `selfassess repair {path.stem}`"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict) or not data["meta"]:
        raise SessionDamaged(f"{path}: damaged session file (no session record); run `selfassess repair {path.stem}`")
    return data


@dataclass(frozen=True)
class QuickSession:
    """What a session list shows, read straight from the file."""

    id: str
    role_title: str
    candidate: str | None
    reference: str | None
    updated: datetime
    answered: int
    total: int
    panel: bool = False
    blind: bool = False
    done: int = 0  # criteria with evidence and a self-rating (as the candidate screen's rail counts done)


def _done(evidence: Any) -> bool:
    """Evidence of the candidate's own (not just the STAR template) with a self-rating."""
    return (
        isinstance(evidence, dict)
        and evidence.get("self_rating") is not None
        and bool(substance(str(evidence.get("text", ""))))
    )


_KINDS: dict[type, str] = {str: "text", dict: "a record", list: "a list"}


def _field(record: dict[str, Any], name: str, kind: type, path: Path, optional: bool = False) -> Any:
    """One field of a session record, of the type a listing needs; SessionDamaged names it if not."""
    value = record.get(name)
    if (value is None and optional) or isinstance(value, kind):
        return value
    raise SessionDamaged(
        f"{path}: damaged session file ({name}: {type(value).__name__} where it should be {_KINDS[kind]}); "
        f"run `selfassess repair {path.stem}`"
    )


def _quick(path: Path, data: dict[str, Any]) -> QuickSession:
    """A listing entry from a raw session document, every field checked for its type (one bad file is
    skipped, never a crash of the list that shows it)."""
    meta = next(iter(data["meta"].values()))
    if not isinstance(meta, dict):
        raise SessionDamaged(f"{path}: damaged session file (no session record); run `selfassess repair {path.stem}`")
    role = _field(meta, "role", dict, path)
    panel = _field(meta, "panel", dict, path, optional=True)
    table = _field(data, "evidence", dict, path) if "evidence" in data else {}
    evidence = [_field({"evidence": e}, "evidence", dict, path) for e in table.values()]
    blind = bool((panel or {}).get("blind"))
    candidate = _field(meta, "candidate", str, path, optional=True)
    return QuickSession(
        id=path.stem,
        role_title=_field(role, "title", str, path),
        candidate=None if blind else candidate,  # a blind panel's candidate: never by name
        reference=_field(meta, "reference", str, path, optional=True),
        updated=datetime.fromisoformat(_field(meta, "updated", str, path)),
        answered=sum(1 for e in evidence if str(e.get("text", "")).strip()),
        done=sum(1 for e in evidence if _done(e)),
        total=len(_field(role, "criteria", list, path)),
        panel=bool(panel),
        blind=blind,
    )


def quick_sessions(directory: Path) -> tuple[list[QuickSession], list[str]]:
    """Sessions in a folder, most recently changed first, and one line per unreadable file."""
    found: list[QuickSession] = []
    problems: list[str] = []
    if not directory.is_dir():
        return found, problems
    for path in directory.glob(f"*{SUFFIX}"):
        if not session_id_ok(path.stem):
            continue
        try:
            data = read_session_file(path)
            if data is None:  # removed since the folder was listed
                continue
            schema_version_of(data, path)  # the same verdict as opening the session
            require_own_id(data, path)
            found.append(_quick(path, data))
        except SessionDamaged as exc:
            problems.append(exc.problems[0])
        except (KeyError, TypeError, ValueError, AttributeError, StopIteration, RecursionError) as exc:
            problems.append(f"{path}: damaged session file ({type(exc).__name__})")
    found.sort(key=lambda s: (s.updated, s.id), reverse=True)
    return found, problems
