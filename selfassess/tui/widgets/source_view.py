"""The review screen's source lines as a virtual list: only the rows on screen are drawn.

A 30 KB paste is hundreds of long lines; one widget (or one measured option) per line makes opening and
every change slow. Here the lines are wrapped once per width into plain rows (cheap string work), and
``render_line`` draws just the visible rows, so marking a range or a new criterion costs one repaint.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...safetext import strip_controls
from ...source_lines import display

GUTTER = 6  # "  E12 " before each line: the id of the criterion made from it


def wrap_rows(lines: Sequence[str], width: int) -> tuple[list[tuple[int, str]], list[int]]:
    """(rows as (line index, text), first row of each line) for lines wrapped to ``width`` cells."""
    rows: list[tuple[int, str]] = []
    first: list[int] = []
    width = max(8, width)
    for index, line in enumerate(lines):
        first.append(len(rows))
        shown = strip_controls(display(line))
        pieces = textwrap.wrap(shown, width, break_on_hyphens=False) if len(shown) > width else [shown]
        rows.extend((index, piece) for piece in pieces or [""])
    return rows, first


class SourceList(ScrollView, can_focus=True):
    """Source lines with a cursor, a range mark and the ids of the criteria made from each line."""

    HELP_TITLE = "Source lines"

    BINDINGS = [
        Binding("up", "cursor(-1)", "Line up", id="source-up", show=False),
        Binding("down", "cursor(1)", "Line down", id="source-down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="source-page-up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="source-page-down", show=False),
        Binding("home", "first", "First line", id="source-first", show=False),
        Binding("end", "last", "Last line", id="source-last", show=False),
        Binding("enter", "select", "Use line", id="source-select", show=False),
    ]
    COMPONENT_CLASSES = {"source-list--cursor", "source-list--used", "source-list--unused", "source-list--range"}
    DEFAULT_CSS = """
    SourceList {
        overflow-x: hidden;
        background: $surface;
        & > .source-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .source-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .source-list--used { color: $success; text-style: bold; }
        & > .source-list--unused { color: $text-muted; }
        & > .source-list--range { text-style: reverse; }
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    class Highlighted(Message):
        """The cursor moved to line ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Selected(Message):
        """Enter on line ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, lines: Sequence[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines = list(lines)
        self.range_start: int | None = None
        self.used: dict[int, list[str]] = {}
        self._rows: list[tuple[int, str]] = []
        self._first: list[int] = []
        self._wrapped_at = -1

    # --- state ------------------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """First and last line of the marked range (or the highlighted line alone), None without a cursor."""
        cursor = self.highlighted
        if cursor is None:
            return None
        start = cursor if self.range_start is None else self.range_start
        return min(start, cursor), max(start, cursor)

    def toggle_mark(self) -> None:
        """Start a range at the highlighted line, or drop the mark."""
        self.range_start = None if self.range_start is not None else self.highlighted
        self.refresh()

    def show(self, used: dict[int, list[str]]) -> None:
        """Mark the lines in use (a repaint of the visible rows)."""
        self.used = used
        self.refresh()

    def redraw(self) -> None:
        self.refresh()

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self.lines:
            return None
        return max(0, min(value, len(self.lines) - 1))

    def watch_highlighted(self, value: int | None) -> None:
        if value is None:
            return
        self._scroll_to_line(value)
        self.refresh()
        self.post_message(self.Highlighted(value))

    # --- layout -----------------------------------------------------------------------------
    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_at:
            return
        self._wrapped_at = width
        self._rows, self._first = wrap_rows(self.lines, width - GUTTER)
        self.virtual_size = Size(width, len(self._rows))
        if self.highlighted is not None:
            self.call_after_refresh(self._scroll_to_line, self.highlighted)

    def on_mount(self) -> None:
        if self.lines and self.highlighted is None:
            self.highlighted = 0

    def on_resize(self) -> None:
        self._wrap()

    def _line_rows(self, index: int) -> tuple[int, int]:
        start = self._first[index]
        end = self._first[index + 1] if index + 1 < len(self._first) else len(self._rows)
        return start, end - start

    def _scroll_to_line(self, index: int) -> None:
        self._wrap()
        if not self._first or index >= len(self._first):
            return
        start, height = self._line_rows(index)
        region = Region(0, start, self.scrollable_content_region.width, min(height, max(1, self.size.height)))
        self.scroll_to_region(region, force=True, animate=False, immediate=True)

    # --- drawing ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        self._wrap()
        width = self.scrollable_content_region.width
        row = self.scroll_offset.y + y
        base = self.rich_style
        if row >= len(self._rows):
            return Strip([Segment(" " * width, base)], width)
        index, piece = self._rows[row]
        ids = self.used.get(index)
        marker = (f"{ids[0]}{'+' if len(ids) > 1 else ''}" if ids else "·") if self._first[index] == row else ""
        line_style = base
        marked = self.selection() if self.range_start is not None else None
        if marked and marked[0] <= index <= marked[1]:
            line_style += self.get_component_rich_style("source-list--range")
        if index == self.highlighted:
            line_style += self.get_component_rich_style("source-list--cursor")
        dim = line_style + self.get_component_rich_style("source-list--unused")
        gutter = f"{marker:>{GUTTER - 1}} "[:GUTTER]
        segments = [
            Segment(gutter, line_style + self.get_component_rich_style("source-list--used") if ids else dim),
            Segment(piece, line_style if ids else dim),
        ]
        used = GUTTER + cell_len(piece)
        if used > width:
            return Strip(segments, used).crop(0, width)
        segments.append(Segment(" " * (width - used), line_style))
        return Strip(segments, width)

    # --- keys and mouse -----------------------------------------------------------------------
    def action_cursor(self, delta: int) -> None:
        if self.lines:
            self.highlighted = (self.highlighted or 0) + delta if self.highlighted is not None else 0

    def action_page(self, direction: int) -> None:
        if not self.lines:
            return
        self._wrap()
        current = self.highlighted or 0
        target_row = self._first[current] + direction * max(1, self.size.height - 1)
        target_row = max(0, min(target_row, len(self._rows) - 1))
        self.highlighted = self._rows[target_row][0]

    def action_first(self) -> None:
        if self.lines:
            self.highlighted = 0

    def action_last(self) -> None:
        if self.lines:
            self.highlighted = len(self.lines) - 1

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self.highlighted))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if 0 <= row < len(self._rows):
            self.highlighted = self._rows[row][0]
