"""Dialogs of the role import: read a file or pasted text (off the UI thread), and name the role to save."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, LoadingIndicator, Static, TextArea

from ...errors import BadInput
from ...role_draft import RoleDraft, draft_from_file, draft_from_text
from ...safetext import plain
from ..typed import AppModal
from ..widgets.in_turn import InTurnInput
from .draft_boxes import NOT_DRAFT
from .type_ahead import TypeAheadForm

IMPORT_HINT = "Enter reads the file; Ctrl+S reads the pasted text; Escape cancels"


class ImportDialog(AppModal[RoleDraft | None]):
    """A job document's path or its pasted text; extraction runs in a thread worker while a spinner shows."""

    HELP_TITLE = "Importing a job document"

    BINDINGS = [
        Binding("ctrl+s", "read_paste", "Read pasted text", id="import-read", priority=True),
        Binding("escape", "cancel", "Cancel", id="import-cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._cancelled = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-dialog"):
            yield Label(plain("Import a job's person specification", "bold"))
            yield Label("A file (.txt, .md, .html, .docx or .pdf), then Enter:")
            yield Input(placeholder="~/Downloads/person-specification.docx", id="import-path", classes=NOT_DRAFT)
            yield Label("or paste the text of the job page or document, then Ctrl+S:")
            yield TextArea(id="import-text", soft_wrap=True, show_line_numbers=False)
            yield LoadingIndicator(id="import-busy")
            yield Static(IMPORT_HINT, id="import-status", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#import-busy").display = False
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted, "#import-path")
    def _read_path(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self._start(f"Reading {event.value.strip()} ...")
            self._extract(Path(event.value.strip()), None)
        else:
            self._failed("Type a file's path, or paste the text below and press Ctrl+S")

    def action_read_paste(self) -> None:
        text = self.query_one("#import-text", TextArea).text
        if not text.strip():
            path = self.query_one("#import-path", Input).value.strip()
            if path:
                self._start(f"Reading {path} ...")
                self._extract(Path(path), None)
                return
            self._failed("Nothing pasted yet: paste the person specification into the box first")
            return
        self._start(f"Reading {len(text.splitlines()):,} pasted lines ...")
        self._extract(None, text)

    def _start(self, message: str) -> None:
        self.query_one("#import-busy").display = True
        self.query_one("#import-status", Static).update(plain(message))

    @work(thread=True, exclusive=True, group="import")
    def _extract(self, path: Path | None, text: str | None) -> None:
        try:
            draft = draft_from_file(path) if path is not None else draft_from_text(text or "")
        except BadInput as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._done, draft)

    def _done(self, draft: RoleDraft) -> None:
        if not self._cancelled:
            self.dismiss(draft)

    def _failed(self, message: str) -> None:
        """Say what is wrong inside the dialog; what was typed or pasted stays."""
        self.query_one("#import-busy").display = False
        self.query_one("#import-status", Static).update(plain(message, "bold red"))
        self.notify(message, title="Cannot import", severity="error", timeout=10)

    def action_cancel(self) -> None:
        self._cancelled = True
        self.dismiss(None)


class SaveRoleDialog(AppModal[dict[str, str] | None], TypeAheadForm):
    """Title, organisation and id of the role to save; Enter on the id (or Ctrl+S) saves."""

    HELP_TITLE = "Saving the role"
    ENTER_MOVES_ON = frozenset({"save-title", "save-organisation"})  # at once, whatever is typed after (type_ahead)

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save-role-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="save-role-cancel"),
    ]

    def __init__(self, values: dict[str, str], focus: str = "title") -> None:
        super().__init__()
        self.values, self.focus_on = values, focus

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog compact-form"):
            yield Label(plain("Save the role in your library", "bold"))
            yield Label("Job title")
            yield InTurnInput(self.values.get("title", ""), id="save-title", max_length=300)
            yield Label("Organisation (optional)")
            yield InTurnInput(self.values.get("organisation", ""), id="save-organisation", max_length=300)
            yield Label("Role id (lower case letters, digits and hyphens; empty: made from the title)")
            yield InTurnInput(self.values.get("id", ""), id="save-id", max_length=64)
            yield Static("Enter moves on and saves from the id; Escape cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one(f"#save-{self.focus_on}", Input).focus()

    @on(Input.Submitted, "#save-id")
    def action_save(self) -> None:
        self.after_typing(  # with whatever was typed just before Ctrl+S
            lambda: self.dismiss(
                {n: self.query_one(f"#save-{n}", Input).value for n in ("title", "organisation", "id")}
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
