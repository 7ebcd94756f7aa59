"""Screens that see the app as `SelfAssessApp` (typed `self.app`), with no cost at run time."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from .app import SelfAssessApp

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    """A full screen of selfassess."""

    if TYPE_CHECKING:
        app: SelfAssessApp


class AppModal(ModalScreen[ResultT]):
    """A dialog of selfassess. F1 opens help on it: a dialog stops the app's own (non-priority) keys."""

    BINDINGS = [Binding("f1", "app.help", "Help", show=False, id="dialog-help")]

    if TYPE_CHECKING:
        app: SelfAssessApp
