"""Small modal dialogs: a one-line prompt, a multi-line editor, a yes/no question."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static, TextArea

from ...safetext import plain
from ..typed import AppModal
from ..widgets.in_turn import InTurnInput
from .draft_boxes import NOT_DRAFT
from .type_ahead import TypeAheadForm


class TextPrompt(AppModal[str | None]):
    """Ask for one line of text; Enter accepts, Escape cancels (None). With ``required``, an empty answer
    is not accepted; with ``max_chars`` (shown in the hint), nor is a longer one: the dialog says so and
    stays open with the text kept. ``draft=False``: the answer is not a draft (a path), quitting does not ask."""

    HELP_TITLE = "Answer box"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt-cancel")]

    def __init__(
        self,
        question: str,
        value: str = "",
        placeholder: str = "",
        required: bool = False,
        max_chars: int = 0,
        draft: bool = True,
    ) -> None:
        super().__init__()
        self.question, self.value, self.placeholder, self.required = question, value, placeholder, required
        self.max_chars, self.draft = max_chars, draft

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="question")  # wraps: a long question is never cut
            kind = "" if self.draft else NOT_DRAFT
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input", classes=kind)
            cap = f" (at most {self.max_chars:,} characters)" if self.max_chars else ""
            yield Static(f"Enter to accept, Escape to cancel{cap}", id="prompt-hint", classes="hint")

    @on(Input.Submitted)
    def _accept(self, event: Input.Submitted) -> None:
        hint = self.query_one("#prompt-hint", Static)
        if self.required and not event.value.strip():
            hint.update(Text("A reason is needed: type it, then Enter (Escape cancels)", style="bold red"))
            return
        size = len(event.value.strip())
        if self.max_chars and size > self.max_chars:
            too_long = f"Too long: {size:,} characters; at most {self.max_chars:,}. Shorten it, then Enter"
            hint.update(Text(too_long, style="bold red"))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class EditText(AppModal[str | None]):
    """Edit a longer text; Ctrl+S keeps it, Escape cancels (None)."""

    HELP_TITLE = "Editing text"

    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep", id="edit-keep", priority=True),
        Binding("escape", "cancel", "Cancel", id="edit-cancel"),
    ]

    def __init__(self, question: str, value: str) -> None:
        super().__init__()
        self.question, self.value = question, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="question")  # wraps: a long question is never cut
            yield TextArea(self.value, id="edit-area", soft_wrap=True)
            yield Static("Ctrl+S to keep, Escape to cancel", classes="hint")

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(AppModal[bool]):
    """A yes/no question; y or Enter says yes, n or Escape says no."""

    HELP_TITLE = "Yes or no"

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="question", id="confirm-question")  # wraps, never cut
            yield Static("y = yes, n = no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class NewSessionDialog(AppModal[tuple[str, str] | None], TypeAheadForm):
    """Candidate name and reference for a new session (both optional); Enter on the last field starts.
    Typed ahead ("Sam Test<Tab>R-1<Enter>" in one go), each key lands in its box (TypeAheadForm)."""

    HELP_TITLE = "New session"
    ENTER_MOVES_ON = frozenset({"new-name"})

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new-cancel")]

    def __init__(self, role_title: str) -> None:
        super().__init__()
        self.role_title = role_title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(f"New session: {self.role_title}", "bold"))
            yield Label("Your name (optional; leave empty to stay anonymous)")
            yield InTurnInput(id="new-name", max_length=200)
            yield Label("Reference, e.g. the vacancy or candidate number (optional)")
            yield InTurnInput(id="new-reference", max_length=80)
            yield Static("Enter to start, Escape to cancel", classes="hint")

    @on(Input.Submitted, "#new-reference")
    def _start(self) -> None:
        self.dismiss(
            (self.query_one("#new-name", Input).value.strip(), self.query_one("#new-reference", Input).value.strip())
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
