"""Self-rating dialog: every level of the scale with its descriptor; a number key or Enter picks one."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...models import Level, Scale
from ...safetext import plain
from ..typed import AppModal


def level_option(level: Level, met: int) -> Option:
    """'3  Good  (met)' with its descriptor below, wrapped under the label rather than the number."""
    head = Text(level.label, style="bold")
    if level.value == met:
        head.append("  (met)", style="green")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=2)
    grid.add_column(ratio=1)
    grid.add_row(Text(str(level.value), style="bold"), Text.assemble(head, "\n", plain(level.descriptor, "dim")))
    return Option(grid, id=str(level.value))


class RatingDialog(AppModal[int | None]):
    """Pick a level of ``scale``; returns its value, or None when cancelled."""

    HELP_TITLE = "Rating yourself"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rating-cancel")]

    def __init__(self, scale: Scale, current: int | None, criterion_label: str) -> None:
        super().__init__()
        self.scale, self.current, self.criterion_label = scale, current, criterion_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="rating-dialog"):
            title = plain(f"Rate yourself honestly: {' '.join(self.criterion_label.split())}", "bold")
            yield VerticalScroll(Static(title, id="rating-title"), id="rating-title-box")
            yield OptionList(*[level_option(level, self.scale.met) for level in self.scale.levels], id="rating-options")
            yield Static("Number key or Enter to choose, Escape to cancel", id="rating-hint", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [level.value for level in self.scale.levels]
        if self.current in values:
            options.highlighted = values.index(self.current)
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """The list scrolls within what the screen has left, so the title and the hint are always seen."""
        dialog = self.query_one("#rating-dialog")
        around = dialog.outer_size.height - dialog.content_region.height  # border and padding
        fixed = self.query_one("#rating-title-box").outer_size.height + self.query_one("#rating-hint").outer_size.height
        room = int(self.size.height * 0.9)  # the dialog's max-height (app.tcss .dialog)
        self.query_one(OptionList).styles.max_height = max(3, room - around - fixed)

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
