"""Loading a role's sessions for ranking (merit order, campaign CSV) fast.

A campaign view needs each session's identity, panel, consensus, decisions and flags, not its
evidence, scores or notes. Each file is validated straight from its bytes against a model of just
those parts, and the role, scale and panel, which every session of a campaign carries a copy of,
are validated once per distinct content and not parsed again (see ranking_read). The sessions
returned are *ranking copies*: ``evidence``, ``scores`` and ``notes`` are empty. Open a session with
``SessionStore.load`` for anything else.

A campaign view is redrawn whenever a file of the folder changes, so the copies are kept in process
by file identity (device, inode, size, modification and change times, the last of which no program
can set back): a file that is unchanged since it was validated is not read again, and any write to
it, in place or by replacing it, makes it read and validated afresh. Copies are shared between
calls: treat them as read-only.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from .errors import BadInput
from .fileio import read_regular
from .models import Role, Scale, Session
from .ranking_read import Read, Reader
from .session_files import MAX_SESSION_BYTES, SUFFIX, session_id_ok

if TYPE_CHECKING:
    from .store import SessionStore


_Identity = tuple[int, int, int, int, int]
_CACHE = Reader()
# folder -> file name -> (identity, role id, ranking copy or None for another role's session)
_FOLDERS: dict[str, dict[str, tuple[_Identity, str, Session | None]]] = {}
_FOLDER_LIMIT = 8


def clear_cache() -> None:
    """Forget every ranking copy and validated role kept in process (the next call reads every file)."""
    global _CACHE
    _FOLDERS.clear()
    _CACHE = Reader()


def _identity(path: Path) -> _Identity | None:
    """What changes whenever the file's content can have changed; None for anything but a regular file
    (a symlink is read and checked every time)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _ranking_copy(read: Read, cache: Reader) -> Session:
    head, data, role, scale = read.head, read.parts, read.role, read.scale
    return Session.model_construct(
        id=head.id,
        schema_version=head.schema_version,
        role=role if isinstance(role, Role) else cache.role(role),
        scale=scale if isinstance(scale, Scale) else cache.scale(scale or {}),
        candidate=head.candidate,
        reference=head.reference,
        stage=head.stage,
        created=head.created,
        updated=head.updated,
        evidence={},
        scores=[],
        panel=read.panel,
        submissions=list(data.submissions.values()),
        notes=[],
        consensus=list(data.consensus.values()),
        decisions=list(data.decisions.values()),
        stage_choices=head.stage_choices,
        conflicts=head.conflicts,
        gis=head.gis,
        practice={},  # every field given: pydantic would otherwise inspect each default factory per copy
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
    folder = str(directory.resolve())
    known = _FOLDERS.pop(folder, {})
    kept: dict[str, tuple[_Identity, str, Session | None]] = {}
    with _collector_paused():
        for path in directory.glob(f"*{SUFFIX}"):
            if not session_id_ok(path.stem):
                continue
            identity = _identity(path)
            seen = known.get(path.name)
            if identity is not None and seen is not None and seen[0] == identity and (seen[1] != role_id or seen[2]):
                kept[path.name] = seen
                if seen[2] is not None and seen[1] == role_id:
                    sessions.append(seen[2])
                continue
            try:
                raw = read_regular(path, MAX_SESSION_BYTES, "a session file", within=directory)
                read = _CACHE.read(raw)
                of_role = read.role_id
                if of_role == role_id and read.head.schema_version != schema_version:
                    sessions.append(load_full(path.stem))  # migrated on every read, so not kept
                    continue
                copy = _ranking_copy(read, _CACHE) if of_role == role_id else None
                if copy is not None:
                    sessions.append(copy)
                if identity is not None and isinstance(of_role, str) and _identity(path) == identity:
                    kept[path.name] = (identity, of_role, copy)  # unchanged while it was read
            except (ValidationError, ValueError, RecursionError) as exc:
                problems.append(f"{path}: damaged session file ({str(exc).splitlines()[0]})")
            except BadInput as exc:
                problems.append(exc.problems[0])
    _FOLDERS[folder] = kept
    while len(_FOLDERS) > _FOLDER_LIMIT:
        del _FOLDERS[next(iter(_FOLDERS))]
    sessions.sort(key=lambda s: (s.updated, s.id), reverse=True)
    return sessions, problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while copies are built: the thousands of objects a campaign
    makes are none of them garbage, and each collection would walk every one made so far."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def ranking_sessions(store: SessionStore, role_id: str) -> list[Session]:
    """Ranking copies of a role's sessions from a store (unreadable files are left out, as
    ``SessionStore.sessions_of_role`` does)."""
    from .store import SCHEMA_VERSION

    return sessions_for_ranking(store.directory, role_id, SCHEMA_VERSION, store.load)[0]
