"""Forms that keep up with fast typing: Tab, Shift+Tab and Enter move between boxes at once.

Textual hands each key to the box focused when the key is read, but a plain binding (Tab's focus_next,
or moving on when an Input posts Submitted) runs only after the key has passed up through the widgets.
Keys arriving together (a paste of keystrokes, `tmux send-keys` in one go, a fast typist on a slow
machine) were by then already handed to the old box: "Sam Test<Tab>R-1" filled the name with
"Sam TestR-1". Priority bindings run as the key is read, so the keys after them go to the new box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input


class TypeAheadForm(Screen):
    """Mixed into a dialog of Input boxes: Tab and Shift+Tab, and Enter in a box listed in ``ENTER_MOVES_ON``,
    move focus as the key is read; Enter in any other box goes to it as usual, after the keys before it.
    List it after the dialog's own base (``class D(AppModal[T], TypeAheadForm)``): Textual takes a screen's
    styles from its first base, so the dialog stays a dialog over the screen behind it."""

    HELP_TITLE = "Boxes of a form"
    ENTER_MOVES_ON: ClassVar[frozenset[str]] = frozenset()
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "type_ahead_focus(1)", "Next box", show=False, priority=True, id="form-next"),
        Binding("shift+tab", "type_ahead_focus(-1)", "Previous box", show=False, priority=True, id="form-back"),
        Binding("enter", "type_ahead_enter", "Next box (or done)", show=False, priority=True, id="form-enter"),
    ]

    def _focused_input(self) -> Input:
        """The Input box in this form that has focus; SkipAction (the key goes on as usual) otherwise."""
        focused = self.focused
        if self.app.screen is not self or not isinstance(focused, Input):
            raise SkipAction()
        return focused

    def action_type_ahead_focus(self, step: int) -> None:
        self._focused_input()
        self.focus_next() if step > 0 else self.focus_previous()

    def action_type_ahead_enter(self) -> None:
        if self._focused_input().id not in self.ENTER_MOVES_ON:
            raise SkipAction()
        self.focus_next()

    def after_typing(self, then: Callable[[], object]) -> None:
        """Run ``then`` once every box has taken the keys already handed to it: Ctrl+S (a priority key, read
        at once) typed straight after the text would otherwise save the boxes without it."""
        boxes = list(self.query(Input))

        def step(index: int) -> None:
            if index == len(boxes):
                then()
            else:
                boxes[index].call_later(step, index + 1)  # after the messages already in that box's queue

        step(0)
