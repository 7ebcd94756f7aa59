"""Dialogs for the online form: what to copy (or save to a file), and the form's limits for this role."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...limit_presets import PRESETS, describe, parse_custom
from ...models import StatementLimits
from ...safetext import plain
from ..typed import AppModal

COPY_CHOICES = (
    ("answer", "Copy this answer (for a box per criterion)"),
    ("statement", "Copy the whole statement, each answer under its criterion heading"),
    ("answer-file", "Save this answer to a text file instead"),
    ("statement-file", "Save the whole statement to a text file instead"),
)


class CopyDialog(AppModal[str | None]):
    """Pick what to copy for the form; returns a choice id from COPY_CHOICES, or None."""

    HELP_TITLE = "Copy for the form"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="copy-cancel")]

    def __init__(self, criterion_id: str, can_copy: bool) -> None:
        super().__init__()
        self.criterion_id, self.can_copy = criterion_id, can_copy

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="copy-dialog"):
            yield Static(Text("Straight into the online form", style="bold"))
            options = [
                Option(label.replace("this answer", f"this answer ({self.criterion_id})"), id=choice)
                for choice, label in COPY_CHOICES
            ]
            yield OptionList(*options, id="copy-options")
            hint = (
                "Copies go through your terminal (OSC 52); if nothing pastes, save to a file instead."
                if self.can_copy
                else "This terminal cannot copy to the clipboard: save to a file and paste from there."
            )
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.can_copy else 2
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LimitsDialog(AppModal[StatementLimits | None]):
    """The form's limits: a preset, or typed ('250 words per criterion, 5000 chars total')."""

    HELP_TITLE = "Form limits"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="limits-cancel")]

    def __init__(self, role_title: str, current: StatementLimits) -> None:
        super().__init__()
        self.role_title, self.current = role_title, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="limits-dialog"):
            title = plain(f"Limits of the form for {self.role_title}", "bold")
            title.append_text(plain(f" (now: {describe(self.current)})", "dim"))
            yield Static(title)
            yield OptionList(*[Option(p.label, id=p.id) for p in PRESETS], id="limits-presets")
            yield Static("Or type them, e.g. 250 words per criterion, 5000 chars total")
            yield Input(id="limits-custom", placeholder="300 words each; 4000 characters total")
            yield Static("Enter chooses, Escape cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_resize(self) -> None:
        """On a short terminal the presets scroll in fewer lines, so the typed box and the hint stay shown."""
        self.query_one("#limits-dialog").set_class(self.size.height < 30, "short")

    @on(OptionList.OptionSelected)
    def _preset(self, event: OptionList.OptionSelected) -> None:
        preset = next(p for p in PRESETS if p.id == event.option.id)
        self.dismiss(preset.limits)

    @on(Input.Submitted)
    def _custom(self, event: Input.Submitted) -> None:
        try:
            limits = parse_custom(event.value)
        except ValueError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        self.dismiss(limits)

    def action_cancel(self) -> None:
        self.dismiss(None)
