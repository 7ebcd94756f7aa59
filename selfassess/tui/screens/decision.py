"""Decision: weighted totals, the essential-criteria gate and the recommendation with its reason."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from ... import scoring
from ...errors import BadInput
from ...fair_caps import REASON_MAX_CHARS
from ...models import Session
from ...safetext import plain
from ..dialogs.common import TextPrompt
from ..dialogs.export_prompt import ask_and_save
from .editing import EditingScreen
from .follow import BlindView, follow_session

CHOICES = {"1": "appointable", "2": "reserve", "3": "not appointable"}


def decision_text(session: Session, stage: str) -> Text:
    """Totals, the gate with the criteria that fail it, and the recorded recommendation."""
    totals = scoring.totals(session, stage)
    gate = scoring.gate(session, stage)
    out = Text()
    out.append(f"Weighted total {totals.total:g} of {totals.maximum:g}", style="bold")
    out.append(
        f"  (essential {totals.essential:g}, desirable {totals.desirable:g}; "
        f"{totals.scored} of {totals.of} criteria with a consensus score)\n\n"
    )
    if gate.passed:
        out.append("Essential-criteria gate: passed\n", style="bold green")
    elif gate.status == "failed":
        out.append("Essential-criteria gate: FAILED: not appointable whatever the total\n", style="bold red")
    else:
        out.append(f"Essential-criteria gate: {gate.status.capitalize()}: ", style="bold yellow")
        if gate.missing:
            out.append(f"no consensus yet on {', '.join(gate.missing)}\n", style="yellow")
        else:  # no essential criterion at this stage: nothing agreed yet, or nothing to score
            pending = "no consensus yet" if scoring.criteria_for_stage(session, stage) else "no criterion to score"
            out.append(f"{pending} at this stage\n", style="yellow")
    for cid, why in gate.failed:
        out.append(f"  {cid}: {why}\n", style="red")
    review = scoring.consensus_to_review(session, stage)
    if review:
        out.append(
            f"Consensus to review (a score or conflict changed after it): {', '.join(review)}\n", style="bold magenta"
        )
    decision = next((d for d in session.decisions if d.stage == stage), None)
    out.append("\n")
    if decision is None:
        out.append("No recommendation recorded yet. 1 appointable, 2 reserve, 3 not appointable.", style="yellow")
    else:
        out.append(f"Recommendation: {decision.recommendation}", style="bold")
        if decision.to_review:
            out.append(
                "  TO REVIEW: scores, consensus or a conflict changed after it was recorded", style="bold magenta"
            )
        out.append("\n")
        out.append_text(plain(f"Reason: {decision.reason}\n"))
        out.append(f"Recorded by {decision.by} at {decision.time.astimezone():%d %b %Y %H:%M}", style="dim")
    return out


class DecisionScreen(BlindView, EditingScreen[None]):
    """Record the panel's recommendation."""

    HELP_TITLE = "Panel decision"

    BINDINGS = [
        Binding("1", "decide('1')", "Appointable", id="decide-1"),
        Binding("2", "decide('2')", "Reserve", id="decide-2"),
        Binding("3", "decide('3')", "Not appointable", id="decide-3"),
        Binding("e", "export", "Export summary", id="decide-export"),
        Binding("r", "reload", "Reload", id="decide-reload", show=False),
        Binding("escape", "back", "Back", id="decide-back"),
    ]

    def __init__(self, session: Session, me: str, stage: str) -> None:
        super().__init__()
        self.session, self.me, self.stage = session, me, stage

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(decision_text(self.session, self.stage), id="decision")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Decision · {self.stage} · {self.session.display_name(self.session.blind)}"
        follow_session(self, self.app.store.path(self.session.id), self.action_reload)

    def action_reload(self) -> None:
        """Redraw from disk (called by itself when another terminal changes the session)."""
        try:
            self.session = self.app.store.load(self.session.id)
        except BadInput:
            return
        self.query_one("#decision", Static).update(decision_text(self.session, self.stage))

    def action_decide(self, key: str) -> None:
        recommendation = CHOICES[key]
        chair = self.session.panel.chair if self.session.panel else None
        if chair is not None and chair != self.me:
            self.notify(f"Only the chair ({chair}) records the decision.", severity="warning")
            return
        self.action_reload()  # the gate as the store has it now (another terminal may have agreed more)
        problem = scoring.decision_problem(self.session, recommendation, self.stage)
        if problem:  # refused at the key press, before any reason is typed
            self.notify(problem, severity="warning")
            return

        def record(reason: str | None) -> None:
            if reason is None:
                return

            def save() -> None:
                self.session = self.app.store.record_decision(
                    self.session.id, recommendation, reason, self.me, self.stage
                )

            if self.save_or_keep("decision", f"Decision '{recommendation}'; reason", reason, save):
                self.query_one("#decision", Static).update(decision_text(self.session, self.stage))

        question = f"Reason for '{recommendation}' (required)"
        self.app.push_screen(TextPrompt(question, required=True, max_chars=REASON_MAX_CHARS), record)

    def action_export(self) -> None:
        from pathlib import Path

        from ...export.render import render
        from ...extract.result import slug

        session = self.app.store.load(self.session.id)
        default = Path.cwd() / f"{slug(session.role.title)}-{slug(session.reference or session.id)}-summary.txt"
        audit = self.app.store.audit(session.id)
        ask_and_save(
            self,
            "Save the panel summary to",
            default,
            lambda fmt: render(session, "summary", fmt, session.blind, audit, self.stage, login=self.app.store.login()),
            ("txt", "md", "docx", "csv", "json"),
        )

    def unsaved_name(self) -> str:
        return f"{self.session.id}-decision"

    def action_back(self) -> None:
        self.leave_guarded()
