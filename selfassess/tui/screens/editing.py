"""Screens whose typed text is saved to the store keep what a failed save did not write: the error is
shown, the text and a retry are kept, and leaving or quitting asks first (the app's ``guard_unsaved``:
retry, write the text to a file, or discard on a second key)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ... import error_log
from ...errors import BadInput
from ..dialogs.unsaved import Unsaved, unsaved_of
from ..typed import AppScreen

ResultT = TypeVar("ResultT")


@dataclass(frozen=True)
class _Kept:
    label: str
    text: str
    error: str
    retry: Callable[[], object]
    typed: int  # characters the user typed (``text`` may add labels to them)


def why(exc: BaseException) -> str:
    """One line saying why a save failed (the store's own message where it gave one)."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text if isinstance(exc, BadInput) else f"{type(exc).__name__}: {text}"


def unexpected(exc: Exception, label: str) -> str:
    """One line for an error no rule explains; the traceback goes to the private error log."""
    try:
        where = f"written to {error_log.record(exc, label)}"
    except OSError as log_failed:
        where = f"and the error log could not be written ({log_failed.strerror})"
    return f"unexpected error ({type(exc).__name__}), {where}"


class EditingScreen(AppScreen[ResultT]):
    """A screen that edits: save through ``save_or_keep`` and leave through ``leave_guarded``."""

    _kept_saves: dict[str, _Kept]

    def _kept(self) -> dict[str, _Kept]:
        if not hasattr(self, "_kept_saves"):
            self._kept_saves = {}
        return self._kept_saves

    def save_or_keep(
        self, key: str, label: str, text: str, save: Callable[[], object], typed: int | None = None
    ) -> bool:
        """Run ``save``; if it fails, show why and keep ``text`` (under ``label``) until a retry saves it.
        ``typed``: how many characters of ``text`` the user typed, where it adds labels of its own."""
        try:
            save()
        except Exception as exc:  # a programming error too: the text is kept, not lost with a crash
            error = why(exc) if isinstance(exc, (BadInput, OSError, ValueError)) else unexpected(exc, label)

            def retry() -> bool:
                return self.save_or_keep(key, label, text, save, typed)

            self._kept()[key] = _Kept(label, text, error, retry, len(text) if typed is None else typed)
            self.notify(f"{label}: NOT SAVED: {error}", severity="error", timeout=10)
            return False
        self._kept().pop(key, None)
        return True

    def unsaved_name(self) -> str:
        """Part of the suggested file name for writing unsaved text elsewhere (the session's id if any)."""
        return str(getattr(getattr(self, "session", None), "id", "notes"))

    def unsaved(self) -> Unsaved | None:
        """What failed saves left unsaved (for the leave and quit guard), or None."""
        kept = self._kept()
        suggested = Path.cwd() / f"selfassess-unsaved-{self.unsaved_name()}.txt"
        typed = sum(k.typed for k in kept.values())
        return unsaved_of({k.label: (k.error, k.text) for k in kept.values()}, suggested, typed)

    def save_typed(self) -> None:
        """Save what is typed but not saved yet (screens holding such text override this)."""

    def flush(self) -> None:
        """Save what is typed, then try every failed save again (leaving, quitting, the guard's retry)."""
        before = dict(self._kept())
        self.save_typed()
        for key, kept in before.items():
            if self._kept().get(key) is kept:  # not tried again just now by save_typed
                kept.retry()

    def leave_guarded(self, then: Callable[[], object] | None = None) -> None:
        """Leave (``then``, else dismiss) once nothing typed is unsaved, or the user chose what to do."""
        self.flush()
        self.app.guard_unsaved(then if then is not None else lambda: self.dismiss(None))
