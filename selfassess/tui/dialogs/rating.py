"""Self-rating dialog: every level of the scale with its descriptor; a number key or Enter picks one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...models import Scale
from ...safetext import plain


class RatingDialog(ModalScreen[int | None]):
    """Pick a level of ``scale``; returns its value, or None when cancelled."""

    DEFAULT_CSS = "RatingDialog #rating-title-box { height: auto; max-height: 4; }"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rating-cancel")]

    def __init__(self, scale: Scale, current: int | None, criterion_label: str) -> None:
        super().__init__()
        self.scale, self.current, self.criterion_label = scale, current, criterion_label

    def compose(self) -> ComposeResult:
        options = []
        for level in self.scale.levels:
            prompt = Text()
            prompt.append(f"{level.value}  {level.label}", style="bold")
            if level.value == self.scale.met:
                prompt.append("  (met)", style="green")
            prompt.append("\n   ")
            prompt.append_text(plain(level.descriptor, "dim"))
            options.append(Option(prompt, id=str(level.value)))
        with Vertical(classes="dialog"):
            with VerticalScroll(id="rating-title-box"):  # a long criterion scrolls, never cut
                yield Static(plain(f"Rate yourself honestly: {self.criterion_label}", "bold"), id="rating-title")
            yield OptionList(*options, id="rating-options")
            yield Static("Number key or Enter to choose, Escape to cancel", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [level.value for level in self.scale.levels]
        if self.current in values:
            options.highlighted = values.index(self.current)

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            value = int(event.character)
            if self.scale.level(value) is not None:
                event.stop()
                self.dismiss(value)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
