"""The store's engine: one TinyDB transaction per change, migrations, and the append-only audit trail.

A transaction holds the session's lock, reads the file once, and on success writes it once (temp
file, fsync, the old file kept as ``.bak``, atomic replace, fsync the folder), then appends and
fsyncs its audit events. A file that does not parse is never written over.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock
from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.storages import Storage

from . import identity
from . import roles as role_library
from .errors import BadInput
from .fileio import PRIVATE_FILE, atomic_write, ensure_private_dir, file_mode, read_regular
from .models import AuditEvent, Session
from .session_files import (
    MAX_SESSION_BYTES,
    SCHEMA_VERSION,
    SessionDamaged,
    SessionNotFound,
    SessionPaths,
    read_session_file,
    require_own_id,
    schema_version_of,
)
from .validation import validated


def now() -> datetime:
    """The current time, UTC, to the second (what the audit trail and the files record)."""
    return datetime.now(UTC).replace(microsecond=0)


# --- storage -------------------------------------------------------------------------------


class TransactionStorage(Storage):
    """A TinyDB storage for one transaction: reads the file once, writes it once on commit.

    The commit writes a temp file in the same folder, fsyncs it, keeps the old file as ``.bak``
    (a hard link, no copy), replaces the file atomically and fsyncs the folder.
    """

    def __init__(self, paths: SessionPaths) -> None:
        self.paths = paths
        self._data: dict[str, Any] | None = None
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = read_session_file(self.paths.file)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def commit(self) -> None:
        if not self.dirty or self._data is None:
            return
        payload = json.dumps(self._data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(payload) > MAX_SESSION_BYTES:
            raise BadInput(
                f"{self.paths.file}: the session would grow past {MAX_SESSION_BYTES // 1024 // 1024} MB; not saved"
            )
        path = self.paths.file
        if path.exists():
            staging = self.paths.staging(os.getpid())
            try:
                os.unlink(staging)
            except FileNotFoundError:
                pass
            os.link(path, staging)
            os.replace(staging, self.paths.backup)
        atomic_write(path, payload, PRIVATE_FILE)
        self.dirty = False

    def close(self) -> None:
        pass


# --- migrations ----------------------------------------------------------------------------


def _migrate_1_to_2(data: dict[str, Any]) -> None:
    """Schema 1 named its scale by id only and had no stage on scores (all were interview)."""
    for meta in data["meta"].values():
        scale_id = meta.pop("scale_id", None) or meta["role"].get("scale", "council-0-5")
        meta["scale"] = role_library.get_scale(scale_id).model_dump(mode="json")
        meta.setdefault("stage", "application")
    for score in data.get("scores", {}).values():
        score.setdefault("stage", "interview")


MIGRATIONS: dict[int, Callable[[dict[str, Any]], None]] = {1: _migrate_1_to_2}


def migrate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring a raw session document up to SCHEMA_VERSION, in place."""
    version = schema_version_of(data, path)
    require_own_id(data, path)  # the file name is the id: a record naming another session is damaged
    try:
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](data)
            version += 1
            for record in data["meta"].values():
                record["schema_version"] = version
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise SessionDamaged(f"{path}: damaged session file (cannot migrate: {type(exc).__name__})") from exc
    return data


def session_from_raw(data: dict[str, Any], path: Path) -> Session:
    """Validate a (migrated) raw document as a Session; SessionDamaged names the file."""
    try:
        meta = dict(next(iter(data["meta"].values())))
        meta["evidence"] = {e["criterion"]: e for e in data.get("evidence", {}).values()}
        meta["scores"] = list(data.get("scores", {}).values())
        for table in ("submissions", "notes", "consensus", "decisions"):
            meta[table] = list(data.get(table, {}).values())
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise SessionDamaged(f"{path}: damaged session file ({type(exc).__name__} in its tables)") from exc
    return validated(Session, f"{path}: damaged session file", meta, SessionDamaged)


def load_session(paths: SessionPaths) -> Session:
    """The session as it is on disk now; SessionNotFound if there is none."""
    data = read_session_file(paths.file)
    if data is None:
        raise SessionNotFound(f"{paths.file}: no such session")
    return session_from_raw(migrate(data, paths.file), paths.file)


def evidence_digest(text: str) -> dict[str, Any]:
    """What the audit trail records of an evidence text: its size and a fingerprint, not a copy."""
    return {
        "words": len(text.split()),
        "chars": len(text),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    }


# --- audit ---------------------------------------------------------------------------------


