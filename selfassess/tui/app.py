"""The Textual app and the one factory that builds it for the CLI and the tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel

from .. import paths
from ..safetext import markup_safe, one_line
from .keys import footer_key
from .screens.home import HomeScreen

if TYPE_CHECKING:
    from ..store import SessionStore


class SelfAssessApp(App[None]):
    """selfassess: draft evidence against a person specification, or score it as a panel."""

    TITLE = "selfassess"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="app-help", show=False),
        Binding(
            "ctrl+p",
            "command_palette",
            "palette",
            show=False,
            priority=True,
            tooltip="Command palette: find a command (go to a criterion or a role, show the keys, quit)",
            id="command-palette",
        ),
    ]

    def __init__(self, sessions_dir: Path, roles_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.roles_dir = roles_dir
        self._store: SessionStore | None = None
        self.acting_as: dict[str, str] = {}  # session id -> the panellist this terminal last scored as
        self.campaign_name = ""  # the name last given on a fair campaign in this run (unbound logins)

    @property
    def store(self) -> SessionStore:
        """The session store (created on first use, keeping start-up light)."""
        if self._store is None:
            from ..store import SessionStore

            self._store = SessionStore(self.sessions_dir)
        return self._store

    def get_default_screen(self) -> HomeScreen:
        """The home screen is the app's first screen (no blank screen drawn before it)."""
        return HomeScreen()

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as help writes them: ``F1``, not ``f1``."""
        return footer_key(super().get_key_display(binding))

    def flush_drafts(self) -> None:
        """Write every unsaved draft now (each screen that holds drafts has a flush())."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if flush is not None:
                flush()

    def action_help(self) -> None:
        """Help for the screen in front: its keys and its widgets', then the app's."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification passes through here: text from files is shown literally (no markup, no
        terminal control sequences), so a name like ``Bob [/]`` cannot crash the app."""
        super().notify(markup_safe(message), title=markup_safe(title), severity=severity, timeout=timeout)

    def format_title(self, title: str, sub_title: str) -> Content:
        """Every screen's header title passes through here: a role title or a candidate name from a file
        is shown literally (a control character as ``\\xNN``), so no escape sequence reaches the terminal."""
        return super().format_title(one_line(title), one_line(sub_title))

    def guard_unsaved(self, then: Callable[[], object]) -> None:
        """Run ``then`` (leave a screen, quit) unless an editing screen's last save failed; then ask first:
        retry, write the text to a file, or discard on a second key. Screens that edit have ``unsaved()``."""
        from .dialogs.unsaved import UnsavedDialog

        if any(isinstance(screen, UnsavedDialog) for screen in self.screen_stack):
            return  # already asking: a second ctrl+q answers nothing (the dialog's keys do)
        for screen in reversed(self.screen_stack):
            check = getattr(screen, "unsaved", None)
            pending = check() if callable(check) else None
            if pending is not None:

                def answered(choice: str | None) -> None:
                    if choice == "retry":
                        self.flush_drafts()
                        self.guard_unsaved(then)
                    elif choice in ("saved", "discard"):
                        then()

                self.push_screen(UnsavedDialog(pending), answered)
                return
        then()

    async def action_quit(self) -> None:
        """Quitting saves; if a save failed, the text is not lost without asking."""
        self.flush_drafts()
        self.guard_unsaved(self.leave)

    def leave(self) -> None:
        """Quit: each screen gives back what it holds (a panellist's lease, ``release()``), then exit."""
        for screen in reversed(self.screen_stack):
            release = getattr(screen, "release", None)
            if release is not None:
                release()
        self.exit()


def make_app(
    sessions_dir: str | os.PathLike[str] | None = None, roles_dir: str | os.PathLike[str] | None = None
) -> SelfAssessApp:
    """Build the app with its data folders resolved (flag, then environment, then default)."""
    return SelfAssessApp(sessions_dir=paths.sessions_dir(sessions_dir), roles_dir=paths.imported_roles_dir(roles_dir))
