"""Review the whole statement in order: what is missing or weak (Enter opens it), totals, and export it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...export.render import render
from ...extract.result import slug
from ...form_copy import statement_over_limit
from ...models import Session
from ...safetext import plain
from ...statement import gaps, sections, status_of, total_counts
from ..dialogs.export_prompt import ask_and_save, export_folder
from ..typed import AppScreen
from ..widgets.gap_list import GapList

FORMATS = {"txt": "plain text", "md": "Markdown", "docx": "Word"}
STYLE = {"ok": "green", "near": "yellow", "over": "bold red", "none": ""}


def answered_only(session: Session) -> Session:
    """The session with unanswered criteria left out (for an export that should not list them)."""
    kept = [c for c in session.role.criteria if status_of(session.evidence.get(c.id)) != "empty"]
    return session.model_copy(
        update={"role": session.role.model_copy(update={"criteria": kept or session.role.criteria})}
    )


def review_text(session: Session) -> Text:
    """Totals, then every criterion in order with its evidence and counts."""
    out = Text()
    out.append("Whole statement: ", style="dim")
    for n, count in enumerate(total_counts(session)):
        out.append(" · " if n else "", style="dim")
        out.append(count.describe(), style=STYLE[count.status] or "dim")
    out.append("\n")
    for section in sections(session.role, session.evidence):
        c = section.criterion
        out.append("\n")
        out.append(f"{c.id} ({c.kind}) ", style="bold green" if c.kind == "essential" else "bold cyan")
        out.append_text(plain(c.text, "bold"))
        out.append("\n")
        if status_of(session.evidence.get(c.id)) != "empty":
            out.append_text(plain(section.text))
        else:
            out.append("(no evidence yet)", style="red" if c.kind == "essential" else "yellow")
        out.append("\n")
        counts = " · ".join(count.describe() for count in section.counts)
        rating = session.evidence[c.id].self_rating if c.id in session.evidence else None
        out.append(f"{counts} · self-rating {rating if rating is not None else '-'}\n", style="dim")
    return out


def gap_options(session: Session) -> list[Option]:
    """One line per gap (severe in red), each opening its criterion; a criterion may have several gaps, so
    an option's id is its criterion id and its place in the list ("E1#0")."""
    found = gaps(session)
    over = statement_over_limit(session)
    options = [Option(Text(f"Whole statement over the form's limit ({over}): shorten it", style="red"), id="-")]
    if not over:
        options = []
    if not found and not options:
        return [Option(Text("Nothing missing or weak: every criterion has rated evidence.", style="green"), id="-")]
    for n, gap in enumerate(found):
        line = Text()
        line.append(f"{gap.criterion.id} ", style="bold")
        line.append_text(plain(gap.reason, "red" if gap.severe else "yellow"))
        options.append(Option(line, id=f"{gap.criterion.id}#{n}"))
    return options


class StatementReviewScreen(AppScreen[str | None]):
    """The statement as a panel will read it; Enter on a gap returns its criterion id; export it."""

    HELP_TITLE = "Statement review"
    HELP_WIDGETS = (GapList,)  # their keys act while they have focus

    BINDINGS = [
        Binding("t", "export('txt')", "Text", id="export-txt"),
        Binding("m", "export('md')", "Markdown", id="export-md"),
        Binding("w", "export('docx')", "Word", id="export-docx"),
        Binding("u", "unanswered", "Unanswered in/out", id="export-unanswered"),
        Binding("escape", "back", "Back", id="review-back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.include_unanswered = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="statement-summary")
        yield GapList(*gap_options(self.session), id="review-gaps")
        with VerticalScroll(id="statement-box"):
            yield Static(review_text(self.session), id="statement")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Review"
        self._title()
        self.query_one("#review-gaps").focus()

    def _title(self) -> None:
        severe = sum(1 for g in gaps(self.session) if g.severe) + bool(statement_over_limit(self.session))
        line = Text()
        line.append(
            f"To fix first: {severe}" if severe else "Nothing severe", style="bold red" if severe else "bold green"
        )
        line.append(" · Enter opens one · exports ", style="dim")
        line.append("include" if self.include_unanswered else "leave out", style="bold")
        line.append(" unanswered criteria (u)", style="dim")
        self.query_one("#statement-summary", Static).update(line)

    @on(OptionList.OptionSelected, "#review-gaps")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id != "-":
            self.dismiss(event.option.id.rpartition("#")[0])

    def action_back(self) -> None:
        self.dismiss(None)

    def action_unanswered(self) -> None:
        self.include_unanswered = not self.include_unanswered
        self._title()

    def action_export(self, fmt: str) -> None:
        session = self.session if self.include_unanswered else answered_only(self.session)
        default = export_folder(self.app) / f"{slug(self.session.role.title)}-statement.{fmt}"
        ask_and_save(
            self,
            f"Save the statement to a {FORMATS[fmt]} file",
            default,
            lambda chosen: render(session, "statement", chosen, False, []),
            (fmt,),
        )
