"""Store maintenance beside the hot path: import an exported session, repair a damaged one, purge old ones."""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BadInput
from .fileio import PRIVATE_FILE, atomic_write, ensure_private_dir, fsync_dir
from .models import AuditEvent, Session, SessionSummary
from .session_files import SessionDamaged, read_session_file
from .store_tx import SessionTooNew, append_audit, migrate, now, session_from_raw, session_lock

if TYPE_CHECKING:
    from .store import SessionStore

_ROW_TABLES = ("scores", "submissions", "notes", "consensus", "decisions")


def session_tables(session: Session) -> dict[str, dict[str, dict]]:
    """A session as the TinyDB document the store keeps."""
    data = session.model_dump(mode="json")
    tables = {
        "meta": {"1": {k: v for k, v in data.items() if k not in ("evidence", *_ROW_TABLES)}},
        "evidence": {str(i): e for i, e in enumerate(data["evidence"].values(), start=1)},
    }
    for table in _ROW_TABLES:
        tables[table] = {str(i): row for i, row in enumerate(data[table], start=1)}
    return tables


def import_session(store: SessionStore, session: Session, audit: list[AuditEvent], force: bool = False) -> Session:
    """Write an exported session (and its audit trail) back into the store under its own id."""
    files = store.files(session.id)
    if files.file.exists() and not force:
        raise BadInput(f"{files.file}: session {session.id} already exists (use --force to replace it)")
    payload = json.dumps(session_tables(session), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ensure_private_dir(store.directory)
    with session_lock(files):
        atomic_write(files.file, payload)
        atomic_write(files.audit, "".join(e.model_dump_json() + "\n" for e in audit).encode("utf-8"))
        append_audit(
            files, [AuditEvent(time=now(), actor="import", action="session.import", new={"events": len(audit)})]
        )
    return store.load(session.id)


def repair(store: SessionStore, session_id: str) -> Path:
    """Restore the last good version of a damaged session; the damaged file is kept aside."""
    files = store.files(session_id)
    path, backup = files.file, files.backup
    with session_lock(files):
        try:
            data = read_session_file(path)
            if data is not None:
                session_from_raw(migrate(data, path), path)
                raise BadInput(f"{path}: not damaged; nothing to repair")
        except SessionTooNew as exc:
            raise BadInput(f"{exc}; it is not damaged, so repair leaves it as it is") from exc
        except SessionDamaged:
            pass
        if not backup.exists():
            raise BadInput(f"{path}: no previous version ({backup.name}) to restore")
        data = read_session_file(backup)
        if data is None:
            raise BadInput(f"{backup}: missing")
        session_from_raw(migrate(data, backup), backup)
        if path.exists():
            os.replace(path, files.damaged(now()))
        atomic_write(path, backup.read_bytes(), PRIVATE_FILE)
    return path


def purge(store: SessionStore, older_than: timedelta, dry_run: bool = False) -> list[SessionSummary]:
    """Delete sessions last changed before now - older_than (with their backups and audit)."""
    cutoff = now() - older_than
    doomed = [s for s in store.summaries() if s.updated < cutoff]
    if dry_run:
        return doomed
    for summary in doomed:
        files = store.files(summary.id)
        with session_lock(files):
            for victim in (files.file, files.backup, files.audit):
                try:
                    victim.unlink()
                except FileNotFoundError:
                    pass
        try:
            files.lock.unlink()
        except FileNotFoundError:
            pass
    if doomed:
        fsync_dir(store.directory)
    return doomed


def parse_age(text: str) -> timedelta:
    """'180d', '26w' or '12h' as a timedelta; BadInput otherwise."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*([dwh]?)\s*", text or "")
    if not match:
        raise BadInput(f"--older-than {text!r}: expected a number of days such as 180d (or 26w, 12h)")
    number, unit = int(match.group(1)), match.group(2) or "d"
    return {"d": timedelta(days=number), "w": timedelta(weeks=number), "h": timedelta(hours=number)}[unit]
