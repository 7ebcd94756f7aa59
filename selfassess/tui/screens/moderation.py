"""Moderation: criteria by panellists with mean and spread, wide spreads flagged, consensus with reasons.

The calibration chart (c) shows how each panellist marks across all the role's candidates at the stage.
Only submitted panellists' scores are shown (the others are "still scoring"); only the chair agrees
consensus, and before everyone has submitted only with an override reason. The table follows changes
made at other terminals; its rows are keyed by criterion id and updated in place.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ... import scoring
from ...errors import BadInput
from ...fair_caps import REASON_MAX_CHARS
from ...late_scores import LateScore, visible_late
from ...models import Session
from ...safetext import plain
from ..dialogs.common import TextPrompt
from ..widgets.calibration import CalibrationPanel
from .editing import EditingScreen
from .follow import BlindView, follow_session

NAME_WIDTH = 10
REASON_WIDTH = 30


def score_cell(
    session: Session,
    stage: str,
    me: str,
    name: str,
    by: dict[str, int | None],
    gone: dict[str, str],
    late: bool = False,
) -> str | Text:
    """One panellist's cell in the moderation table: their score ("4 late" if given or changed after they
    submitted), or why there is none to show."""
    if name in gone:
        value = by.get(name, "-")
        return Text(f"{'n/a' if value is None else value} wdrn", style="dim strike")
    if name in scoring.conflicted(session):
        return Text("conflict", style="dim")  # the status line says they are not counted
    if not scoring.has_submitted(session, name, stage):
        return Text("scoring", style="dim yellow") if name != me else str(by.get(name, "-"))
    if name not in by:
        return "-"
    value = "n/a" if by[name] is None else str(by[name])
    return Text(f"{value} late", style="bold magenta") if late else value


def reason_cell(reason: str) -> Text:
    """The table's reason, cut to its column with an ellipsis (the highlighted row's is shown in full below)."""
    return plain(reason if len(reason) <= REASON_WIDTH else reason[: REASON_WIDTH - 1] + "…")


def notes_text(session: Session, cid: str, stage: str, me: str, late: dict[tuple[str, str], LateScore]) -> Text:
    """Below the table for the highlighted criterion: the agreed consensus with its whole reason (the
    table's column is narrow, and off a small screen), scores given after submitting with their reasons,
    then the notes the viewer may see."""
    out = Text()
    for (who, c), x in late.items():
        if c == cid:
            out.append_text(plain(f"{who}: {x.short}\n", "bold magenta"))
    agreed = next((c for c in session.consensus if c.criterion == cid and c.stage == stage), None)
    if agreed is not None:
        value = "n/a" if agreed.value is None else str(agreed.value)
        out.append_text(plain(f"Agreed {cid}: {value} by {agreed.by}", "bold"))
        out.append_text(plain(f". Reason: {agreed.reason}" if agreed.reason else " (no reason given)"))
        out.append("\n")
    notes = scoring.notes_for(session, cid, stage, me)
    out.append(f"Notes on {cid}: ", style="bold")
    if not notes:
        out.append("none", style="dim")
    for who, text in notes:
        out.append("\n")
        out.append_text(plain(f"{who}: ", "bold"))
        out.append_text(plain(text))
    return out


class ModerationScreen(BlindView, EditingScreen[None]):
    """Agree a consensus per criterion; the original scores stay visible."""

    HELP_TITLE = "Moderation"

    DEFAULT_CSS = """
    ModerationScreen #moderation-status { height: auto; padding: 0 1; }
    ModerationScreen #moderation-table { height: 1fr; }
    ModerationScreen #moderation-notes {
        height: auto; max-height: 8; padding: 0 1; border-top: solid $primary-darken-2;
    }
    ModerationScreen #moderation-calibration { display: none; max-height: 10; }
    ModerationScreen #moderation-calibration.shown { display: block; }
    """

    BINDINGS = [
        Binding("enter", "consensus", "Agree consensus", id="mod-consensus"),
        Binding("a", "accept_agreed", "Accept agreed rows", id="mod-accept"),
        Binding("d", "decision", "Decision", id="mod-decision"),
        Binding("c", "calibration", "Calibration", id="mod-calibration"),
        Binding("escape", "back", "Back", id="mod-back"),
    ]

    def __init__(self, session: Session, me: str, stage: str) -> None:
        super().__init__()
        self.session, self.me, self.stage = session, me, stage
        self.criteria = scoring.criteria_for_stage(session, stage)
        self.columns: list[str] = []
        self.late: dict[tuple[str, str], LateScore] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="moderation-status")
        yield DataTable(id="moderation-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="moderation-notes")
        yield CalibrationPanel(id="moderation-calibration")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Moderation · {self.stage} · {self.session.display_name(self.session.blind)}"
        self._fill()
        self.query_one(DataTable).focus()
        follow_session(self, self.app.store.path(self.session.id), self.action_reload)

    def _build(self, names: list[str]) -> None:
        """Columns of fixed width and one row per criterion, keyed by its id."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        id_width = max([len(c.id) for c in self.criteria] + [2])
        table.add_column("id", key="id", width=id_width)
        table.add_column("", key="kind", width=1)
        for name in names:
            table.add_column(plain(name[:NAME_WIDTH]), key=f"p:{name}", width=NAME_WIDTH)
        for label, key, width in (("mean", "mean", 4), ("sprd", "spread", 4), ("", "flag", 6)):
            table.add_column(label, key=key, width=width)
        table.add_column("agreed", key="consensus", width=6)
        table.add_column("state", key="state", width=9)
        table.add_column("reason", key="reason", width=REASON_WIDTH)
        blank = [""] * (len(names) + 6)
        for c in self.criteria:
            table.add_row(c.id, "E" if c.kind == "essential" else "D", *blank, key=c.id)
        self.columns = names

    def _fill(self) -> None:
        names = scoring.panellists(self.session, self.stage)
        if names != self.columns:
            self._build(names)
        table = self.query_one(DataTable)
        shown = scoring.visible_scores(self.session, self.me, self.stage)
        counted = scoring.moderation_scores(self.session, self.stage)
        gone = scoring.withdrawn(self.session)
        agreed = {c.criterion: c for c in self.session.consensus if c.stage == self.stage}
        threshold = self.session.panel.threshold if self.session.panel else 2
        flagged = 0
        self.late = visible_late(self.session, self.stage, self.me, self.app.store.audit(self.session.id))
        for c in self.criteria:
            by = shown.get(c.id, {})
            mean, spread = scoring.mean_and_spread(list(counted.get(c.id, {}).values()))
            flag = scoring.flagged(spread, threshold)
            flagged += flag
            for name in names:
                cell = score_cell(self.session, self.stage, self.me, name, by, gone, (name, c.id) in self.late)
                table.update_cell(c.id, f"p:{name}", cell)
            consensus = agreed.get(c.id)
            table.update_cell(c.id, "mean", "-" if mean is None else f"{mean:.1f}")
            table.update_cell(c.id, "spread", "-" if spread is None else str(spread))
            table.update_cell(c.id, "flag", Text("SPREAD", style="bold red") if flag else "")
            value = "-" if consensus is None else ("n/a" if consensus.value is None else str(consensus.value))
            table.update_cell(c.id, "consensus", value)
            state = Text("to review", style="bold magenta") if consensus and consensus.to_review else ""
            table.update_cell(c.id, "state", state)
            table.update_cell(c.id, "reason", reason_cell(consensus.reason if consensus else ""))
        self._status(names, flagged, threshold)
        self._notes()
        self._calibration()

    def _calibration(self) -> None:
        """The chart across all the role's candidates at this stage (only while shown)."""
        chart = self.query_one(CalibrationPanel)
        if chart.has_class("shown"):
            sessions = self.app.store.sessions_of_role(self.session.role.id)
            chart.show(sessions, self.stage, self.session.scale, self.me)

    def action_calibration(self) -> None:
        self.query_one(CalibrationPanel).toggle_class("shown")
        self._calibration()

    def _status(self, names: list[str], flagged: int, threshold: int) -> None:
        waiting = scoring.still_scoring(self.session, self.stage)
        counted = scoring.counted(self.session, self.stage)
        done = [n for n in counted if scoring.has_submitted(self.session, n, self.stage)]
        out = Text()
        out.append_text(plain(f"Submitted: {', '.join(done) or 'nobody yet'}. ", "green"))
        if waiting:
            out.append_text(plain(f"Still scoring: {', '.join(waiting)}. ", "bold yellow"))
        else:
            out.append("Every panellist has submitted. ", style="green")
        for name, why in scoring.withdrawn(self.session).items():
            out.append_text(plain(f"{name} withdrawn ({why}); not counted. ", "dim"))
        for name in sorted(scoring.conflicted(self.session) & set(names)):
            out.append_text(plain(f"{name} declared a conflict; not counted. ", "dim"))
        out.append(f"\n{flagged} with a spread of {threshold} or more. ", style="bold red" if flagged else "")
        review = scoring.consensus_to_review(self.session, self.stage)
        if review:
            out.append(f"To review (a score or conflict changed): {', '.join(review)}. ", style="bold magenta")
        if self.late:
            late = sorted({cid for _, cid in self.late})
            out.append(f"Scored after submitting ('late'): {', '.join(late)}. ", style="bold magenta")
        chair = self.session.panel.chair if self.session.panel else None
        out.append(
            "Enter agrees a consensus, a accepts every row where all agree."
            if chair == self.me
            else f"Only the chair ({chair}) agrees consensus.",
            style="dim",
        )
        self.query_one("#moderation-status", Static).update(out)

    def _current(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.criteria or table.row_count == 0:
            return None
        return self.criteria[min(table.cursor_row, len(self.criteria) - 1)].id

    @on(DataTable.RowHighlighted)
    def _notes(self) -> None:
        cid = self._current()
        out = Text() if cid is None else notes_text(self.session, cid, self.stage, self.me, self.late)
        self.query_one("#moderation-notes", Static).update(out)

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_consensus()

    def action_reload(self) -> None:
        try:
            self.session = self.app.store.load(self.session.id)
        except BadInput:
            return
        self._fill()

    def _chair_only(self) -> bool:
        chair = self.session.panel.chair if self.session.panel else None
        if chair != self.me:
            self.notify(f"Only the chair ({chair}) agrees consensus.", severity="warning")
            return False
        return True

    def action_consensus(self) -> None:
        cid = self._current()
        if cid is None or not self._chair_only():
            return
        given = list(scoring.moderation_scores(self.session, self.stage).get(cid, {}).values())
        proposed = scoring.proposed_consensus(given, self.session.scale)
        waiting = scoring.still_scoring(self.session, self.stage)

        def with_value(text: str | None) -> None:
            if text is None:
                return
            text = text.strip().lower()
            if text in ("n/a", "na", "x", "none"):
                value = None
            elif text.lstrip("-").isdigit():
                value = int(text)
            else:
                self.notify(f"consensus: {text!r} is not a score (a number, or n/a)", severity="error")
                return
            if waiting:
                question = f"{cid}: still scoring: {', '.join(waiting)}. Reason to agree now (chair's override):"
                required = True
            elif scoring.consensus_needs_reason(value, given):
                question, required = f"{cid}: {value} differs from every panellist's score. Reason:", True
            else:
                question, required = f"{cid}: reason or comment (optional)", False

            def with_reason(reason: str | None) -> None:
                if reason is not None:
                    self._save(cid, value, reason, bool(waiting))

            self.app.push_screen(TextPrompt(question, required=required, max_chars=REASON_MAX_CHARS), with_reason)

        default = "" if proposed is None else str(proposed)
        listed = ", ".join("n/a" if v is None else str(v) for v in given) or "none submitted"
        listed += "".join(f"; {who}: {x.short}" for (who, c), x in self.late.items() if c == cid)
        self.app.push_screen(
            TextPrompt(
                f"Consensus for {cid} (scores {listed}; proposed {default or '-'}; n/a = not assessed)", default
            ),
            with_value,
        )

    def _save(self, cid: str, value: int | None, reason: str, override: bool) -> None:
        """Record the consensus; if the save fails, the typed reason is kept (leaving then asks)."""

        def save() -> None:
            self.session = self.app.store.set_consensus(
                self.session.id, cid, value, reason, self.me, self.stage, override=override
            )

        shown = "n/a" if value is None else str(value)
        if self.save_or_keep(f"consensus {cid}", f"Consensus for {cid}: {shown}; reason", reason, save):
            self._fill()

    def action_accept_agreed(self) -> None:
        if not self._chair_only():
            return
        try:
            self.session, accepted = self.app.store.accept_agreed(self.session.id, self.me, self.stage)
        except BadInput as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        agreed = {c.criterion for c in self.session.consensus if c.stage == self.stage}
        left = ", ".join(sorted({cid for _, cid in self.late} - agreed))
        late = f". Scored after submitting, agree with Enter: {left}" if left else ""
        self.notify(
            f"Accepted {len(accepted)} rows where every panellist agrees: {', '.join(accepted) or 'none'}{late}"
        )
        self._fill()

    def action_decision(self) -> None:
        from .decision import DecisionScreen

        self.app.push_screen(DecisionScreen(self.app.store.load(self.session.id), self.me, self.stage))

    def unsaved_name(self) -> str:
        return f"{self.session.id}-consensus"

    def action_back(self) -> None:
        self.leave_guarded()
