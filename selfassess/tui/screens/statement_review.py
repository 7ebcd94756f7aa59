"""Review the whole statement in order: what is missing or weak, totals against limits, and export it."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from ...export.render import render
from ...extract.result import slug
from ...models import Session
from ...safetext import plain
from ...statement import gaps, sections, total_counts
from ..dialogs.export_prompt import ask_and_save
from ..typed import AppScreen

FORMATS = {"txt": "Plain text", "md": "Markdown", "docx": "Word"}
STYLE = {"ok": "green", "near": "yellow", "over": "bold red", "none": ""}


def review_text(session: Session) -> Text:
    """The review: gaps first, then every criterion in order with its evidence and counts, then totals."""
    out = Text()
    found = gaps(session)
    severe = [g for g in found if g.severe]
    if severe:
        out.append(f"Likely to fail shortlisting ({len(severe)}):\n", style="bold red")
        for gap in severe:
            out.append(f"  {gap.criterion.id} ", style="bold")
            out.append_text(plain(gap.reason, "red"))
            out.append("\n")
    else:
        out.append("Every essential criterion has evidence rated at or above 'met'.\n", style="bold green")
    for gap in (g for g in found if not g.severe):
        out.append(f"  {gap.criterion.id} ", style="bold")
        out.append_text(plain(gap.reason, "yellow"))
        out.append("\n")
    for count in total_counts(session):
        out.append(f"Whole statement: {count.describe()}\n", style=STYLE[count.status] or "dim")
    for section in sections(session.role, session.evidence):
        c = section.criterion
        out.append("\n")
        out.append(f"{c.id} ({c.kind}) ", style="bold green" if c.kind == "essential" else "bold cyan")
        out.append_text(plain(c.text, "bold"))
        out.append("\n")
        if section.text.strip():
            out.append_text(plain(section.text))
        else:
            out.append("(no evidence yet)", style="red" if c.kind == "essential" else "yellow")
        out.append("\n")
        counts = " · ".join(count.describe() for count in section.counts)
        rating = session.evidence[c.id].self_rating if c.id in session.evidence else None
        out.append(f"{counts} · self-rating {rating if rating is not None else '-'}\n", style="dim")
    return out


class StatementReviewScreen(AppScreen[None]):
    """The statement as a panel will read it; export to text, Markdown or Word."""

    BINDINGS = [
        Binding("t", "export('txt')", "Export text", id="export-txt"),
        Binding("m", "export('md')", "Export Markdown", id="export-md"),
        Binding("w", "export('docx')", "Export Word", id="export-docx"),
        Binding("escape", "back", "Back", id="review-back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="statement-box"):
            yield Static(review_text(self.session), id="statement")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Review: {self.session.role.title}"
        self.query_one("#statement-box").focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self, fmt: str) -> None:
        name = FORMATS[fmt]
        default = Path.cwd() / f"{slug(self.session.role.title)}-statement.{fmt}"
        ask_and_save(
            self,
            f"Save the statement as {name} to",
            default,
            lambda chosen: render(self.session, "statement", chosen, False, []),
            tuple(FORMATS),
        )
