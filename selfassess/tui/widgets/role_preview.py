"""RolePreview: a role's criteria as readable text, beside the home screen's lists on wide terminals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...methods import method_codes
from ...safetext import plain

if TYPE_CHECKING:
    from ...models import Role


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


class RolePreview(VerticalScroll):
    """A scrolling preview of one role."""

    def compose(self) -> ComposeResult:
        yield Static(id="preview")

    def show(self, role: Role) -> None:
        """Show this role's criteria."""
        self.query_one("#preview", Static).update(role_preview(role))
