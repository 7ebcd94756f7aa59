"""CriterionRail: the list of a role's criteria in order, with a status glyph and a short tail per row.

Screens give it the criteria and, per row, a status glyph and tail text (codes, a rating, a score);
it posts ``CriterionRail.Chosen`` when a row is chosen (Enter or click) and ``CriterionRail.Moved``
when the highlight moves, so the screen alone decides what happens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...models import Criterion
from .styles import STATUS_STYLE, kind_badge


@dataclass(frozen=True)
class RailRow:
    """What one row shows besides the criterion's id and kind."""

    glyph: str = "○"
    status: str = "empty"
    tail: str | Text = ""


class CriterionRail(OptionList):
    """Criteria in the employer's order; Enter chooses one."""

    HELP_TITLE = "Criteria list"
    BINDINGS = [Binding("enter", "select", "Go to the criterion", id="rail-choose", show=False)]

    DEFAULT_CSS = """
    CriterionRail {
        width: 24;
        height: 1fr;
        border: none;
        border-right: solid $primary;
    }
    CriterionRail.narrow {
        width: 16;
    }
    """

    class _RowMessage(Message):
        """Something happened at one row of a rail."""

        def __init__(self, rail: CriterionRail, index: int) -> None:
            super().__init__()
            self.rail, self.index = rail, index

        @property
        def control(self) -> CriterionRail:
            return self.rail

    class Chosen(_RowMessage):
        """A criterion was chosen (Enter or click)."""

    class Moved(_RowMessage):
        """The highlight moved to another criterion."""

    def __init__(self, criteria: Sequence[Criterion] = (), *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.criteria = list(criteria)

    @staticmethod
    def row_text(criterion: Criterion, row: RailRow) -> Text:
        """One row: status glyph, id, E/D, tail."""
        out = Text()
        out.append(f"{row.glyph} ", style=STATUS_STYLE.get(row.status, ""))
        out.append(f"{criterion.id:<4}", style="bold" if criterion.kind == "essential" else "")
        out.append_text(kind_badge(criterion.kind))
        out.append(row.tail)
        return out

    def fill(self, rows: Sequence[RailRow]) -> None:
        """Show every criterion with its row (one per criterion, same order); keeps the highlight."""
        keep = self.highlighted
        self.clear_options()
        self.add_options([Option(self.row_text(c, r), id=c.id) for c, r in zip(self.criteria, rows, strict=True)])
        if keep is not None and self.criteria:
            self.highlighted = min(keep, len(self.criteria) - 1)

    def set_row(self, index: int, row: RailRow) -> None:
        """Redraw one criterion's row."""
        self.replace_option_prompt_at_index(index, self.row_text(self.criteria[index], row))

    def show(self, index: int) -> None:
        """Highlight a criterion (without posting Chosen)."""
        if self.highlighted != index:
            self.highlighted = index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, event.option_index))

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Moved(self, event.option_index))
