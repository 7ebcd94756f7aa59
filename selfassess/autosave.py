"""Autosave off the UI thread: one saver thread, the latest payload per key wins, flush() waits for it.

Pure threading (no Textual): the UI submits (criterion id -> text, rating) as often as it likes; the
saver writes each key's newest payload through the store in submission order. Results are handed back
with a non-blocking callback, so ``flush()`` may be called from the UI thread at quit without deadlock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any


class Autosaver:
    """Coalescing background saver."""

    def __init__(self, save: Callable[[str, Any], Any], done: Callable[[str, Any, BaseException | None], object]):
        self._save = save
        self._done = done
        self._pending: dict[str, Any] = {}
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="selfassess-autosave", daemon=True)
        self._thread.start()

    def submit(self, key: str, payload: Any) -> None:
        """Queue ``payload`` for ``key``, replacing any not yet written."""
        with self._cond:
            if self._closed:
                raise RuntimeError("autosaver is closed")
            self._pending.pop(key, None)
            self._pending[key] = payload
            self._cond.notify_all()

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything submitted is written; True if it was within ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def close(self, timeout: float = 10.0) -> bool:
        """Flush, then stop the thread."""
        ok = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return ok

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending and self._closed:
                    return
                key = next(iter(self._pending))
                payload = self._pending.pop(key)
                self._busy = True
            error: BaseException | None = None
            result = None
            try:
                result = self._save(key, payload)
            except Exception as exc:
                error = exc
            try:
                self._done(key, result if error is None else payload, error)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
