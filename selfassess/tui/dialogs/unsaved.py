"""Leaving with a failed save: retry, write the text to a file the user names, or discard on a second key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from ...errors import BadInput
from ...export.files import save_export
from ...safetext import plain
from ..typed import AppModal


@dataclass(frozen=True)
class Unsaved:
    """What an editing screen could not save: why, the text itself, and where to offer writing it."""

    error: str
    text: str
    suggested: Path
    typed: int | None = None  # characters the user typed (the text adds a label to each); None: all of it
    retry: bool = True  # False: nothing to retry (an open dialog's text): Escape goes back to it


def unsaved_of(failed: dict[str, tuple[str, str]], suggested: Path, typed: int | None = None) -> Unsaved | None:
    """One ``Unsaved`` from failed saves (label -> (why, text)), each text under its label; None if none.
    ``typed``: the characters the user typed, if not all of the texts."""
    if not failed:
        return None
    errors = "; ".join(dict.fromkeys(error for error, _ in failed.values()))
    text = "\n\n".join(f"{label}\n{body}" for label, (_, body) in failed.items())
    count = sum(len(body) for _, body in failed.values()) if typed is None else typed
    return Unsaved(errors, text + "\n", suggested, count)


class UnsavedDialog(AppModal[str | None]):
    """Answers "retry", "saved" (written to a file), "discard" (after d twice) or None (stay)."""

    HELP_TITLE = "Text not saved"

    BINDINGS = [
        Binding("r", "retry", "Retry the save", id="unsaved-retry"),
        Binding("w", "write", "Write to a file", id="unsaved-write"),
        Binding("d", "discard", "Discard (press twice)", id="unsaved-discard"),
        Binding("escape", "stay", "Stay", id="unsaved-stay"),
    ]

    def __init__(self, unsaved: Unsaved) -> None:
        super().__init__()
        self.pending = unsaved
        self.armed = False

    def compose(self) -> ComposeResult:
        typed = len(self.pending.text) if self.pending.typed is None else self.pending.typed
        with Vertical(classes="dialog"):
            yield Static(plain(f"NOT SAVED: {self.pending.error}", "bold red"), id="unsaved-error")  # wraps
            yield Static(f"Leaving now would lose {typed:,} character{'' if typed == 1 else 's'} you typed.")
            yield Static(self._keys(), id="unsaved-status", classes="hint")

    def _keys(self) -> str:
        if self.pending.retry:
            return "r = retry the save · w = write the text to a file · d twice = discard · Escape = stay"
        return "Escape = back to the dialog (the text is kept) · w = write the text to a file · d twice = discard"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No retry where nothing failed to save (an open dialog's text: Escape goes back to it)."""
        return self.pending.retry or action != "retry"

    def unsaved(self) -> None:
        """The path typed here is not a draft (this dialog is the question, not the text)."""
        return None

    def on_key(self, event: events.Key) -> None:
        """Only two d's in a row discard: any other key disarms the first."""
        if event.key != "d" and self.armed:
            self.armed = False
            self._say(f"Not discarded. {self._keys()}")

    def _say(self, message: str) -> None:
        self.query_one("#unsaved-status", Static).update(plain(message))

    def action_retry(self) -> None:
        self.dismiss("retry")

    def action_stay(self) -> None:
        self.dismiss(None)

    def action_discard(self) -> None:
        if self.armed:
            self.dismiss("discard")
            return
        self.armed = True
        keep = "r, w or Escape keep it" if self.pending.retry else "w or Escape keep it"
        self._say(f"Press d again to discard the unsaved text for good; {keep}.")

    def action_write(self) -> None:
        self.armed = False
        if not self.query("#unsaved-path"):
            self.query_one(Vertical).mount(
                Input(str(self.pending.suggested), id="unsaved-path"), before="#unsaved-status"
            )
        self.query_one("#unsaved-path", Input).focus()
        self._say("Enter writes the text to this file (never over an existing one); Escape stays.")

    @on(Input.Submitted, "#unsaved-path")
    def _write(self, event: Input.Submitted) -> None:
        try:
            written = save_export(Path(event.value.strip() or str(self.pending.suggested)), self.pending.text)
        except BadInput as exc:
            retry = ", r to retry the save" if self.pending.retry else ""
            self._say(f"{exc} · try another name{retry}, Escape to stay")
            return
        self.app.notify(f"Unsaved text written to {written}", title="Kept")
        self.dismiss("saved")
