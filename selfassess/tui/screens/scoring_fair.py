"""Fair-selection parts of the candidate-by-candidate scoring screen: the role's question plan, and the
evidence note a panel can require with every score (what the panellist typed in the note box goes with
the score; with nothing typed, a dialog asks for it; the store still refuses a score without one)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen
from textual.widgets import Input

from ... import fairness, scoring
from ...campaign_models import Campaign
from ...campaign_store import CampaignStore
from ...errors import BadInput
from ...fair_caps import NOTE_MAX_CHARS
from ...models import Session
from ...store import SessionStore
from ...store_fair import NOTE_MIN_CHARS
from ...submit_rules import sheet_problem
from ..dialogs.common import Confirm, TextPrompt
from .scoring_text import submit_question

Record = Callable[[str, int | None, str | None, str], None]


def keep_lease(screen, said: str) -> str:
    """Refresh this terminal's hold on the panellist at the screen's session; returns the refusal (said
    once, not at every refresh: ``said`` is the last one). A conflict the panellist declared meanwhile
    (on another screen or terminal) closes the screen: the application is hidden from them."""
    store = screen.app.store
    try:
        store.hold(screen.session.id, screen.me)
        return ""
    except BadInput as exc:
        problem = str(exc)
    if problem != said:
        screen.notify(problem, severity="error", timeout=10)
    try:
        blocked = fairness.viewing_blocked(store.load(screen.session.id), screen.me)
    except BadInput:
        blocked = None
    if blocked and screen.app.screen is screen:
        screen.action_leave()
    return problem


def role_plan(store: SessionStore, role_id: str, warn: Callable[[str], object]) -> Campaign | None:
    """The role's campaign (its question plan); None, with a warning, if its file cannot be read."""
    try:
        return CampaignStore(store).load(role_id)
    except BadInput as exc:
        warn(str(exc))
        return None


def notes_required(session: Session) -> bool:
    return session.panel is not None and session.panel.require_notes


def with_evidence_note(screen: Screen, session: Session, what: str, box: Input, then: Callable[[str], None]) -> None:
    """Call ``then(note)``: "" where the panel needs none, else the note box's text, else what a dialog
    asks for (Escape cancels the score)."""
    if not notes_required(session):
        then("")
        return
    typed = box.value.strip()
    if len(typed) >= NOTE_MIN_CHARS:
        then(typed)
        return

    def given(note: str | None) -> None:
        if note is not None:
            then(note.strip())

    question = f"Evidence note for {what} (this panel records one with every score)"
    screen.app.push_screen(TextPrompt(question, typed, required=True, max_chars=NOTE_MAX_CHARS), given)


def note_used(box: Input, note: str) -> None:
    """Empty the note box once its text went with a score."""
    if note and box.value.strip() == note:
        box.value = ""


def note_placeholder(session: Session) -> str:
    if notes_required(session):
        return "Evidence note (required): type it, Enter, then score"
    return "Note: type, Enter adds it (time-stamped)"


def confirm_score(
    screen: Screen, who: tuple[Session, str, str], cid: str, value: int | None, box: Input, record: Record
) -> None:
    """Ask what the score needs (the evidence note the panel requires, then the reason for changing a
    submitted score), then ``record(cid, value, reason, note)``. ``who`` is (session, panellist, stage)."""
    session, me, stage = who

    def noted(note: str) -> None:
        if scoring.change_needs_reason(session, me, cid, stage):
            screen.app.push_screen(
                TextPrompt(f"Reason for scoring {cid} after you submitted (a change)", required=True),
                lambda reason: record(cid, value, reason, note) if reason else None,
            )
            return
        record(cid, value, None, note)

    with_evidence_note(screen, session, f"{cid}: {'not assessed' if value is None else value}", box, noted)


def ask_submit(
    screen: Screen, who: tuple[Session, str, str], missing: list[str], done: Callable[[bool | None], None]
) -> None:
    """Ask before submitting (naming the criteria not yet scored); a sheet the store would refuse (nothing
    scored, or a gap on a panel requiring notes: submit_rules.sheet_problem) is refused at the key."""
    session, me, stage = who
    problem = sheet_problem(session, me, stage)
    if problem:
        screen.notify(problem, severity="warning", timeout=8)
        return
    screen.app.push_screen(Confirm(submit_question(missing)), done)
