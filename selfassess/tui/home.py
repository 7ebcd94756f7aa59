"""Home screen: the role library with counts and a preview of the highlighted role's criteria."""

from __future__ import annotations

from rich.text import Text
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from .. import roles
from ..errors import BadInput
from ..extract import extract_file
from ..models import Role
from ..role_draft import RoleDraft
from ..safetext import plain
from .dialogs import TextPrompt
from .review import ReviewScreen

CODES = {"application": "A", "interview": "I", "test": "T", "presentation": "P",
         "document": "D", "reference": "R", "other": "O"}


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
    """Pick a role from the library."""

    BINDINGS = [
        Binding("i", "import_document", "Import job document", id="import"),
        Binding("r", "reload", "Reload roles", id="reload"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield DataTable(id="roles", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="preview-box"):
                yield Static(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#roles", DataTable)
        table.add_columns("Role", "E", "D", "Organisation")
        self.action_reload()
        table.focus()

    def action_reload(self) -> None:
        """Read the library again (after an import or an edit of a role file)."""
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

    @on(DataTable.RowHighlighted, "#roles")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show(event.row_key.value)

    def _show(self, role_id: str) -> None:
        self.query_one("#preview", Static).update(role_preview(self.roles[role_id]))

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
