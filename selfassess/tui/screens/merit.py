"""Merit order: every session of one role, ranked by the gate, then total, then a tie-break criterion."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ...fairness import current_stage, gis_label, other_stages
from ...merit_view import gate_label, merit_view, recommendation_label, stage_note, stages_with_criteria
from ...models import SCORING_STAGES, Role
from ...safetext import plain
from ...stage_criteria import mixed_selection
from ...watch import FolderWatch
from ..dialogs.common import TextPrompt
from ..dialogs.export_prompt import ask_and_save
from ..typed import AppScreen
from .follow import FOLLOW_SECONDS

GATE_LABEL = {"passed": "passed", "failed": "FAILED", "incomplete": "incomplete", "not scored": "not scored"}


class MeritOrderScreen(AppScreen[None]):
    """Candidates for one role in merit order."""

    HELP_TITLE = "Merit order"

    BINDINGS = [
        Binding("s", "next_stage", "Stage", id="merit-stage"),
        Binding("t", "tie_break", "Tie-break", id="merit-tie"),
        Binding("e", "export", "Export CSV", id="merit-export"),
        Binding("escape", "back", "Back", id="merit-back"),
    ]

    def __init__(self, role: Role, stage: str | None = None) -> None:
        super().__init__()
        self.role = role
        self.stage = stage or ""  # empty: the stage the role's panels are at (found on the first fill)
        self.tie: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="merit-title")
        yield DataTable(id="merit-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Merit order · {self.role.title}"
        self._fill()
        self.folder_watch = FolderWatch(self.app.store.directory)
        self.set_interval(FOLLOW_SECONDS, self._follow)

    def _follow(self) -> None:
        """Redraw when any session file in the folder changed (another terminal scored or decided)."""
        if self.folder_watch.changed():
            self._fill()

    def _sessions(self):
        from ...ranking_load import ranking_sessions

        return ranking_sessions(self.app.store, self.role.id)

    def _fill(self) -> None:
        sessions = self._sessions()
        self.stage = self.stage or current_stage(sessions)
        view = merit_view(sessions, self.stage, self.tie)
        ranked = view.ranked
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns("#", "candidate", "gate", "total", f"tie-break {self.tie or '-'}", "recommendation", "GIS")
        for position, r in enumerate(ranked, start=1):
            decision = recommendation_label(r.session, self.stage, "-")
            table.add_row(
                str(position),
                plain(r.session.display_name(r.session.blind)),
                gate_label(r, self.stage, GATE_LABEL[r.status]),
                f"{r.total:g}",
                "-" if r.tie_break is None else str(r.tie_break),
                decision,
                gis_label(r.session) or "-",
            )
        for apart in view.apart:  # not at this stage: listed below the ranked, never given a rank
            name = plain(apart.session.display_name(apart.session.blind))
            table.add_row("", name, apart.where, "", "", "", "")  # the title line says where they are
        title = f"Stage {self.stage}: {len(ranked)} candidates; s changes stage, t sets the tie-break criterion"
        notes = [stage_note(view, self.role.id), other_stages(sessions, self.stage, "s for")]
        notes.append(mixed_selection(sessions, self.stage))
        text = "\n".join([title, *[n for n in notes if n]])
        self.query_one("#merit-title", Static).update(plain(text))

    def action_next_stage(self) -> None:
        """The next stage that scores any criterion (a stage with none has nothing to rank)."""
        offered = stages_with_criteria(self._sessions()) or list(SCORING_STAGES)
        later = [st for st in offered if SCORING_STAGES.index(st) > SCORING_STAGES.index(self.stage)]
        self.stage = (later or offered)[0]
        self._fill()

    def action_tie_break(self) -> None:
        def chosen(value: str | None) -> None:
            if value is None:
                return
            value = value.strip().upper() or None
            if value is not None and self.role.criterion(value) is None:
                self.notify(f"tie-break: {value} is not a criterion of this role", severity="error")
                return
            self.tie = value
            self._fill()

        self.app.push_screen(TextPrompt("Tie-break criterion id (e.g. E2; empty for none)", self.tie or ""), chosen)

    def action_export(self) -> None:
        from pathlib import Path

        from ...export.csvfile import campaign_csv
        from ...extract.result import slug

        sessions = self._sessions()
        ask_and_save(
            self,
            "Save the merit order to",
            Path.cwd() / f"{slug(self.role.title)}-{self.stage}-campaign.csv",
            lambda fmt: campaign_csv(sessions, self.stage, self.tie, anonymise=any(s.blind for s in sessions)),
            ("csv",),
        )

    def action_back(self) -> None:
        self.dismiss(None)
