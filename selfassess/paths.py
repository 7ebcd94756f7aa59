"""Where data lives: the built-in role library, imported roles and the session store."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "selfassess"


def checkout_root() -> Path | None:
    """The source checkout this package runs from, or None when installed as a wheel."""
    root = PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "criteria").is_dir():
        return root
    return None


def builtin_roles_dir() -> Path:
    """Role files shipped with the package (criteria/ in a checkout, selfassess/criteria when installed)."""
    installed = PACKAGE_DIR / "criteria"
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / "criteria"


def imported_roles_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Folder for roles the user imported: flag, then $SELFASSESS_ROLES, then a default."""
    if explicit:
        return Path(explicit)
    if os.environ.get("SELFASSESS_ROLES"):
        return Path(os.environ["SELFASSESS_ROLES"])
    root = checkout_root()
    if root is not None:
        return root / "criteria" / "imported"
    return Path(platformdirs.user_data_dir(APP_NAME)) / "roles"


def sessions_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Folder of session files: flag, then $SELFASSESS_SESSIONS, then a default."""
    if explicit:
        return Path(explicit)
    if os.environ.get("SELFASSESS_SESSIONS"):
        return Path(os.environ["SELFASSESS_SESSIONS"])
    root = checkout_root()
    if root is not None:
        return root / "sessions"
    return Path(platformdirs.user_data_dir(APP_NAME)) / "sessions"
