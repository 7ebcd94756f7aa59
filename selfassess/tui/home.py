"""Home screen: the role library with counts, sessions to resume, import, and a preview of the role."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from .. import roles
from ..errors import BadInput
from ..extract import extract_file
from ..models import Role
from ..role_draft import RoleDraft
from ..safetext import plain
from .dialogs import NewSessionDialog, TextPrompt
from .review import ReviewScreen

CODES = {"application": "A", "interview": "I", "test": "T", "presentation": "P",
         "document": "D", "reference": "R", "other": "O"}
PREVIEW_MIN_WIDTH = 110


def role_preview(role: Role) -> Text:
    """The criteria of a role as readable text, in the employer's order."""
    out = Text()
    out.append_text(plain(role.title, "bold"))
    out.append("\n")
    if role.organisation:
        out.append_text(plain(role.organisation, "dim"))
        out.append("\n")
    if role.guidance:
        out.append("\n")
        out.append_text(plain(role.guidance, "italic"))
        out.append("\n")
    category = None
    for c in role.criteria:
        if c.category != category and c.category:
            out.append("\n")
            out.append_text(plain(c.category, "underline"))
            out.append("\n")
        category = c.category
        marker = "bold green" if c.kind == "essential" else "cyan"
        out.append(f"{c.id:>4} ", style=marker)
        out.append_text(plain(c.text))
        if c.assessed_by:
            out.append(f"  [{'/'.join(CODES[m] for m in c.assessed_by)}]", style="dim")
        out.append("\n")
    return out


class HomeScreen(Screen[None]):
    """Pick a role and start a session, or resume one."""

    BINDINGS = [
        Binding("n", "new_session", "New session", id="new"),
        Binding("i", "import_document", "Import job document", id="import"),
        Binding("r", "reload", "Reload", id="reload"),
        Binding("f1", "help", "Help", id="home-help"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="home-left"):
                yield Label("Roles: n or Enter starts a session; i imports a job document", classes="section")
                yield DataTable(id="roles", cursor_type="row", zebra_stripes=True)
                yield Label("Sessions, most recent first: Enter resumes", classes="section")
                yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="preview-box"):
                yield Static(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#roles", DataTable).add_columns("Role", "E", "D", "Organisation")
        self.query_one("#sessions", DataTable).add_columns("Candidate", "Role", "Done", "Last change")
        self.roles: dict[str, Role] = {}
        self.action_reload()
        self.query_one("#roles", DataTable).focus()

    def on_resize(self) -> None:
        self.query_one("#preview-box").display = self.size.width >= PREVIEW_MIN_WIDTH

    def on_screen_resume(self) -> None:
        if self.roles:
            self._load_sessions()

    def action_reload(self) -> None:
        """Read the library and the sessions again."""
        found = roles.scan_library(self.app.roles_dir)
        self.roles = {role.id: role for role in found.roles}
        table = self.query_one("#roles", DataTable)
        table.clear()
        for role in found.roles:
            table.add_row(plain(role.title), str(len(role.essential)), str(len(role.desirable)),
                          plain(role.organisation or "-"), key=role.id)
        for problem in found.problems:
            self.notify(problem, title="Role file skipped", severity="warning", timeout=8)
        if found.roles:
            self._show(found.roles[0].id)
        self._load_sessions()

    def _load_sessions(self) -> None:
        summaries, problems = self.app.store.scan()
        table = self.query_one("#sessions", DataTable)
        table.clear()
        for s in summaries:
            who = s.candidate or s.reference or "(anonymous)"
            table.add_row(plain(who), plain(s.role_title), f"{s.answered}/{s.total}",
                          f"{s.updated.astimezone():%d %b %H:%M}", key=s.id)
        for problem in problems:
            self.notify(problem, title="Session skipped", severity="warning", timeout=8)

    @on(DataTable.RowHighlighted, "#roles")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show(event.row_key.value)

    def _show(self, role_id: str) -> None:
        self.query_one("#preview", Static).update(role_preview(self.roles[role_id]))

    def _highlighted_role(self) -> Role | None:
        table = self.query_one("#roles", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.roles.get(key)

    @on(DataTable.RowSelected, "#roles")
    def _role_selected(self) -> None:
        self.action_new_session()

    @on(DataTable.RowSelected, "#sessions")
    def _session_selected(self, event: DataTable.RowSelected) -> None:
        self.open_session(event.row_key.value)

    def action_new_session(self) -> None:
        role = self._highlighted_role()
        if role is None:
            return

        def start(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            try:
                session = self.app.store.create(role, candidate=answer[0] or None, reference=answer[1] or None)
            except BadInput as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self.open_session(session.id)

        self.app.push_screen(NewSessionDialog(role.title), start)

    def open_session(self, session_id: str) -> None:
        """Open a session in candidate mode; a damaged file is a message, not a crash."""
        from .candidate import CandidateScreen

        try:
            session = self.app.store.load(session_id)
        except BadInput as exc:
            self.notify(str(exc), title="Cannot open session", severity="error", timeout=10)
            return
        self.app.push_screen(CandidateScreen(session))

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_import_document(self) -> None:
        """Ask for a job document, extract it off the UI thread, then review it."""
        self.app.push_screen(TextPrompt("Job document to import (.txt, .md, .docx or .pdf)",
                                        placeholder="~/Downloads/person-specification.docx"), self._extract)

    def _extract(self, path: str | None) -> None:
        if path and path.strip():
            self.notify(f"Reading {path.strip()} ...", timeout=2)
            self._extract_worker(Path(path.strip()).expanduser())

    @work(thread=True, exclusive=True, group="import")
    def _extract_worker(self, path: Path) -> None:
        try:
            draft = RoleDraft.from_extraction(extract_file(path))
        except BadInput as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Cannot import", severity="error", timeout=10)
            return
        self.app.call_from_thread(self.app.push_screen, ReviewScreen(draft), self._reviewed)

    def _reviewed(self, saved: bool | None) -> None:
        if saved:
            self.action_reload()
