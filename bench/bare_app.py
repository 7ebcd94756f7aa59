"""Baselines for the TUI benchmarks: a bare Textual app with one widget, and one with only a TextArea."""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Static, TextArea


class BareApp(App[None]):
    """One widget."""

    def compose(self) -> ComposeResult:
        yield Static("bare app ready")


class BareTablesApp(App[None]):
    """The home screen's widget kinds only: two tables and a footer, five rows."""

    BINDINGS = [("n", "bell", "New")]

    def compose(self) -> ComposeResult:
        yield DataTable(id="a")
        yield DataTable(id="b")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#a", DataTable)
        table.add_columns("Role", "E", "D", "Organisation")
        for i in range(5):
            table.add_row(f"bare tables ready {i}", "9", "0", "Council")
        self.query_one("#b", DataTable).add_columns("Candidate", "Role", "Done", "Last change")


class BareTextArea(App[None]):
    """A TextArea holding the given text, focused."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, id="editor", soft_wrap=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)


if __name__ == "__main__":
    (BareTablesApp() if sys.argv[1:] == ["tables"] else BareApp()).run()
