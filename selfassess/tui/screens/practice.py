"""Interview practice: the likely question, a countdown the candidate sets, cue cards, notes on how it went.

Notes are kept in the session (never in the statement) and saved when moving on or leaving.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static, TextArea

from ... import prefs
from ...models import Session
from ...practice import DEFAULT_SECONDS, STEP_SECONDS, clock, cue_cards, interview_criteria, questions_for
from ...safetext import plain
from ..widgets.answer_area import AnswerArea
from ..widgets.phrases import Phrases
from .editing import EditingScreen


class PracticeScreen(EditingScreen[None]):
    """Practise answering aloud for each criterion assessed at interview."""

    HELP_TITLE = "Interview practice"

    BINDINGS = [
        Binding("f5", "start_pause", "Start/pause", id="practice-clock", priority=True),
        Binding("f6", "shorter", "-30s", id="practice-shorter", priority=True),
        Binding("f7", "longer", "+30s", id="practice-longer", priority=True),
        Binding("ctrl+n", "move(1)", "Next", id="practice-next", priority=True),
        Binding("ctrl+b", "move(-1)", "Prev", id="practice-previous", priority=True),
        Binding("escape", "leave", "Back", id="practice-back"),
    ]

    def __init__(self, session: Session, texts: dict[str, str], start_id: str | None = None) -> None:
        super().__init__()
        self.session, self.texts = session, texts
        self.criteria = interview_criteria(session.role)
        ids = [c.id for c in self.criteria]
        self.index = ids.index(start_id) if start_id in ids else 0
        self.notes = dict(session.practice)
        self.seconds = self.left = DEFAULT_SECONDS
        self.running = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="practice-question-box"):
            yield Static(id="practice-question")
        with Horizontal(id="practice-body"):
            with VerticalScroll(id="practice-cards-box"):
                yield Static("Cue cards from your answer", classes="section")
                yield Static(id="practice-cards")
            with Vertical(id="practice-notes-box"):
                yield Phrases(id="practice-clock")
                yield Static("How it went (kept in the session, never in the statement)", classes="section")
                yield AnswerArea(id="practice-notes", soft_wrap=True, tab_behavior="focus")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.seconds = self.left = prefs.practice_seconds(self.app.sessions_dir, DEFAULT_SECONDS)
        self.sub_title = "Interview practice"
        self.set_interval(1.0, self._tick)
        self._show()

    @property
    def notes_box(self) -> TextArea:
        return self.query_one("#practice-notes", TextArea)

    def _show(self) -> None:
        c = self.criteria[self.index]
        head = Text()
        head.append(f"{c.id} · {self.index + 1}/{len(self.criteria)} interview criteria\n", style="bold")
        head.append_text(plain(c.text, "dim"))
        for question in questions_for(c):
            head.append("\n\nQ: ", style="bold cyan")
            head.append_text(plain(question, "bold"))
        self.query_one("#practice-question", Static).update(head)
        cards = Text()
        for label, prompt in cue_cards(self.texts.get(c.id, "")):
            cards.append(f"{label}\n", style="bold")
            cards.append_text(plain(prompt))
            cards.append("\n\n")
        if not cards:
            cards.append("No written evidence for this criterion yet: think of one example and its result.", "yellow")
        cards.rstrip()
        self.query_one("#practice-cards", Static).update(cards)
        self.notes_box.load_text(self.notes.get(c.id, ""))
        self.left, self.running = self.seconds, False
        self._show_clock()
        self.notes_box.focus()

    def _show_clock(self) -> None:
        style = "bold red" if self.left < 0 else "bold yellow" if self.left <= 30 else "bold green"
        line = Text(f"{clock(self.left)} ", style=style)
        line.append(f"of {clock(self.seconds)}", style="dim")
        state = "running" if self.running else "paused"
        self.query_one("#practice-clock", Phrases).set_phrases(line, state, "F5 start/pause", "F6/F7 -/+30s")

    def _tick(self) -> None:
        if self.running:
            self.left -= 1
            if self.left == 0:
                self.notify("Time: sum up with your result.", title="Practice")
            self._show_clock()

    def action_start_pause(self) -> None:
        if self.left <= 0 and not self.running:
            self.left = self.seconds
        self.running = not self.running
        self._show_clock()

    def _set_length(self, seconds: int) -> None:
        self.seconds = max(STEP_SECONDS, min(30 * 60, seconds))
        try:
            prefs.update(self.app.sessions_dir, practice_seconds=self.seconds)  # the next practice starts with it
        except OSError:
            pass  # remembering the length is a convenience, never a reason to stop practising
        if not self.running:
            self.left = self.seconds
        self._show_clock()

    def action_shorter(self) -> None:
        self._set_length(self.seconds - STEP_SECONDS)

    def action_longer(self) -> None:
        self._set_length(self.seconds + STEP_SECONDS)

    def _save_notes(self) -> None:
        from ...session_admin import set_practice_note

        cid = self.criteria[self.index].id
        text = self.notes_box.text.strip()
        if text == self.notes.get(cid, ""):
            return

        def save() -> None:
            self.session = set_practice_note(self.app.store, self.session.id, cid, text)
            self.notes = dict(self.session.practice)

        self.save_or_keep(f"practice {cid}", f"Practice notes on {cid}", text, save)

    def action_move(self, step: int) -> None:
        target = self.index + step
        if 0 <= target < len(self.criteria):
            self._save_notes()
            self.index = target
            self._show()

    def unsaved_name(self) -> str:
        return f"{self.session.id}-practice"

    def save_typed(self) -> None:
        self._save_notes()

    def action_leave(self) -> None:
        self.leave_guarded()
