"""Candidate screen: every criterion in the employer's order, an evidence editor, self-rating and checks.

Typing only records that the text changed. A 4 Hz timer refreshes counts and checks once typing pauses
(never per key) and hands the text to the background autosaver about a second after the last key.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ... import bank
from ...autosave import Autosaver
from ...errors import BadInput
from ...methods import method_codes
from ...models import Evidence, Session
from ...safetext import plain
from ...statement import check_evidence, criterion_counts, status_of, total_counts
from ..dialogs.bank import EvidenceBankDialog
from ..dialogs.rating import RatingDialog
from ..dialogs.unsaved import Unsaved
from ..typed import AppScreen

GLYPH = {"empty": ("○", "dim"), "draft": ("◐", "yellow"), "done": ("●", "green")}
STYLE = {"ok": "green", "near": "yellow", "over": "bold red", "none": ""}
SAVE_AFTER = 1.0  # seconds after the last key
REFRESH_AFTER = 0.2
STAR = (
    "STAR: Situation - where and when; the context in a sentence or two. Task - what you had to achieve, "
    "and why it mattered. Action - what YOU did, step by step ('I', not 'we'). Result - what changed, with a "
    "number if you can. Reflection - what you learned or would do differently."
)
STAR_TEMPLATE = "Situation: \n\nTask: \n\nAction: \n\nResult: \n\nReflection: \n"


class CriterionCommands(Provider):
    """Command palette: go to any criterion by id or words."""

    async def discover(self) -> Hits:
        screen = self.screen
        if isinstance(screen, CandidateScreen):
            for index, c in enumerate(screen.session.role.criteria):
                yield DiscoveryHit(f"Go to {c.id}: {c.text[:60]}", partial(screen.goto, index))

    async def search(self, query: str) -> Hits:
        screen = self.screen
        if not isinstance(screen, CandidateScreen):
            return
        matcher = self.matcher(query)
        for index, c in enumerate(screen.session.role.criteria):
            label = f"Go to {c.id}: {c.text[:60]}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(screen.goto, index), help=c.kind)


class CandidateScreen(AppScreen[None]):
    """Draft evidence for each criterion of a session's role, in order."""

    COMMANDS = Screen.COMMANDS | {CriterionCommands}
    BINDINGS = [
        Binding("ctrl+n", "next_criterion", "Next", id="next", priority=True),
        Binding("ctrl+b", "previous_criterion", "Previous", id="previous", priority=True),
        Binding("ctrl+g", "goto_prompt", "Go to", id="goto", priority=True),
        Binding("ctrl+r", "rate", "Self-rating", id="rate", priority=True),
        Binding("ctrl+o", "bank", "Evidence bank", id="bank", priority=True),
        Binding("ctrl+t", "star", "STAR guide", id="star", priority=True),
        Binding("ctrl+s", "save_now", "Save now", id="save", show=False, priority=True),
        Binding("f2", "review", "Review", id="review", priority=True),
        Binding("f1", "help", "Help", id="help", priority=True),
        Binding("escape", "leave", "Home", id="home"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.index = 0
        self.texts = {cid: ev.text for cid, ev in session.evidence.items()}
        self.ratings = {cid: ev.self_rating for cid, ev in session.evidence.items()}
        self.saved_texts = dict(self.texts)
        self._changed_at = 0.0
        self._version = 0
        self._refreshed = 0
        self._submitted = 0
        self._loading = False
        self._saver: Autosaver | None = None
        self._saved_at = ""
        self._error = ""
        self._failed: dict[str, str] = {}  # criterion -> why its last save failed
        self._editor: TextArea | None = None

    # --- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="rail")
            with Vertical(id="work"):
                with VerticalScroll(id="criterion-box"):
                    yield Static(id="criterion")
                yield Static(STAR, id="star")
                yield TextArea(id="editor", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
                yield Static(id="counts")
                yield Static(id="rating")
                yield Static(id="checks")
        yield Footer()

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()  # results come back with the app as the active app
        self._saver = Autosaver(self._save, lambda *a: loop.call_soon_threadsafe(self._saved, *a, context=context))
        label = self.session.candidate or self.session.reference or "candidate"
        self.sub_title = f"{self.session.role.title} · {label}"
        self.query_one("#star").display = False
        self._fill_rail()
        self._show(0)
        self.editor.focus()
        self.set_interval(0.25, self._tick)

    def on_unmount(self) -> None:
        self.flush()
        if self._saver is not None:
            self._saver.close()

    @property
    def criterion(self):
        return self.session.role.criteria[self.index]

    @property
    def editor(self) -> TextArea:
        """The evidence editor (kept from mount, so its text can still be saved while unmounting)."""
        if self._editor is None:
            self._editor = self.query_one("#editor", TextArea)
        return self._editor

    # --- the rail ----------------------------------------------------------------------
    def _rail_prompt(self, index: int) -> Text:
        c = self.session.role.criteria[index]
        rating = self.ratings.get(c.id)
        glyph, style = GLYPH[status_of(self._evidence_for(c.id))]
        prompt = Text()
        prompt.append(f"{glyph} ", style=style)
        prompt.append(f"{c.id:<4}", style="bold" if c.kind == "essential" else "")
        prompt.append("E " if c.kind == "essential" else "D ", style="green" if c.kind == "essential" else "cyan")
        prompt.append((method_codes(c.assessed_by) or "-")[:7].ljust(7), style="dim")
        prompt.append(f" {rating}" if rating is not None else "  ")
        return prompt

    def _fill_rail(self) -> None:
        rail = self.query_one("#rail", OptionList)
        rail.clear_options()
        rail.add_options([Option(self._rail_prompt(i), id=str(i)) for i in range(len(self.session.role.criteria))])

    def _update_rail(self, index: int) -> None:
        self.query_one("#rail", OptionList).replace_option_prompt_at_index(index, self._rail_prompt(index))

    @on(OptionList.OptionSelected, "#rail")
    def _rail_chosen(self, event: OptionList.OptionSelected) -> None:
        self.goto(event.option_index)
        self.editor.focus()

    # --- showing a criterion -----------------------------------------------------------
    def _show(self, index: int) -> None:
        self.index = index
        c = self.criterion
        head = Text()
        head.append(f"{c.id} · {c.kind.capitalize()}", style="bold green" if c.kind == "essential" else "bold cyan")
        if c.category:
            head.append(" · ")
            head.append_text(plain(c.category, "italic"))
        codes = ", ".join(c.assessed_by)
        head.append(f" · assessed by {codes}" if codes else "", style="dim")
        head.append(f"   ({index + 1} of {len(self.session.role.criteria)})", style="dim")
        head.append("\n")
        head.append_text(plain(c.text))
        if self.session.role.guidance:
            head.append("\n")
            head.append_text(plain("Guidance: " + self.session.role.guidance, "dim italic"))
        self.query_one("#criterion", Static).update(head)
        self.query_one("#criterion-box").scroll_home(animate=False)
        self._loading = True
        self.editor.load_text(self.texts.get(c.id, ""))
        self._loading = False
        rail = self.query_one("#rail", OptionList)
        if rail.highlighted != index:
            rail.highlighted = index
        self._refresh_feedback()
        self._show_rating()

    def _show_rating(self) -> None:
        value = self.ratings.get(self.criterion.id)
        scale = self.session.scale
        line = Text("Self-rating: ", style="bold")
        if value is None:
            line.append("not rated yet", style="yellow")
        else:
            level = scale.level(value)
            label, descriptor = (level.label, level.descriptor) if level else ("?", "")
            line.append(f"{value} {label}", style="green" if value >= scale.met else "yellow")
            line.append_text(plain(f" - {descriptor}", "dim"))
        line.append(f"  (ctrl+r; {scale.name})", style="dim")
        self.query_one("#rating", Static).update(line)

    def _refresh_feedback(self) -> None:
        """Counts against limits and the evidence checks for the text as it is now."""
        text = self.editor.text
        self.texts[self.criterion.id] = text
        self._refreshed = self._version
        limits = self.session.role.limits
        line = Text()
        for count in criterion_counts(text, limits):
            line.append(count.describe(), style=STYLE[count.status])
            line.append(" · ")
        session = self.session.model_copy(update={"evidence": self._evidence_now()})
        for count in total_counts(session):
            if count.limit is not None:
                line.append(f"statement {count.describe()}", style=STYLE[count.status])
                line.append(" · ")
        if self._error:
            line.append(f"NOT SAVED: {self._error}", style="bold red")
        elif self.texts.get(self.criterion.id, "") != self.saved_texts.get(self.criterion.id, ""):
            line.append("● unsaved", style="yellow")
        else:
            line.append(f"✓ saved {self._saved_at}".rstrip(), style="green")
        self.query_one("#counts", Static).update(line)
        checks = Text()
        for check in check_evidence(self.criterion, text, limits):
            checks.append("✓ " if check.ok else "✗ ", style="green" if check.ok else "yellow")
            checks.append_text(plain(check.message, "" if check.ok else "yellow"))
            checks.append("\n")
        checks.rstrip()
        self.query_one("#checks", Static).update(checks)

    def _evidence_for(self, cid: str) -> Evidence | None:
        """The evidence for one criterion as it stands in this screen (saved or not)."""
        if cid not in self.texts:
            return None
        return Evidence(
            criterion=cid, text=self.texts[cid], self_rating=self.ratings.get(cid), updated=self.session.updated
        )

    def _evidence_now(self) -> dict[str, Evidence]:
        return {cid: ev for cid in self.texts if (ev := self._evidence_for(cid)) is not None}

    # --- typing and saving -------------------------------------------------------------
    @on(TextArea.Changed, "#editor")
    def _typed(self) -> None:
        if not self._loading:
            self._changed_at = time.monotonic()
            self._version += 1

    def _tick(self) -> None:
        quiet = time.monotonic() - self._changed_at
        if self._version != self._refreshed and quiet >= REFRESH_AFTER:
            self._refresh_feedback()
            self._update_rail(self.index)
        if self._version != self._submitted and quiet >= SAVE_AFTER:
            self._submit()

    def _submit(self) -> None:
        """Hand the current text (and rating) to the autosaver."""
        cid = self.criterion.id
        self.texts[cid] = self.editor.text
        self._submitted = self._version
        if self._saver is not None and self.texts[cid] != self.saved_texts.get(cid, ""):
            self._saver.submit(cid, (self.texts[cid], self.ratings.get(cid)))

    def _save(self, cid: str, payload: tuple[str, int | None]) -> Session:
        text, rating = payload
        try:
            saved = self.app.store.set_evidence(self.session.id, cid, text, self_rating=rating)
        except Exception as exc:  # recorded here, in the saver thread, so leaving sees it at once
            self._failed[cid] = str(exc) if isinstance(exc, BadInput) else f"{type(exc).__name__}: {exc}"
            raise
        self._failed.pop(cid, None)
        return saved

    def unsaved(self) -> Unsaved | None:
        """What the last failed saves left unsaved (for the leave and quit guard), or None."""
        if not self._failed:
            return None
        failed = dict(self._failed)
        parts = [f"{cid}\n{self.texts.get(cid, '')}" for cid in failed]
        return Unsaved(
            "; ".join(failed.values()), "\n\n".join(parts) + "\n", Path.cwd() / f"selfassess-{self.session.id}.txt"
        )

    def _saved(self, cid: str, result, error: BaseException | None) -> None:
        if error is not None:
            self._error = str(error) if isinstance(error, BadInput) else f"{type(error).__name__}: {error}"
            self.notify(f"Could not save {cid}: {self._error}", severity="error", timeout=10)
        else:
            self._error = ""
            self.session = result
            self.saved_texts[cid] = result.evidence[cid].text if cid in result.evidence else ""
            self._saved_at = time.strftime("%H:%M:%S")
        if self.is_mounted and self.is_attached:
            self._refresh_feedback()

    def flush(self) -> None:
        """Save whatever is unsaved now and wait for it (leaving the screen, quitting)."""
        if self._saver is None or self._editor is None:
            return
        self._submit()
        self._saver.flush()

    def action_save_now(self) -> None:
        self._submit()

    # --- moving ------------------------------------------------------------------------
    def goto(self, index: int) -> None:
        """Show criterion ``index`` (after handing the current text to the autosaver)."""
        if not 0 <= index < len(self.session.role.criteria):
            return
        self._submit()
        self._update_rail(self.index)
        self._show(index)

    def action_next_criterion(self) -> None:
        if self.index + 1 < len(self.session.role.criteria):
            self.goto(self.index + 1)
        else:
            self.notify("That was the last criterion: F2 reviews the whole statement.")

    def action_previous_criterion(self) -> None:
        if self.index > 0:
            self.goto(self.index - 1)

    def action_goto_prompt(self) -> None:
        self.app.action_command_palette()

    # --- rating, bank, guide, review ---------------------------------------------------
    def action_rate(self) -> None:
        c = self.criterion

        def chosen(value: int | None) -> None:
            if value is None:
                return
            self.ratings[c.id] = value
            self.texts[c.id] = self.editor.text if self.criterion.id == c.id else self.texts.get(c.id, "")
            if self._saver is not None:
                self._saver.submit(c.id, (self.texts.get(c.id, ""), value))
            self._show_rating()
            self._update_rail(self.index)

        self.app.push_screen(RatingDialog(self.session.scale, self.ratings.get(c.id), f"{c.id} {c.text[:50]}"), chosen)

    def action_bank(self) -> None:
        sessions, _ = self.app.store.load_all()
        current = self.session.model_copy(update={"evidence": self._evidence_now()})
        sessions = [current] + [s for s in sessions if s.id != self.session.id]
        entries = bank.entries(sessions, exclude=(self.session.id, self.criterion.id))

        def insert(text: str | None) -> None:
            if text:
                self.editor.insert(text)
                self.editor.focus()

        self.app.push_screen(EvidenceBankDialog(entries, self.criterion.text), insert)

    def action_star(self) -> None:
        star = self.query_one("#star", Static)
        star.display = not star.display
        if star.display and not self.editor.text.strip():
            self.editor.insert(STAR_TEMPLATE)
            self.editor.move_cursor((0, len("Situation: ")))

    def action_review(self) -> None:
        from .statement_review import StatementReviewScreen

        self.flush()
        self.app.push_screen(StatementReviewScreen(self.app.store.load(self.session.id)))

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_leave(self) -> None:
        self.flush()
        self.app.guard_unsaved(lambda: self.dismiss(None))

    def status_counts(self) -> dict[str, int]:
        """How many criteria are empty, draft and done (for the home screen and tests)."""
        out = {"empty": 0, "draft": 0, "done": 0}
        evidence = self._evidence_now()
        for c in self.session.role.criteria:
            out[status_of(evidence.get(c.id))] += 1
        return out
