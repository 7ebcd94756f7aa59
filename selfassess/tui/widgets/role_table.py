"""RoleTable: the role library on the home screen, one row a role (title, E and D counts, organisation).

Rows are keyed by role id; two roles with one title show their ids so they can be told apart.
Listing reads role files quickly (role_index); the screen validates them after drawing.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.binding import Binding

from ...role_index import QuickRole
from ...safetext import plain
from .fit_table import FitTable


class RoleTable(FitTable):
    """The roles of the library, keyed by id; the cursor row survives a refill."""

    HELP_TITLE = "Roles list"
    BINDINGS = [Binding("enter", "select_cursor", "Start a session on the role", id="roles-start", show=False)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(("Role", "E", "D", "Organisation"), {0, 3}, id=id)
        self.listed: dict[str, QuickRole] = {}

    def show(self, listed: dict[str, QuickRole]) -> None:
        """List these roles (in this order), keeping the cursor on the same row number."""
        self.listed = listed
        titles = Counter(r.title.casefold() for r in listed.values())
        rows: list[tuple[list[str | Text], str]] = []
        for role_id, r in listed.items():
            title = plain(r.title)
            if titles[r.title.casefold()] > 1:  # one title, several roles: tell them apart by id
                title.append(f" ({role_id})", style="dim")
            rows.append(([title, str(r.essential), str(r.desirable), plain(r.organisation or "-")], role_id))
        self.fill(rows)

    def highlighted_id(self) -> str | None:
        """The id of the role under the cursor, or None on an empty library."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def go_to(self, role_id: str) -> None:
        """Put the cursor on a role, if it is listed."""
        if role_id in self.listed:
            self.move_cursor(row=self.get_row_index(role_id))
