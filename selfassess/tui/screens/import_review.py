"""Import-and-review: correct an extracted role (text, kind, category, order, delete, add) before saving it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ... import roles
from ...errors import BadInput
from ...methods import method_codes
from ...role_draft import RoleDraft
from ...safetext import plain
from ..dialogs.common import Confirm, EditText, TextPrompt
from ..typed import AppScreen


def _cut(text: str, width: int) -> str:
    """Shorten text to a column width, marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


class ReviewScreen(AppScreen[bool]):
    """Review the criteria found in a document; dismisses True when the role was saved."""

    BINDINGS = [
        Binding("e,enter", "edit_text", "Edit text", id="review-edit"),
        Binding("k", "toggle_kind", "Essential/desirable", id="review-kind"),
        Binding("c", "edit_category", "Category", id="review-category"),
        Binding("shift+up", "move(-1)", "Move up", id="review-up"),
        Binding("shift+down", "move(1)", "Move down", id="review-down"),
        Binding("x,delete", "delete", "Delete", id="review-delete"),
        Binding("a", "add", "Add", id="review-add"),
        Binding("s", "save", "Save role", id="review-save"),
        Binding("escape", "leave", "Back", id="review-back"),
    ]

    def __init__(self, draft: RoleDraft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-title")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("!", "id", "kind", "category", "criterion", "how")
        self._refresh(0)
        table.focus()

    def _refresh(self, row: int) -> None:
        d = self.draft
        uncertain = sum(c.uncertain for c in d.criteria)
        heading = plain(f"{d.title}" + (f" — {d.organisation}" if d.organisation else ""), "bold")
        heading.append(
            f"\n{len(d.criteria)} criteria from {d.source or 'the document'}; "
            f"{uncertain} marked ! need a look. Nothing is saved until you press s.",
            style="dim",
        )
        self.query_one("#review-title", Static).update(heading)
        table = self.query_one(DataTable)
        table.clear()
        for c in d.criteria:
            table.add_row(
                "!" if c.uncertain else "",
                c.id,
                c.kind,
                plain(_cut(c.category or "-", 26)),
                plain(_cut(c.text, max(30, self.size.width - 60))),
                method_codes(c.assessed_by) or "-",
            )
        if d.criteria:
            table.move_cursor(row=max(0, min(row, len(d.criteria) - 1)))

    @property
    def _row(self) -> int:
        return self.query_one(DataTable).cursor_row

    def _apply(self, change, row: int | None = None) -> None:
        try:
            result = change()
        except BadInput as exc:
            self.notify(str(exc), severity="error")
            return
        self._refresh(result if row is None and isinstance(result, int) else (self._row if row is None else row))

    def action_edit_text(self) -> None:
        if not self.draft.criteria:
            return
        row = self._row

        def done(text: str | None) -> None:
            if text is not None:
                self._apply(lambda: self.draft.set_text(row, text), row)

        self.app.push_screen(EditText(f"Text of {self.draft.criteria[row].id}", self.draft.criteria[row].text), done)

    def action_toggle_kind(self) -> None:
        if self.draft.criteria:
            row = self._row
            self._apply(lambda: self.draft.toggle_kind(row), row)

    def action_edit_category(self) -> None:
        if not self.draft.criteria:
            return
        row = self._row

        def done(text: str | None) -> None:
            if text is not None:
                self._apply(lambda: self.draft.set_category(row, text), row)

        self.app.push_screen(TextPrompt("Category (empty for none)", self.draft.criteria[row].category or ""), done)

    def action_move(self, delta: int) -> None:
        if self.draft.criteria:
            row = self._row
            self._apply(lambda: self.draft.move(row, delta))

    def action_delete(self) -> None:
        if self.draft.criteria:
            row = self._row
            self._apply(lambda: self.draft.delete(row), row)

    def action_add(self) -> None:
        row = self._row if self.draft.criteria else -1

        def done(text: str | None) -> None:
            if text:
                self._apply(lambda: self.draft.add(row, text))

        self.app.push_screen(TextPrompt("New criterion (added below the cursor; k makes it desirable)"), done)

    def action_save(self) -> None:
        def with_id(role_id: str | None) -> None:
            if role_id is None:
                return
            try:
                role = self.draft.to_role(role_id.strip() or None)
                path = roles.write_role(role, self.app.roles_dir)
            except BadInput as exc:
                if "already exists" not in str(exc):
                    self.notify(str(exc), severity="error", timeout=8)
                    return
                self.app.push_screen(
                    Confirm(f"Role {role_id!r} already exists. Replace it?"),
                    lambda yes: self._save(role, force=True) if yes else None,
                )
                return
            self._saved(path)

        from ...extract.result import slug

        self.app.push_screen(
            TextPrompt("Save as role id (lower case, digits, hyphens)", slug(self.draft.title)), with_id
        )

    def _save(self, role, force: bool) -> None:
        try:
            path = roles.write_role(role, self.app.roles_dir, force=force)
        except BadInput as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        self._saved(path)

    def _saved(self, path) -> None:
        self.notify(f"Saved {path}", title="Role imported")
        self.dismiss(True)

    def action_leave(self) -> None:
        def chosen(yes: bool | None) -> None:
            if yes:
                self.dismiss(False)

        self.app.push_screen(Confirm("Leave without saving this role?"), chosen)
