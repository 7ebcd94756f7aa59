"""Help: the flow in a few lines, then every screen's keys, read from the screens' real bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from ..keys import KeyRow, binding_rows, screen_classes, screen_keys
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
    """One screen's keys as a Markdown table."""
    lines = [f"## {title}", "", "| key | does |", "| --- | --- |"]
    for row in rows:
        keys = " / ".join(f"`{k}`" for k in row.keys)
        lines.append(f"| {keys} | {row.description.replace('|', '/')} |")
    return "\n".join(lines)


def help_markdown(first: type | None = None) -> str:
    """The flow, then the keys of every screen (the screen help was opened from first)."""
    classes = screen_classes()
    if first in classes:
        classes.remove(first)
        classes.insert(0, first)
    from ..app import SelfAssessApp

    sections = [FLOW, key_table("Everywhere", binding_rows(SelfAssessApp.BINDINGS))]
    for cls in classes:
        sections.append(key_table(screen_title(cls), screen_keys(cls)))
    return "\n\n".join(sections)


def screen_title(cls: type) -> str:
    """A screen's name for people: the first line of its docstring."""
    doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0].rstrip(".")
    return doc


class HelpScreen(AppModal[None]):
    """The flow and the keys."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close help", id="help-close")]

    def __init__(self, opened_from: type | None = None) -> None:
        super().__init__()
        self.opened_from = opened_from

    def compose(self) -> ComposeResult:
        first = self.opened_from
        if first is None:
            below = [s for s in self.app.screen_stack if not isinstance(s, HelpScreen)]
            first = type(below[-1]) if below else None
        with VerticalScroll(classes="dialog", id="help-box"):
            yield Markdown(help_markdown(first))

    def action_close(self) -> None:
        self.dismiss(None)
