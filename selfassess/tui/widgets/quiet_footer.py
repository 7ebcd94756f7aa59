"""A footer that rebuilds once per batch of binding changes.

Textual's Footer rebuilds all its keys after every ``refresh_bindings`` (focus moves, screen resumes,
actions re-checked), so opening a screen can rebuild it five or six times in a row; here the rebuilds
asked for before the next refresh become one.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    """Footer whose rebuilds are coalesced."""

    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
