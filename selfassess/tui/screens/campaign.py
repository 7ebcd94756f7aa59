"""A role's fair campaign, in the order a panel runs it: question plan, criterion-first shortlisting,
calibration, reserve list, feedback."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from ... import fairness
from ...campaign_store import CampaignStore
from ...errors import BadInput
from ...models import SCORING_STAGES, Role, Session
from ...safetext import plain
from ...shortlist_order import progress
from ..typed import AppScreen
from ..widgets.calibration import CalibrationPanel


def campaign_text(role: Role, sessions: list[Session], campaign, actor: str, today, stage: str) -> Text:
    """The campaign's state, step by step."""
    out = Text()
    out.append_text(plain(f"{role.title} · {len(sessions)} applications · you are {actor}\n", "bold"))
    panels = [s.panel for s in sessions if s.panel is not None]
    if panels:
        names = list(dict.fromkeys(p for panel in panels for p in panel.panellists))
        out.append_text(plain(f"Panel: {', '.join(names)} (chair {panels[0].chair})\n"))
    if panels:
        notes = all(p.require_notes for p in panels)
        declare = all(p.require_declarations for p in panels)
        out.append(f"Rules: evidence note with every score {'on' if notes else 'off'} (n); ")
        out.append(f"conflicts declared before scoring {'on' if declare else 'off'} (k)\n")
    interview = fairness.plan_criteria(role, sessions, "interview")
    items = [campaign.plan_item(c.id, "interview") for c in interview]
    planned = sum(1 for item in items if fairness.plan_complete(item))
    partial = sum(1 for item in items if item is not None) - planned
    out.append("1 Question plan ", style="bold")
    out.append(f"(q): {planned} of {len(interview)} interview criteria planned")
    if partial:
        out.append(f" ({partial} without questions or a full strong/acceptable/weak guide)", style="yellow")
    if campaign.plan_changes:
        out.append(f"; {len(campaign.plan_changes)} change(s) after scoring began", style="yellow")
    out.append("\n2 Shortlisting ", style="bold")
    criteria = [c.id for c in fairness.plan_criteria(role, sessions, "shortlisting")]
    if panels:
        names = list(dict.fromkeys(p for panel in panels for p in panel.panellists))
        done = [progress(sessions, n, criteria, "shortlisting") for n in names]
        out.append("(l): " + " · ".join(f"{p.panellist} {p.done}/{p.total}" for p in done))
    else:
        out.append("(l): no panel set yet")
    if campaign.shuffle_seed is not None:
        out.append(f" · order seed {campaign.shuffle_seed} recorded", style="dim")
    declared = sum(1 for s in sessions if fairness.declaration(s, actor) is not None)
    out.append(f"\n  Your conflict declarations (d): {declared} of {len(sessions)} candidates")
    gis = [s for s in sessions if s.gis]
    if gis:
        must = sum(1 for s in gis if fairness.gis_minimum(s).must_interview)
        out.append(f"; Guaranteed Interview Scheme: {len(gis)} flagged, {must} meet the minimum (must interview)")
    out.append("\n3 Calibration ", style="bold")
    out.append(f"at {stage} (s changes stage): below")
    out.append("\n4 Reserve list ", style="bold")
    reserve = campaign.reserve
    if reserve is None:
        out.append(f"(v records it from 'reserve' decisions at {stage}, 12 months): none")
    else:
        by_id = {s.id: s for s in sessions}
        order = [by_id[sid].display_name(by_id[sid].blind) if sid in by_id else sid for sid in reserve.offer_order]
        status = "EXPIRED" if fairness.reserve_expired(reserve.expires, today) else f"expires {reserve.expires}"
        out.append_text(plain(f"(v): offer order {', '.join(order)}; {status}"))
    out.append("\n5 Feedback ", style="bold")
    out.append("selfassess feedback SESSION --format md|docx|txt")
    return out


