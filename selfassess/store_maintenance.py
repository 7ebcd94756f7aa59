"""Store maintenance beside the hot path: import an exported session, repair a damaged one, purge old ones."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from . import import_check, import_rules
from .errors import BadInput
from .fileio import PRIVATE_FILE, atomic_write, ensure_private_dir, fsync_dir
from .models import AuditEvent, Role, Session
from .role_match import role_differences
from .session_files import MAX_SESSION_BYTES, SessionDamaged, SessionPaths, SessionTooNew, owner_of, read_session_file
from .store_tx import append_audit, load_session, migrate, now, session_from_raw, session_lock

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


def import_session(
    store: SessionStore,
    session: Session,
    audit: list[AuditEvent],
    force: bool = False,
    name: str | None = None,
    library: Role | None = None,
    role_from_file: bool = False,
) -> Session:
    """Write an exported session (and its audit trail) into the store under its own id, after checking it as
    if every value had been typed (BadInput, nothing written, if it could not have been). An audit trail that
    does not account for the data is kept, and the import event says so (re-signed as imported).
    With ``force`` an existing session and its audit are kept beside it as ``.replaced-TIME`` copies.
    The import meets ``import_rules`` (no event dated after it; no second session for a reference in the
    role; where a panel binds logins only its chair imports, no declared conflict removed, every consensus
    and decision with its event), else BadInput and nothing written.
    A role that differs from ``library`` (the library role of its id) is refused unless ``role_from_file``;
    the import event then records how it differs (summary lists such sessions apart)."""
    files = store.files(session.id)
    label = name or f"session {session.id}"
    import_check.check_data(session, label)
    differs = role_differences(session.role, library) if library is not None else []
    if differs and not role_from_file:
        raise BadInput(
            f"{label}: role {session.role.id} differs from the library role of that id ({'; '.join(differs)}); "
            "nothing imported (--role-from-file imports it with its own role, listed apart in summary)"
        )
    payload = json.dumps(session_tables(session), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(payload) > MAX_SESSION_BYTES:  # checked before anything is written, as every other check
        size, limit = len(payload) / 1024 / 1024, MAX_SESSION_BYTES // 1024 // 1024
        raise BadInput(
            f"{label}: too large for a session file ({size:.1f} MB; the limit is {limit} MB); nothing written"
        )
    session_from_raw(migrate(json.loads(payload), files.file), files.file)  # loads back exactly as stored
    mismatches = import_check.audit_problems(session, audit)
    ensure_private_dir(store.directory)
    lock_existed = files.lock.exists()
    try:
        _write_import(store, files, session, audit, payload, (mismatches, differs), force, label)
    except BaseException as exc:
        if not lock_existed and not files.file.exists():  # a refused or failed import leaves no stray lock
            files.lock.unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a full disk: name the file (os.write names none)
            where = exc.filename or files.file
            raise BadInput(f"{where}: {exc.strerror or exc}; nothing imported") from exc
        raise
    return store.load(session.id)


def _write_import(
    store: SessionStore,
    files: SessionPaths,
    session: Session,
    audit: list[AuditEvent],
    payload: bytes,
    found: tuple[list[str], list[str]],
    force: bool,
    label: str,
) -> None:
    """Under the session's lock: check the panel's rules against what is there, keep what ``force``
    replaces, write the session and its audit, record the import (with the importing login)."""
    mismatches, role_differs = found
    login = store.login()
    with session_lock(files):
        existing = None
        if files.file.exists() or files.file.is_symlink():
            if not force:
                raise BadInput(f"{files.file}: session {session.id} already exists (use --force to replace it)")
            if not stat.S_ISREG(files.file.lstat().st_mode):
                raise BadInput(f"{files.file}: not a regular file; refused to replace it")
            existing = _readable(files)
        role_sessions = store.sessions_of_role(session.role.id)
        refused = [
            problem
            for problem in (
                import_rules.future_event(audit, now()),
                import_rules.duplicate_reference(session, role_sessions),
            )
            if problem
        ] + import_rules.bound_panel_problems(existing, session, audit, login, role_sessions)
        if refused:
            more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
            raise BadInput(f"{label}: {refused[0]}{more}; nothing imported")
        if existing is not None or files.file.exists():
            stamp = now()
            kept = _keep_copies((files.file, files.audit), lambda path: files.replaced(path, stamp))
        else:
            kept = []
        existed = {path: path.exists() for path in (files.file, files.audit)}
        try:
            atomic_write(files.file, payload)
            atomic_write(files.audit, "".join(e.model_dump_json() + "\n" for e in audit).encode("utf-8"))
            note = {"events": len(audit), "audit_matches_data": not mismatches, "problems": mismatches[:10]}
            if role_differs:
                note["role_from_file"] = role_differs
            actor = import_rules.import_actor(existing, session, login)
            event = AuditEvent(time=now(), actor=actor, action="session.import", new=note, login=login)
            append_audit(files, [event])
        except BaseException:  # a full disk half-way: put back what was there, never a session without its audit
            _put_back(kept, [path for path, was in existed.items() if not was])
            raise


def _readable(files: SessionPaths) -> Session | None:
    """The session an import would replace, or None if it cannot be read (damaged: nothing to check)."""
    try:
        return load_session(files)
    except BadInput:  # damaged, too new or too large: replacing it is what repair by import is for
        return None


def _keep_copies(paths: tuple[Path, ...], copy_of) -> list[tuple[Path, Path]]:
    """Keep each existing file as a recoverable copy (a hard link: the file stays in place until replaced)."""
    kept: list[tuple[Path, Path]] = []
    for path in paths:
        if path.exists():
            copy = copy_of(path)
            try:
                _link_or_copy(path, copy)
            except OSError:
                if kept:  # the session's copy was made: do not leave it half done
                    kept[0][1].unlink(missing_ok=True)
                raise
            kept.append((path, copy))
    return kept


def _link_or_copy(path: Path, copy: Path) -> None:
    try:
        os.link(path, copy)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        shutil.copy2(path, copy)  # a file system without hard links


def _put_back(kept: list[tuple[Path, Path]], new: list[Path]) -> None:
    """Undo a failed import: the kept copies back in place, files that did not exist before removed."""
    for path, copy in kept:
        try:
            if path.exists() and os.path.samefile(copy, path):
                copy.unlink()  # never replaced (a rename between two links of one file does nothing)
            else:
                os.replace(copy, path)
        except OSError:
            pass  # the copy is still there, named .replaced-TIME
    for path in new:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


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


@dataclass(frozen=True)
class Purged:
    """One session `purge` deleted (or would delete): when it last changed, whether it was damaged, its files."""

    id: str
    last_change: datetime
    damaged: bool
    files: list[Path]


def _session_ids(directory: Path) -> list[str]:
    """Every session id that owns at least one file in the folder (readable, damaged or leftovers)."""
    if not directory.is_dir():
        return []
    return sorted({owner for p in directory.iterdir() if (owner := owner_of(p.name)) is not None})


def _last_change(store: SessionStore, session_id: str, files: list[Path]) -> tuple[datetime, bool]:
    """When the session last changed (its own record; for a damaged one, its files' newest time) and damaged?"""
    try:
        return store.load(session_id).updated, False
    except BadInput:
        stamps = [p.lstat().st_mtime for p in files if p.exists() or p.is_symlink()]
        return datetime.fromtimestamp(max(stamps, default=0), UTC), True


def purge(store: SessionStore, older_than: timedelta, dry_run: bool = False) -> list[Purged]:
    """Delete every file of each session last changed before now - older_than: the session, its backup,
    audit trail, damaged and replaced copies, leftovers and lock. Damaged sessions go by their files' age."""
    cutoff = now() - older_than
    doomed = []
    for session_id in _session_ids(store.directory):
        files = store.files(session_id)
        found = files.all_files()
        when, damaged = _last_change(store, session_id, found)
        if when < cutoff:
            doomed.append(Purged(session_id, when, damaged, found))
    if dry_run:
        return doomed
    for item in doomed:
        files = store.files(item.id)
        with session_lock(files):
            for victim in files.all_files():
                if victim != files.lock:
                    victim.unlink(missing_ok=True)
        files.lock.unlink(missing_ok=True)
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
