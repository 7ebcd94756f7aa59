"""Durable file writes: temp file in the same folder, fsync, atomic replace, fsync the folder."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
GROUP_FILE = 0o660


def file_mode(folder: Path) -> int:
    """0600; or 0660 in a folder set up for a panel's Unix group (setgid and group rwx, e.g. mode 2770)."""
    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return PRIVATE_FILE
    shared = bool(mode & stat.S_ISGID) and mode & stat.S_IRWXG == stat.S_IRWXG
    return GROUP_FILE if shared else PRIVATE_FILE


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and parents) if missing; a folder we create is readable by its owner only.

    An existing folder that others may write to (say 0777) is made 0700 again (we own it) or refused,
    so nobody else can plant files or symlinks in it. A panel's group folder (setgid, group rwx, nothing
    for others: mode 2770, see README "Panels on several machines") is left as it is."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        os.chmod(path, PRIVATE_DIR)
        return path
    info = path.stat()
    group_folder = bool(info.st_mode & stat.S_ISGID) and not info.st_mode & 0o007
    if info.st_mode & 0o002 or (info.st_mode & 0o020 and not group_folder):
        from .errors import BadInput

        if info.st_uid != os.getuid():
            raise BadInput(f"{path}: writable by other users and not yours; refused (make it 0700)")
        os.chmod(path, PRIVATE_DIR)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = PRIVATE_FILE) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file, never a mix."""
    folder = path.parent
    if mode == PRIVATE_FILE:
        mode = file_mode(folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(folder)


def _outside(path: Path, folder: Path) -> bool:
    """True if ``path`` is a symlink whose target lies outside ``folder``."""
    if not path.is_symlink():
        return False
    try:
        return not path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return True


def read_regular(path: Path, limit: int, what: str, within: Path | None = None, empty_ok: bool = False) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; BadInput (naming the file) otherwise.

    FIFOs, devices and folders are refused without blocking (opened non-blocking, checked with fstat);
    with ``within``, a symlink pointing outside that folder is refused. At most ``limit`` + 1 bytes are
    ever read, so a file that grows or lies about its size cannot exhaust memory.
    """
    from .errors import BadInput

    if within is not None and _outside(path, within):
        raise BadInput(f"{path}: a symlink to outside {within}; refused")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder, not {what}") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BadInput(f"{path}: is a folder, not {what}")
        if not stat.S_ISREG(info.st_mode):
            raise BadInput(f"{path}: not a regular file (a pipe, device or socket), not {what}; refused")
        if info.st_size > limit:
            raise BadInput(f"{path}: too large for {what} ({_sizes(info.st_size, limit)})")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    finally:
        os.close(fd)
    if total > limit:
        raise BadInput(f"{path}: too large for {what} (over {_mb(limit)})")
    if total == 0 and not empty_ok:
        raise BadInput(f"{path}: empty file")
    return b"".join(chunks)


def _mb(size: int) -> str:
    """A size as people read it: whole MB when it is one, else to two places (never "0.953674 MB")."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    mb = size / 1024 / 1024
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.2f} MB"


def _sizes(size: int, limit: int) -> str:
    """ "SIZE; the limit is LIMIT", in bytes when MB would show them alike ("10.00 MB; the limit is 10 MB")."""
    if f"{size / 1024 / 1024:.2f}" == f"{limit / 1024 / 1024:.2f}":
        return f"{size:,} bytes; the limit is {limit:,} bytes"
    return f"{_mb(size)}; the limit is {_mb(limit)}"


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a file the user named; BadInput (naming it) if missing, a folder, empty, too large,
    not a regular file or unreadable."""
    return read_regular(path, limit, what)
