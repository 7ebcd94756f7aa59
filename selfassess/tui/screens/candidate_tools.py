"""The candidate screen's tools, each a dialog or a toggle: self-rating, evidence bank, STAR, spelling."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widgets import Static

from ... import bank, prefs
from ...statement import stored_form
from ..dialogs.bank import EvidenceBankDialog
from ..dialogs.rating import RatingDialog
from ..dialogs.spelling import SpellingDialog
from ..widgets.evidence_feedback import EvidenceFeedback

if TYPE_CHECKING:
    from .candidate import CandidateScreen

STAR = (
    "STAR: Situation - where and when; the context in a sentence or two. Task - what you had to achieve, "
    "and why it mattered. Action - what YOU did, step by step ('I', not 'we'). Result - what changed, with a "
    "number if you can. Reflection - what you learned or would do differently."
)
STAR_SHORT = (  # a short terminal: the same guide in three lines at 80 columns, so the answer box keeps its room
    "Situation: where, when · Task: what you had to achieve · Action: what YOU did ('I' not 'we') · "
    "Result: what changed, with a number · Reflection: what you learned"
)
STAR_TEMPLATE = "Situation: \n\nTask: \n\nAction: \n\nResult: \n\nReflection: \n"


class ToolActions:
    """The candidate screen's actions that open a tool (bound in CandidateScreen.BINDINGS)."""

    def _screen(self) -> CandidateScreen:
        return cast("CandidateScreen", self)

    def action_rate(self) -> None:
        rate(self._screen())

    def action_bank(self) -> None:
        open_bank(self._screen())

    def action_star(self) -> None:
        toggle_star(self._screen())

    def action_spelling(self) -> None:
        spelling(self._screen())

    def action_copy_for_form(self) -> None:
        copy_for_form(self._screen())

    def action_limits(self) -> None:
        set_limits(self._screen())

    def action_practise(self) -> None:
        practise(self._screen())

    def action_review(self) -> None:
        review(self._screen())

    def action_guidance(self) -> None:
        """F7: hide or show the role's guidance (hidden at first on a short terminal)."""
        from ..widgets.criterion_panel import CriterionPanel

        shown = self._screen().query_one(CriterionPanel).toggle_guidance()
        if not self._screen().query_one(CriterionPanel).guidance:
            self._screen().notify("This role gives no guidance to applicants.")
        elif not shown:
            self._screen().notify("Guidance hidden: F7 shows it again.")

    def action_save_now(self) -> None:
        self._screen()._submit()

    def action_goto_prompt(self) -> None:
        self._screen().app.action_command_palette()

    def action_help(self) -> None:
        from .help import HelpScreen

        self._screen().app.push_screen(HelpScreen())


def review(screen: CandidateScreen) -> None:
    """The whole statement; a gap chosen there opens its criterion here."""
    from .statement_review import StatementReviewScreen

    screen.flush()

    def opened(criterion_id: str | None) -> None:
        ids = [c.id for c in screen.session.role.criteria]
        if criterion_id in ids:
            screen.goto(ids.index(criterion_id))
            screen.editor.focus()

    screen.app.push_screen(StatementReviewScreen(screen.app.store.load(screen.session.id)), opened)


def rate(screen: CandidateScreen) -> None:
    """Self-rating on the session's scale; saved with the answer."""
    c = screen.criterion

    def chosen(value: int | None) -> None:
        if value is None:
            return
        screen.ratings[c.id] = value
        screen.texts[c.id] = screen.editor.text if screen.criterion.id == c.id else screen.texts.get(c.id, "")
        if screen._saver is not None:
            screen._saver.submit(c.id, (stored_form(screen.texts.get(c.id, "")), value))
        screen._show_rating()
        screen._update_rail(screen.index)

    screen.app.push_screen(RatingDialog(screen.session.scale, screen.ratings.get(c.id), f"{c.id} {c.text}"), chosen)


def open_bank(screen: CandidateScreen) -> None:
    """Insert an earlier answer (this job's other criteria, other jobs) at the cursor."""
    sessions, _ = screen.app.store.load_all()
    current = screen.session.model_copy(update={"evidence": screen._evidence_now()})
    sessions = [current] + [s for s in sessions if s.id != screen.session.id]
    entries = bank.entries(sessions, exclude=(screen.session.id, screen.criterion.id))

    def insert(text: str | None) -> None:
        if text:
            screen.editor.insert(text)
            screen.editor.focus()

    screen.app.push_screen(EvidenceBankDialog(entries, screen.criterion.text), insert)


def toggle_star(screen: CandidateScreen) -> None:
    """Show the STAR guide; in an empty answer, put the template in."""
    star = screen.query_one("#star", Static)
    star.display = not star.display
    screen.set_class(star.display, "star")
    fit_star(screen)
    if star.display and not screen.editor.text.strip():
        screen.editor.insert(STAR_TEMPLATE)
        screen.editor.move_cursor((0, len("Situation: ")))


def fit_height(screen: CandidateScreen, short: bool) -> None:
    """A short terminal (True): guidance starts hidden, the STAR guide and the checks take fewer lines."""
    from ..widgets.criterion_panel import CriterionPanel

    screen.set_class(short, "short")
    screen.query_one(CriterionPanel).fit(short)
    fit_star(screen)


def fit_star(screen: CandidateScreen) -> None:
    """The STAR guide in full, or in short on a short terminal."""
    screen.query_one("#star", Static).update(STAR_SHORT if screen.has_class("short") else STAR)


