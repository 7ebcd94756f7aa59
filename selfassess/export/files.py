"""Write an export to a path the user chose: never over an existing file unless asked, private, atomic."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import BadInput
from ..fileio import atomic_write
from ..safetext import mend_surrogates


def save_export(path: str | os.PathLike[str], data: bytes | str, force: bool = False) -> Path:
    """Write ``data`` to ``path`` (0600); BadInput if it exists and ``force`` is false, or cannot be written."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise BadInput(f"{path}: is a folder; give a file name")
    if path.exists() and not force:
        raise BadInput(f"{path}: already exists (choose another name, or --force to overwrite it)")
    if (path.exists() or path.is_symlink()) and not stat.S_ISREG(path.lstat().st_mode):
        raise BadInput(f"{path}: not a regular file (a device, pipe or symlink); refused to replace it")
    if not path.parent.is_dir():
        raise BadInput(f"{path.parent}: no such folder")
    payload = mend_surrogates(data).encode("utf-8") if isinstance(data, str) else data
    try:
        atomic_write(path, payload)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write ({exc.strerror})") from exc
    return path
