"""The store's fair-selection methods (a mixin of SessionStore, through its one transaction helper):
declared conflicts of interest, the Guaranteed Interview Scheme flag, the panel's evidence-note and
declaration rules, and the check every score passes."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from . import conflict_rules, fair_caps, fairness
from .controls import strip_controls
from .errors import BadInput
from .models import Conflict, Session
from .validation import validated

if TYPE_CHECKING:
    from .store_tx import Transaction

NOTE_MIN_CHARS = 3


class FairStore:
    """Mixed into SessionStore; every method is one transaction with its audit event."""

    if TYPE_CHECKING:

        def _transaction(self, session_id: str, create: bool = False) -> AbstractContextManager[Transaction]: ...
        def _require_actor(self, session: Session, who: str, chair: bool = False) -> None: ...
        @staticmethod
        def _mark_to_review(tx: Transaction, session: Session, stage: str, criterion_id: str | None = None) -> None: ...

    def declare_conflict(self, session_id: str, panellist: str, conflicted: bool, reason: str = "") -> Session:
        """Record a panellist's declaration about this candidate: no conflict, or a conflict with its reason.

        The panellist acts as themselves (the store's identity checks). A declared conflict stops them
        scoring this candidate (scores already given stay on record); only the chair withdraws it, with a
        reason (``withdraw_conflict``). Every declaration is kept, so the summary shows the history."""
        panellist = (panellist or "").strip()
        reason = strip_controls(reason or "").strip()  # no bell or escape typed or pasted is kept
        if not panellist:
            raise BadInput("conflict: who is declaring is required")
        if conflicted and not reason:
            raise BadInput(f"conflict: {panellist} must give a reason for a declared conflict")
        problem = fair_caps.too_long(reason, fair_caps.NOTE_MAX_CHARS, "conflict reason")
        if problem:
            raise BadInput(problem)
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_actor(session, panellist)
            previous = fairness.declaration(session, panellist)
            problem = conflict_rules.undeclare_problem(session, panellist, conflicted)
            if problem:
                raise BadInput(problem)
            if previous is not None and (previous.conflicted, previous.reason) == (conflicted, reason):
                return session
            declaration = validated(
                Conflict,
                "conflict",
                {"panellist": panellist, "conflicted": conflicted, "reason": reason, "time": tx.stamp},
            )
            self._append_conflict(tx, session, declaration)
            if conflicted:
                self._counting_changed(tx, session, panellist)
            tx.audit(
                panellist,
                "conflict.declare",
                old=previous.model_dump(mode="json", exclude={"time"}) if previous else None,
                new={"conflicted": conflicted, "reason": reason},
            )
            return tx.session()

    def withdraw_conflict(self, session_id: str, panellist: str, reason: str, by: str) -> Session:
        """The chair approves withdrawing ``panellist``'s declared conflict, with a reason (audited, kept
        in the history); the panellist may then score this candidate."""
        reason = strip_controls(reason or "").strip()
        if len(reason) < NOTE_MIN_CHARS:
            raise BadInput("conflict withdrawal: a reason is required")
        problem = fair_caps.too_long(reason, fair_caps.NOTE_MAX_CHARS, "conflict withdrawal reason")
        if problem:
            raise BadInput(problem)
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_actor(session, by, chair=True)
            previous = fairness.declaration(session, panellist)
            problem = conflict_rules.withdraw_problem(session, by, panellist)
            if problem or previous is None:
                raise BadInput(problem or "conflict withdrawal: nothing to withdraw")
            fields = {"panellist": panellist, "conflicted": False, "reason": reason, "time": tx.stamp}
            record = validated(Conflict, "conflict", {**fields, "withdrawn_by": by})
            self._append_conflict(tx, session, record)
            self._counting_changed(tx, session, panellist)
            tx.audit(
                by,
                "conflict.withdraw",
                old={"panellist": panellist, "conflicted": True, "reason": previous.reason},
                new={"panellist": panellist, "conflicted": False, "reason": reason},
            )
            return tx.session()

    def _counting_changed(self, tx: Transaction, session: Session, panellist: str) -> None:
        """A conflict declared (or withdrawn) takes the panellist's scores out of (or back into) the means:
        every consensus agreed on a criterion they scored, and the stage's decision, is marked to review."""
        for score in session.scores:
            if score.panellist == panellist and score.value is not None:
                self._mark_to_review(tx, session, score.stage, score.criterion)

    @staticmethod
    def _append_conflict(tx: Transaction, session: Session, record: Conflict) -> None:
        kept = [c.model_dump(mode="json") for c in session.conflicts]
        tx.update_meta({"conflicts": [*kept, record.model_dump(mode="json")]})

    def set_gis(self, session_id: str, flagged: bool, actor: str) -> Session:
        """Flag (or unflag) the candidate for the Guaranteed Interview Scheme; the chair decides once a
        panel is set."""
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_chair_of(session, actor, "Guaranteed Interview Scheme flag")
            if session.panel is not None:
                self._require_actor(session, actor, chair=True)
            if session.gis == flagged:
                return session
            tx.update_meta({"gis": flagged})
            tx.audit(actor, "gis.set", old=session.gis, new=flagged)
            return tx.session()

    def set_panel_rules(
        self, session_id: str, actor: str, require_notes: bool | None = None, require_declarations: bool | None = None
    ) -> Session:
        """Turn the panel's fair-selection rules on or off (chair only)."""
        with self._transaction(session_id) as tx:
            session = tx.session()
            if session.panel is None:
                raise BadInput("panel rules: set up the panel first")
            self._require_chair_of(session, actor, "panel rules")
            self._require_actor(session, actor, chair=True)
            changes: dict[str, Any] = {}
            if require_notes is not None:
                changes["require_notes"] = require_notes
            if require_declarations is not None:
                changes["require_declarations"] = require_declarations
            panel = session.panel.model_copy(update=changes)
            if panel == session.panel:
                return session
            tx.update_meta({"panel": panel.model_dump(mode="json")})
            tx.audit(actor, "panel.rules", old=_rules(session.panel), new=_rules(panel))
            return tx.session()

    @staticmethod
    def _require_chair_of(session: Session, actor: str, what: str) -> None:
        actor = (actor or "").strip()
        if not actor:
            raise BadInput(f"{what}: who is acting is required")
        if session.panel is not None and actor != session.panel.chair:
            raise BadInput(f"{what}: only the chair ({session.panel.chair}) may change it, not {actor!r}")

    @staticmethod
    def _require_may_score(session: Session, panellist: str, note: str) -> None:
        """A declared conflict (or a missing declaration the panel requires) stops scoring; a panel that
        requires evidence notes refuses a score without one."""
        blocked = fairness.scoring_blocked(session, panellist)
        if blocked:
            raise BadInput(f"score: {blocked}")
        if session.panel is not None and session.panel.require_notes and len(note.strip()) < NOTE_MIN_CHARS:
            raise BadInput("score: this panel requires a short evidence note with every score")
        problem = fair_caps.too_long(note, fair_caps.NOTE_MAX_CHARS, "score note")
        if problem:
            raise BadInput(problem)


def _rules(panel) -> dict[str, bool]:
    return {"require_notes": panel.require_notes, "require_declarations": panel.require_declarations}
