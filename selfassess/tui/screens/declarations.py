"""Conflicts of interest and guaranteed interviews: each panellist declares, per candidate, no conflict
or a conflict with a reason (before scoring them); only the chair withdraws a declared conflict, with a
reason; the chair flags Guaranteed Interview Scheme candidates, and the table shows who meets the
minimum and so must be interviewed. The list names candidates (a declaration needs to know who); its
dialogs and messages show a blind panel's candidate by reference only."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ... import conflict_rules, fairness
from ...errors import BadInput
from ...fair_caps import NOTE_MAX_CHARS
from ...models import Role, Session
from ...safetext import plain
from ..dialogs.common import TextPrompt
from ..widgets.fit_table import FitTable
from .editing import EditingScreen

REASON_SHOWN = 40  # characters of a reason in the table; the highlighted row's is shown whole below it
LABELS = ("candidate", "your declaration", "conflicted", "GIS", "shortlisting minimum")


def mine(session: Session, me: str) -> str:
    """This panellist's declaration about the candidate, with the whole reason."""
    declared = fairness.declaration(session, me)
    if declared is None:
        return "not declared"
    return f"CONFLICT: {declared.reason}" if declared.conflicted else "no conflict"


def short(text: str, width: int = REASON_SHOWN) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class DeclarationsScreen(EditingScreen[None]):
    """The role's candidates, with this panellist's declaration and the GIS flag."""

    HELP_TITLE = "Declarations of interest"

    DEFAULT_CSS = """
    DeclarationsScreen #declare-table { height: 1fr; }
    DeclarationsScreen #declare-detail { height: auto; max-height: 6; padding: 0 1; }
    """

    BINDINGS = [
        Binding("n", "no_conflict", "No conflict", id="declare-none"),
        Binding("c", "conflict", "Conflict", id="declare-conflict"),
        Binding("w", "withdraw", "Withdraw conflict", id="declare-withdraw"),
        Binding("g", "gis", "GIS flag", id="declare-gis"),
        Binding("escape", "back", "Back", id="declare-back"),
    ]

    def __init__(self, role: Role, me: str) -> None:
        super().__init__()
        self.role, self.me = role, me
        self.sessions: list[Session] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="declare-title", classes="hint")
        yield FitTable(LABELS, {0, 1, 2}, id="declare-table")
        yield Static(id="declare-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Conflicts and guaranteed interviews · {self.me}"
        self._fill()
        self.query_one(DataTable).focus()

    def _fill(self) -> None:
        self.sessions = sorted(self.app.store.sessions_of_role(self.role.id), key=lambda s: s.display_name())
        rows: list[tuple[list[str | Text], str]] = []
        for s in self.sessions:
            gis = "yes" if s.gis else "-"
            minimum = fairness.gis_label(s).removeprefix("flagged: ") if s.gis else "-"
            cells: list[str | Text] = [plain(s.display_name()), plain(short(mine(s, self.me)))]
            rows.append(([*cells, plain(", ".join(conflicted(s)) or "-"), gis, minimum], s.id))
        self.query_one(FitTable).fill(rows)
        self._detail()
        self.query_one("#declare-title", Static).update(
            "Declare before scoring each candidate: n no conflict, c conflict (with a reason); "
            "the chair withdraws a conflict (w, with a reason) and flags the Guaranteed Interview Scheme (g)"
        )

    @on(DataTable.RowHighlighted)
    def _detail(self) -> None:
        """The highlighted candidate's declaration with its whole reason (the table cuts it)."""
        session = self._current()
        text = "" if session is None else f"{session.display_name()}: {mine(session, self.me)}"
        self.query_one("#declare-detail", Static).update(plain(text))

    @staticmethod
    def label(session: Session) -> str:
        """How dialogs and messages name a candidate: by reference only on a blind panel (the list itself
        shows names, since a declaration needs to know who)."""
        return session.display_name(session.blind)

    def _current(self) -> Session | None:
        table = self.query_one(DataTable)
        if not self.sessions:
            return None
        return self.sessions[min(table.cursor_row, len(self.sessions) - 1)]

    def _run(self, change) -> None:
        try:
            change()
        except BadInput as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            return
        self._fill()

    def _fresh(self) -> Session | None:
        """The highlighted candidate as the store has it now (another terminal may have changed it)."""
        session = self._current()
        if session is None:
            return None
        try:
            return self.app.store.load(session.id)
        except BadInput as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            return None

    def _refused(self, problem: str | None) -> bool:
        """Say the core's refusal at the key press, in one line (before any reason is typed)."""
        if problem:
            self.notify(problem, severity="warning")
        return bool(problem)

    def action_no_conflict(self) -> None:
        session = self._fresh()
        if session is not None and not self._refused(conflict_rules.undeclare_problem(session, self.me, False)):
            self._run(lambda: self.app.store.declare_conflict(session.id, self.me, False))

    def action_conflict(self) -> None:
        session = self._current()
        if session is None:
            return

        def reason(text: str | None) -> None:
            if text is None:
                return

            def save() -> None:
                self.app.store.declare_conflict(session.id, self.me, True, text)
                if self.is_mounted:
                    self._fill()

            self.save_or_keep(f"conflict {session.id}", f"Conflict with {self.label(session)}", text, save)

        self.app.push_screen(
            TextPrompt(
                f"Your conflict of interest with {self.label(session)} (the reason is recorded)",
                required=True,
                max_chars=NOTE_MAX_CHARS,
            ),
            reason,
        )

    def action_withdraw(self) -> None:
        """The chair withdraws a panellist's declared conflict, with a reason (kept in the history)."""
        session = self._fresh()
        if session is None or self._refused(conflict_rules.withdraw_problem(session, self.me)):
            return
        names = conflicted(session)
        if not names:
            self.notify(f"No declared conflict with {self.label(session)}", severity="warning")
            return

        def with_reason(panellist: str, text: str | None) -> None:
            if text is not None:
                self._run(lambda: self.app.store.withdraw_conflict(session.id, panellist, text, by=self.me))

        def ask(panellist: str) -> None:
            if self._refused(conflict_rules.withdraw_problem(session, self.me, panellist)):
                return
            self.app.push_screen(
                TextPrompt(
                    f"Withdraw {panellist}'s conflict with {self.label(session)}: reason (chair)",
                    required=True,
                    max_chars=NOTE_MAX_CHARS,
                ),
                lambda text: with_reason(panellist, text),
            )

        if len(names) == 1:
            ask(names[0])
            return

        def chosen(name: str | None) -> None:
            if name is None:
                return
            if name.strip() not in names:
                self.notify(f"Withdraw: {name.strip()!r} has no declared conflict here", severity="error")
                return
            ask(name.strip())

        self.app.push_screen(TextPrompt(f"Whose conflict? ({', '.join(names)})"), chosen)

    def action_gis(self) -> None:
        session = self._current()
        if session is not None:
            self._run(lambda: self.app.store.set_gis(session.id, not session.gis, self.me))

    def unsaved_name(self) -> str:
        return f"{self.role.id}-declarations"

    def action_back(self) -> None:
        self.leave_guarded()


def conflicted(session: Session) -> list[str]:
    """Panellists whose latest declaration about this candidate is a conflict."""
    names = dict.fromkeys(c.panellist for c in session.conflicts)
    return [n for n in names if (d := fairness.declaration(session, n)) is not None and d.conflicted]
