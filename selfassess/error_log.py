"""A private log of unexpected errors (programming errors) caught where the app keeps running, so the
traceback is not lost and never shown over the user's work: the per-user log folder (0700), the file
errors.log (0600), appended."""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from .fileio import PRIVATE_FILE, ensure_private_dir
from .paths import APP_NAME


def log_path() -> Path:
    """Where unexpected errors are written: $SELFASSESS_LOGS, else the per-user log folder."""
    folder = os.environ.get("SELFASSESS_LOGS") or platformdirs.user_log_dir(APP_NAME)
    return Path(folder) / "errors.log"


def record(exc: BaseException, where: str) -> Path:
    """Append the time, where it happened and the traceback; return the file written."""
    path = log_path()
    ensure_private_dir(path.parent)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    text = f"--- {stamp} {where}\n" + "".join(traceback.format_exception(exc))
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, PRIVATE_FILE)
    try:
        os.fchmod(fd, PRIVATE_FILE)
        os.write(fd, text.encode("utf-8", errors="replace"))
    finally:
        os.close(fd)
    return path
