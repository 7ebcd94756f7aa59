"""Panel set-up: panellists and their logins, chair, stage, scale, spread threshold, blind mode; and who
scores at a terminal when identities are not verified (one shared login)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ... import roles
from ...models import SCORING_STAGES, Panel, Session
from ...safetext import plain
from ...stage_criteria import describe
from ..typed import AppModal
from ..widgets.in_turn import InTurnInput
from .type_ahead import TypeAheadForm


def split_names(text: str) -> list[str]:
    """Comma-separated names, blanks dropped."""
    return [n.strip() for n in text.split(",") if n.strip()]


class PanelSetupDialog(AppModal[dict | None], TypeAheadForm):
    """Ask for the panel; returns the arguments of SessionStore.set_panel, or None."""

    HELP_TITLE = "Panel set-up"

    DEFAULT_CSS = """
    PanelSetupDialog .panel-form {
        width: 96; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    PanelSetupDialog .panel-fields { height: auto; max-height: 16; }
    PanelSetupDialog .panel-row { height: 3; }
    PanelSetupDialog .panel-row Label { width: 11; padding: 1 1 0 0; }
    PanelSetupDialog .panel-row Input { width: 1fr; }
    PanelSetupDialog .panel-row .short-label { width: 7; }
    PanelSetupDialog #panel-stage { width: 18; }
    PanelSetupDialog #panel-scale { width: 1fr; }
    PanelSetupDialog #panel-threshold { width: 7; }
    PanelSetupDialog #panel-criteria-line, PanelSetupDialog .hint { height: auto; }
    """

    ENTER_MOVES_ON = frozenset({"panel-names", "panel-logins", "panel-chair", "panel-threshold"})  # type_ahead
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="panel-cancel"),
        Binding("ctrl+s", "done", "Save panel", id="panel-done", priority=True),
        Binding("ctrl+o", "copy_panel", "Copy a panel", id="panel-copy", priority=True),
        Binding("f3", "criteria", "Criteria", id="panel-criteria", priority=True),
    ]

    def __init__(self, session: Session, values: dict | None = None) -> None:
        """``values`` (as this dialog returns them) refill the form, e.g. after the store refused them."""
        super().__init__()
        self.session = session
        self.values = values or self._values_of(session.panel) | {"scale": session.scale.id}
        self.criteria: dict | None = self.values.get("criteria")  # the chair's checklist, if changed here

    @staticmethod
    def _values_of(panel: Panel | None) -> dict:
        active = panel.active if panel else []
        return {
            "panellists": active,
            "logins": {p: panel.logins[p] for p in active if p in panel.logins} if panel else {},
            "chair": panel.chair if panel else "",
            "stage": panel.stage if panel else "interview",
            "threshold": panel.threshold if panel else 2,
            "blind": panel.blind if panel else False,
        }

    def compose(self) -> ComposeResult:
        v = self.values
        scales = [(s.name, s.id) for s in roles.scales().values()]
        with Vertical(classes="panel-form"):
            who = self.session.display_name(self.session.blind)  # a blind panel's candidate: reference only
            yield Label(plain(f"Panel for {who} · {self.session.role.title}", "bold"), id="panel-title")
            with VerticalScroll(classes="panel-fields"):
                with Horizontal(classes="panel-row"):
                    yield Label("Panellists")
                    yield InTurnInput(", ".join(v["panellists"]), placeholder="names, commas between", id="panel-names")
                with Horizontal(classes="panel-row"):
                    yield Label("Logins")
                    yield InTurnInput(
                        ", ".join(v.get("logins", {}).get(n, "") for n in v["panellists"]).strip(", "),
                        placeholder="each one's OS login, same order (empty: one shared login, not verified)",
                        id="panel-logins",
                    )
                with Horizontal(classes="panel-row"):
                    yield Label("Chair")
                    yield InTurnInput(v["chair"], placeholder="the first panellist unless named", id="panel-chair")
                with Horizontal(classes="panel-row"):
                    yield Label("Stage")
                    yield Select(
                        [(s, s) for s in SCORING_STAGES], value=v["stage"], allow_blank=False, id="panel-stage"
                    )
                    yield Select(scales, value=v["scale"], allow_blank=False, id="panel-scale")
                    yield Label("Spread", classes="short-label")
                    yield InTurnInput(str(v["threshold"]), id="panel-threshold", type="integer")
                yield Checkbox(
                    "Blind: the candidate by reference only, until the chair unblinds", v["blind"], id="panel-blind"
                )
            yield Static(self._criteria_line(v["stage"]), id="panel-criteria-line")
            yield Static(
                "Ctrl+S save · Ctrl+O copy the panel of another candidate for this role · F3 criteria · Esc cancel. "
                "The scale changes only before the first score.",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one(".panel-fields", VerticalScroll).can_focus = False
        self.query_one("#panel-names", Input).focus()

    def _stage(self) -> str:
        return str(self.query_one("#panel-stage", Select).value)

    def _criteria_line(self, stage: str) -> Text:
        if stage not in SCORING_STAGES:
            return Text("")
        wanted = self.criteria["criteria"] if self.criteria and self.criteria["stage"] == stage else None
        return plain(describe(self.session, stage, wanted))

    @on(Select.Changed, "#panel-stage")
    def _stage_changed(self) -> None:
        self.query_one("#panel-criteria-line", Static).update(self._criteria_line(self._stage()))

    def action_criteria(self) -> None:
        """The chair's checklist of the criteria the chosen stage scores."""
        from .stage_criteria import StageCriteriaDialog

        stage = self._stage()

        def chosen(result: dict | None) -> None:
            if result is not None:
                self.criteria = result
                self.query_one("#panel-criteria-line", Static).update(self._criteria_line(stage))

        self.app.push_screen(StageCriteriaDialog(self.session, stage, self.criteria), chosen)

    def action_copy_panel(self) -> None:
        """Fill the form with the panel of the most recently changed other session of this role."""
        store = self.app.store
        source = next(
            (s for s in store.sessions_of_role(self.session.role.id) if s.id != self.session.id and s.panel),
            None,
        )
        if source is None:
            self.notify("No other candidate for this role has a panel yet.", severity="warning")
            return
        v = self._values_of(source.panel)
        self.query_one("#panel-names", Input).value = ", ".join(v["panellists"])
        self.query_one("#panel-logins", Input).value = ", ".join(v["logins"].get(n, "") for n in v["panellists"])
        self.query_one("#panel-chair", Input).value = v["chair"]
        self.query_one("#panel-stage", Select).value = v["stage"]
        self.query_one("#panel-threshold", Input).value = str(v["threshold"])
        self.query_one("#panel-blind", Checkbox).value = v["blind"]
        self.notify(f"Panel copied from {source.display_name(source.blind)}.")

    def action_done(self) -> None:
        self.after_typing(self._done)  # with whatever was typed just before Ctrl+S

    def _done(self) -> None:
        names = split_names(self.query_one("#panel-names", Input).value)
        logins = [x.strip() for x in self.query_one("#panel-logins", Input).value.split(",")]
        chair = self.query_one("#panel-chair", Input).value.strip() or (names[0] if names else "")
        threshold = self.query_one("#panel-threshold", Input).value.strip() or "2"
        if not names:
            self.notify("Panellists: give at least one name", severity="error")
            return
        if any(logins) and len(logins) != len(names):
            self.notify(
                f"Logins: {len(logins)} given for {len(names)} panellists (same order; empty for a shared login)",
                severity="error",
            )
            return
        self.dismiss(
            {
                "panellists": names,
                "logins": {n: login for n, login in zip(names, logins, strict=False) if login},
                "chair": chair,
                "stage": self._stage(),
                "threshold": int(threshold) if threshold.isdigit() else 2,
                "blind": self.query_one("#panel-blind", Checkbox).value,
                "scale": str(self.query_one("#panel-scale", Select).value),
            }
            | ({"criteria": self.criteria} if self.criteria else {})
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class WhoDialog(AppModal[str | None]):
    """Which panellist is scoring at this terminal, when identities are not verified (one shared login)."""

    HELP_TITLE = "Who is scoring"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="who-cancel")]

    def __init__(self, panellists: list[str]) -> None:
        super().__init__()
        self.panellists = panellists

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Who is scoring at this terminal?", classes="bold")
            yield Label(
                plain("Identities not verified (one shared login).", "bold yellow"),
                id="who-unverified",
            )
            yield OptionList(*[Option(plain(name), id=str(i)) for i, name in enumerate(self.panellists)], id="who")
            yield Static("Enter to choose, Escape to cancel", classes="hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.panellists[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
