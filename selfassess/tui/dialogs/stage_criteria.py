"""The chair's checklist of the criteria a stage scores, ticked from the how-assessed codes by default."""

from __future__ import annotations

from rich.segment import Segment
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.strip import Strip
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from ...methods import method_codes
from ...models import Session
from ...safetext import plain
from ...stage_criteria import REASON_MAX, default_criteria, effective_criteria, stage_has_scores
from ..typed import AppModal

WIDTH = 160  # most characters of criterion text in a row (the list cuts it to the width it has)


class TickList(SelectionList[str]):
    """A SelectionList whose rows read [x] (ticked) or [ ] (not), so the difference needs no colour."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:  # a row below the last option: nothing to mark
            return line
        if len(segments) < 3:
            return line
        inner = "x" if selection.value in self._selected else " "
        marks = [Segment("[", segments[0].style), Segment(inner, segments[1].style), Segment("]", segments[2].style)]
        return Strip(marks + segments[3:], line.cell_length)


class StageCriteriaDialog(AppModal[dict | None]):
    """Tick the criteria ``stage`` scores; returns the arguments of SessionStore.set_stage_criteria, or None."""

    HELP_TITLE = "Criteria for a stage"

    DEFAULT_CSS = """
    #stage-criteria-box { height: 90%; padding: 0 1; }
    #stage-criteria-list { height: 1fr; }
    #stage-criteria-reason { border: none; height: 1; background: $boost; }
    """

    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep", id="stage-criteria-keep", priority=True),
        Binding("ctrl+d", "defaults", "Defaults", id="stage-criteria-defaults", priority=True),
        Binding("escape", "cancel", "Cancel", id="stage-criteria-cancel"),
    ]

    def __init__(self, session: Session, stage: str, chosen: dict | None = None) -> None:
        """``chosen`` (as this dialog returns it, for the same stage) refills the ticks and reason."""
        super().__init__()
        self.session, self.stage = session, stage
        self.defaults = {c.id for c in default_criteria(session.role, stage)}
        if chosen and chosen.get("stage") == stage:
            self.ticked, self.reason = set(chosen["criteria"]), chosen.get("reason", "")
        else:
            self.ticked, self.reason = {c.id for c in effective_criteria(session, stage)}, ""
        self.scored = {s.criterion for s in session.scores if s.stage == stage}  # criteria with scores here

    def _row(self, criterion_id: str, kind: str, codes: str, text: str) -> str:
        mark = "·" if criterion_id in self.defaults else " "
        scored = "S" if criterion_id in self.scored else " "
        short = text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"
        return f"{criterion_id:<4}{kind[0].upper()} {codes:<7}{mark}{scored} {short}"

    def compose(self) -> ComposeResult:
        options = [
            Selection(
                plain(self._row(c.id, c.kind, method_codes(list(c.assessed_by)) or "-", " ".join(c.text.split()))),
                c.id,
                c.id in self.ticked,
            )
            for c in self.session.role.criteria
        ]
        with Vertical(classes="dialog", id="stage-criteria-box"):
            yield Label(plain(f"Scored at {self.stage} (· = by the codes, S = has scores)", "bold"))
            yield TickList(*options, id="stage-criteria-list")
            yield Static("", id="stage-criteria-status")
            yield Input(
                self.reason,
                placeholder="Reason for the change (required)",
                id="stage-criteria-reason",
            )
            warning = " Scores exist: a criterion taken out keeps them, not counted." if self._scored() else ""
            yield Static(f"Space ticks, Ctrl+D defaults, Ctrl+S keeps, Esc cancels.{warning}", classes="hint")

    def _scored(self) -> bool:
        return stage_has_scores(self.session, self.stage)

    def on_mount(self) -> None:
        self._show_status()

    def _selected(self) -> set[str]:
        return set(self.query_one(SelectionList).selected)

    @on(SelectionList.SelectedChanged)
    @on(Input.Changed, "#stage-criteria-reason")
    def _show_status(self) -> None:
        ticked = self._selected()
        added = [c.id for c in self.session.role.criteria if c.id in ticked and c.id not in self.defaults]
        removed = [c.id for c in self.session.role.criteria if c.id not in ticked and c.id in self.defaults]
        parts = [f"{len(ticked)} of {len(self.session.role.criteria)} scored"]
        parts += [f"added {', '.join(added)}"] if added else []
        parts += [f"removed {', '.join(removed)}"] if removed else []
        parts += [
            f"reason {len(self.query_one('#stage-criteria-reason', Input).value.strip())}/{REASON_MAX} characters"
        ]
        self.query_one("#stage-criteria-status", Static).update(plain("; ".join(parts)))

    def action_defaults(self) -> None:
        selections = self.query_one(SelectionList)
        selections.deselect_all()
        for criterion_id in self.defaults:
            selections.select(criterion_id)

    def action_keep(self) -> None:
        ticked = self._selected()
        if not ticked:
            self.notify("Tick at least one criterion", severity="error")
            return
        reason = self.query_one("#stage-criteria-reason", Input).value.strip()
        current = {c.id for c in effective_criteria(self.session, self.stage)}
        if ticked != current and not reason:
            self.notify("Give a short reason for the change", severity="error")
            self.query_one("#stage-criteria-reason", Input).focus()
            return
        if len(reason) > REASON_MAX:
            self.notify(f"Reason: {len(reason)} characters, at most {REASON_MAX}", severity="error")
            self.query_one("#stage-criteria-reason", Input).focus()
            return
        order = [c.id for c in self.session.role.criteria if c.id in ticked]
        self.dismiss({"stage": self.stage, "criteria": order, "reason": reason})

    def action_cancel(self) -> None:
        self.dismiss(None)
