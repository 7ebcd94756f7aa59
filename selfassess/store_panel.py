"""The panel's side of the store: panel set-up, submissions, notes, consensus and decisions, leases,
and the identity checks every one of them makes (a mixin of SessionStore; rules in scoring,
panel_rules and identity)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock
from tinydb import Query

from . import fair_caps, fairness, identity, panel_rules, scoring
from . import roles as role_library
from .controls import strip_controls
from .errors import BadInput
from .late_scores import unanimous
from .models import SCORING_STAGES, Consensus, Decision, Note, Panel, Session, Submission
from .stage_criteria import require_scored
from .store_tx import Transaction, read_audit
from .submit_rules import sheet_problem
from .validation import validated

if TYPE_CHECKING:
    from .identity import LoginSource
    from .session_files import SessionPaths


class PanelMethods:
    """SessionStore's panel methods; each acting panellist is checked against this terminal's login."""

    if TYPE_CHECKING:
        directory: Path
        login: LoginSource
        holder: str

        def files(self, session_id: str) -> SessionPaths: ...
        def load(self, session_id: str) -> Session: ...
        def _lock(self, session_id: str) -> FileLock: ...
        def _transaction(self, session_id: str, create: bool = False) -> AbstractContextManager[Transaction]: ...
        @staticmethod
        def _require_criterion(session: Session, criterion_id: str) -> None: ...
        @staticmethod
        def _require_level(session: Session, value: Any, what: str) -> None: ...

    def _require_scorable(self, session: Session, criterion_id: str, stage: str, value: Any, what: str) -> None:
        """A criterion of the role, scored at this stage, and a value on the scale (or None: not assessed)."""
        self._require_criterion(session, criterion_id)
        require_scored(session, stage, criterion_id)
        if value is not None:
            self._require_level(session, value, f"{what} for {criterion_id}")

    def set_panel(
        self,
        session_id: str,
        panellists: list[str],
        chair: str,
        stage: str = "interview",
        threshold: int = 2,
        blind: bool = False,
        scale: str | None = None,
        actor: str | None = None,
        logins: dict[str, str] | None = None,
        withdraw: dict[str, str] | None = None,
        criteria: dict | None = None,
    ) -> Session:
        """Set who scores (and under which OS login), at which stage; the scale only before the first score.

        Changing an existing panel is the chair's (``actor``, checked against this terminal's login). A
        panellist who has scored is never removed: ``withdraw`` gives the reason they leave (their scores
        stay visible, marked withdrawn, and stop counting). Turning blind mode off is audited apart.
        ``criteria``: the chair's checklist, in the same change (panel_rules.checklist)."""
        if stage not in SCORING_STAGES:
            raise BadInput(f"stage {stage!r}: must be one of {', '.join(SCORING_STAGES)}")
        requested = validated(
            Panel,
            "panel",
            {
                "panellists": [strip_controls(p).strip() for p in panellists],
                "chair": strip_controls(chair or "").strip(),
                "stage": stage,
                "threshold": threshold,
                "blind": blind,
                "logins": {k.strip(): v.strip() for k, v in (logins or {}).items() if v and v.strip()},
            },
        )
        with self._transaction(session_id) as tx:
            session = tx.session()
            if session.panel is not None:
                if not actor:
                    raise BadInput(f"panel: only the chair ({session.panel.chair}) changes the panel; name the actor")
                self._require_actor(session, actor, chair=True)
            try:
                reasons = {k: strip_controls(v) for k, v in (withdraw or {}).items()} if withdraw else None
                panel = panel_rules.merge_panel(session, requested, reasons, keep_logins=logins is None)
            except ValueError as exc:
                raise BadInput(f"panel: {str(exc).removeprefix('Value error, ')}") from exc
            changes: dict[str, Any] = {"panel": panel.model_dump(mode="json"), "stage": stage}
            choices = panel_rules.checklist(session, panel, criteria, tx.stamp)  # a stage scoring nothing: refused
            if choices:
                changes["stage_choices"] = [c.model_dump(mode="json") for c in session.stage_choices + choices]
            if scale is not None and scale != session.scale.id:
                if session.scores:
                    raise BadInput(f"scale: cannot change to {scale!r} after the first score")
                changes["scale"] = role_library.get_scale(scale).model_dump(mode="json")
            tx.update_meta(changes)
            who = actor or panel.chair
            if session.panel is not None and session.panel.blind and not panel.blind:
                tx.audit(who, "panel.unblind", old=True, new=False)
            for c in choices:
                new = {"stage": c.stage, "reason": c.reason, "scores_affected": c.scores_affected}
                tx.audit(
                    panel.chair, f"stage.criterion.{'add' if c.include else 'remove'}", criterion=c.criterion, new=new
                )
            tx.audit(
                who,
                "panel.set",
                old=session.panel.model_dump(mode="json") if session.panel else None,
                new={**panel.model_dump(mode="json"), "scale": scale or session.scale.id},
            )
            return tx.session()

    def submit(self, session_id: str, panellist: str, stage: str) -> Session:
        """Submit (and lock) a panellist's scores for a stage; afterwards they see the others' scores."""
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_actor(session, panellist)
            if any(x.panellist == panellist and x.stage == stage for x in session.submissions):
                return session
            problem = sheet_problem(session, panellist, stage)
            if problem:
                raise BadInput(problem)
            submission = validated(Submission, "submission", {"panellist": panellist, "stage": stage, "time": tx.stamp})
            tx.insert("submissions", submission.model_dump(mode="json"))
            tx.audit(panellist, "scores.submit", new={"stage": stage})
            return tx.session()

    def add_note(self, session_id: str, panellist: str, criterion_id: str, text: str, stage: str) -> Session:
        """Append a time-stamped note to a criterion."""
        text = strip_controls(text or "")  # no bell or escape typed or pasted is kept (as for answers)
        if not text.strip():
            raise BadInput("note: empty")
        problem = fair_caps.too_long(text.strip(), fair_caps.NOTE_MAX_CHARS, "note")
        if problem:
            raise BadInput(problem)
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_criterion(session, criterion_id)
            self._require_actor(session, panellist)
            fields = {"panellist": panellist, "criterion": criterion_id, "stage": stage, "text": text.strip()}
            note = validated(Note, "note", {**fields, "time": tx.stamp})
            tx.insert("notes", note.model_dump(mode="json"))
            tx.audit(panellist, "note.add", criterion=criterion_id, new={"stage": stage, "chars": len(note.text)})
            return tx.session()

    def set_consensus(
        self,
        session_id: str,
        criterion_id: str,
        value: int | None,
        reason: str,
        by: str,
        stage: str,
        override: bool = False,
    ) -> Session:
        """Agree the consensus score for a criterion: the chair only (see scoring.consensus_problem)."""
        reason = strip_controls(reason or "")
        problem = fair_caps.too_long((reason or "").strip(), fair_caps.REASON_MAX_CHARS, "consensus reason")
        if problem:
            raise BadInput(problem)
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_scorable(session, criterion_id, stage, value, "consensus")
            self._require_actor(session, by, chair=True)
            reason, problem = scoring.kept_consensus_reason(session, criterion_id, value, reason or "", stage)
            problem = problem or scoring.consensus_problem(session, criterion_id, value, reason, stage, override)
            if problem:
                raise BadInput(problem)
            fields = {"criterion": criterion_id, "stage": stage, "value": value, "reason": (reason or "").strip()}
            overridden = bool(override and scoring.still_scoring(session, stage))
            record = validated(Consensus, "consensus", {**fields, "by": by, "time": tx.stamp, "override": overridden})
            key = (Query().criterion == criterion_id) & (Query().stage == stage)
            previous = tx.upsert("consensus", record.model_dump(mode="json"), key)
            self._mark_to_review(tx, session, stage)
            tx.audit(
                by,
                "consensus.set",
                criterion=criterion_id,
                old={"value": previous["value"], "reason": previous["reason"]} if previous else None,
                new={"value": value, "reason": record.reason, "stage": stage, "override": overridden},
            )
            return tx.session()

    def accept_agreed(self, session_id: str, by: str, stage: str) -> tuple[Session, list[str]]:
        """Agree, in one save, every row where all panellists submitted the same score (late_scores.unanimous)."""
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_actor(session, by, chair=True)
            rows = unanimous(session, stage, read_audit(self.files(session_id)))
            for cid, value in rows.items():
                fields = {"criterion": cid, "stage": stage, "value": value, "reason": "", "by": by}
                record = validated(Consensus, "consensus", {**fields, "time": tx.stamp})
                tx.upsert(
                    "consensus", record.model_dump(mode="json"), (Query().criterion == cid) & (Query().stage == stage)
                )
                tx.audit(by, "consensus.set", criterion=cid, new={"value": value, "stage": stage, "unanimous": True})
            if rows:
                self._mark_to_review(tx, session, stage)
            return tx.session(), list(rows)

    def record_decision(self, session_id: str, recommendation: str, reason: str, by: str, stage: str) -> Session:
        """Record the panel's recommendation with its reason: the chair only, and only 'not appointable'
        unless the gate is complete and passed."""
        reason = strip_controls(reason or "")
        problem = fair_caps.too_long((reason or "").strip(), fair_caps.REASON_MAX_CHARS, "decision reason")
        if problem:
            raise BadInput(problem)
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_actor(session, by, chair=True)
            problem = scoring.decision_problem(session, recommendation, stage)
            if problem:
                raise BadInput(problem)
            fields = {"stage": stage, "recommendation": recommendation, "reason": (reason or "").strip(), "by": by}
            decision = validated(Decision, "decision", {**fields, "time": tx.stamp})
            previous = tx.upsert("decisions", decision.model_dump(mode="json"), Query().stage == stage)
            tx.audit(
                by,
                "decision.record",
                old={k: previous[k] for k in ("recommendation", "reason")} if previous else None,
                new={"recommendation": recommendation, "reason": decision.reason, "stage": stage},
            )
            return tx.session()

    # leases ------------------------------------------------------------------------------
    def hold(self, session_id: str, panellist: str) -> None:
        """Hold (or keep holding) a panellist at this terminal to view and score the candidate in panel
        mode; BadInput if they are not this login's to hold, another live terminal holds them, or they
        declared a conflict with this candidate (the application is hidden from them)."""
        session = self.load(session_id)
        problem = identity.actor_problem(session.panel, panellist, self.login())
        problem = problem or fairness.viewing_blocked(session, panellist)
        if problem:
            raise BadInput(problem)
        with self._lock(session_id):
            identity.take_lease(self.directory, session_id, panellist, self.holder, self.login())

    def release(self, session_id: str, panellist: str) -> None:
        """Give the panellist back (this terminal's lease only)."""
        identity.drop_lease(self.directory, self.files(session_id).id, panellist, self.holder)

    def _require_actor(self, session: Session, who: str, chair: bool = False) -> None:
        """The acting panellist must be on the panel (the chair for chair's actions), be this terminal's
        login where the panel binds logins, and not be held by another live terminal."""
        problem = identity.actor_problem(session.panel, who, self.login(), chair=chair)
        if problem is None and session.panel is not None:
            same = identity.verified_login(session.panel, who, self.login())  # the person's own app does not block
            problem = identity.lease_problem(self.directory, session.id, who, self.holder, same)
        if problem is None and session.panel is not None:
            # a terminal that scores as one panellist cannot act as another (what stops a shared login
            # borrowing the chair's name to change the panel or unblind it)
            mine = identity.held_by(self.directory, session.id, session.panel.panellists, self.holder)
            if mine and who not in mine:
                problem = f"this terminal acts as {', '.join(mine)}; it cannot act as {who}"
        if problem:
            raise BadInput(problem)

    @staticmethod
    def _mark_to_review(tx: Transaction, session: Session, stage: str, criterion_id: str | None = None) -> None:
        """A changed score marks its criterion's consensus, and any change marks the stage's decision, 'to review'."""
        agreed = {c.criterion for c in session.consensus if c.stage == stage}
        if criterion_id is not None and criterion_id in agreed:
            tx.db.table("consensus").update(
                {"to_review": True}, (Query().criterion == criterion_id) & (Query().stage == stage)
            )
        if any(d.stage == stage for d in session.decisions):
            tx.db.table("decisions").update({"to_review": True}, Query().stage == stage)
