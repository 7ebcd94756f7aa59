"""Screens that see the app as `SelfAssessApp` (typed `self.app`), with no cost at run time."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from .app import SelfAssessApp

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    """A full screen of selfassess."""

    if TYPE_CHECKING:
        app: SelfAssessApp


class AppModal(ModalScreen[ResultT]):
    """A dialog of selfassess."""

    if TYPE_CHECKING:
        app: SelfAssessApp
