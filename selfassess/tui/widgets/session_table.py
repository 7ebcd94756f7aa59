"""SessionTable: the sessions on the home screen, latest first, and the ``Open`` message Enter posts.

A blind panel's candidate is listed by reference only, at every terminal. The screen decides what
opening means (candidate mode, or panel mode for a session with a panel).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from ...safetext import plain
from ...session_files import quick_sessions
from .fit_table import FitTable


class SessionTable(FitTable):
    """Sessions keyed by id; Enter posts ``SessionTable.Open``."""

    HELP_TITLE = "Sessions list"
    BINDINGS = [
        Binding(
            "enter",
            "select_cursor",
            "Resume the session (a panel's opens in panel mode)",
            id="sessions-open",
            show=False,
        )
    ]

    class Open(Message):
        """A session was chosen; ``panel`` when it has a panel (it opens in panel mode)."""

        def __init__(self, session_id: str, panel: bool) -> None:
            super().__init__()
            self.session_id, self.panel = session_id, panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(("Candidate", "Role", "Done", "Last change"), {0, 1, 3}, id=id)
        self.panel_sessions: set[str] = set()

    def load(self, sessions_dir: Path) -> list[str]:
        """List the sessions of a folder now; returns one line per file skipped."""
        summaries, problems = quick_sessions(sessions_dir)
        self.panel_sessions = {s.id for s in summaries if s.panel}
        rows: list[tuple[list[str | Text], str]] = []
        for s in summaries:
            who = f"ref {s.reference or s.id}" if s.blind else (s.candidate or s.reference or "(anonymous)")
            done = "panel" if s.panel else f"{s.done}/{s.total}"
            rows.append(([plain(who), plain(s.role_title), done, f"{s.updated.astimezone():%d %b %H:%M}"], s.id))
        self.fill(rows)
        return problems

    def highlighted_id(self) -> str | None:
        """The id of the session under the cursor, or None when there is none."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Open(event.row_key.value, event.row_key.value in self.panel_sessions))
