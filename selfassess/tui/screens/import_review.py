"""Import-and-review: the source text beside the criteria found; correct, build and save the role."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static

from ... import roles
from ...errors import BadInput
from ...extract.result import slug
from ...methods import method_codes
from ...role_draft import RoleDraft
from ...safetext import plain
from ...source_lines import parse_methods, suggest_split
from ..dialogs.common import Confirm, EditText, TextPrompt
from ..typed import AppScreen
from ..widgets.quiet_footer import QuietFooter
from ..widgets.review_lists import CriteriaList, SourceList

if TYPE_CHECKING:
    from ...models import Role

NARROW = 110
EMPTY_FOUND = (
    "No criteria found yet. Build the role from the text: pick a line in the source and press t "
    "(space marks the start of a range first), or press a to type a criterion."
)
SOURCE_ACTIONS = {"from_lines", "mark"}
CRITERIA_ACTIONS = {"edit_text", "toggle_kind", "edit_category", "edit_methods", "split", "join", "move", "delete"}
EMPTY_NEW = "A new role: press a to type its first criterion; s saves it when you are done."


class ReviewScreen(AppScreen[str | None]):
    """Review a role before saving it; dismisses with the saved role's id (None when left unsaved)."""

    HELP_TITLE = "Reviewing an imported role"
    HELP_WIDGETS = (SourceList, CriteriaList)  # their keys act while they have focus

    BINDINGS = [
        Binding("s", "save", "Save role", id="review-save"),
        Binding("t", "from_lines", "To criterion", id="review-from-lines"),
        Binding("space", "mark", "Mark range", id="review-mark"),
        Binding("e", "edit_text", "Edit", id="review-edit"),
        Binding("k", "toggle_kind", "E/D", id="review-kind"),
        Binding("c", "edit_category", "Category", id="review-category"),
        Binding("m", "edit_methods", "How assessed", id="review-methods"),
        Binding("slash", "split", "Split", id="review-split", key_display="/"),
        Binding("j", "join", "Join next", id="review-join"),
        Binding("shift+up", "move(-1)", "Move up", id="review-up", show=False),
        Binding("shift+down", "move(1)", "Move down", id="review-down", show=False),
        Binding("x,delete", "delete", "Delete", id="review-delete", show=False),
        Binding("a", "add", "Add", id="review-add"),
        Binding("escape", "leave", "Back", id="review-back"),
    ]

    def __init__(self, draft: RoleDraft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        with Horizontal(id="review-body"):
            with Vertical(id="source-pane"):
                yield Label("Source: t makes the line a criterion; space marks a range", classes="section")
                yield SourceList(self.draft.source_lines, id="source")
            with Vertical(id="criteria-pane"):
                yield Label(
                    "Criteria: e edit  k E/D  c category  m how assessed  / split  j join next  "
                    "shift+↑↓ move  x delete  a add",
                    classes="section",
                    id="criteria-help",
                )
                yield Static(id="criteria-empty", classes="hint")
                yield CriteriaList(id="criteria")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#source-pane").display = bool(self.draft.source_lines)
        self._refresh(0)
        use_source = self.draft.source_lines and not self.draft.criteria
        (self.query_one(SourceList) if use_source else self.query_one(CriteriaList)).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Source keys work in the source list, criterion keys in the criteria list."""
        if action in SOURCE_ACTIONS:
            return isinstance(self.focused, SourceList)
        if action in CRITERIA_ACTIONS:
            return isinstance(self.focused, CriteriaList)
        return True

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "narrow")

    def _refresh(self, row: int) -> None:
        d = self.draft
        uncertain = sum(c.uncertain for c in d.criteria)
        heading = plain((d.title or "Untitled role") + (f" — {d.organisation}" if d.organisation else ""), "bold")
        origin = f"from {d.source}" if d.source else "typed by you"
        found = f"{len(d.criteria)} {'criterion' if len(d.criteria) == 1 else 'criteria'}"
        heading.append(
            f"\n{found} {origin}, {uncertain} marked ! to check. Nothing is saved until s.",
            style="dim",
        )
        self.query_one("#review-title", Static).update(heading)
        empty = self.query_one("#criteria-empty", Static)
        empty.update(EMPTY_FOUND if d.source_lines else EMPTY_NEW)
        empty.display = not d.criteria
        self.query_one(CriteriaList).show(d.criteria, row)
        if d.source_lines:
            self.query_one(SourceList).show(d.used_lines())

    @on(OptionList.OptionHighlighted, "#criteria")
    def _show_source_of(self, event: OptionList.OptionHighlighted) -> None:
        """Moving through the criteria moves the source to the lines each came from."""
        span = self.draft.criteria[event.option_index].span if event.option_index < len(self.draft.criteria) else None
        source = self.query_one(SourceList)
        if span is not None and source.range_start is None:
            source.highlighted = span[0]

    # --- editing ----------------------------------------------------------------------------
    @property
    def _row(self) -> int | None:
        """The highlighted criterion's index, or None when there are none."""
        return self.query_one(CriteriaList).highlighted if self.draft.criteria else None

    def _apply(self, change: Callable[[], object], row: int | None = None) -> bool:
        try:
            result = change()
        except BadInput as exc:
            self.notify(str(exc), severity="error", timeout=8, markup=False)
            return False
        if row is None:
            row = result if isinstance(result, int) else (self._row or 0)
        self._refresh(row)
        return True

    def _ask(self, dialog, then: Callable[[str], object], row: int) -> None:
        """Open a dialog; an answer that fails shows why and opens it again with what was typed."""

        def done(value: str | None) -> None:
            if value is not None and not self._apply(lambda: then(value), row):
                self.app.push_screen(type(dialog)(dialog.question, value), done)

        self.app.push_screen(dialog, done)

    def action_edit_text(self) -> None:
        if (row := self._row) is not None:
            c = self.draft.criteria[row]
            self._ask(EditText(f"Text of {c.id}", c.text), lambda v: self.draft.set_text(row, v), row)

    @on(OptionList.OptionSelected, "#criteria")
    def _selected(self) -> None:
        self.action_edit_text()

    def action_toggle_kind(self) -> None:
        if (row := self._row) is not None:
            self._apply(lambda: self.draft.toggle_kind(row), row)

    def action_edit_category(self) -> None:
        if (row := self._row) is not None:
            prompt = TextPrompt("Category (empty for none)", self.draft.criteria[row].category or "")
            self._ask(prompt, lambda v: self.draft.set_category(row, v), row)

    def action_edit_methods(self) -> None:
        if (row := self._row) is not None:
            current = method_codes(list[str](self.draft.criteria[row].assessed_by), ", ")
            prompt = TextPrompt(
                "How assessed: codes A I T P D R O or words (e.g. A, I)",
                current,
            )
            self._ask(prompt, lambda v: self.draft.set_methods(row, parse_methods(v)), row)

    def action_split(self) -> None:
        if (row := self._row) is not None:
            c = self.draft.criteria[row]
            editor = EditText(f"Split {c.id}: one criterion per line", "\n".join(suggest_split(c.text)))
            self._ask(editor, lambda v: self.draft.split(row, v.splitlines()), row)

    def action_join(self) -> None:
        if (row := self._row) is not None:
            self._apply(lambda: self.draft.join(row), row)

    def action_move(self, delta: int) -> None:
        if (row := self._row) is not None:
            self._apply(lambda: self.draft.move(row, delta))

    def action_delete(self) -> None:
        if (row := self._row) is not None:
            self._apply(lambda: self.draft.delete(row), row)

    def action_add(self) -> None:
        row = self._row if self._row is not None else -1

        def add(text: str) -> int:
            index = self.draft.add(row, text)
            self.query_one(CriteriaList).focus()
            return index

        self._ask(TextPrompt("New criterion (added below the cursor; k makes it desirable)"), add, row + 1)

    # --- source lines -----------------------------------------------------------------------
    def action_mark(self) -> None:
        self.query_one(SourceList).toggle_mark()

    def action_from_lines(self) -> None:
        source = self.query_one(SourceList)
        selected = source.selection()
        if selected is None:
            return
        first, last = selected
        if self._apply(lambda: self.draft.add_from_lines(first, last)):
            source.range_start = None
            source.redraw()
            c = self.draft.criteria[self._row or 0]
            self.notify(f"{c.id} added from line {first + 1}" + (f"-{last + 1}" if last > first else ""))

    @on(SourceList.Selected)
    def _line_selected(self) -> None:
        self.action_from_lines()

    # --- saving -----------------------------------------------------------------------------
    def action_save(self, values: dict[str, str] | None = None, focus: str = "title") -> None:
        from ..dialogs.role_import import SaveRoleDialog

        d = self.draft
        values = values or {
            "title": d.title,
            "organisation": d.organisation or "",
            "id": slug(d.title) if d.title else "",
        }
        self.app.push_screen(SaveRoleDialog(values, focus), self._save_as)

    def _save_as(self, values: dict[str, str] | None) -> None:
        if values is None:
            return
        try:
            role = self.draft.to_role(
                values["id"].strip() or None, title=values["title"], organisation=values["organisation"]
            )
        except BadInput as exc:
            self._not_saved(str(exc), values)
            return
        self._write(role, values, force=False)

    def _not_saved(self, problem: str, values: dict[str, str]) -> None:
        """Say why, then open the save dialog again with what was typed."""
        self.notify(problem, title="Not saved: correct it", severity="error", timeout=10, markup=False)
        field = problem.split(":", 1)[0]
        self.action_save(values, field if field in ("title", "organisation") else "id")

    def _write(self, role: Role, values: dict[str, str], force: bool) -> None:
        try:
            path = roles.write_role(role, self.app.roles_dir, force=force)
        except BadInput as exc:
            if force or "already exists" not in str(exc):
                self._not_saved(str(exc), values)
                return
            self.app.push_screen(
                Confirm(f"Role {role.id!r} already exists. Replace it?"),
                lambda yes: self._write(role, values, force=True) if yes else self.action_save(values),
            )
            return
        self.draft.title, self.draft.organisation = role.title, role.organisation
        self.notify(f"Saved {path}", title="Role saved", markup=False)
        self.dismiss(role.id)

    def action_leave(self) -> None:
        if self.query_one(SourceList).range_start is not None:
            self.action_mark()
            return

        def leave(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(Confirm("Leave without saving this role?"), leave)
