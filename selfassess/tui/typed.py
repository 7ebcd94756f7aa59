"""Screens that see the app as `SelfAssessApp` (typed `self.app`), with no cost at run time."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import events, on
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

if TYPE_CHECKING:
    from .app import SelfAssessApp
    from .dialogs.unsaved import Unsaved

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    """A full screen of selfassess."""

    if TYPE_CHECKING:
        app: SelfAssessApp


class AppModal(ModalScreen[ResultT]):
    """A dialog of selfassess. F1 opens help on it: a dialog stops the app's own (non-priority) keys.
    Text typed into its boxes is a draft: quitting or Escape with it asks first (``unsaved``)."""

    BINDINGS = [Binding("f1", "app.help", "Help", show=False, id="dialog-help")]

    if TYPE_CHECKING:
        app: SelfAssessApp

    _boxes_at_open: dict[str, str] | None = None

    @on(events.Mount)
    def _remember_boxes(self) -> None:
        """The boxes' text as the dialog opened (after its own on_mount filled them): what is not typed."""
        if not self.query("Input, TextArea"):
            return  # nothing to type into (help, a question): nothing more to load
        from .dialogs.draft_boxes import box_texts

        self._boxes_at_open = box_texts(self)

    @on(events.Key)
    def _guard_escape(self, event: events.Key) -> None:
        """Escape with typed text not saved asks first, as quitting does (Escape again = back to the text,
        w = write it to a file, d twice = discard); with nothing typed the dialog's own Escape runs at once."""
        if event.key != "escape" or any(
            "escape" in node._bindings.key_to_bindings for node in self._focus_chain_below()
        ):
            return  # not Escape, or a box of the dialog has its own Escape
        escape = self._bindings.key_to_bindings.get("escape")
        pending = self.unsaved() if escape else None
        if escape is None or pending is None:
            return
        event.stop()
        event.prevent_default()
        from .dialogs.unsaved import UnsavedDialog

        def answered(choice: str | None) -> None:
            if choice in ("saved", "discard"):
                self.call_later(self.run_action, escape[0].action)

        self.app.push_screen(UnsavedDialog(pending), answered)

    def _focus_chain_below(self) -> list[Widget]:
        """The focused widget and its parents up to (not including) this dialog."""
        node = self.focused
        chain: list[Widget] = []
        while node is not None and node is not self:
            chain.append(node)
            parent = node.parent
            node = parent if isinstance(parent, Widget) else None
        return chain

    def unsaved(self) -> Unsaved | None:
        """What was typed into this dialog and is not saved yet (the app's quit guard asks), or None."""
        if not self.is_mounted or not self.query("Input, TextArea"):
            return None  # no boxes (or not open yet)
        from .dialogs.draft_boxes import typed_unsaved

        return typed_unsaved(self, self._boxes_at_open or {})  # boxes added later: all their text is typed
