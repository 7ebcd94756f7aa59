"""Panel screens follow changes made at other terminals: a cheap stat of the session file twice a
second, and a reload only when it changed (what the panellist is typing is never touched)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.screen import Screen
from textual.timer import Timer

from ...models import Session
from ...scoring import panel_view
from ...watch import FileWatch

FOLLOW_SECONDS = 0.5


def follow_session(screen: Screen, path: Path, changed: Callable[[], None]) -> Timer:
    """Call ``changed()`` on the screen whenever the session file changes (polled every FOLLOW_SECONDS)."""
    watch = FileWatch(path)

    def poll() -> None:
        if watch.changed():
            changed()

    return screen.set_interval(FOLLOW_SECONDS, poll)


class BlindView:
    """Mixin for panel screens: ``self.session`` is always the panel's view (redacted when blind)."""

    _session: Session

    @property
    def session(self) -> Session:
        return self._session

    @session.setter
    def session(self, value: Session) -> None:
        self._session = panel_view(value)
