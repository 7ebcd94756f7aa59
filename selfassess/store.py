"""SessionStore: one durable TinyDB file per session. The only module (with store_tx) that touches TinyDB.

Layout of a sessions folder (0700; every file 0600), named in one place by ``SessionPaths``:

    <id>.json          the session: TinyDB tables meta, evidence, scores
    <id>.json.bak      the version before the last write (what `repair` restores)
    <id>.json.lock     the per-session lock every read-modify-write holds
    <id>.audit.jsonl   the audit trail: one JSON event per line, append-only

Every change is one ``store_tx.transaction``: the file opened afresh under the lock (no query cache,
no cached ids: documents are keyed by criterion and panellist and upserted), written once with an
atomic replace and fsync, then its audit events appended. Repair, purge and import live in
``store_maintenance``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock
from tinydb import Query

from . import identity, store_maintenance
from . import roles as role_library
from .errors import BadInput
from .identity import LoginSource
from .models import (
    SCORING_STAGES,
    AuditEvent,
    Evidence,
    Role,
    Scale,
    Score,
    Session,
    SessionSummary,
)
from .safetext import mend_surrogates, strip_controls
from .scoring import change_needs_reason
from .session_files import SUFFIX, SessionDamaged, SessionNotFound, SessionPaths, read_session_file, session_id_ok
from .stage_criteria import plan_choices
from .store_fair import FairStore
from .store_maintenance import parse_age
from .store_panel import PanelMethods
from .store_tx import (
    SCHEMA_VERSION,
    Transaction,
    evidence_digest,
    load_session,
    now,
    read_audit,
    session_lock,
    transaction,
)
from .validation import validated

__all__ = ["SCHEMA_VERSION", "SessionDamaged", "SessionNotFound", "SessionStore", "parse_age", "read_session_file"]


class SessionStore(PanelMethods, FairStore):
    """Sessions in one folder, safe against crashes and concurrent writers."""

    def __init__(
        self, directory: str | os.PathLike[str], login: LoginSource | None = None, holder: str | None = None
    ) -> None:
        """``login`` says which OS user is acting (tests inject one); ``holder`` names this terminal's leases."""
        self.directory = Path(directory)
        self.login: LoginSource = login or identity.os_login
        self.holder = holder or identity.new_holder()

    # paths
    def files(self, session_id: str) -> SessionPaths:
        """Every file of one session (SessionNotFound if the id is not well formed)."""
        return SessionPaths.of(self.directory, session_id)

    def path(self, session_id: str) -> Path:
        return self.files(session_id).file

    def _lock(self, session_id: str) -> FileLock:
        return session_lock(self.files(session_id))

    @contextmanager
    def _transaction(self, session_id: str, create: bool = False) -> Iterator[Transaction]:
        """One change to one session: load under the lock, change, stamp, save atomically, audit."""
        with transaction(self.directory, self.files(session_id), create) as tx:
            yield tx
            login = self.login()  # every event records the OS login of the terminal that made it
            tx.events[:] = [e if e.login else e.model_copy(update={"login": login}) for e in tx.events]

    # public API
    def create(
        self,
        role: Role,
        candidate: str | None = None,
        reference: str | None = None,
        scale: Scale | str | None = None,
        actor: str = "candidate",
    ) -> Session:
        """Start a session on a copy of ``role`` (and of its scale)."""
        if isinstance(scale, str) or scale is None:
            scale = role_library.get_scale(scale or role.scale)
        session_id = f"{now():%Y%m%d}-{secrets.token_hex(4)}"
        stamp = now()
        session = validated(
            Session,
            "session",
            {
                "id": session_id,
                "schema_version": SCHEMA_VERSION,
                "role": role,
                "scale": scale,
                "candidate": candidate or None,
                "reference": reference or None,
                "created": stamp,
                "updated": stamp,
            },
        )
        record = session.model_dump(mode="json", exclude={"evidence", "scores"})
        with self._transaction(session_id, create=True) as tx:
            tx.insert("meta", record)
            tx.stamp = stamp
            tx.audit(actor, "session.create", new={"role": role.id, "scale": scale.id})
        return session

    def load(self, session_id: str) -> Session:
        """The session as it is on disk now."""
        return load_session(self.files(session_id))

    def load_all(self) -> tuple[list[Session], list[str]]:
        """Every readable session in the folder, and one line per file that could not be read."""
        sessions: list[Session] = []
        problems: list[str] = []
        if not self.directory.is_dir():
            return sessions, problems
        for path in self.directory.glob(f"*{SUFFIX}"):
            if not session_id_ok(path.stem):
                continue
            try:
                sessions.append(self.load(path.stem))
            except BadInput as exc:
                problems.append(exc.problems[0])
        return sessions, problems

    def sessions_of_role(self, role_id: str) -> list[Session]:
        """Every readable session of one role, most recently changed first."""
        sessions, _ = self.load_all()
        return sorted((s for s in sessions if s.role.id == role_id), key=lambda s: (s.updated, s.id), reverse=True)

    def scan(self) -> tuple[list[SessionSummary], list[str]]:
        """Every readable session (most recently changed first), and one line per unreadable file."""
        sessions, problems = self.load_all()
        summaries = [
            SessionSummary(
                id=s.id,
                role_id=s.role.id,
                role_title=s.role.title,
                candidate=None if s.blind else s.candidate,  # a blind panel's candidate is never listed by name
                blind=s.blind,
                reference=s.reference,
                stage=s.stage,
                updated=s.updated,
                total=len(s.role.criteria),
                answered=sum(1 for e in s.evidence.values() if e.text.strip()),
            )
            for s in sessions
        ]
        summaries.sort(key=lambda s: (s.updated, s.id), reverse=True)
        return summaries, problems

    def summaries(self) -> list[SessionSummary]:
        """Summaries of every readable session, most recently changed first."""
        return self.scan()[0]

    def set_evidence(
        self, session_id: str, criterion_id: str, text: str, self_rating: int | None = None, actor: str = "candidate"
    ) -> Session:
        """Save the evidence (and optionally the self-rating) for one criterion."""
        if not isinstance(text, str):
            raise BadInput(f"evidence for {criterion_id}: must be text")
        text = mend_surrogates(text)  # a lone surrogate (a broken paste) never stops the answer saving
        text = strip_controls(text)  # no bell, escape or NUL from a paste is kept, so every renderer is safe
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_criterion(session, criterion_id)
            if self_rating is not None:
                self._require_level(session, self_rating, f"self-rating for {criterion_id}")
            old = session.evidence.get(criterion_id)
            old_text = old.text if old else ""
            old_rating = old.self_rating if old else None
            new_rating = old_rating if self_rating is None else self_rating
            if old is not None and old_text == text and old_rating == new_rating:
                return session
            fields = {"criterion": criterion_id, "text": text, "self_rating": new_rating, "updated": tx.stamp}
            evidence = validated(Evidence, f"evidence for {criterion_id}", fields)  # e.g. an answer over the cap
            tx.upsert("evidence", evidence.model_dump(mode="json"), Query().criterion == criterion_id)
            if old_text != text:
                tx.audit(
                    actor,
                    "evidence.set",
                    criterion=criterion_id,
                    old=evidence_digest(old_text),
                    new=evidence_digest(text),
                )
            if old_rating != new_rating:
                tx.audit(actor, "self_rating.set", criterion=criterion_id, old=old_rating, new=new_rating)
            return tx.session()

    def record_score(
        self,
        session_id: str,
        panellist: str,
        criterion_id: str,
        value: int | None,
        note: str = "",
        stage: str = "interview",
        reason: str | None = None,
    ) -> Session:
        """Record (or change) one panellist's score for one criterion at one stage.

        Once the panellist has submitted the stage, any score is a change: it needs a written ``reason``
        and is audited as ``score.change`` (see scoring.change_needs_reason).
        """
        if stage not in SCORING_STAGES:
            raise BadInput(f"stage {stage!r}: must be one of {', '.join(SCORING_STAGES)}")
        note = strip_controls(note or "")  # no bell or escape typed or pasted is kept, as for answers
        reason = None if reason is None else strip_controls(reason)
        panellist = (panellist or "").strip()
        if not panellist:
            raise BadInput("panellist: a name is required")
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_scorable(session, criterion_id, stage, value, "score")
            fields = {"panellist": panellist, "criterion": criterion_id, "stage": stage, "value": value}
            score = validated(Score, "score", {**fields, "note": note, "time": tx.stamp})
            self._require_actor(session, panellist)
            self._require_may_score(session, panellist, note)
            locked = change_needs_reason(session, panellist, criterion_id, stage)
            if locked and not (reason or "").strip():
                raise BadInput(
                    f"{panellist} has submitted the {stage} scores: a change needs a written reason "
                    "(a first score given after submitting is a change too)"
                )
            key = (Query().panellist == panellist) & (Query().criterion == criterion_id) & (Query().stage == stage)
            previous = tx.upsert("scores", score.model_dump(mode="json"), key)
            if previous is None or previous["value"] != value:
                self._mark_to_review(tx, session, stage, criterion_id)
            old = {"value": previous["value"], "note": previous["note"]} if previous else None
            new = {"value": value, "note": note, "stage": stage}
            if locked:
                new["reason"] = (reason or "").strip()
            action = "score.change" if locked else "score.record"
            tx.audit(panellist, action, criterion=criterion_id, old=old, new=new)
            return tx.session()

    def set_stage_criteria(self, session_id: str, stage: str, criteria: list[str], reason: str, actor: str) -> Session:
        """The chair chooses exactly which criteria ``stage`` scores (every change with a reason, audited).

        Scores already given for a criterion taken out are kept, shown and no longer counted.
        """
        if stage not in SCORING_STAGES:
            raise BadInput(f"stage {stage!r}: must be one of {', '.join(SCORING_STAGES)}")
        reason = strip_controls(reason or "")
        with self._transaction(session_id) as tx:
            session = tx.session()
            choices = plan_choices(session, stage, criteria, reason, actor, tx.stamp)
            self._require_actor(session, actor, chair=True)  # and bound to this terminal's login
            if not choices:
                return session
            tx.update_meta({"stage_choices": [c.model_dump(mode="json") for c in session.stage_choices + choices]})
            for choice in choices:
                tx.audit(
                    actor,
                    "stage.criterion.add" if choice.include else "stage.criterion.remove",
                    criterion=choice.criterion,
                    new={"stage": stage, "reason": choice.reason, "scores_affected": choice.scores_affected},
                )
            return tx.session()

    def audit(self, session_id: str) -> list[AuditEvent]:
        """The session's audit trail, oldest first (a torn last line from a crash is skipped)."""
        return read_audit(self.files(session_id))

    # maintenance (store_maintenance)
    import_session = store_maintenance.import_session  # check an export as if typed, then write it

    def repair(self, session_id: str) -> Path:
        """Restore the last good version of a damaged session; the damaged file is kept aside."""
        return store_maintenance.repair(self, session_id)

    def purge(self, older_than: timedelta, dry_run: bool = False) -> list[store_maintenance.Purged]:
        """Delete sessions last changed before now - older_than, with every file of theirs (each reported)."""
        return store_maintenance.purge(self, older_than, dry_run)

    # checks
    @staticmethod
    def _require_criterion(session: Session, criterion_id: str) -> None:
        if session.role.criterion(criterion_id) is None:
            raise BadInput(
                f"criterion {criterion_id!r}: not in role {session.role.id} "
                f"({', '.join(c.id for c in session.role.criteria)})"
            )

    @staticmethod
    def _require_level(session: Session, value: Any, what: str) -> None:
        scale = session.scale
        if isinstance(value, bool) or not isinstance(value, int) or scale.level(value) is None:
            raise BadInput(f"{what}: {value!r} is out of range for {scale.name} ({scale.minimum} to {scale.maximum})")
