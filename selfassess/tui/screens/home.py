"""Home screen: the role library with counts, sessions to resume, import, and a preview of the role."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Static

from ...errors import BadInput
from ...methods import method_codes
from ...role_index import QuickRole, quick_roles
from ...safetext import plain
from ...session_files import quick_sessions
from ..role_commands import RoleCommands
from ..typed import AppScreen

if TYPE_CHECKING:
    from ...models import Role

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
            out.append(f"  [{method_codes(c.assessed_by)}]", style="dim")
        out.append("\n")
    return out


class HomeScreen(AppScreen[None]):
    """Pick a role and start a session, or resume one."""

    COMMANDS = AppScreen.COMMANDS | {RoleCommands}
    BINDINGS = [
        Binding("n", "new_session", "New session", id="new"),
        Binding("p", "panel", "Panel mode", id="panel"),
        Binding("P", "panel(True)", "Panel set-up", id="panel-setup", show=False),
        Binding("b", "panel_new", "Panel: new candidate", id="panel-new", show=False),
        Binding("o", "merit", "Merit order", id="merit", show=False),
        Binding("f", "campaign", "Fair campaign", id="campaign"),
        Binding("i", "import_document", "Import", id="import"),
        Binding("N", "new_role", "New role", id="new-role", show=False),
        Binding("r", "reload", "Reload", id="reload", show=False),
        Binding("d", "delete", "Delete", id="delete"),
        Binding("e", "rename", "Rename", id="rename", show=False),
        Binding("f1", "help", "Help", id="home-help"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="home-left"):
            yield Static("Roles: Enter starts a session · b for a panel · o merit order · i import", classes="section")
            yield DataTable(id="roles", cursor_type="row", zebra_stripes=True)
            yield Static("Sessions, latest first: Enter resumes · p panel · e rename · d delete", classes="section")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#roles", DataTable).add_columns("Role", "E", "D", "Organisation")
        self.query_one("#sessions", DataTable).add_columns("Candidate", "Role", "Done", "Last change")
        self.roles: dict[str, Role] = {}
        self.listed: dict[str, QuickRole] = {}
        self.action_reload()
        self.query_one("#roles", DataTable).focus()

    def on_resize(self) -> None:
        """The criteria preview appears beside the lists on wide terminals only (mounted on first need)."""
        wide = self.size.width >= PREVIEW_MIN_WIDTH
        boxes = self.query("#preview-box")
        if wide and not boxes:
            self.mount(VerticalScroll(Static(id="preview"), id="preview-box"), after="#home-left")
            role = self._highlighted_role() if self.roles else None
            if role is not None:
                self.call_after_refresh(self._show, role.id)
        elif boxes:
            boxes.first().display = wide

    def on_screen_resume(self) -> None:
        if self.roles:
            self._load_sessions()
        sessions = self.query_one("#sessions", DataTable)  # back from a session: its list takes the keys
        (sessions if sessions.row_count else self.query_one("#roles", DataTable)).focus()

    def action_reload(self) -> None:
        """List the library and the sessions now; validate every role file just after drawing."""
        self.listed = {r.id: r for r in quick_roles(self.app.roles_dir)}
        self._fill_roles(list(self.listed))
        self._load_sessions()
        self.call_after_refresh(self._validate_library)

    def _fill_roles(self, ids: list[str]) -> None:
        table = self.query_one("#roles", DataTable)
        row = table.cursor_row
        table.clear()
        titles = Counter(self.listed[role_id].title.casefold() for role_id in ids)
        for role_id in ids:
            r = self.listed[role_id]
            title = plain(r.title)
            if titles[r.title.casefold()] > 1:  # one title, several roles: tell them apart by id
                title.append(f" ({role_id})", style="dim")
            table.add_row(title, str(r.essential), str(r.desirable), plain(r.organisation or "-"), key=role_id)
        if ids:
            table.move_cursor(row=min(row, len(ids) - 1))

    @work(thread=True, exclusive=True, group="library")
    def _validate_library(self) -> None:
        from ... import roles

        found = roles.scan_library(self.app.roles_dir)
        self.app.call_from_thread(self._library_checked, found)

    def _library_checked(self, found) -> None:
        self.roles = {role.id: role for role in found.roles}
        valid = {rid: r for rid, r in self.listed.items() if rid in self.roles}
        if len(valid) != len(self.listed):  # a file listed quickly failed full validation
            self.listed = valid
            self._fill_roles(list(valid))
        for problem in found.problems:
            self.notify(problem, title="Role file skipped", severity="warning", timeout=8)
        role = self._highlighted_role()
        if role is not None:
            self._show(role.id)

    def _load_sessions(self) -> None:
        summaries, problems = quick_sessions(self.app.sessions_dir)
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self.panel_sessions = {s.id for s in summaries if s.panel}
        for s in summaries:
            # a blind panel's candidate is listed by reference only, at every terminal
            who = f"ref {s.reference or s.id}" if s.blind else (s.candidate or s.reference or "(anonymous)")
            table.add_row(
                plain(who),
                plain(s.role_title),
                "panel" if s.panel else f"{s.done}/{s.total}",
                f"{s.updated.astimezone():%d %b %H:%M}",
                key=s.id,
            )
        for problem in problems:
            self.notify(problem, title="Session skipped", severity="warning", timeout=8)

    @on(DataTable.RowHighlighted, "#roles")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show(event.row_key.value)

    def _show(self, role_id: str) -> None:
        previews = self.query("#preview")
        if role_id in self.roles and previews:
            previews.first(Static).update(role_preview(self.roles[role_id]))

    def _highlighted_role(self) -> Role | None:
        """The highlighted role, validated (loading it now if the library check has not finished)."""
        table = self.query_one("#roles", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is None:
            return None
        if key not in self.roles and key in self.listed:
            from ... import roles

            try:
                self.roles[key] = roles.check_file(self.listed[key].path)
            except BadInput as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return None
        return self.roles.get(key)

    @on(DataTable.RowSelected, "#roles")
    def _role_selected(self) -> None:
        self.action_new_session()

    @on(DataTable.RowSelected, "#sessions")
    def _session_selected(self, event: DataTable.RowSelected) -> None:
        """Enter: a session with a panel opens in panel mode (read only), any other in candidate mode."""
        session_id = event.row_key.value
        if session_id is None:
            return
        if session_id in self.panel_sessions:
            self.start_panel(session_id)
        else:
            self.open_session(session_id)

    def _ask_new_session(self, opened, actor: str) -> None:
        """Ask name and reference for the highlighted role, create the session, then ``opened(session_id)``."""
        role = self._highlighted_role()
        if role is None:
            return
        from ..dialogs.common import NewSessionDialog

        def start(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            try:
                session = self.app.store.create(
                    role, candidate=answer[0] or None, reference=answer[1] or None, actor=actor
                )
            except BadInput as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self._load_sessions()
            opened(session.id)

        self.app.push_screen(NewSessionDialog(role.title), start)

    def action_new_session(self) -> None:
        """Start a candidate session on the highlighted role (on an empty library: make a new role)."""
        if not self.listed:
            self.action_new_role()
            return
        self._ask_new_session(self.open_session, actor="candidate")

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
        """A job document's path or pasted text, read off the UI thread, then reviewed."""
        from ..dialogs.role_import import ImportDialog

        self.app.push_screen(ImportDialog(), self._review)

    def action_new_role(self) -> None:
        """A role from scratch, in the same editor as an import."""
        from ...role_draft import RoleDraft

        self._review(RoleDraft(title="New role"))

    def _review(self, draft) -> None:
        from .import_review import ReviewScreen

        if draft is not None:
            self.app.push_screen(ReviewScreen(draft), self._reviewed)

    def _reviewed(self, role_id: str | None) -> None:
        """After a save: list the library again with the new role highlighted."""
        if role_id:
            self.action_reload()
            table = self.query_one("#roles", DataTable)
            if role_id in self.listed:
                table.move_cursor(row=table.get_row_index(role_id))

    # --- panel mode ---------------------------------------------------------------------
    def _highlighted_session_id(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_panel(self, setup: bool = False) -> None:
        """Score the highlighted session as a panel (shift+p changes the panel first: stage, people, scale)."""
        session_id = self._highlighted_session_id()
        if session_id is None:
            self.notify("No session to score: b starts one for a candidate who applied another way.")
            return
        self.start_panel(session_id, setup=setup)

    def action_panel_new(self) -> None:
        """A session for a candidate who applied some other way (no statement), scored by a panel."""
        self._ask_new_session(self.start_panel, actor="panel")

    def start_panel(self, session_id: str, setup: bool = False) -> None:
        """Open a session in panel mode (read only), setting up the panel first if needed (see panel_entry)."""
        from .panel_entry import PanelEntry

        PanelEntry(self).start(session_id, setup)

    def action_merit(self) -> None:
        role = self._highlighted_role()
        if role is not None:
            from .merit import MeritOrderScreen

            self.app.push_screen(MeritOrderScreen(role))

    def action_campaign(self) -> None:
        """The highlighted role's fair campaign (question plan, shortlisting, calibration, reserve list)."""
        role = self._highlighted_role()
        if role is None:
            return
        from ..dialogs.common import TextPrompt
        from .campaign import CampaignScreen

        def opened(name: str | None) -> None:
            if name and name.strip():
                self.app.push_screen(CampaignScreen(role, name.strip()))

        self.app.push_screen(TextPrompt("Who is working on this campaign? (your name as on the panel)"), opened)

    # --- candidate: delete (recoverable) and rename ----------------------------------------
    def action_delete(self) -> None:
        """Delete the highlighted session, or imported role, after asking; it can be restored."""
        from ..dialogs.candidate_admin import delete_highlighted

        delete_highlighted(self)

    def action_rename(self) -> None:
        """Change the candidate name and reference of the highlighted session."""
        from ..dialogs.candidate_admin import rename_highlighted

        rename_highlighted(self)