class CampaignScreen(AppScreen[None]):
    """The fair campaign of one role."""

    HELP_TITLE = "Fair campaign"

    BINDINGS = [
        Binding("q", "plan", "Question plan", id="campaign-plan"),
        Binding("d", "declarations", "Conflicts, GIS", id="campaign-declarations"),
        Binding("l", "shortlist", "Shortlist", id="campaign-shortlist"),
        Binding("n", "rule('require_notes')", "Notes required", id="campaign-notes", show=False),
        Binding("k", "rule('require_declarations')", "Declarations required", id="campaign-declare", show=False),
        Binding("s", "stage", "Calibration stage", id="campaign-stage"),
        Binding("v", "reserve", "Reserve list", id="campaign-reserve"),
        Binding("r", "reload", "Reload", id="campaign-reload"),
        Binding("escape", "back", "Back", id="campaign-back"),
    ]

    def __init__(self, role: Role, actor: str, stage: str | None = None) -> None:
        super().__init__()
        self.role, self.actor = role, actor
        self.stage = stage or ""  # empty: the stage the role's panels are at (found on the first load)
        self.sessions: list[Session] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(id="campaign-steps")
            yield CalibrationPanel(id="campaign-calibration")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Fair campaign · {self.role.title}"
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.sessions = self.app.store.sessions_of_role(self.role.id)
        self.stage = self.stage or fairness.current_stage(self.sessions)
        try:
            campaign = CampaignStore(self.app.store).load(self.role.id)
        except BadInput as exc:  # e.g. another login's campaign file this login may not read
            problem = str(exc).splitlines()[0]
            self.notify(problem, severity="error")
            self.query_one("#campaign-steps", Static).update(plain(f"The campaign cannot be read: {problem}"))
            return
        today = datetime.now(UTC).date()
        self.query_one("#campaign-steps", Static).update(
            campaign_text(self.role, self.sessions, campaign, self.actor, today, self.stage)
        )
        if self.sessions:
            self.query_one(CalibrationPanel).show(self.sessions, self.stage, self.sessions[0].scale, self.actor)
        else:
            self.query_one(CalibrationPanel).update("No applications for this role yet.")

    def action_plan(self) -> None:
        from ...roles import get_scale
        from .question_plan import QuestionPlanScreen

        scale = self.sessions[0].scale if self.sessions else get_scale(self.role.scale)
        self.app.push_screen(QuestionPlanScreen(self.role, scale, self.actor))

    def action_shortlist(self) -> None:
        from .shortlist import ShortlistScreen

        if not self.sessions:
            self.notify("No applications to shortlist yet", severity="warning")
            return
        self.app.push_screen(ShortlistScreen(self.role.id, self.actor))

    def action_declarations(self) -> None:
        from .declarations import DeclarationsScreen

        self.app.push_screen(DeclarationsScreen(self.role, self.actor))

    def action_rule(self, rule: str) -> None:
        """Turn a panel rule on or off for every candidate of the role (the chair only)."""
        panels = [s for s in self.sessions if s.panel is not None]
        if not panels:
            self.notify("Set up the panel first", severity="warning")
            return
        turn_on = not all(getattr(s.panel, rule) for s in panels)
        try:
            for s in panels:
                self.app.store.set_panel_rules(s.id, self.actor, **{rule: turn_on})
        except BadInput as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            return
        self.notify(f"{rule.replace('_', ' ')}: {'on' if turn_on else 'off'} for {len(panels)} candidate(s)")
        self.action_reload()

    def action_stage(self) -> None:
        """The next stage that scores any criterion (one with none has nothing to calibrate or rank)."""
        from ...merit_view import stages_with_criteria

        offered = stages_with_criteria(self.sessions) or list(SCORING_STAGES)
        later = [st for st in offered if SCORING_STAGES.index(st) > SCORING_STAGES.index(self.stage)]
        self.stage = (later or offered)[0]
        self.action_reload()

    def action_reserve(self) -> None:
        try:
            reserve = CampaignStore(self.app.store).set_reserve(self.role.id, self.stage, self.actor, hint="s for")
        except BadInput as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            return
        self.notify(f"reserve list of {len(reserve.offer_order)} recorded; expires {reserve.expires}")
        self.action_reload()

    def action_back(self) -> None:
        self.dismiss(None)
