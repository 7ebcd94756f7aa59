"""Panel set-up: panellists, chair, stage, spread threshold, blind mode, scale; and who scores at this terminal."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...models import SCORING_STAGES, Session
from ...safetext import plain
from ...stage_criteria import describe


class PanelSetupDialog(ModalScreen[dict | None]):
    """Ask for the panel; returns the arguments of SessionStore.set_panel, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="panel-cancel"),
        Binding("ctrl+s", "done", "Start scoring", id="panel-done", priority=True),
        Binding("f3", "criteria", "Criteria", id="panel-criteria", priority=True),
    ]

    def __init__(self, session: Session, values: dict | None = None) -> None:
        """``values`` (as this dialog returns them) refill the form, e.g. after the store refused them."""
        super().__init__()
        self.session = session
        panel = session.panel
        self.values = values or {
            "panellists": panel.panellists if panel else [],
            "chair": panel.chair if panel else "",
            "stage": panel.stage if panel else "interview",
            "threshold": panel.threshold if panel else 2,
            "blind": panel.blind if panel else False,
            "scale": session.scale.id,
        }
        self.criteria: dict | None = self.values.get("criteria")  # the chair's checklist, if changed here

    def compose(self) -> ComposeResult:
        v = self.values
        with Vertical(classes="dialog compact-form"):
            yield Label(plain(f"Panel for {self.session.role.title}", "bold"))
            yield Label("Panellists, separated by commas (the first is the chair unless you name one)")
            yield Input(", ".join(v["panellists"]), id="panel-names")
            yield Label("Chair")
            yield Input(v["chair"], id="panel-chair")
            yield Label(f"Stage: {', '.join(SCORING_STAGES)}")
            yield Input(v["stage"], id="panel-stage")
            yield Label("Flag a spread of at least")
            yield Input(str(v["threshold"]), id="panel-threshold", type="integer")
            yield Label("Scale (can change only before the first score)")
            yield Input(v["scale"] or "", id="panel-scale")
            yield Checkbox("Blind: show the candidate by reference only", v["blind"], id="panel-blind")
            yield Static(self._criteria_line(v["stage"]), id="panel-criteria-line")
            yield Static("F3 criteria, Ctrl+S to start scoring, Escape to cancel", classes="hint")

    def _criteria_line(self, stage: str) -> Text:
        if stage not in SCORING_STAGES:
            return Text("")
        wanted = self.criteria["criteria"] if self.criteria and self.criteria["stage"] == stage else None
        return plain(describe(self.session, stage, wanted))

    @on(Input.Changed, "#panel-stage")
    def _stage_changed(self, event: Input.Changed) -> None:
        self.query_one("#panel-criteria-line", Static).update(self._criteria_line(event.value.strip()))

    def action_criteria(self) -> None:
        """The chair's checklist of the criteria the typed stage scores."""
        from .stage_criteria import StageCriteriaDialog

        stage = self.query_one("#panel-stage", Input).value.strip()
        if stage not in SCORING_STAGES:
            self.notify(f"Stage: one of {', '.join(SCORING_STAGES)}", severity="error")
            return

        def chosen(result: dict | None) -> None:
            if result is not None:
                self.criteria = result
                self.query_one("#panel-criteria-line", Static).update(self._criteria_line(stage))

        self.app.push_screen(StageCriteriaDialog(self.session, stage, self.criteria), chosen)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def action_done(self) -> None:
        names = [n.strip() for n in self.query_one("#panel-names", Input).value.split(",") if n.strip()]
        chair = self.query_one("#panel-chair", Input).value.strip() or (names[0] if names else "")
        threshold = self.query_one("#panel-threshold", Input).value.strip() or "2"
        if not names:
            self.notify("Panellists: give at least one name", severity="error")
            return
        self.dismiss(
            {
                "panellists": names,
                "chair": chair,
                "stage": self.query_one("#panel-stage", Input).value.strip(),
                "threshold": int(threshold) if threshold.isdigit() else 2,
                "blind": self.query_one("#panel-blind", Checkbox).value,
                "scale": self.query_one("#panel-scale", Input).value.strip() or None,
            }
            | ({"criteria": self.criteria} if self.criteria else {})
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class WhoDialog(ModalScreen[str | None]):
    """Which panellist is scoring at this terminal."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="who-cancel")]

    def __init__(self, panellists: list[str]) -> None:
        super().__init__()
        self.panellists = panellists

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Who is scoring at this terminal?", classes="bold")
            yield OptionList(*[Option(plain(name), id=str(i)) for i, name in enumerate(self.panellists)], id="who")
            yield Static("Enter to choose, Escape to cancel", classes="hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.panellists[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
