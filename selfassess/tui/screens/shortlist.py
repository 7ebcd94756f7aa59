"""Criterion-first shortlisting: one criterion at a time across every application of the role, in this
panellist's shuffled order, anonymised, with the review guide and everyone's progress."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Input, Static

from ... import fair_caps, fairness, scoring
from ...errors import BadInput
from ...safetext import plain
from ...shortlist_order import Position
from ...shortlisting import STAGE, Item, ShortlistPass
from ...watch import FolderWatch
from ..dialogs.common import TextPrompt
from ..dialogs.unsaved import Unsaved
from ..widgets.capped_input import CappedInput
from .editing import EditingScreen

REFRESH_SECONDS = 2.0  # how often the pass looks for other panellists' scores


def guide_text(item: Item, scale) -> Text:
    """The review guide for the criterion (from the question plan), else the scale's levels."""
    out = Text()
    if item.plan is not None and any((item.plan.guide.strong, item.plan.guide.acceptable, item.plan.guide.weak)):
        for band in ("strong", "acceptable", "weak"):
            text = getattr(item.plan.guide, band)
            if text:
                out.append(f"{band.capitalize()} ({fairness.band_span(scale, band)}): ", style="bold")
                out.append_text(plain(text))
                out.append("\n")
        return out
    out.append("Scale: ", style="bold")
    out.append_text(plain("  ".join(f"{lv.value} {lv.label}" for lv in scale.levels)))
    return out


