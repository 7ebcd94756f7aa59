"""SessionStore: one durable TinyDB file per session. The only module that touches TinyDB.

Layout of a sessions folder (0700; every file 0600):

    <id>.json          the session: TinyDB tables meta, evidence, scores
    <id>.json.bak      the version before the last write (what `repair` restores)
    <id>.json.lock     the per-session lock every read-modify-write holds
    <id>.audit.jsonl   the audit trail: one JSON event per line, append-only

Every change opens the file afresh under the lock (no query cache, no cached ids: documents are
keyed by criterion and panellist and upserted), writes it once with an atomic replace and fsync,
then appends its audit events. A file that does not parse is never written over.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock
from pydantic import ValidationError
from tinydb import Query, TinyDB
from tinydb.storages import Storage

from . import roles as role_library
from .errors import BadInput
from .fileio import PRIVATE_FILE, atomic_write, ensure_private_dir, fsync_dir
from .models import (
    SCORING_STAGES,
    AuditEvent,
    Consensus,
    Decision,
    Note,
    Panel,
    Role,
    Scale,
    Score,
    Session,
    SessionSummary,
    Submission,
)
from .session_files import SUFFIX, SessionDamaged, SessionNotFound, read_session_file, session_id_ok
from .stage_criteria import plan_choices, require_scored

SCHEMA_VERSION = 2
__all__ = ["SCHEMA_VERSION", "SessionDamaged", "SessionNotFound", "SessionStore", "parse_age", "read_session_file"]


def now() -> datetime:
    """The current time, UTC, to the second (what the audit trail and the files record)."""
    return datetime.now(UTC).replace(microsecond=0)


# --- storage -------------------------------------------------------------------------------


class TransactionStorage(Storage):
    """A TinyDB storage for one transaction: reads the file once, writes it once on commit.

    The commit writes a temp file in the same folder, fsyncs it, keeps the old file as ``.bak``
    (a hard link, no copy), replaces the file atomically and fsyncs the folder.
    """

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = read_session_file(self.path)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def commit(self) -> None:
        if not self.dirty or self._data is None:
            return
        payload = json.dumps(self._data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if self.path.exists():
            backup = self.path.with_name(self.path.name + ".bak")
            staging = self.path.with_name(f".{self.path.name}.bak.{os.getpid()}")
            try:
                os.unlink(staging)
            except FileNotFoundError:
                pass
            os.link(self.path, staging)
            os.replace(staging, backup)
        atomic_write(self.path, payload, PRIVATE_FILE)
        self.dirty = False

    def close(self) -> None:
        pass


# --- migrations ----------------------------------------------------------------------------


def _migrate_1_to_2(data: dict[str, Any]) -> None:
    """Schema 1 named its scale by id only and had no stage on scores (all were interview)."""
    for meta in data["meta"].values():
        scale_id = meta.pop("scale_id", None) or meta["role"].get("scale", "council-0-5")
        meta["scale"] = role_library.get_scale(scale_id).model_dump(mode="json")
        meta.setdefault("stage", "application")
    for score in data.get("scores", {}).values():
        score.setdefault("stage", "interview")


MIGRATIONS: dict[int, Callable[[dict[str, Any]], None]] = {1: _migrate_1_to_2}


def migrate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring a raw session document up to SCHEMA_VERSION, in place."""
    meta = next(iter(data["meta"].values()))
    version = meta.get("schema_version", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise SessionDamaged(
            f"{path}: schema version {version!r} is newer than this selfassess "
            f"understands ({SCHEMA_VERSION}); upgrade selfassess"
        )
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](data)
        version += 1
        for record in data["meta"].values():
            record["schema_version"] = version
    return data


def session_from_raw(data: dict[str, Any], path: Path) -> Session:
    """Validate a (migrated) raw document as a Session; SessionDamaged names the file."""
    meta = dict(next(iter(data["meta"].values())))
    meta["evidence"] = {e["criterion"]: e for e in data.get("evidence", {}).values()}
    meta["scores"] = list(data.get("scores", {}).values())
    for table in ("submissions", "notes", "consensus", "decisions"):
        meta[table] = list(data.get(table, {}).values())
    try:
        return Session.model_validate(meta)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SessionDamaged(f"{path}: damaged session file ({where}: {first['msg']})") from exc


# --- the store -----------------------------------------------------------------------------


