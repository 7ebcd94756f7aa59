"""Scoring screen: one criterion at a time, in order; score by number key, see the descriptor, confirm.

Each panellist scores under their own name and sees only their own scores until they submit.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ... import scoring
from ...errors import BadInput
from ...models import Session
from ...safetext import plain
from ..dialogs.common import Confirm, TextPrompt
from ..typed import AppScreen

DEFAULT_PROMPT = (
    "Tell us about a time you showed this. What was the situation, what did you do, and what was the result?"
)


def now() -> float:
    """The clock the interview timers read (a function, so tests can freeze it)."""
    return time.monotonic()


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class ScoringScreen(AppScreen[None]):
    """Score the stage's criteria as ``me``."""

    BINDINGS = [
        Binding("0", "pick('0')", "Score", id="score-pick", key_display="0-9"),
        *[Binding(str(d), f"pick('{d}')", "Score", show=False, id=f"score-pick-{d}") for d in range(1, 10)],
        Binding("x", "pick('none')", "Not assessed", id="score-none"),
        Binding("enter", "confirm", "Confirm", id="score-confirm"),
        Binding("ctrl+n", "next_criterion", "Next", id="score-next", priority=True),
        Binding("ctrl+b", "previous_criterion", "Previous", id="score-previous", priority=True),
        Binding("a", "toggle_advance", "Auto-advance", id="score-advance"),
        Binding("ctrl+s", "submit", "Submit scores", id="score-submit", priority=True),
        Binding("m", "moderate", "Moderation", id="score-moderate"),
        Binding("escape", "leave", "Home", id="score-home"),
    ]

    def __init__(self, session: Session, me: str, stage: str) -> None:
        super().__init__()
        self.session, self.me, self.stage = session, me, stage
        self.criteria = scoring.criteria_for_stage(session, stage)
        self.index = 0
        self.pending: int | str | None = "unset"
        self.auto_advance = True
        self.started = now()
        self.criterion_started = self.started

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="prail")
            with Vertical(id="pwork"):
                yield Static(id="pcrit")
                with VerticalScroll(id="pbody-box"):
                    yield Static(id="pbody")
                yield Input(
                    placeholder="Note: type and press Enter (time-stamped); Tab leaves the note box", id="pnote"
                )
                yield Static(id="pscore")
                yield Static(id="ptimer")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{self.stage} · {self.session.display_name(self.session.blind)} · scoring as {self.me}"
        if not self.criteria:
            self.notify(f"No criteria of this role are assessed at the {self.stage} stage.", severity="warning")
        self._fill_rail()
        self._show(0)
        self.query_one("#prail", OptionList).focus()
        self.set_interval(1.0, self._tick)

    # --- rail ---------------------------------------------------------------------------
    def _mine(self) -> dict[str, int | None]:
        return {cid: by[self.me] for cid, by in scoring.stage_scores(self.session, self.stage).items() if self.me in by}

    def _prompt(self, i: int) -> Text:
        c = self.criteria[i]
        mine = self._mine()
        out = Text()
        out.append("● " if c.id in mine else "○ ", style="green" if c.id in mine else "dim")
        out.append(f"{c.id:<4}", style="bold" if c.kind == "essential" else "")
        out.append("E " if c.kind == "essential" else "D ", style="green" if c.kind == "essential" else "cyan")
        if c.id in mine:
            out.append("n/a" if mine[c.id] is None else str(mine[c.id]))
        return out

    def _fill_rail(self) -> None:
        rail = self.query_one("#prail", OptionList)
        rail.clear_options()
        rail.add_options([Option(self._prompt(i), id=str(i)) for i in range(len(self.criteria))])

    @on(OptionList.OptionSelected, "#prail")
    def _rail_enter(self) -> None:
        self.action_confirm()

    @on(OptionList.OptionHighlighted, "#prail")
    def _rail_moved(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.index:
            self._show(event.option_index)

    # --- showing ------------------------------------------------------------------------
    def _show(self, index: int) -> None:
        if not self.criteria:
            return
        self.index = index
        self.pending = "unset"
        self.criterion_started = now()
        c = self.criteria[index]
        head = Text()
        head.append(
            f"{c.id} · {c.kind} · weight {c.weight:g}", style="bold green" if c.kind == "essential" else "bold cyan"
        )
        head.append(f"   ({index + 1} of {len(self.criteria)})\n", style="dim")
        head.append_text(plain(c.text))
        self.query_one("#pcrit", Static).update(head)
        body = Text()
        if self.stage == "shortlisting":
            evidence = self.session.evidence.get(c.id)
            body.append("Candidate's evidence\n", style="bold")
            body.append_text(plain(evidence.text if evidence and evidence.text.strip() else "(no evidence given)"))
        else:
            body.append("Question\n", style="bold")
            for question in c.questions or [DEFAULT_PROMPT]:
                body.append_text(plain(f"• {question}"))
                body.append("\n")
        notes = [
            n for n in self.session.notes if n.criterion == c.id and n.stage == self.stage and n.panellist == self.me
        ]
        if notes:
            body.append("\nYour notes\n", style="bold")
            for note in notes:
                body.append(f"{note.time.astimezone():%H:%M:%S} ", style="dim")
                body.append_text(plain(note.text))
                body.append("\n")
        self.query_one("#pbody", Static).update(body)
        rail = self.query_one("#prail", OptionList)
        if rail.highlighted != index:
            rail.highlighted = index
        self._show_score()

    def _show_score(self) -> None:
        scale = self.session.scale
        c = self.criteria[self.index] if self.criteria else None
        line = Text()
        current = self._mine().get(c.id, "unset") if c else "unset"
        line.append("Your score: ", style="bold")
        line.append("-" if current == "unset" else ("not assessed" if current is None else str(current)))
        if self.pending != "unset":
            line.append("   pending: ", style="bold yellow")
            if self.pending is None:
                line.append("not assessed (different from the lowest score)", style="yellow")
            else:
                level = scale.level(self.pending)
                line.append(f"{self.pending} {level.label}", style="yellow")
                line.append_text(plain(f" - {level.descriptor}", "dim"))
            line.append("   Enter to confirm", style="bold")
        if scoring.has_submitted(self.session, self.me, self.stage):
            line.append("   (submitted: a change needs a reason)", style="dim")
        self.query_one("#pscore", Static).update(line)

    def _tick(self) -> None:
        moment = now()
        advance = "on" if self.auto_advance else "off"
        self.query_one("#ptimer", Static).update(
            Text(
                f"This criterion {clock(moment - self.criterion_started)} · interview {clock(moment - self.started)} · "
                f"auto-advance {advance} · {self.session.scale.name}",
                style="dim",
            )
        )

    # --- scoring ------------------------------------------------------------------------
    def action_pick(self, key: str) -> None:
        if not self.criteria:
            return
        if key == "none":
            self.pending = None
        else:
            value = int(key)
            if self.session.scale.level(value) is None:
                scale = self.session.scale
                self.notify(f"{key} is not on {scale.name} ({scale.minimum} to {scale.maximum})", severity="warning")
                return
            self.pending = value
        self._show_score()

    def action_confirm(self) -> None:
        if self.pending == "unset" or not self.criteria:
            return
        c = self.criteria[self.index]
        value = self.pending
        if scoring.change_needs_reason(self.session, self.me, c.id, self.stage):
            self.app.push_screen(
                TextPrompt(f"Reason for changing your submitted score for {c.id}"),
                lambda reason: self._record(c.id, value, reason) if reason else None,
            )
            return
        self._record(c.id, value, None)

    def _record(self, cid: str, value: int | None, reason: str | None) -> None:
        try:
            self.session = self.app.store.record_score(
                self.session.id, self.me, cid, value, stage=self.stage, reason=reason
            )
        except BadInput as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.query_one("#prail", OptionList).replace_option_prompt_at_index(self.index, self._prompt(self.index))
        self.pending = "unset"
        if self.auto_advance and self.index + 1 < len(self.criteria):
            self._show(self.index + 1)
        else:
            self._show_score()

    @on(Input.Submitted, "#pnote")
    def _note(self, event: Input.Submitted) -> None:
        if not event.value.strip() or not self.criteria:
            return
        try:
            self.session = self.app.store.add_note(
                self.session.id, self.me, self.criteria[self.index].id, event.value, self.stage
            )
        except BadInput as exc:
            self.notify(str(exc), severity="error")
            return
        event.input.value = ""
        keep = self.criterion_started
        self._show(self.index)
        self.criterion_started = keep

    # --- moving, submitting ---------------------------------------------------------------
    def action_next_criterion(self) -> None:
        if self.index + 1 < len(self.criteria):
            self._show(self.index + 1)

    def action_previous_criterion(self) -> None:
        if self.index > 0:
            self._show(self.index - 1)

    def action_toggle_advance(self) -> None:
        self.auto_advance = not self.auto_advance
        self._tick()

    def action_submit(self) -> None:
        missing = [c.id for c in self.criteria if c.id not in self._mine()]
        question = "Submit your scores? They lock, and you will see the other panellists' scores."
        if missing:
            question = f"Not yet scored: {', '.join(missing)}. " + question

        def done(yes: bool) -> None:
            if yes:
                self.session = self.app.store.submit(self.session.id, self.me, self.stage)
                self.notify("Submitted. Press m for moderation.", title="Scores locked")
                self._show_score()

        self.app.push_screen(Confirm(question), done)

    def action_moderate(self) -> None:
        from .moderation import ModerationScreen

        self.session = self.app.store.load(self.session.id)
        if not scoring.has_submitted(self.session, self.me, self.stage):
            self.notify("Submit your own scores first (ctrl+s): panellists score independently.", severity="warning")
            return
        self.app.push_screen(ModerationScreen(self.session, self.me, self.stage))

    def action_leave(self) -> None:
        self.dismiss(None)
