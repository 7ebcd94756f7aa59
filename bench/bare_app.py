"""Baselines for the TUI benchmarks: a bare Textual app with one widget, and one with only a TextArea."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static, TextArea


class BareApp(App[None]):
    """One widget."""

    def compose(self) -> ComposeResult:
        yield Static("bare app ready")


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
    BareApp().run()