def append_audit(paths: SessionPaths, events: list[AuditEvent], login: str | None = None) -> None:
    """Append events to the audit trail and fsync (called while holding the session lock). An event
    without a login gets ``login`` (the store's), else this process's OS login: every event records one."""
    if not events:
        return
    if any(not e.login for e in events):
        stamp = login or identity.os_login()
        events = [e if e.login else e.model_copy(update={"login": stamp}) for e in events]
    lines = "".join(e.model_dump_json() + "\n" for e in events).encode("utf-8")
    mode = file_mode(paths.directory)
    try:  # never through a symlink (it could point outside the folder)
        fd = os.open(paths.audit, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, mode)
    except OSError as exc:
        raise BadInput(f"{paths.audit}: not a plain file (a symlink?); refused to write the audit trail") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BadInput(f"{paths.audit}: not a regular file; refused to write the audit trail")
    try:
        if os.fstat(fd).st_size == 0:
            os.fchmod(fd, mode)  # in a panel's group folder the group reads the audit trail too
        os.write(fd, lines)
        os.fsync(fd)
    finally:
        os.close(fd)


MAX_AUDIT_BYTES = 16 * MAX_SESSION_BYTES  # years of saves; a cap so a huge or endless file cannot exhaust memory


def read_audit(paths: SessionPaths) -> list[AuditEvent]:
    """The audit trail, oldest first (a torn last line from a crash is skipped)."""
    if not paths.audit.exists():
        if not paths.file.exists():
            raise SessionNotFound(f"{paths.file}: no such session")
        return []
    if paths.audit.is_symlink():  # it could point anywhere: its events are not this session's record
        raise BadInput(f"{paths.audit}: a symlink; refused to read the audit trail through it")
    raw = read_regular(paths.audit, MAX_AUDIT_BYTES, "an audit trail", within=paths.directory, empty_ok=True)
    events = []
    for line in raw.decode("utf-8", errors="replace").splitlines():
        try:
            events.append(AuditEvent.model_validate_json(line))
        except ValueError:
            continue
    return events


def session_lock(paths: SessionPaths) -> FileLock:
    """The lock every read-modify-write of the session holds."""
    return FileLock(str(paths.lock), mode=file_mode(paths.directory))


# --- transactions --------------------------------------------------------------------------


@dataclass
class Transaction:
    """An open session file under its lock: change it, record audit events; all land together.

    ``stamp`` is the time of this change (recorded as the session's last change and on every event).
    """

    db: TinyDB
    path: Path
    stamp: datetime = field(default_factory=now)
    events: list[AuditEvent] = field(default_factory=list)

    def session(self) -> Session:
        """The session as this transaction sees it (including its own changes)."""
        storage: TransactionStorage = self.db.storage  # type: ignore[assignment]
        return session_from_raw(storage.read() or {}, self.path)

    def upsert(self, table: str, doc: dict[str, Any], key: QueryLike) -> dict[str, Any] | None:
        """Insert or replace the row matching ``key``; the row it replaced, if any."""
        rows = self.db.table(table)
        previous = rows.get(key)
        rows.upsert(doc, key)
        return dict(previous) if isinstance(previous, dict) else None

    def insert(self, table: str, doc: dict[str, Any]) -> None:
        """Add a row."""
        self.db.table(table).insert(doc)

    def update_meta(self, changes: dict[str, Any]) -> None:
        """Change fields of the session record."""
        self.db.table("meta").update(changes)

    def audit(self, actor: str, action: str, **detail: Any) -> None:
        """Record an audit event (criterion, old, new) stamped with this transaction's time."""
        self.events.append(AuditEvent(time=self.stamp, actor=actor, action=action, **detail))


@contextmanager
def transaction(directory: Path, paths: SessionPaths, create: bool = False) -> Iterator[Transaction]:
    """Hold the session's lock, open its file afresh, let the caller change it; then stamp the
    change, commit once (only if the body did not raise and changed something) and append the audit."""
    path = paths.file
    ensure_private_dir(directory)
    with session_lock(paths):
        if not create and not path.exists():
            raise SessionNotFound(f"{path}: no such session")
        if create and path.exists():
            raise BadInput(f"{path}: session already exists")
        if paths.audit.is_symlink():
            raise BadInput(f"{paths.audit}: a symlink; refused to write the audit trail through it")
        db = TinyDB(paths, storage=TransactionStorage)
        storage: TransactionStorage = db.storage  # type: ignore[assignment]
        if not create:
            migrate(storage.read(), path)  # type: ignore[arg-type]
        tx = Transaction(db, path)
        yield tx
        if storage.dirty and not create:
            tx.update_meta({"updated": tx.stamp.isoformat()})
        storage.commit()
        append_audit(paths, tx.events)
