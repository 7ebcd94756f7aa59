"""Candidate screen: every criterion in the employer's order, an evidence editor, self-rating and checks.

Typing only records that the text changed. A 4 Hz timer refreshes counts and checks once typing pauses
(never per key) and hands the text to the background autosaver about a second after the last key.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea

from ... import prefs
from ...autosave import Autosaver
from ...errors import BadInput
from ...models import Evidence, Session
from ...safetext import strip_controls
from ...statement import last_edited, status_of, stored_form, total_counts
from ..dialogs.unsaved import Unsaved, unsaved_of
from ..typed import AppScreen
from ..widgets.answer_area import AnswerArea
from ..widgets.candidate_text import rail_row, rating_line
from ..widgets.criterion_panel import CriterionPanel
from ..widgets.criterion_rail import CriterionRail, RailRow
from ..widgets.evidence_feedback import EvidenceFeedback
from ..widgets.fitted_footer import FittedFooterKeys
from . import candidate_tools as tools

SAVE_AFTER = 1.0  # seconds after the last key
REFRESH_AFTER = 0.2
SHORT_SCREEN = 30  # rows; below this the answer box gets the room (see app.tcss)


class CriterionCommands(Provider):
    """Command palette: go to any criterion by id or words."""

    async def discover(self) -> Hits:
        screen = self.screen
        if isinstance(screen, CandidateScreen):
            for index, c in enumerate(screen.session.role.criteria):
                yield DiscoveryHit(f"Go to {c.id}: {c.text[:60]}", partial(screen.goto, index))

    async def search(self, query: str) -> Hits:
        screen = self.screen
        if not isinstance(screen, CandidateScreen):
            return
        matcher = self.matcher(query)
        for index, c in enumerate(screen.session.role.criteria):
            label = f"Go to {c.id}: {c.text[:60]}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(screen.goto, index), help=c.kind)


class CandidateScreen(tools.ToolActions, FittedFooterKeys, AppScreen[None]):
    """Draft evidence for each criterion of a session's role, in order."""

    HELP_TITLE = "Writing your evidence"
    HELP_WIDGETS = (CriterionRail,)  # their keys act while they have focus

    COMMANDS = Screen.COMMANDS | {CriterionCommands}
    BINDINGS = [
        Binding("ctrl+n", "next_criterion", "Next", id="next", priority=True),
        Binding("ctrl+b", "previous_criterion", "Prev", id="previous", show=False, priority=True),
        Binding("ctrl+g", "goto_prompt", "Go to", id="goto", show=False, priority=True),
        Binding("ctrl+r", "rate", "Rate", id="rate", priority=True),
        Binding("ctrl+o", "bank", "Bank", id="bank", priority=True),
        Binding("ctrl+t", "star", "STAR", id="star", priority=True),
        Binding("ctrl+s", "save_now", "Save now", id="save", show=False, priority=True),
        Binding("f2", "review", "Review", id="review", priority=True),
        Binding("f3", "spelling", "Spell", id="spelling", priority=True),
        Binding("f4", "copy_for_form", "Copy", id="copy", priority=True),
        Binding("f5", "practise", "Interview practice", id="practice", show=False, priority=True),
        Binding("f6", "limits", "Form limits", id="limits", show=False, priority=True),
        Binding("f7", "guidance", "Guidance", id="guidance", show=False, priority=True),
        Binding("f1", "help", "Help", id="help", show=False, priority=True),
        Binding("escape", "leave", "Home", id="home"),
    ]
    FOOTER_EXTRAS = ("help", "practice", "goto", "previous", "save")  # where the width allows (F1 lists all)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.index = 0
        self.texts = {cid: strip_controls(ev.text) for cid, ev in session.evidence.items()}  # saved clean next time
        self.ratings = {cid: ev.self_rating for cid, ev in session.evidence.items()}
        self.saved_texts = dict(self.texts)
        self._changed_at = 0.0
        self._version = 0
        self._refreshed = 0
        self._submitted = 0
        self._loading = False
        self._saver: Autosaver | None = None
        self._saved_at = ""
        self._error = ""
        self._failed: dict[str, str] = {}  # criterion -> why its last save failed
        self._editor: TextArea | None = None
        self.personal_words: set[str] = set()

    # --- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield CriterionRail(self.session.role.criteria, id="rail")
            with Vertical(id="work"):
                yield CriterionPanel(id="criterion-panel")
                yield Static(tools.STAR, id="star")
                yield AnswerArea(id="editor", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
                yield EvidenceFeedback(id="feedback")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()  # results come back with the app as the active app
        self._saver = Autosaver(self._save, lambda *a: loop.call_soon_threadsafe(self._saved, *a, context=context))
        self.personal_words = prefs.personal_words(self.app.sessions_dir)
        tools.apply_remembered_limits(self)
        label = self.session.candidate or self.session.reference or "candidate"
        self.sub_title = f"{self.session.role.title} · {label}"
        self.query_one("#star").display = False
        self._fill_rail()
        self._show(last_edited(self.session))
        self.editor.focus()
        self.set_interval(0.25, self._tick)

    def on_resize(self) -> None:
        """A short terminal hides the guidance and shortens the checks; the footer shows the keys that fit."""
        tools.fit_height(self, self.size.height < SHORT_SCREEN)
        self.fit_footer()

    def on_unmount(self) -> None:
        self.flush()
        if self._saver is not None:
            self._saver.close()

    @property
    def criterion(self):
        return self.session.role.criteria[self.index]

    @property
    def editor(self) -> TextArea:
        """The evidence editor (kept from mount, so its text can still be saved while unmounting)."""
        if self._editor is None:
            self._editor = self.query_one("#editor", TextArea)
        return self._editor

    # --- the rail ----------------------------------------------------------------------
    def _rail_row(self, index: int) -> RailRow:
        c = self.session.role.criteria[index]
        return rail_row(c, status_of(self._evidence_for(c.id)), self.ratings.get(c.id))

    def _fill_rail(self) -> None:
        self.query_one(CriterionRail).fill([self._rail_row(i) for i in range(len(self.session.role.criteria))])

    def _update_rail(self, index: int) -> None:
        self.query_one(CriterionRail).set_row(index, self._rail_row(index))

    @on(CriterionRail.Chosen)
    def _rail_chosen(self, event: CriterionRail.Chosen) -> None:
        self.goto(event.index)
        self.editor.focus()

    # --- showing a criterion -----------------------------------------------------------
    def _show(self, index: int) -> None:
        self.index = index
        c = self.criterion
        total, guidance = len(self.session.role.criteria), self.session.role.guidance
        self.query_one(CriterionPanel).show(c, index, total, guidance)
        self._loading = True
        self.editor.load_text(self.texts.get(c.id, ""))
        self._loading = False
        self.query_one(CriterionRail).show(index)
        self._refresh_feedback()
        self._show_rating()

    def _show_rating(self) -> None:
        self.query_one(EvidenceFeedback).show_rating(
            rating_line(self.session.scale, self.ratings.get(self.criterion.id))
        )

    def _refresh_feedback(self) -> None:
        """Counts against limits and the evidence checks for the text as it is now; spelling in a worker."""
        text = self.editor.text
        cid = self.criterion.id
        self.texts[cid] = text
        self._refreshed = self._version
        if self._error:
            state = Text(f"NOT SAVED: {self._error}", style="bold red")
        elif not self._is_saved(cid):
            state = Text("● unsaved", style="yellow")
        else:
            state = Text(f"✓ saved {self._saved_at}".rstrip(), style="green")
        session = self.session.model_copy(update={"evidence": self._evidence_now()})
        others = {other: t for other, t in self.texts.items() if other != cid}
        feedback = self.query_one(EvidenceFeedback)
        feedback.show_answer(self.criterion, text, self.session.role.limits, total_counts(session), state, others)
        feedback.check_spelling(cid, text, self.personal_words)

    def _evidence_for(self, cid: str) -> Evidence | None:
        """The evidence for one criterion as it stands in this screen (saved or not)."""
        if cid not in self.texts:
            return None
        # shown, not saved: built unchecked, so an answer over the size cap is counted (and refused by the save
        # with a message naming the limit) instead of crashing the screen
        return Evidence.model_construct(
            criterion=cid, text=self.texts[cid], self_rating=self.ratings.get(cid), updated=self.session.updated
        )

    def _evidence_now(self) -> dict[str, Evidence]:
        return {cid: ev for cid in self.texts if (ev := self._evidence_for(cid)) is not None}

    # --- typing and saving -------------------------------------------------------------
    @on(TextArea.Changed, "#editor")
    def _typed(self) -> None:
        if not self._loading:
            self._changed_at = time.monotonic()
            self._version += 1

    def _tick(self) -> None:
        quiet = time.monotonic() - self._changed_at
        if self._version != self._refreshed and quiet >= REFRESH_AFTER:
            self._refresh_feedback()
            self._update_rail(self.index)
        if self._version != self._submitted and quiet >= SAVE_AFTER:
            self._submit()

    def _submit(self) -> None:
        """Hand the current text (and rating) to the autosaver."""
        cid = self.criterion.id
        self.texts[cid] = self.editor.text
        self._submitted = self._version
        if self._saver is not None and not self._is_saved(cid):
            self._saver.submit(cid, (stored_form(self.texts[cid]), self.ratings.get(cid)))

    def _is_saved(self, cid: str) -> bool:
        """True when the store holds this answer as the screen shows it (outer blank space aside)."""
        return stored_form(self.texts.get(cid, "")) == self.saved_texts.get(cid, "")

    def _save(self, cid: str, payload: tuple[str, int | None]) -> Session:
        text, rating = payload
        try:
            saved = self.app.store.set_evidence(self.session.id, cid, text, self_rating=rating)
        except Exception as exc:  # recorded here, in the saver thread, so leaving sees it at once
            self._failed[cid] = str(exc) if isinstance(exc, BadInput) else f"{type(exc).__name__}: {exc}"
            raise
        self._failed.pop(cid, None)
        return saved

    def unsaved(self) -> Unsaved | None:
        """What the last failed saves left unsaved (for the leave and quit guard), or None."""
        failed = {cid: (error, self.texts.get(cid, "")) for cid, error in dict(self._failed).items()}
        return unsaved_of(failed, Path.cwd() / f"selfassess-{self.session.id}.txt")

    def _saved(self, cid: str, result, error: BaseException | None) -> None:
        if error is not None:
            self._error = str(error) if isinstance(error, BadInput) else f"{type(error).__name__}: {error}"
            self.notify(f"Could not save {cid}: {self._error}", severity="error", timeout=10)
        else:
            self._error = ""
            self.session = result
            self.saved_texts[cid] = result.evidence[cid].text if cid in result.evidence else ""
            self._saved_at = time.strftime("%H:%M:%S")
        if self.is_mounted and self.is_attached:
            self._refresh_feedback()

    def flush(self) -> None:
        """Save whatever is unsaved now and wait for it (leaving the screen, quitting)."""
        if self._saver is None or self._editor is None:
            return
        self._submit()
        self._saver.flush()

    # --- moving ------------------------------------------------------------------------
    def goto(self, index: int) -> None:
        """Show criterion ``index`` (after handing the current text to the autosaver)."""
        if not 0 <= index < len(self.session.role.criteria):
            return
        self._submit()
        self._update_rail(self.index)
        self._show(index)

    def action_next_criterion(self) -> None:
        if self.index + 1 < len(self.session.role.criteria):
            self.goto(self.index + 1)
        else:
            self.notify("That was the last criterion: F2 reviews the whole statement.")

    def action_previous_criterion(self) -> None:
        if self.index > 0:
            self.goto(self.index - 1)

    # --- leaving ------------------------------------------------------------------------
    def action_leave(self) -> None:
        self.flush()
        self.app.guard_unsaved(lambda: self.dismiss(None))

    def status_counts(self) -> dict[str, int]:
        """How many criteria are empty, draft and done (for the home screen and tests)."""
        out = {"empty": 0, "draft": 0, "done": 0}
        evidence = self._evidence_now()
        for c in self.session.role.criteria:
            out[status_of(evidence.get(c.id))] += 1
        return out
