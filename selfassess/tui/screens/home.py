"""Home screen: the role library with counts, sessions to resume, import, and a preview of the role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer

from ...errors import BadInput
from ...role_index import QuickRole, quick_roles
from ..role_commands import RoleCommands
from ..typed import AppScreen
from ..widgets.fitted_footer import FittedFooterKeys
from ..widgets.phrases import Phrases
from ..widgets.role_preview import RolePreview
from ..widgets.role_table import RoleTable
from ..widgets.session_table import SessionTable

if TYPE_CHECKING:
    from ...models import Role

PREVIEW_MIN_WIDTH = 110


class HomeScreen(FittedFooterKeys, AppScreen[None]):
    """Pick a role and start a session, or resume one."""

    HELP_TITLE = "Home: roles and sessions"
    HELP_WIDGETS = (RoleTable, SessionTable)  # their keys act while they have focus
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
    FOOTER_EXTRAS = ("rename", "merit", "panel-new", "new-role", "reload", "panel-setup")  # where the width allows

    def compose(self) -> ComposeResult:
        with Vertical(id="home-left"):
            yield Phrases(
                "Roles: Enter starts a session", "b for a panel", "o merit order", "i import", classes="section"
            )
            yield RoleTable(id="roles")
            yield Phrases("Sessions, latest first: Enter resumes", "p panel", "e rename", "d delete", classes="section")
            yield SessionTable(id="sessions")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.roles: dict[str, Role] = {}
        self.action_reload()
        self.query_one(RoleTable).focus()

    @property
    def listed(self) -> dict[str, QuickRole]:
        """The roles listed now (read quickly; validated in the background)."""
        return self.query_one(RoleTable).listed

    def on_resize(self) -> None:
        """More keys in the footer as the width allows; the criteria preview beside the lists on wide terminals
        only (mounted on first need)."""
        self.fit_footer()
        wide = self.size.width >= PREVIEW_MIN_WIDTH
        self.set_class(wide, "-wide")
        boxes = self.query(RolePreview)
        if wide and not boxes:
            self.mount(RolePreview(id="preview-box"), after="#home-left")
            role = self._highlighted_role() if self.roles else None
            if role is not None:
                self.call_after_refresh(self._show, role.id)
        elif boxes:
            boxes.first().display = wide

    def on_screen_resume(self) -> None:
        if self.roles:
            self.load_sessions()
        sessions = self.query_one(SessionTable)  # back from a session: its list takes the keys
        (sessions if sessions.row_count else self.query_one(RoleTable)).focus()

    def action_reload(self) -> None:
        """List the library and the sessions now; validate every role file just after drawing."""
        self.query_one(RoleTable).show({r.id: r for r in quick_roles(self.app.roles_dir)})
        self.load_sessions()
        self.call_after_refresh(self._validate_library)

    @work(thread=True, exclusive=True, group="library")
    def _validate_library(self) -> None:
        from ... import roles

        found = roles.scan_library(self.app.roles_dir)
        self.app.call_from_thread(self._library_checked, found)

    def _library_checked(self, found) -> None:
        self.roles = {role.id: role for role in found.roles}
        if any(rid not in self.roles for rid in self.listed):  # a file listed quickly failed full validation
            self.query_one(RoleTable).show({rid: r for rid, r in self.listed.items() if rid in self.roles})
        for problem in found.problems:
            self.notify(problem, title="Role file skipped", severity="warning", timeout=8)
        role = self._highlighted_role()
        if role is not None:
            self._show(role.id)

    def load_sessions(self) -> None:
        """List the sessions again (after a change); a file that cannot be read is a warning."""
        for problem in self.query_one(SessionTable).load(self.app.sessions_dir):
            self.notify(problem, title="Session skipped", severity="warning", timeout=8)

    @on(DataTable.RowHighlighted, "#roles")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show(event.row_key.value)

    def _show(self, role_id: str) -> None:
        previews = self.query(RolePreview)
        if role_id in self.roles and previews:
            previews.first().show(self.roles[role_id])

    def _highlighted_role(self) -> Role | None:
        """The highlighted role, validated (loading it now if the library check has not finished)."""
        key = self.query_one(RoleTable).highlighted_id()
        if key is not None and key not in self.roles and key in self.listed:
            from ... import roles

            try:
                self.roles[key] = roles.check_file(self.listed[key].path)
            except BadInput as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return None
        return self.roles.get(key) if key is not None else None

    @on(DataTable.RowSelected, "#roles")
    def _role_selected(self) -> None:
        self.action_new_session()

    @on(SessionTable.Open)
    def _session_chosen(self, event: SessionTable.Open) -> None:
        """Enter: a session with a panel opens in panel mode (read only), any other in candidate mode."""
        if event.panel:
            self.start_panel(event.session_id)
        else:
            self.open_session(event.session_id)

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
            self.load_sessions()
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
            self.query_one(RoleTable).go_to(role_id)

    # --- panel mode ---------------------------------------------------------------------
    def highlighted_session_id(self) -> str | None:
        return self.query_one(SessionTable).highlighted_id()

    def action_panel(self, setup: bool = False) -> None:
        """Score the highlighted session as a panel (shift+p changes the panel first: stage, people, scale)."""
        session_id = self.highlighted_session_id()
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
        if role is not None:
            from .campaign_entry import open_campaign

            open_campaign(self, role)

    # --- candidate: delete (recoverable) and rename ----------------------------------------
    def action_delete(self) -> None:
        """Delete the highlighted session, or imported role, after asking; it can be restored."""
        from ..dialogs.candidate_admin import delete_highlighted

        delete_highlighted(self)

    def action_rename(self) -> None:
        """Change the candidate name and reference of the highlighted session."""
        from ..dialogs.candidate_admin import rename_highlighted

        rename_highlighted(self)
