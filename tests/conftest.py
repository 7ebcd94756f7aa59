"""Shared test set-up: never touch the user's folders; no test fails for being slow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD_DIR = SHARED / "seeds-gold"
SEEDS_DIR = SHARED / "seeds"


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cursors do not blink in tests, so a snapshot never depends on when the blink timer fired."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point sessions and imported roles at temporary folders for every test."""
    folders = {"sessions": tmp_path / "sessions", "roles": tmp_path / "roles"}
    monkeypatch.setenv("SELFASSESS_SESSIONS", str(folders["sessions"]))
    monkeypatch.setenv("SELFASSESS_ROLES", str(folders["roles"]))
    return folders


def gold_files() -> list[Path]:
    """The hand-labelled seed criteria, when shared/ is beside the checkout."""
    return sorted(GOLD_DIR.glob("*.gold.json")) if GOLD_DIR.is_dir() else []


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


needs_gold = pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared/seeds-gold is not beside the checkout")