class ShortlistScreen(EditingScreen[None]):
    """Score one criterion across all applications, then the next criterion."""

    HELP_TITLE = "Shortlisting"

    DEFAULT_CSS = """
    ShortlistScreen #sl-head { height: auto; padding: 0 1; background: $boost; }
    ShortlistScreen #sl-evidence-box { height: 1fr; padding: 0 1; }
    ShortlistScreen #sl-guide { height: auto; max-height: 5; padding: 0 1; border-top: solid $primary-darken-2; }
    ShortlistScreen #sl-progress { height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("0", "score('0')", "Score", id="sl-score", key_display="0-9"),
        *[Binding(str(d), f"score('{d}')", "Score", show=False, id=f"sl-score-{d}") for d in range(1, 10)],
        Binding("x", "score('none')", "Not assessed", id="sl-none"),
        Binding("ctrl+b", "previous", "Previous", id="sl-previous", priority=True),
        Binding("ctrl+n", "skip", "Next unscored", id="sl-next", priority=True),
        Binding("tab", "note", "Note", id="sl-note", show=False),
        Binding("escape", "back", "Back", id="sl-back"),
    ]

    def __init__(self, role_id: str, panellist: str) -> None:
        super().__init__()
        self.role_id, self.panellist = role_id, panellist
        self.shortlist: ShortlistPass | None = None
        self.item: Item | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="sl-head")
        with VerticalScroll(id="sl-evidence-box"):
            yield Static(id="sl-evidence")
        yield Static(id="sl-guide")
        yield CappedInput(
            id="sl-note-box",
            placeholder=f"evidence note for this score (Tab here, Escape back; at most {fair_caps.NOTE_MAX_CHARS:,})",
            cap=fair_caps.NOTE_MAX_CHARS,
        )
        yield Static(id="sl-progress", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.shortlist = ShortlistPass(self.app.store, self.role_id, self.panellist)
        except (BadInput, ValueError) as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            self.dismiss(None)
            return
        self.sub_title = f"Shortlisting by criterion · {self.panellist}"
        self._show(self.shortlist.next_item())
        self.query_one("#sl-evidence-box").focus()
        self.folder_watch = FolderWatch(self.app.store.directory)
        self.set_interval(REFRESH_SECONDS, self._follow)

    def _follow(self) -> None:
        """Recount everyone's progress from the store when any application changed (other terminals)."""
        if self.shortlist is None or not self.folder_watch.changed():
            return
        self.shortlist.refresh()
        if self.item is not None:
            shown = self.shortlist.item(self.item.position)
            self._show(self.shortlist.next_item() if shown.conflicted else shown)  # hidden from now on
        else:
            self._progress()

    def _show(self, item: Item | None) -> None:
        self.item = item
        head = self.query_one("#sl-head", Static)
        evidence = self.query_one("#sl-evidence", Static)
        if item is None:
            head.update(
                Text(
                    "Every application is scored on every criterion. ctrl+b goes back to review or correct; "
                    "Escape leaves.",
                    style="bold",
                )
            )
            evidence.update("")
            self.query_one("#sl-guide", Static).update("")
        else:
            line = Text()
            line.append(f"{item.criterion.id} ({item.criterion.kind}) ", style="bold")
            line.append_text(plain(item.criterion.text))
            line.append("\n")
            line.append_text(plain(item.label))
            if item.scored:
                line.append(f"  · your score: {'not assessed' if item.my_score is None else item.my_score}")
            head.update(line)
            if item.conflicted:
                evidence.update(
                    Text("You declared a conflict of interest: this application is hidden and not yours to score.")
                )
            else:
                evidence.update(plain(item.evidence) if item.evidence.strip() else Text("(no evidence)", style="dim"))
            assert self.shortlist is not None
            scale = next(iter(self.shortlist.sessions.values())).scale
            self.query_one("#sl-guide", Static).update(guide_text(item, scale))
        self._progress()

    def _progress(self) -> None:
        if self.shortlist is None:
            return
        parts = [f"{p.panellist} {p.done}/{p.total}" for p in self.shortlist.panel_progress()]
        self.query_one("#sl-progress", Static).update(plain("Progress (criteria x applications): " + " · ".join(parts)))

    def action_score(self, key: str) -> None:
        if self.shortlist is None or self.item is None:
            return
        if self.item.conflicted:
            self.notify("You declared a conflict of interest with this application.", severity="warning")
            return
        value = None if key == "none" else int(key)
        scale = self.shortlist.sessions[self.item.position.session_id].scale
        if value is not None and scale.level(value) is None:
            self.notify(f"{value} is not on the scale ({scale.minimum} to {scale.maximum})", severity="warning")
            return
        position, label = self.item.position, self.item.label
        session = self.shortlist.sessions[position.session_id]
        if scoring.change_needs_reason(session, self.panellist, position.criterion, STAGE):
            question = f"Reason for changing your submitted score for {position.criterion} ({label}) to {key}"
            self.app.push_screen(
                TextPrompt(question, required=True, max_chars=fair_caps.REASON_MAX_CHARS),
                lambda reason: self._record(position, label, key, value, reason) if reason else None,
            )
            return
        self._record(position, label, key, value, None)

    def _record(self, position: Position, label: str, key: str, value: int | None, reason: str | None) -> None:
        """Save the score (with the note box's text, and the reason a submitted score's change needs)."""
        assert self.shortlist is not None
        note_box = self.query_one("#sl-note-box", Input)
        shortlist, note = self.shortlist, note_box.value.strip()
        following: list[Item | None] = []

        def save() -> None:
            following.append(shortlist.score(position, value, note=note, reason=reason))

        if note or reason:  # typed text is kept if the save fails (leaving then asks)
            what = f"Note on {position.criterion} for {label} (score {key})" if note else "Reason for the change"
            kept = note + (f"\nReason for the change: {reason}" if note and reason else reason or "")
            if not self.save_or_keep(f"note {position.session_id} {position.criterion}", what, kept, save):
                return
        else:
            try:
                save()
            except BadInput as exc:
                self.notify(str(exc).splitlines()[0], severity="error")
                return
        note_box.value = ""
        self._show(following[0])

    def action_previous(self) -> None:
        """Back one application (across criteria); from 'finished', back to the last one."""
        if self.shortlist is None:
            return
        before = self.shortlist.previous(self.item.position if self.item else None)
        if before is not None:
            self._show(before)

    def action_skip(self) -> None:
        if self.shortlist is not None:
            self._show(self.shortlist.next_item())

    def on_input_submitted(self) -> None:
        """Enter in the note box goes back to scoring (the note is kept for the next score)."""
        self.query_one("#sl-evidence-box").focus()

    def action_note(self) -> None:
        self.query_one("#sl-note-box", Input).focus()

    def unsaved(self) -> Unsaved | None:
        """Failed saves, and a note typed but not saved yet (it goes with the next score): leaving or
        quitting asks first (Escape stays with the note, w writes it to a file, d twice discards it)."""
        failed = super().unsaved()
        note = self.query_one("#sl-note-box", Input).value if self.is_mounted else ""
        if not note.strip() or (failed is not None and note.strip() in failed.text):
            return failed  # nothing typed, or the note is already kept by a failed save
        where = f"{self.item.position.criterion}, {self.item.label}" if self.item is not None else "no application"
        typed = Unsaved(
            error=f"the evidence note typed for {where} is saved with a score; none given yet",
            text=f"Note ({where})\n{note}\n",
            suggested=Path.cwd() / f"selfassess-unsaved-shortlisting-{self.role_id}.txt",
            typed=len(note),
            retry=False,
        )
        if failed is None:
            return typed
        count = (failed.typed or 0) + len(note)
        return replace(failed, error=f"{failed.error}; {typed.error}", text=failed.text + typed.text, typed=count)

    def action_back(self) -> None:
        note = self.query_one("#sl-note-box", Input)
        if note.has_focus:
            self.query_one("#sl-evidence-box").focus()
            return
        self.leave_guarded()
