"""The candidate's own settings beside their sessions: export folder, personal word list, limits per role. Pure.

Kept in ``<sessions folder>/settings/prefs.json`` (0600, folder 0700), so tests and shared folders keep
their own, and written atomically like every other file the tool writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .fileio import atomic_write, ensure_private_dir

MAX_BYTES = 2_000_000


def prefs_path(sessions_dir: Path) -> Path:
    return sessions_dir / "settings" / "prefs.json"


def load(sessions_dir: Path) -> dict[str, Any]:
    """The saved settings; {} when there are none or the file cannot be read (settings are never vital)."""
    path = prefs_path(sessions_dir)
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update(sessions_dir: Path, **values: Any) -> dict[str, Any]:
    """Set some settings (None removes one) and write them back; returns the settings now."""
    data = load(sessions_dir)
    for key, value in values.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path = prefs_path(sessions_dir)
    ensure_private_dir(path.parent)
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return data


def export_folder(sessions_dir: Path) -> Path:
    """Where exports go by default: the folder used last, else Documents, else the home folder."""
    last = load(sessions_dir).get("export_folder")
    if isinstance(last, str) and Path(last).is_dir():
        return Path(last)
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def personal_words(sessions_dir: Path) -> set[str]:
    """Words the candidate added to their own dictionary."""
    words = load(sessions_dir).get("words", [])
    return {w for w in words if isinstance(w, str)} if isinstance(words, list) else set()


def add_personal_word(sessions_dir: Path, word: str) -> set[str]:
    """Add one word to the personal word list."""
    words = personal_words(sessions_dir) | {word.strip()}
    update(sessions_dir, words=sorted(w for w in words if w))
    return words


def practice_seconds(sessions_dir: Path, default: int) -> int:
    """The interview practice countdown the candidate set last (a bad value in the file: the default)."""
    value = load(sessions_dir).get("practice_seconds")
    return value if isinstance(value, int) and not isinstance(value, bool) and 30 <= value <= 30 * 60 else default
