"""Help: the flow and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# selfassess: how it works

**1. Pick the job.** The home screen lists the role library. `n` (or Enter) on a role starts a new
session; Enter on a session resumes it. `i` imports a job document (.txt, .md, .docx, .pdf): check the
criteria found, correct them, and save them as a role.

**2. Work through every criterion, in the employer's order.** The rail on the left shows each
criterion's id, E (essential) or D (desirable), how it is assessed (A application, I interview,
T test, P presentation, D documents, R references) and its status: ○ empty, ◐ draft, ● done
(evidence and a self-rating).

Write one specific example per criterion. STAR helps: **Situation**, **Task**, **Action** (what *you*
did: "I", not "we"), **Result** (what changed, with a number), **Reflection**. The checks under the
editor explain what a panel will notice. Counts turn yellow near a limit and red over it.

Rate yourself honestly with `ctrl+r`: each level shows what it means. An essential criterion rated
below "met" is likely to fail shortlisting.

**3. Review and export.** `F2` shows the whole statement in order, what is missing or weak, and the
totals. Export it as plain text (ready to paste into a form, criterion by criterion), Markdown or Word.
An existing file is never overwritten without asking.

Your work is saved automatically about a second after you stop typing, and when you move to another
criterion, leave the screen or quit.

## Keys

| key | does |
| --- | --- |
| `ctrl+n` / `ctrl+b` | next / previous criterion |
| `ctrl+g` or `ctrl+p` | go to any criterion (command palette) |
| `ctrl+r` | self-rating on the role's scale |
| `ctrl+o` | evidence bank: insert an answer you wrote earlier, for any criterion or job |
| `ctrl+t` | STAR guide (and a STAR template in an empty answer) |
| `ctrl+s` | save now |
| `F2` | review and export the statement |
| `Escape` | back (saves first) |
| `ctrl+q` | quit (saves first) |
"""


class HelpScreen(ModalScreen[None]):
    """The flow and the keys."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help-close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-box"):
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
