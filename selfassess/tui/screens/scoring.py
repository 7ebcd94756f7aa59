"""Scoring screen: one criterion at a time, in order; score on the score pad, see the descriptor, confirm.

Focus goes rail -> score pad -> note box. Score keys belong to the score pad alone, so a note typed in
the note box can never change a score. Each panellist scores as themselves and sees only their own
scores until they submit. The screen follows changes made at other terminals.
"""

from __future__ import annotations

import contextlib
import time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, Static

from ... import scoring
from ...campaign_models import Campaign
from ...errors import BadInput
from ...fair_caps import NOTE_MAX_CHARS
from ...models import Session
from ..widgets.criterion_rail import CriterionRail, RailRow
from ..widgets.interview_clock import InterviewClock
from ..widgets.score_pad import ScorePad
from .editing import EditingScreen
from .follow import BlindView, follow_session
from .scoring_fair import ask_submit, confirm_score, keep_lease, note_placeholder, note_used, notes_required, role_plan
from .scoring_text import criterion_body, criterion_heading, score_pad_text

LEASE_REFRESH_SECONDS = 5.0


def now() -> float:
    """The clock the interview timers read (a function, so tests can freeze it)."""
    return time.monotonic()


class ScoringScreen(BlindView, EditingScreen[None]):
    """Score the stage's criteria as ``me``."""

    HELP_TITLE = "Panel scoring"
    DEFAULT_CSS = """
    ScoringScreen #criterion-heading {
        height: auto; max-height: 5; padding: 0 1; border-bottom: solid $primary-darken-2;
    }
    ScoringScreen #criterion-body { height: 1fr; padding: 0 1; }
    ScoringScreen #note-input { margin: 0 0; }
    """

    HELP_WIDGETS = (ScorePad, CriterionRail)  # score keys act only while the score pad has focus
    BINDINGS = [
        Binding("ctrl+n", "next_criterion", "Next", id="score-next", priority=True),
        Binding("ctrl+b", "previous_criterion", "Previous", id="score-previous", priority=True),
        Binding("a", "toggle_advance", "Auto-advance", id="score-advance"),
        Binding("ctrl+s", "submit", "Submit", id="score-submit", priority=True),
        Binding("m", "moderate", "Moderation", id="score-moderate"),
        Binding("escape", "leave", "Home", id="score-home"),
    ]

    def __init__(self, session: Session, me: str, stage: str) -> None:
        super().__init__()
        self.session, self.me, self.stage = session, me, stage
        self.criteria = scoring.criteria_for_stage(session, stage)
        self.index = 0
        self.pending: int | str | None = "unset"
        self.last_change = ""
        self.auto_advance = True
        self.campaign: Campaign | None = None
        self._lease_problem = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield CriterionRail(self.criteria, id="criteria", classes="narrow")
            with Vertical():
                yield Static(id="criterion-heading")
                body = VerticalScroll(Static(id="criterion-text"), id="criterion-body")
                body.can_focus = False
                yield body
                yield ScorePad(id="score-pad")
                yield Input(placeholder=note_placeholder(self.session), id="note-input", max_length=NOTE_MAX_CHARS)
                yield InterviewClock(self.stage, lambda: now(), id="interview-clock")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{self.stage} · {self.session.display_name(self.session.blind)} · scoring as {self.me}"
        if not self.criteria:
            self.notify(f"No criteria of this role are assessed at the {self.stage} stage.", severity="warning")
        self.campaign = role_plan(self.app.store, self.session.role.id, self.notify)
        self._fill_rail()
        self._show(0)
        self.query_one(ScorePad).focus()
        follow_session(self, self.app.store.path(self.session.id), self._reload)
        self.set_interval(LEASE_REFRESH_SECONDS, self._keep_lease)

    # --- following other terminals -------------------------------------------------------
    def _reload(self) -> None:
        """Another terminal (or this one) changed the session: redraw, keeping the note being typed."""
        try:
            self.session = self.app.store.load(self.session.id)
        except BadInput:
            return
        self.campaign = role_plan(self.app.store, self.session.role.id, self.notify)
        self._fill_rail()
        self._show(self.index, keep_pending=True)

    def _keep_lease(self) -> None:
        self._lease_problem = keep_lease(self, self._lease_problem)

    # --- rail ---------------------------------------------------------------------------
    def _mine(self) -> dict[str, int | None]:
        return {cid: by[self.me] for cid, by in scoring.stage_scores(self.session, self.stage).items() if self.me in by}

    def _row(self, i: int) -> RailRow:
        mine = self._mine()
        cid = self.criteria[i].id
        if cid not in mine:
            return RailRow()
        return RailRow("●", "done", "n/a" if mine[cid] is None else str(mine[cid]))

    def _fill_rail(self) -> None:
        self.query_one(CriterionRail).fill([self._row(i) for i in range(len(self.criteria))])

    @on(CriterionRail.Chosen)
    def _rail_chosen(self, event: CriterionRail.Chosen) -> None:
        if event.index != self.index:
            self._show(event.index)
        self.query_one(ScorePad).focus()

    @on(CriterionRail.Moved)
    def _rail_moved(self, event: CriterionRail.Moved) -> None:
        if event.index != self.index:
            self._show(event.index)

    # --- showing ------------------------------------------------------------------------
    def _show(self, index: int, keep_pending: bool = False) -> None:
        if not self.criteria:
            self._show_score()
            return
        if index != self.index or not keep_pending:
            self.pending = "unset"
            self.query_one(InterviewClock).new_criterion()
        self.index = index
        c = self.criteria[index]
        self.query_one("#criterion-heading", Static).update(criterion_heading(c, index, len(self.criteria)))
        self.query_one("#criterion-text", Static).update(
            criterion_body(self.session, c, self.stage, self.me, self.campaign)
        )
        self.query_one(CriterionRail).show(index)
        self._show_score()

    def _show_score(self) -> None:
        c = self.criteria[self.index] if self.criteria else None
        mine = self._mine().get(c.id, "unset") if c else "unset"
        submitted = scoring.has_submitted(self.session, self.me, self.stage)
        pad = score_pad_text(self.session.scale, c.id if c else None, mine, submitted, self.pending, self.last_change)
        self.query_one(ScorePad).show(pad)

    # --- scoring ------------------------------------------------------------------------
    @on(ScorePad.Picked)
    def _picked(self, event: ScorePad.Picked) -> None:
        if not self.criteria:
            return
        if event.key == "none":
            self.pending = None
        else:
            value = int(event.key)
            if self.session.scale.level(value) is None:
                scale = self.session.scale
                self.notify(
                    f"{event.key} is not on {scale.name} ({scale.minimum} to {scale.maximum})", severity="warning"
                )
                return
            self.pending = value
        self._show_score()

    @on(ScorePad.Confirmed)
    def _confirmed(self) -> None:
        if self.pending == "unset" or not self.criteria:
            return
        c = self.criteria[self.index]
        value = self.pending if isinstance(self.pending, int) else None
        box = self.query_one("#note-input", Input)
        confirm_score(self, (self.session, self.me, self.stage), c.id, value, box, self._record)

    def _record(self, cid: str, value: int | None, reason: str | None, note: str = "") -> None:
        old = self._mine().get(cid, "unset")

        def save() -> None:
            self.session = self.app.store.record_score(
                self.session.id, self.me, cid, value, note=note, stage=self.stage, reason=reason
            )

        typed = "\n".join(f"{k}: {t}" for k, t in (("Reason", reason), ("Note", note)) if t)
        if typed:  # a typed reason or note is kept if the save fails
            if not self.save_or_keep(f"score {cid}", f"Score for {cid} ({value})", typed, save):
                return
        else:
            try:
                save()
            except BadInput as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
        note_used(self.query_one("#note-input", Input), note)
        shown = "not assessed" if value is None else str(value)
        before = "" if old == "unset" else f" (was {'not assessed' if old is None else old})"
        self.last_change = f"Recorded {cid}: {shown}{before}"
        self.query_one(CriterionRail).set_row(self.index, self._row(self.index))
        self.pending = "unset"
        if self.auto_advance and self.index + 1 < len(self.criteria):
            self._show(self.index + 1)
        else:
            self._show_score()

    @on(Input.Submitted, "#note-input")
    def _note(self, event: Input.Submitted) -> None:
        text, box = event.value, event.input
        if notes_required(self.session):  # the text goes with the next score: on to the score pad
            self.query_one(ScorePad).focus()
            return
        if not text.strip() or not self.criteria:
            return
        cid = self.criteria[self.index].id

        def save() -> None:
            self.session = self.app.store.add_note(self.session.id, self.me, cid, text, self.stage)
            if box.value == text:  # a retry after a failure clears it too, unless it was edited since
                box.value = ""

        if self.save_or_keep(f"note {cid} {text}", f"Note on {cid}", text, save):
            self._show(self.index, keep_pending=True)

    # --- moving, submitting ---------------------------------------------------------------
    def action_next_criterion(self) -> None:
        if self.index + 1 < len(self.criteria):
            self._show(self.index + 1)

    def action_previous_criterion(self) -> None:
        if self.index > 0:
            self._show(self.index - 1)

    def action_toggle_advance(self) -> None:
        self.auto_advance = not self.auto_advance
        self.query_one(InterviewClock).set_advance(self.auto_advance)

    def action_submit(self) -> None:
        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.session = self.app.store.submit(self.session.id, self.me, self.stage)
            except BadInput as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self.notify("Submitted. Press m for moderation.", title="Scores locked")
            self._show_score()

        ask_submit(
            self, (self.session, self.me, self.stage), [c.id for c in self.criteria if c.id not in self._mine()], done
        )

    def action_moderate(self) -> None:
        from .moderation import ModerationScreen

        self.session = self.app.store.load(self.session.id)
        if not scoring.has_submitted(self.session, self.me, self.stage):
            self.notify("Submit your own scores first (ctrl+s): panellists score independently.", severity="warning")
            return
        self.app.push_screen(ModerationScreen(self.session, self.me, self.stage))

    def release(self) -> None:
        """Give this terminal's hold on the panellist back (leaving, or quitting the app)."""
        with contextlib.suppress(BadInput, OSError):  # else the lease simply expires
            self.app.store.release(self.session.id, self.me)

    def action_leave(self) -> None:
        def leave() -> None:
            self.release()
            self.dismiss(None)

        self.leave_guarded(leave)