def _digest(text: str) -> dict[str, Any]:
    """What the audit trail records of an evidence text: its size and a fingerprint, not a copy."""
    return {
        "words": len(text.split()),
        "chars": len(text),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    }


@dataclass
class Transaction:
    """An open session file under its lock; ``events`` are appended to the audit after the commit."""

    db: TinyDB
    path: Path
    events: list[AuditEvent] = field(default_factory=list)

    def session(self) -> Session:
        """The session as this transaction sees it (including its own changes)."""
        return session_from_raw(self.db.storage.read(), self.path)  # type: ignore[attr-defined]

    def touch(self, when: datetime) -> None:
        """Record when the session last changed."""
        self.db.table("meta").update({"updated": when.isoformat()})


class SessionStore:
    """Sessions in one folder, safe against crashes and concurrent writers."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    # paths
    def path(self, session_id: str) -> Path:
        if not session_id_ok(session_id):
            raise SessionNotFound(f"{session_id!r}: not a session id")
        return self.directory / f"{session_id}{SUFFIX}"

    def _audit_path(self, session_id: str) -> Path:
        return self.directory / f"{session_id}.audit.jsonl"

    def _lock(self, session_id: str) -> FileLock:
        return FileLock(str(self.path(session_id)) + ".lock", mode=PRIVATE_FILE)

    # transactions
    @contextmanager
    def _transaction(self, session_id: str, create: bool = False) -> Iterator[Transaction]:
        """Hold the session's lock, open its file afresh, commit once if nothing failed, then audit."""
        path = self.path(session_id)
        ensure_private_dir(self.directory)
        with self._lock(session_id):
            if not create and not path.exists():
                raise SessionNotFound(f"{path}: no such session")
            if create and path.exists():
                raise BadInput(f"{path}: session already exists")
            db = TinyDB(str(path), storage=TransactionStorage)
            storage: TransactionStorage = db.storage  # type: ignore[assignment]
            if not create:
                migrate(storage.read(), path)  # type: ignore[arg-type]
            tx = Transaction(db, path)
            yield tx
            storage.commit()
            self._append_audit(session_id, tx.events)

    def _append_audit(self, session_id: str, events: list[AuditEvent]) -> None:
        """Append events to the audit trail and fsync (called while holding the session lock)."""
        if not events:
            return
        path = self._audit_path(session_id)
        lines = "".join(e.model_dump_json() + "\n" for e in events).encode("utf-8")
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        try:
            os.write(fd, lines)
            os.fsync(fd)
        finally:
            os.close(fd)

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
        try:
            session = Session(
                id=session_id,
                schema_version=SCHEMA_VERSION,
                role=role,
                scale=scale,
                candidate=(candidate or None),
                reference=(reference or None),
                created=stamp,
                updated=stamp,
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            raise BadInput(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from exc
        record = session.model_dump(mode="json", exclude={"evidence", "scores"})
        with self._transaction(session_id, create=True) as tx:
            tx.db.table("meta").insert(record)
            tx.events.append(
                AuditEvent(time=stamp, actor=actor, action="session.create", new={"role": role.id, "scale": scale.id})
            )
        return session

    def load(self, session_id: str) -> Session:
        """The session as it is on disk now."""
        path = self.path(session_id)
        data = read_session_file(path)
        if data is None:
            raise SessionNotFound(f"{path}: no such session")
        return session_from_raw(migrate(data, path), path)

    def load_all(self) -> tuple[list[Session], list[str]]:
        """Every readable session in the folder, and one line per file that could not be read."""
        sessions, problems = [], []
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
                candidate=s.candidate,
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

    def list(self) -> list[SessionSummary]:
        """Summaries of every readable session, most recently changed first."""
        return self.scan()[0]

    def set_evidence(
        self, session_id: str, criterion_id: str, text: str, self_rating: int | None = None, actor: str = "candidate"
    ) -> Session:
        """Save the evidence (and optionally the self-rating) for one criterion."""
        if not isinstance(text, str):
            raise BadInput(f"evidence for {criterion_id}: must be text")
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
            stamp = now()
            doc = {"criterion": criterion_id, "text": text, "self_rating": new_rating, "updated": stamp.isoformat()}
            tx.db.table("evidence").upsert(doc, Query().criterion == criterion_id)
            tx.touch(stamp)
            if old_text != text:
                tx.events.append(
                    AuditEvent(
                        time=stamp,
                        actor=actor,
                        action="evidence.set",
                        criterion=criterion_id,
                        old=_digest(old_text),
                        new=_digest(text),
                    )
                )
            if old_rating != new_rating:
                tx.events.append(
                    AuditEvent(
                        time=stamp,
                        actor=actor,
                        action="self_rating.set",
                        criterion=criterion_id,
                        old=old_rating,
                        new=new_rating,
                    )
                )
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

        Once the panellist has submitted the stage, a change needs a written ``reason`` (audited).
        """
        if stage not in SCORING_STAGES:
            raise BadInput(f"stage {stage!r}: must be one of {', '.join(SCORING_STAGES)}")
        panellist = (panellist or "").strip()
        if not panellist:
            raise BadInput("panellist: a name is required")
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_criterion(session, criterion_id)
            require_scored(session, stage, criterion_id)
            if value is not None:
                self._require_level(session, value, f"score for {criterion_id}")
            stamp = now()
            try:
                score = Score(
                    panellist=panellist, criterion=criterion_id, stage=stage, value=value, note=note, time=stamp
                )
            except ValidationError as exc:
                first = exc.errors()[0]
                raise BadInput(f"score {first['loc'][0]}: {first['msg']}") from exc
            self._require_panellist(session, panellist)
            locked = any(x.panellist == panellist and x.stage == stage for x in session.submissions)
            if locked and not (reason or "").strip():
                raise BadInput(f"{panellist} has submitted the {stage} scores: a change needs a written reason")
            key = (Query().panellist == panellist) & (Query().criterion == criterion_id) & (Query().stage == stage)
            scores = tx.db.table("scores")
            previous = scores.get(key)
            scores.upsert(score.model_dump(mode="json"), key)
            tx.touch(stamp)
            old = {"value": previous["value"], "note": previous["note"]} if previous else None
            new = {"value": value, "note": note, "stage": stage}
            if locked:
                new["reason"] = reason.strip()
            tx.events.append(
                AuditEvent(
                    time=stamp,
                    actor=panellist,
                    action="score.change" if locked else "score.record",
                    criterion=criterion_id,
                    old=old,
                    new=new,
                )
            )
            return tx.session()

    # panel ---------------------------------------------------------------------------
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
    ) -> Session:
        """Set who scores, at which stage; the scale may change only before the first score."""
        if stage not in SCORING_STAGES:
            raise BadInput(f"stage {stage!r}: must be one of {', '.join(SCORING_STAGES)}")
        try:
            panel = Panel(
                panellists=[p.strip() for p in panellists],
                chair=(chair or "").strip(),
                stage=stage,
                threshold=threshold,
                blind=blind,
            )
        except ValidationError as exc:
            raise BadInput(f"panel: {exc.errors()[0]['msg'].removeprefix('Value error, ')}") from exc
        with self._transaction(session_id) as tx:
            session = tx.session()
            changes: dict[str, Any] = {"panel": panel.model_dump(mode="json"), "stage": stage}
            if scale is not None and scale != session.scale.id:
                if session.scores:
                    raise BadInput(f"scale: cannot change to {scale!r} after the first score")
                changes["scale"] = role_library.get_scale(scale).model_dump(mode="json")
            stamp = now()
            tx.db.table("meta").update(changes)
            tx.touch(stamp)
            tx.events.append(
                AuditEvent(
                    time=stamp,
                    actor=actor or panel.chair,
                    action="panel.set",
                    old=session.panel.model_dump(mode="json") if session.panel else None,
                    new={**panel.model_dump(mode="json"), "scale": scale or session.scale.id},
                )
            )
            return tx.session()

    def set_stage_criteria(self, session_id: str, stage: str, criteria: list[str], reason: str, actor: str) -> Session:
        """The chair chooses exactly which criteria ``stage`` scores (every change with a reason, audited).

        Scores already given for a criterion taken out are kept, shown and no longer counted.
        """
        if stage not in SCORING_STAGES:
            raise BadInput(f"stage {stage!r}: must be one of {', '.join(SCORING_STAGES)}")
        with self._transaction(session_id) as tx:
            session = tx.session()
            stamp = now()
            choices = plan_choices(session, stage, criteria, reason, actor, stamp)
            if not choices:
                return session
            recorded = [c.model_dump(mode="json") for c in session.stage_choices + choices]
            tx.db.table("meta").update({"stage_choices": recorded})
            tx.touch(stamp)
            for choice in choices:
                tx.events.append(
                    AuditEvent(
                        time=stamp,
                        actor=actor,
                        action="stage.criterion.add" if choice.include else "stage.criterion.remove",
                        criterion=choice.criterion,
                        new={"stage": stage, "reason": choice.reason, "scores_affected": choice.scores_affected},
                    )
                )
            return tx.session()

    def submit(self, session_id: str, panellist: str, stage: str) -> Session:
        """Submit (and lock) a panellist's scores for a stage; afterwards they see the others' scores."""
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_panellist(session, panellist)
            if any(x.panellist == panellist and x.stage == stage for x in session.submissions):
                return session
            stamp = now()
            tx.db.table("submissions").insert(
                Submission(panellist=panellist, stage=stage, time=stamp).model_dump(mode="json")
            )
            tx.touch(stamp)
            tx.events.append(AuditEvent(time=stamp, actor=panellist, action="scores.submit", new={"stage": stage}))
            return tx.session()

    def add_note(self, session_id: str, panellist: str, criterion_id: str, text: str, stage: str) -> Session:
        """Append a time-stamped note to a criterion."""
        if not (text or "").strip():
            raise BadInput("note: empty")
        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_criterion(session, criterion_id)
            stamp = now()
            try:
                note = Note(panellist=panellist, criterion=criterion_id, stage=stage, text=text.strip(), time=stamp)
            except ValidationError as exc:
                raise BadInput(f"note: {exc.errors()[0]['msg']}") from exc
            tx.db.table("notes").insert(note.model_dump(mode="json"))
            tx.touch(stamp)
            tx.events.append(
                AuditEvent(
                    time=stamp,
                    actor=panellist,
                    action="note.add",
                    criterion=criterion_id,
                    new={"stage": stage, "chars": len(note.text)},
                )
            )
            return tx.session()

    def set_consensus(
        self, session_id: str, criterion_id: str, value: int | None, reason: str, by: str, stage: str
    ) -> Session:
        """Agree the consensus score for a criterion; a value no panellist gave needs a reason."""
        from .scoring import consensus_needs_reason, stage_scores

        with self._transaction(session_id) as tx:
            session = tx.session()
            self._require_criterion(session, criterion_id)
            require_scored(session, stage, criterion_id)
            if value is not None:
                self._require_level(session, value, f"consensus for {criterion_id}")
            given = list(stage_scores(session, stage).get(criterion_id, {}).values())
            if consensus_needs_reason(value, given) and not (reason or "").strip():
                raise BadInput(
                    f"consensus for {criterion_id}: {value} differs from every panellist's score; give a reason"
                )
            stamp = now()
            record = Consensus(
                criterion=criterion_id, stage=stage, value=value, reason=(reason or "").strip(), by=by, time=stamp
            )
            key = (Query().criterion == criterion_id) & (Query().stage == stage)
            table = tx.db.table("consensus")
            previous = table.get(key)
            table.upsert(record.model_dump(mode="json"), key)
            tx.touch(stamp)
            tx.events.append(
                AuditEvent(
                    time=stamp,
                    actor=by,
                    action="consensus.set",
                    criterion=criterion_id,
                    old={"value": previous["value"], "reason": previous["reason"]} if previous else None,
                    new={"value": value, "reason": record.reason, "stage": stage},
                )
            )
            return tx.session()

    def record_decision(self, session_id: str, recommendation: str, reason: str, by: str, stage: str) -> Session:
        """Record the panel's recommendation with its reason, who and when."""
        from .scoring import gate

        with self._transaction(session_id) as tx:
            result = gate(tx.session(), stage)
            if recommendation != "not appointable" and not result.passed:
                failed = ", ".join(f"{cid} ({why})" for cid, why in result.failed)
                raise BadInput(f"decision: not appointable: the essential-criteria gate fails on {failed}")
            stamp = now()
            try:
                decision = Decision(
                    stage=stage, recommendation=recommendation, reason=(reason or "").strip(), by=by, time=stamp
                )
            except ValidationError as exc:
                first = exc.errors()[0]
                raise BadInput(f"decision {first['loc'][0]}: {first['msg']}") from exc
            key = Query().stage == stage
            table = tx.db.table("decisions")
            previous = table.get(key)
            table.upsert(decision.model_dump(mode="json"), key)
            tx.touch(stamp)
            tx.events.append(
                AuditEvent(
                    time=stamp,
                    actor=by,
                    action="decision.record",
                    old={k: previous[k] for k in ("recommendation", "reason")} if previous else None,
                    new={"recommendation": recommendation, "reason": decision.reason, "stage": stage},
                )
            )
            return tx.session()

    def import_session(self, session: Session, audit: list[AuditEvent], force: bool = False) -> Session:
        """Write an exported session (and its audit trail) back into the store under its own id."""
        path = self.path(session.id)
        if path.exists() and not force:
            raise BadInput(f"{path}: session {session.id} already exists (use --force to replace it)")
        data = session.model_dump(mode="json")
        tables = {
            "meta": {
                "1": {
                    k: v
                    for k, v in data.items()
                    if k not in ("evidence", "scores", "submissions", "notes", "consensus", "decisions")
                }
            },
            "evidence": {str(i): e for i, e in enumerate(data["evidence"].values(), start=1)},
        }
        for table in ("scores", "submissions", "notes", "consensus", "decisions"):
            tables[table] = {str(i): row for i, row in enumerate(data[table], start=1)}
        ensure_private_dir(self.directory)
        with self._lock(session.id):
            atomic_write(path, json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            audit_path = self._audit_path(session.id)
            lines = "".join(e.model_dump_json() + "\n" for e in audit).encode("utf-8")
            atomic_write(audit_path, lines)
            self._append_audit(
                session.id,
                [AuditEvent(time=now(), actor="import", action="session.import", new={"events": len(audit)})],
            )
        return self.load(session.id)

    def audit(self, session_id: str) -> list[AuditEvent]:
        """The session's audit trail, oldest first (a torn last line from a crash is skipped)."""
        self.path(session_id)
        path = self._audit_path(session_id)
        if not path.exists():
            if not self.path(session_id).exists():
                raise SessionNotFound(f"{self.path(session_id)}: no such session")
            return []
        events = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                events.append(AuditEvent.model_validate_json(line))
            except ValidationError:
                continue
        return events

    # maintenance
    def repair(self, session_id: str) -> Path:
        """Restore the last good version of a damaged session; the damaged file is kept aside."""
        path = self.path(session_id)
        backup = path.with_name(path.name + ".bak")
        with self._lock(session_id):
            try:
                data = read_session_file(path)
                if data is not None:
                    session_from_raw(migrate(data, path), path)
                    raise BadInput(f"{path}: not damaged; nothing to repair")
            except SessionDamaged:
                pass
            if not backup.exists():
                raise BadInput(f"{path}: no previous version ({backup.name}) to restore")
            data = read_session_file(backup)
            if data is None:
                raise BadInput(f"{backup}: missing")
            session_from_raw(migrate(data, backup), backup)
            if path.exists():
                aside = path.with_name(f"{path.name}.damaged-{now():%Y%m%dT%H%M%S}")
                os.replace(path, aside)
            atomic_write(path, backup.read_bytes(), PRIVATE_FILE)
        return path

    def purge(self, older_than: timedelta, dry_run: bool = False) -> list[SessionSummary]:
        """Delete sessions last changed before now - older_than (with their backups and audit)."""
        cutoff = now() - older_than
        doomed = [s for s in self.list() if s.updated < cutoff]
        if dry_run:
            return doomed
        for summary in doomed:
            with self._lock(summary.id):
                base = self.path(summary.id)
                for victim in (base, base.with_name(base.name + ".bak"), self._audit_path(summary.id)):
                    try:
                        victim.unlink()
                    except FileNotFoundError:
                        pass
            try:
                Path(str(base) + ".lock").unlink()
            except FileNotFoundError:
                pass
        if doomed:
            fsync_dir(self.directory)
        return doomed

    # checks
    @staticmethod
    def _require_panellist(session: Session, panellist: str) -> None:
        if session.panel is not None and panellist not in session.panel.panellists:
            raise BadInput(f"panellist {panellist!r}: not on this panel ({', '.join(session.panel.panellists)})")

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


def parse_age(text: str) -> timedelta:
    """'180d', '26w' or '12h' as a timedelta; BadInput otherwise."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*([dwh]?)\s*", text or "")
    if not match:
        raise BadInput(f"--older-than {text!r}: expected a number of days such as 180d (or 26w, 12h)")
    number, unit = int(match.group(1)), match.group(2) or "d"
    return {"d": timedelta(days=number), "w": timedelta(weeks=number), "h": timedelta(hours=number)}[unit]
