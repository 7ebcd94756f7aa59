"""Help: the flow in a few lines, then the keys of the screen in front, read from its real bindings."""

from __future__ import annotations

from collections.abc import Iterable

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..keys import KeyRow, binding_rows, mounted_widgets, screen_sections
from ..typed import AppModal

FLOW = """\
# selfassess: how it works

**Candidates.** Pick the job on the home screen (or import its person specification), then work through
every criterion in the employer's order. Write one specific example per criterion. STAR helps:
**Situation**, **Task**, **Action** (what *you* did: "I", not "we"), **Result** (what changed, with a
number), **Reflection**. The checks under the editor explain what a panel will notice; counts turn yellow
near a limit and red over it. Rate yourself honestly: an essential criterion rated below "met" is likely to
fail shortlisting. Review and export the statement when it is done. Your work is saved automatically a
second after you stop typing, when you move to another criterion, and when you leave or quit.

**Panels.** Each panellist scores independently on the role's anchored scale; submitting locks the scores.
Moderation compares submitted scores, the panel agrees a consensus with a reason, the essential-criteria
gate applies, and the chair records the decision. Everything goes to the audit trail.
"""


def key_table(title: str, rows: list[KeyRow]) -> str:
    """One section's keys as a Markdown table."""
    lines = [f"## {title}", "", "| key | does |", "| --- | --- |"]
    for row in rows:
        keys = " / ".join(f"`{k}`" for k in row.keys)
        lines.append(f"| {keys} | {row.description.replace('|', '/')} |")
    return "\n".join(lines)


def help_markdown(screen: type, present: Iterable[type] = ()) -> str:
    """The flow, the keys of ``screen`` and of the widgets on it (``present``: those mounted now), then the
    keys that work everywhere. Reads only classes already loaded: no other screen is imported."""
    from ..app import SelfAssessApp

    sections = [FLOW]
    sections += [key_table(s.title, s.rows) for s in screen_sections(screen, present)]
    sections.append(key_table("Everywhere", binding_rows(SelfAssessApp.BINDINGS)))
    return "\n\n".join(sections)


class HelpScreen(AppModal[None]):
    """The flow and the keys of the screen help was opened from."""

    HELP_TITLE = "Help"

    BINDINGS = [Binding("escape,f1,q", "close", "Close help", id="help-close")]

    def __init__(self, opened_from: Screen | None = None) -> None:
        super().__init__()
        self.opened_from = opened_from
        self.source = ""  # the Markdown shown, once composed

    def compose(self) -> ComposeResult:
        screen = self.opened_from
        if screen is None:
            below = [s for s in self.app.screen_stack if not isinstance(s, HelpScreen)]
            screen = below[-1]
        self.source = help_markdown(type(screen), mounted_widgets(screen))
        with VerticalScroll(classes="dialog", id="help-box"):
            # Rich draws the Markdown in one widget: about half the time of Textual's Markdown widget tree
            yield Static(RichMarkdown(self.source), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
