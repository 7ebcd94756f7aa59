"""Deleting is recoverable: sessions and imported roles go to a `deleted` folder and can be restored.

A deleted session's files (the session, its backup, its audit trail, any damaged copies) move together
into ``<sessions>/deleted/<id>/``; a deleted role file into ``<roles>/deleted/``. Nothing is erased:
`purge` (retention) is the only way session data leaves the disk. Moves are renames within one folder
tree, so a crash leaves each file either where it was or where it was going.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import BadInput
from .fileio import PRIVATE_FILE, atomic_write, ensure_private_dir, fsync_dir
from .session_files import SUFFIX, SessionDamaged, SessionPaths, read_session_file, session_id_ok

DELETED = "deleted"
RECORD = "deleted.json"


@dataclass(frozen=True)
class DeletedSession:
    """A session in the deleted folder."""

    id: str
    deleted: datetime
    role_title: str
    candidate: str | None
    reference: str | None


def _session_files(directory: Path, session_id: str) -> list[Path]:
    """Every file of one session in a folder (the lock file aside)."""
    names = (f"{session_id}{SUFFIX}", f"{session_id}.audit.jsonl")
    return [
        p
        for p in directory.iterdir()
        if p.is_file()
        and (p.name in names or p.name.startswith(f"{session_id}{SUFFIX}."))
        and not p.name.endswith(".lock")
    ]


def _audit(directory: Path, session_id: str, actor: str, action: str, old: str | None, new: str | None) -> None:
    """Note a delete or a restore in the session's own audit trail (which moves with it): from where to where."""
    from .models import AuditEvent  # here, not at the top: the command line loads no models until it needs them
    from .store_tx import append_audit

    event = AuditEvent(time=datetime.now(UTC).replace(microsecond=0), actor=actor, action=action, old=old, new=new)
    append_audit(SessionPaths.of(directory, session_id), [event])


def delete_session(sessions_dir: Path, session_id: str, lock, actor: str = "candidate") -> Path:
    """Move a session's files to the deleted folder (holding ``lock``, the session's store lock); the
    audit trail records it."""
    if not session_id_ok(session_id):
        raise BadInput(f"{session_id!r}: not a session id")
    target = sessions_dir / DELETED / session_id
    with lock:
        files = _session_files(sessions_dir, session_id) if sessions_dir.is_dir() else []
        if not any(p.name == f"{session_id}{SUFFIX}" for p in files):
            raise BadInput(f"{sessions_dir / (session_id + SUFFIX)}: no such session")
        if target.exists():
            raise BadInput(f"{target}: a deleted session with this id is already kept there")
        ensure_private_dir(sessions_dir / DELETED)  # the folder itself is private too, not only what is in it
        ensure_private_dir(target)
        _audit(sessions_dir, session_id, actor, "session.deleted", None, f"{DELETED}/{session_id}")
        stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
        atomic_write(target / RECORD, json.dumps({"deleted": stamp}).encode("utf-8"), PRIVATE_FILE)
        for path in files:
            os.replace(path, target / path.name)
        fsync_dir(target)
        fsync_dir(sessions_dir)
    (sessions_dir / f"{session_id}{SUFFIX}.lock").unlink(missing_ok=True)  # nothing left of it in the folder
    return target


def deleted_sessions(sessions_dir: Path) -> tuple[list[DeletedSession], list[str]]:
    """Deleted sessions, most recently deleted first, and one line per one that cannot be read."""
    found: list[DeletedSession] = []
    problems: list[str] = []
    folder = sessions_dir / DELETED
    if not folder.is_dir():
        return found, problems
    for entry in folder.iterdir():
        if not entry.is_dir() or not session_id_ok(entry.name):
            continue
        try:
            record = json.loads((entry / RECORD).read_text(encoding="utf-8"))
            data = read_session_file(entry / f"{entry.name}{SUFFIX}")
            if data is None:
                raise SessionDamaged(f"{entry}: no session file inside")
            meta = next(iter(data["meta"].values()))
            found.append(
                DeletedSession(
                    entry.name,
                    datetime.fromisoformat(record["deleted"]),
                    str(meta["role"]["title"]),
                    meta.get("candidate"),
                    meta.get("reference"),
                )
            )
        except SessionDamaged as exc:
            problems.append(exc.problems[0])
        except (OSError, ValueError, KeyError, TypeError, StopIteration) as exc:
            problems.append(f"{entry}: cannot read this deleted session ({type(exc).__name__})")
    found.sort(key=lambda d: (d.deleted, d.id), reverse=True)
    return found, problems


def restore_session(sessions_dir: Path, session_id: str, lock, actor: str = "candidate") -> Path:
    """Move a deleted session back; refused if a session with that id exists again. The audit trail
    records it."""
    if not session_id_ok(session_id):
        raise BadInput(f"{session_id!r}: not a session id")
    source = sessions_dir / DELETED / session_id
    if not (source / f"{session_id}{SUFFIX}").is_file():
        raise BadInput(f"{session_id}: no deleted session with this id (see `selfassess sessions --deleted`)")
    with lock:
        if (sessions_dir / f"{session_id}{SUFFIX}").exists():
            raise BadInput(f"{sessions_dir / (session_id + SUFFIX)}: a session with this id exists; not replaced")
        for path in source.iterdir():
            if path.name != RECORD:
                os.replace(path, sessions_dir / path.name)
        fsync_dir(sessions_dir)
        (source / RECORD).unlink(missing_ok=True)
        source.rmdir()
        _audit(sessions_dir, session_id, actor, "session.restored", f"{DELETED}/{session_id}", None)
    return sessions_dir / f"{session_id}{SUFFIX}"


# --- roles ---------------------------------------------------------------------------------


def delete_role_file(roles_dir: Path, path: Path) -> Path:
    """Move an imported role file to the roles' deleted folder (built-in roles cannot be deleted)."""
    path = path.resolve()
    if path.parent != roles_dir.resolve():
        raise BadInput(f"{path.name}: a built-in role; only imported roles can be deleted")
    folder = ensure_private_dir(roles_dir / DELETED)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    os.replace(path, target)
    fsync_dir(folder)
    return target


def deleted_roles(roles_dir: Path) -> list[Path]:
    """Deleted role files, most recent first."""
    folder = roles_dir / DELETED
    return sorted(folder.glob("*.toml"), key=lambda p: p.name, reverse=True) if folder.is_dir() else []


def restore_role_file(roles_dir: Path, name: str) -> Path:
    """Move a deleted role file back under its own name (refused if that name is taken again)."""
    candidates = [p for p in deleted_roles(roles_dir) if p.name == name or p.name.split(".")[0] == name]
    if not candidates:
        raise BadInput(f"{name}: no deleted role with this name (see `selfassess sessions --deleted`)")
    source = candidates[0]
    target = roles_dir / f"{source.name.split('.')[0]}.toml"
    if target.exists():
        raise BadInput(f"{target}: a role file with this name exists; not replaced")
    os.replace(source, target)
    fsync_dir(roles_dir)
    return target
