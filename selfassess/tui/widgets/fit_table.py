"""FitTable: a DataTable whose text columns wrap to fit its width, so no cell is cut at the pane's edge."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable

Cell = str | Text


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def fit_widths(natural: list[int], floors: list[int], flexible: set[int], room: int) -> list[int]:
    """Column widths that fit ``room``: the widest flexible column gives way first, never below its floor
    (its longest word), so words wrap whole. Natural widths when they fit."""
    widths = list(natural)
    while sum(widths) > room:
        shrinkable = [i for i in flexible if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


class FitTable(DataTable):
    """Rows given with ``fill``; columns in ``flexible`` (by index) wrap when the table is too narrow."""

    def __init__(self, labels: tuple[str, ...], flexible: set[int], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.labels, self.flexible = labels, flexible
        self._rows: list[tuple[list[Cell], str]] = []
        self._drawn_width = -1
        self._room: dict[int, int] = {}  # terminal width -> the table's widest width seen at it
        self.add_columns(*labels)

    def fill(self, rows: list[tuple[list[Cell], str]]) -> None:
        """Show these rows (cells, key), keeping the cursor on the same row number."""
        self._rows = rows
        self._draw()

    def on_resize(self) -> None:
        if self.size.width != self._drawn_width:
            self._draw()

    def _widths(self) -> list[int] | None:
        """Fixed widths when the natural ones do not fit (None: let every column size itself)."""
        columns = [[self.labels[i], *(_plain(cells[i]) for cells, _ in self._rows)] for i in range(len(self.labels))]
        natural = [max(len(line) for text in column for line in text.splitlines() or [""]) for column in columns]
        floors = [max([len(word) for text in column for word in text.split()] or [1]) for column in columns]
        # The widest this table has been at this terminal width: a table sized to its columns narrows when
        # they are fitted, and must not take that as less room (it would narrow again, and again).
        width = max(self.scrollable_content_region.width, self._room.get(self.app.size.width, 0))
        if self.styles.width is not None and self.styles.width.is_auto and isinstance(self.parent, Widget):
            # sized to its columns (up to its pane): the room is the pane's, not the width it was drawn at
            frame = self.outer_size.width - self.scrollable_content_region.width
            width = max(width, self.parent.content_region.width - frame)
        self._room[self.app.size.width] = width
        room = width - 2 * self.cell_padding * len(self.labels)
        if not self.size.width or sum(natural) <= room:
            return None
        return fit_widths(natural, floors, self.flexible, room)

    def _draw(self) -> None:
        self._drawn_width = self.size.width
        row = self.cursor_row
        widths = self._widths()
        self.clear(columns=True)
        for n, label in enumerate(self.labels):
            self.add_column(label, width=widths[n] if widths else None)
        for cells, key in self._rows:
            self.add_row(*cells, key=key, height=None if widths else 1)
        if self._rows:
            self.move_cursor(row=min(row, len(self._rows) - 1))
