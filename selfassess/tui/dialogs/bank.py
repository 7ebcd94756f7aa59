"""Evidence bank dialog: earlier answers ranked by the current criterion's words; Enter inserts one."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ... import bank
from ...safetext import plain, strip_controls
from ..typed import AppModal
from .draft_boxes import NOT_DRAFT

PROMPT_WORDS = 24


def entry_prompt(entry: bank.BankEntry) -> Text:
    """'Role title · E2', then the answer's first words, whole (the preview below shows all of it)."""
    prompt = plain(f"{entry.role_title} · {entry.criterion_id}", "bold")
    words = strip_controls(entry.text).split()
    prompt.append("\n")
    prompt.append_text(plain(" ".join(words[:PROMPT_WORDS])))
    if len(words) > PROMPT_WORDS:
        prompt.append(f" (+{len(words) - PROMPT_WORDS} words)", style="dim")
    return prompt


class EvidenceBankDialog(AppModal[str | None]):
    """Search earlier evidence; returns the text to insert, or None."""

    HELP_TITLE = "Evidence bank"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="bank-cancel")]

    def __init__(self, entries: list[bank.BankEntry], criterion_text: str) -> None:
        super().__init__()
        self.entries, self.criterion_text = entries, criterion_text
        self.shown: list[bank.BankEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="bank-dialog"):
            title = plain(
                f"Evidence bank: earlier answers that fit \u201c{' '.join(self.criterion_text.split())}\u201d"
            )
            title.stylize("bold")
            yield VerticalScroll(Static(title, id="bank-title"), id="bank-title-box")
            yield Input(placeholder="Filter by words (optional)", id="bank-query", classes=NOT_DRAFT)
            yield OptionList(id="bank-options")
            with VerticalScroll(id="bank-preview-box"):
                yield Static(id="bank-preview")
            hint = "Type to filter, Up/Down to browse, Enter to insert at the cursor, Escape to cancel"
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        self._search("")
        self.query_one("#bank-query", Input).focus()  # typing filters at once; Up/Down browse from here

    def on_key(self, event: events.Key) -> None:
        """Up/Down in the filter move through the list, so the candidate need not Tab to it."""
        options = self.query_one(OptionList)
        if self.focused is self.query_one("#bank-query") and event.key in ("up", "down") and self.shown:
            options.action_cursor_down() if event.key == "down" else options.action_cursor_up()
            event.stop()

    @on(Input.Changed, "#bank-query")
    def _query(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#bank-query")
    def _submitted(self) -> None:
        """Enter in the filter inserts the highlighted answer (as Enter in the list does)."""
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self.shown):
            self.dismiss(strip_controls(self.shown[highlighted].text))

    def _search(self, query: str) -> None:
        self.shown = bank.search(self.entries, self.criterion_text, query)
        options = self.query_one(OptionList)
        options.clear_options()
        for entry in self.shown:
            options.add_option(Option(entry_prompt(entry)))
        if self.shown:
            options.highlighted = 0
        else:
            self.query_one("#bank-preview", Static).update(
                "No earlier evidence matches."
                if self.entries
                else "The bank is empty: evidence you write for any criterion of any job appears here."
            )

    @on(OptionList.OptionHighlighted)
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        entry = self.shown[event.option_index]
        self.query_one("#bank-preview", Static).update(plain(entry.text))

    @on(OptionList.OptionSelected)
    def _insert(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(strip_controls(self.shown[event.option_index].text))

    def action_cancel(self) -> None:
        self.dismiss(None)