def spelling(screen: CandidateScreen) -> None:
    """The flagged words with suggestions (computed in the dialog's worker); replace one or add it."""
    issues = screen.query_one(EvidenceFeedback).issues
    if not issues:
        screen.notify("Nothing flagged in this answer (the check runs when you pause typing).")
        return

    def chosen(result: tuple[str, str, str, int] | None) -> None:
        if result is None:
            return
        action, new, word, start = result
        if action == "add":
            screen.personal_words = prefs.add_personal_word(screen.app.sessions_dir, word)
            screen.notify(f"Added '{word}' to your word list.")
        else:
            replace_word(screen, start, word, new)
        screen._refresh_feedback()

    screen.app.push_screen(SpellingDialog(issues, screen.personal_words), chosen)


def replace_word(screen: CandidateScreen, start: int, old: str, new: str) -> None:
    """Replace ``old`` at offset ``start`` of the answer with ``new`` (if it is still there)."""
    text = screen.editor.text
    if not old or text[start : start + len(old)] != old:
        screen.notify("The answer changed meanwhile: check again.", severity="warning")
        return
    screen.editor.replace(new, _location(text, start), _location(text, start + len(old)))


def _location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) in a TextArea of a character offset into its text."""
    before = text[:offset]
    return before.count("\n"), len(before) - (before.rfind("\n") + 1)


def copy_for_form(screen: CandidateScreen) -> None:
    """Copy this answer or the whole statement for the online form, or save it to a file."""
    from ...extract.result import slug
    from ...form_copy import answer_for_form, over_limit, statement_for_form, terminal_can_copy
    from ..dialogs.export_prompt import ask_and_save, export_folder
    from ..dialogs.form import CopyDialog

    cid = screen.criterion.id

    def chosen(choice: str | None) -> None:
        if choice is None:
            return
        if choice.startswith("answer"):
            text, what = answer_for_form(screen.editor.text), f"your answer for {cid}"
        else:
            current = screen.session.model_copy(update={"evidence": screen._evidence_now()})
            text, what = statement_for_form(current), "the whole statement"
        if not text.strip():
            screen.notify("Nothing to copy yet: write an answer first.", severity="warning")
            return
        if choice.endswith("-file"):
            name = f"{slug(screen.session.role.title)}-{cid if choice.startswith('answer') else 'statement'}.txt"
            ask_and_save(
                screen, f"Save {what} to a text file", export_folder(screen.app) / name, lambda _: text, ("txt",)
            )
            return
        screen.app.copy_to_clipboard(text)
        counts = f"{len(text.split())} words, {len(text)} characters"
        over = over_limit(text, screen.session.role.limits, whole=not choice.startswith("answer"))
        if over:
            screen.notify(
                f"{counts}: over the form's limit ({over}); the form will cut it or refuse it. Shorten it first.",
                title=f"Copied {what}: too long",
                severity="warning",
                timeout=12,
            )
            return
        screen.notify(f"{counts}. Nothing pasted? F4 again saves it to a file.", title=f"Copied {what}")

    screen.app.push_screen(CopyDialog(cid, terminal_can_copy()), chosen)


def set_limits(screen: CandidateScreen) -> None:
    """Set the form's limits for this application (remembered for the role's next sessions)."""
    from ...errors import BadInput
    from ...limit_presets import describe
    from ...session_admin import set_limits as store_limits
    from ..dialogs.form import LimitsDialog

    def chosen(limits) -> None:
        if limits is None:
            return
        try:
            updated = store_limits(screen.app.store, screen.session.id, limits)
        except BadInput as exc:
            screen.notify(str(exc), title="Limits not saved", severity="error", timeout=10)
            return
        screen.session = screen.session.model_copy(update={"role": updated.role})
        remembered = prefs.load(screen.app.sessions_dir).get("limits", {})
        remembered = remembered if isinstance(remembered, dict) else {}
        remembered[updated.role.id] = limits.model_dump(exclude_none=True)
        prefs.update(screen.app.sessions_dir, limits=remembered)
        screen.notify(f"Limits: {describe(limits)}.", title=updated.role.title)
        screen._refresh_feedback()

    screen.app.push_screen(LimitsDialog(screen.session.role.title, screen.session.role.limits), chosen)


def apply_remembered_limits(screen: CandidateScreen) -> None:
    """A session without limits takes the ones last set for its role (saved in the session, audited)."""
    from ...errors import BadInput
    from ...limit_presets import describe
    from ...models import StatementLimits
    from ...session_admin import set_limits as store_limits

    remembered = prefs.load(screen.app.sessions_dir).get("limits", {})
    values = remembered.get(screen.session.role.id) if isinstance(remembered, dict) else None
    if not values or screen.session.role.limits != StatementLimits():
        return
    try:
        limits = StatementLimits(**values)
        updated = store_limits(screen.app.store, screen.session.id, limits)
    except (BadInput, TypeError, ValueError):
        return  # a damaged settings file never stops a session opening
    screen.session = screen.session.model_copy(update={"role": updated.role})
    screen.notify(f"Limits set last time for this role: {describe(limits)} (F6 changes them).")


def practise(screen: CandidateScreen) -> None:
    """Interview practice for the criteria assessed at interview."""
    from ...practice import interview_criteria
    from .practice import PracticeScreen

    if not interview_criteria(screen.session.role):
        screen.notify("No criterion of this role is assessed at interview.", severity="warning")
        return
    screen.flush()
    session = screen.app.store.load(screen.session.id)
    texts = {cid: ev.text for cid, ev in session.evidence.items()}
    screen.app.push_screen(PracticeScreen(session, texts, screen.criterion.id))
