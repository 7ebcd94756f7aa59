"""What the candidate sees under the editor: counts against limits, save state, checks, spelling advice."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...models import Criterion, StatementLimits
from ...readability import Sentence, describe_ease, long_sentences, reading_ease
from ...safetext import plain
from ...spelling import Issue
from ...statement import Check, Count, check_evidence, criterion_counts

COUNT_STYLE = {"ok": "green", "near": "yellow", "over": "bold red", "none": ""}
SHOWN_WORDS = 6
PASSED = {
    "voice": "your own actions",
    "result": "a result",
    "measure": "a number",
    "terms": "the criterion's key terms",
    "standalone": "stands on its own",
}


def counts_line(counts: Sequence[Count], totals: Sequence[Count], save_state: Text) -> Text:
    """'120 words / 250 · 700 chars · statement 3000 words / 5000 · ✓ saved 10:01:02'."""
    line = Text()
    for count in counts:
        line.append(count.describe(), style=COUNT_STYLE[count.status])
        line.append(" · ")
    for count in totals:
        if count.limit is not None:
            line.append(f"statement {count.describe()}", style=COUNT_STYLE[count.status])
            line.append(" · ")
    line.append_text(save_state)
    return line


def spelling_line(issues: Sequence[Issue], long: Sequence[Sentence], ease: float | None) -> Text:
    """Misspelt and American words (F3 for suggestions), long sentences and the reading-ease figure."""
    line = Text()
    if issues:
        line.append("✗ ", style="yellow")
        line.append("Spelling: ", style="yellow")
        line.append_text(plain(", ".join(i.describe() for i in issues[:SHOWN_WORDS]), "yellow"))
        if len(issues) > SHOWN_WORDS:
            line.append(f" and {len(issues) - SHOWN_WORDS} more", style="yellow")
        line.append(" (F3 suggests)", style="dim")
    else:
        line.append("✓ Spelling: British English, nothing flagged", style="green")
    if long:
        line.append("\n✗ ", style="yellow")
        line.append(f"{len(long)} sentence{'s' if len(long) > 1 else ''} over 30 words: ", style="yellow")
        line.append_text(plain(" ".join(long[0].text.split()[:6]) + " ...", "dim"))
    if ease is not None:
        line.append(f"\n  Reading ease {ease:.0f} ({describe_ease(ease)})", style="dim")
    return line


def checks_text(checks: Sequence[Check]) -> Text:
    """What needs work, one check a line, then what passed on one line (short names)."""
    out = Text()
    for check in checks:
        if not check.ok:
            out.append("✗ ", style="yellow")
            out.append_text(plain(check.message, "yellow"))
            out.append("\n")
    passed = [PASSED.get(c.name, c.name) for c in checks if c.ok]
    if passed:
        out.append("✓ ", style="green")
        out.append_text(plain("; ".join(passed) + ".", "green"))
    out.rstrip()
    return out


class EvidenceFeedback(Vertical):
    """Counts, checks and spelling for the answer being written; the screen tells it what to show."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.issues: list[Issue] = []
        self.checked: tuple[str, str] | None = None  # (criterion id, text) last checked for spelling
        self._asked: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="counts")
        yield Static(id="rating")
        yield Static(id="checks")
        yield Static(id="spelling")

    def show_answer(
        self,
        criterion: Criterion,
        text: str,
        limits: StatementLimits,
        totals: Sequence[Count],
        save_state: Text,
        others: dict[str, str],
    ) -> None:
        """Counts and the evidence checks for ``text``."""
        self.query_one("#counts", Static).update(counts_line(criterion_counts(text, limits), totals, save_state))
        self.query_one("#checks", Static).update(checks_text(check_evidence(criterion, text, limits, others)))

    def show_rating(self, line: Text) -> None:
        self.query_one("#rating", Static).update(line)

    def show_spelling(self, line: Text | None) -> None:
        """Spelling advice (None while the dictionary is still loading)."""
        self.query_one("#spelling", Static).update(line or Text("Spelling: loading the dictionary ...", style="dim"))

    def check_spelling(self, cid: str, text: str, personal: set[str]) -> None:
        """Check ``text`` in a worker (the dictionary loads on first use); the newest request wins."""
        self._asked = (cid, text)
        self._spell_worker(cid, text, set(personal))

    @work(thread=True, exclusive=True, group="spelling")
    def _spell_worker(self, cid: str, text: str, personal: set[str]) -> None:
        from ... import spelling

        issues = spelling.check_spelling(text, spelling.shared(), personal)
        line = spelling_line(issues, long_sentences(text), reading_ease(text))
        try:
            self.app.call_from_thread(self._spelling_checked, cid, text, issues, line)
        except RuntimeError:
            pass  # the app closed meanwhile

    def _spelling_checked(self, cid: str, text: str, issues: list[Issue], line: Text) -> None:
        if self.is_attached and self._asked == (cid, text):
            self.issues, self.checked = issues, (cid, text)
            self.show_spelling(line)
