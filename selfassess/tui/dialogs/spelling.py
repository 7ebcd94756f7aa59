"""Spelling dialog: the flagged words of an answer; suggestions for the highlighted one come from a worker.

Returns ("replace", replacement, word, offset), ("add", word, word, offset) to add the word to the
personal word list, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...safetext import plain
from ...spelling import Issue
from ..typed import AppModal


class SpellingDialog(AppModal[tuple[str, str, str, int] | None]):
    """Pick a flagged word, then a suggestion (Enter) or add the word to your list (a)."""

    HELP_TITLE = "Spelling"

    BINDINGS = [
        Binding("a", "add_word", "Add to my words", id="spelling-add"),
        Binding("escape", "cancel", "Close", id="spelling-close"),
    ]

    def __init__(self, issues: list[Issue], personal: set[str]) -> None:
        super().__init__()
        self.issues, self.personal = issues, personal
        self.suggestions: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="spelling-dialog"):
            yield Static(Text("Spelling: British English (nothing leaves this computer)", style="bold"))
            with Horizontal(id="spelling-lists"):
                yield OptionList(*[self._word_option(i) for i in self.issues], id="spelling-words")
                yield OptionList(id="spelling-suggestions")
            yield Static(
                "Up/Down a word, Tab to its suggestions, Enter replaces, a adds the word to your list, Escape closes",
                classes="hint",
            )

    @staticmethod
    def _word_option(issue: Issue) -> Option:
        label = plain(issue.word, "bold")
        label.append(" American" if issue.kind == "american" else " not in the dictionary", style="dim")
        return Option(label)

    def on_mount(self) -> None:
        words = self.query_one("#spelling-words", OptionList)
        words.highlighted = 0
        words.focus()

    @property
    def current(self) -> Issue | None:
        index = self.query_one("#spelling-words", OptionList).highlighted
        return self.issues[index] if index is not None and index < len(self.issues) else None

    @on(OptionList.OptionHighlighted, "#spelling-words")
    def _word_highlighted(self) -> None:
        issue = self.current
        options = self.query_one("#spelling-suggestions", OptionList)
        options.clear_options()
        if issue is None:
            return
        if issue.kind == "american":
            self._show(issue, [issue.british])
        else:
            options.add_option(Option(Text("finding suggestions ...", style="dim"), disabled=True))
            self._suggest(issue)

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest(self, issue: Issue) -> None:
        from ...spelling import shared, suggest

        found = suggest(issue.word, shared())
        self.app.call_from_thread(self._show, issue, found)

    def _show(self, issue: Issue, found: list[str]) -> None:
        if issue is not self.current:
            return
        self.suggestions = found
        options = self.query_one("#spelling-suggestions", OptionList)
        options.clear_options()
        if not found:
            options.add_option(Option(Text("no suggestion: a adds it to your words", style="dim"), disabled=True))
            return
        options.add_options([Option(plain(s)) for s in found])
        options.highlighted = 0

    @on(OptionList.OptionSelected, "#spelling-words")
    def _to_suggestions(self) -> None:
        self.query_one("#spelling-suggestions", OptionList).focus()

    @on(OptionList.OptionSelected, "#spelling-suggestions")
    def _replace(self, event: OptionList.OptionSelected) -> None:
        issue = self.current
        if issue is not None and event.option_index < len(self.suggestions):
            self.dismiss(("replace", self.suggestions[event.option_index], issue.word, issue.start))

    def action_add_word(self) -> None:
        issue = self.current
        if issue is not None:
            self.dismiss(("add", issue.word, issue.word, issue.start))

    def action_cancel(self) -> None:
        self.dismiss(None)
