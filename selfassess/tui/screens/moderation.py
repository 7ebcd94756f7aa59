"""Moderation: criteria by panellists with mean and spread, wide spreads flagged, consensus with reasons."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ... import scoring
from ...errors import BadInput
from ...models import Session
from ...safetext import plain
from ..dialogs.common import TextPrompt
from ..typed import AppScreen


class ModerationScreen(AppScreen[None]):
    """Agree a consensus per criterion; the original scores stay visible."""

    BINDINGS = [
        Binding("enter", "consensus", "Agree consensus", id="mod-consensus"),
        Binding("r", "reload", "Reload", id="mod-reload"),
        Binding("d", "decision", "Decision", id="mod-decision"),
        Binding("escape", "back", "Back", id="mod-back"),
    ]

    def __init__(self, session: Session, me: str, stage: str) -> None:
        super().__init__()
        self.session, self.me, self.stage = session, me, stage
        self.criteria = scoring.criteria_for_stage(session, stage)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="mod-summary")
        yield DataTable(id="mod-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Moderation · {self.stage} · {self.session.display_name(self.session.blind)}"
        self._fill()
        self.query_one(DataTable).focus()

    def _panellists(self) -> list[str]:
        if self.session.panel is not None:
            return self.session.panel.panellists
        return sorted({s.panellist for s in self.session.scores if s.stage == self.stage})

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        names = self._panellists()
        table.add_columns("id", "kind", *[n[:12] for n in names], "mean", "spread", "", "consensus", "reason")
        scores = scoring.visible_scores(self.session, self.me, self.stage)
        agreed = {c.criterion: c for c in self.session.consensus if c.stage == self.stage}
        threshold = self.session.panel.threshold if self.session.panel else 2
        flagged = 0
        for c in self.criteria:
            by = scores.get(c.id, {})
            values = [by.get(n) for n in names if n in by]
            mean, spread = scoring.mean_and_spread(values)
            flag = scoring.flagged(spread, threshold)
            flagged += flag
            cells = [("-" if n not in by else ("n/a" if by[n] is None else str(by[n]))) for n in names]
            consensus = agreed.get(c.id)
            table.add_row(
                c.id,
                c.kind,
                *cells,
                "-" if mean is None else f"{mean:.1f}",
                "-" if spread is None else str(spread),
                Text("SPREAD", style="bold red") if flag else "",
                "-" if consensus is None else ("n/a" if consensus.value is None else str(consensus.value)),
                plain((consensus.reason if consensus else "")[:40]),
                key=c.id,
            )
        waiting = [n for n in names if not scoring.has_submitted(self.session, n, self.stage)]
        summary = Text()
        summary.append(
            f"{flagged} criteria with a spread of {threshold} or more. ", style="bold red" if flagged else ""
        )
        summary.append(
            f"Still scoring: {', '.join(waiting)}. " if waiting else "Every panellist has submitted. ",
            style="yellow" if waiting else "green",
        )
        summary.append("Enter agrees a consensus (proposed: the rounded mean).", style="dim")
        self.query_one("#mod-summary", Static).update(summary)
        if self.criteria:
            table.move_cursor(row=min(max(row, 0), len(self.criteria) - 1))

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_consensus()

    def action_reload(self) -> None:
        self.session = self.app.store.load(self.session.id)
        self._fill()

    def action_consensus(self) -> None:
        if not self.criteria:
            return
        c = self.criteria[self.query_one(DataTable).cursor_row]
        given = list(scoring.visible_scores(self.session, self.me, self.stage).get(c.id, {}).values())
        proposed = scoring.proposed_consensus(given, self.session.scale)

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
            if scoring.consensus_needs_reason(value, given):
                self.app.push_screen(
                    TextPrompt(f"{c.id}: {value} differs from every panellist's score. Reason:"),
                    lambda reason: self._save(c.id, value, reason) if reason else None,
                )
            else:
                self.app.push_screen(
                    TextPrompt(f"{c.id}: reason or comment (optional)"),
                    lambda reason: self._save(c.id, value, reason or "") if reason is not None else None,
                )

        default = "" if proposed is None else str(proposed)
        self.app.push_screen(
            TextPrompt(
                f"Consensus for {c.id} (scores {given}; proposed {default or '-'}; n/a = not assessed)", default
            ),
            with_value,
        )

    def _save(self, cid: str, value: int | None, reason: str) -> None:
        try:
            self.session = self.app.store.set_consensus(self.session.id, cid, value, reason, self.me, self.stage)
        except BadInput as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self._fill()

    def action_decision(self) -> None:
        from .decision import DecisionScreen

        self.app.push_screen(DecisionScreen(self.app.store.load(self.session.id), self.me, self.stage))

    def action_back(self) -> None:
        self.dismiss(None)
