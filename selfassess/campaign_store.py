"""What a role's panel shares across all its candidates: the question plan, the recorded shortlisting
seed and the reserve list. One file per role in the sessions folder:

    campaigns/<role-id>.json          the Campaign (0600, atomic durable save, `.bak` kept)
    campaigns/<role-id>.json.lock     held for every read-modify-write
    campaigns/<role-id>.audit.jsonl   every change: time, actor, action, criterion, old and new

A change to the plan of a stage after any candidate of the role has been scored at that stage is
recorded in the campaign (``plan_changes``, shown on the scoring screen and in exports) as well as
in the audit trail.

In a panel's group folder (setgid, mode 2770: README "Panels on several machines") the campaigns
folder is made 2770 too and its files 0660, as the session files are, so every login of the panel
reads and writes the campaign; anywhere else it is 0700 and they are 0600.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock
from pydantic import ValidationError

from . import fair_caps, fairness
from .campaign_models import Campaign, PlanChange, PlanItem, ReserveList
from .errors import BadInput
from .fileio import GROUP_FILE, atomic_write, ensure_private_dir, file_mode, read_regular
from .merit_view import review_refusal
from .models import ROLE_ID, SCORING_STAGES, AuditEvent, Session
from .plan_clean import clean_plan_item
from .plan_conflict import UNCHECKED, Unchecked, last_change, stale_plan
from .shortlist_order import new_seed

if TYPE_CHECKING:
    from .store import SessionStore

FOLDER = "campaigns"
GROUP_DIR = 0o2770
MAX_CAMPAIGN_BYTES = 4 * 1024 * 1024  # a plan for 100 criteria is well under 1 MB


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _append(path: Path, events: list[AuditEvent], mode: int) -> None:
    """Append to the campaign's audit trail and fsync; a new trail gets the folder's file mode."""
    lines = "".join(e.model_dump_json() + "\n" for e in events).encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, mode)
    try:
        if os.fstat(fd).st_size == 0:
            os.fchmod(fd, mode)  # past the umask: in a panel's group folder the group reads it too
        os.write(fd, lines)
        os.fsync(fd)
    finally:
        os.close(fd)


class CampaignStore:
    """Campaign files beside a SessionStore's sessions; rules checked against the role's sessions."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self.directory = Path(store.directory) / FOLDER

    def path(self, role_id: str) -> Path:
        if not isinstance(role_id, str) or not ROLE_ID.match(role_id):
            raise BadInput(f"role {role_id!r}: not a role id")
        return self.directory / f"{role_id}.json"

    def _unreadable(self, path: Path, exc: OSError) -> BadInput:
        return BadInput(
            f"{path}: cannot read ({exc.strerror}); the campaigns folder and its files must be shared with the "
            "panel's group as the session files are (the next campaign change by the login that made them does it)"
        )

    def _exists(self, path: Path) -> bool:
        try:
            return path.exists() or path.is_symlink()
        except OSError as exc:  # a folder this login may not enter
            raise self._unreadable(path, exc) from None

    def _ensure_folder(self) -> None:
        """The campaigns folder, shared with the panel's group when the sessions folder is (setgid 2770);
        one an earlier version made 0700 there is opened to the group again, with the files we own."""
        ensure_private_dir(self.store.directory)
        if file_mode(self.store.directory) != GROUP_FILE:
            ensure_private_dir(self.directory)
            return
        if not self.directory.is_dir():
            self.directory.mkdir(mode=GROUP_DIR, exist_ok=True)
        info = self.directory.stat()
        if info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) == GROUP_DIR:
            return
        group = self.store.directory.stat().st_gid
        for path in [self.directory, *self.directory.iterdir()]:
            found = path.lstat()
            if found.st_uid != os.getuid() or not (stat.S_ISREG(found.st_mode) or stat.S_ISDIR(found.st_mode)):
                continue
            try:
                os.chown(path, -1, group)
            except OSError:
                pass  # not a member of the folder's group: its mode still lets the group in if it can be
            os.chmod(path, GROUP_DIR if path == self.directory else GROUP_FILE)

    def load(self, role_id: str) -> Campaign:
        """The role's campaign as on disk now (an empty one if nothing has been saved); BadInput, one line
        naming the file, if it cannot be read."""
        path = self.path(role_id)
        if not self._exists(path):
            return Campaign(role_id=role_id)
        raw = read_regular(path, MAX_CAMPAIGN_BYTES, "a campaign file", within=self.directory)
        try:
            return Campaign.model_validate_json(raw)
        except (ValidationError, RecursionError) as exc:
            if isinstance(exc, RecursionError):
                raise BadInput(f"{path}: damaged campaign file (nested too deeply)") from None
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise BadInput(f"{path}: damaged campaign file ({where}: {first['msg']})") from exc

    def audit(self, role_id: str) -> list[AuditEvent]:
        """The campaign's audit trail, oldest first."""
        path = self.path(role_id).with_suffix(".audit.jsonl")
        if not self._exists(path):
            return []
        events = []
        raw = read_regular(
            path, 16 * MAX_CAMPAIGN_BYTES, "a campaign audit trail", within=self.directory, empty_ok=True
        )
        for line in raw.decode("utf-8", errors="replace").splitlines():
            try:
                events.append(AuditEvent.model_validate_json(line))
            except ValidationError:
                continue
        return events

    @contextmanager
    def _change(self, role_id: str) -> Iterator[tuple[Campaign, list[AuditEvent], list[Campaign]]]:
        """Hold the lock, load, let the caller put the new campaign in ``out``, save once, then audit."""
        path = self.path(role_id)
        self._ensure_folder()
        mode = file_mode(self.directory)
        lock = FileLock(str(path) + ".lock", mode=mode)
        try:
            lock.acquire()
        except OSError as exc:
            raise self._unreadable(Path(lock.lock_file), exc) from None
        try:
            campaign = self.load(role_id)
            events: list[AuditEvent] = []
            out: list[Campaign] = []
            yield campaign, events, out
            if not out:
                return
            if path.exists():
                backup = path.with_name(path.name + ".bak")
                atomic_write(backup, path.read_bytes())
            atomic_write(path, out[0].model_dump_json().encode("utf-8"))
            if events:
                login = self.store.login()  # every event records the OS login that made it, as a session's do
                events = [e if e.login else e.model_copy(update={"login": login}) for e in events]
                _append(path.with_suffix(".audit.jsonl"), events, mode)
        finally:
            lock.release()

    def _sessions(self, role_id: str) -> list[Session]:
        return self.store.sessions_of_role(role_id)

    def _require_chair(self, sessions: list[Session], actor: str, what: str) -> None:
        """Once a panel is set for the role, only a chair of it may change what the panel shares, acting
        as themselves (the store's identity checks on a session they chair)."""
        chaired = [s for s in sessions if s.panel is not None]
        chairs = sorted({s.panel.chair for s in chaired if s.panel is not None})
        if chairs and actor not in chairs:
            raise BadInput(f"{what}: only the chair ({', '.join(chairs)}) may change it, not {actor!r}")
        mine = next((s for s in chaired if s.panel is not None and s.panel.chair == actor), None)
        if mine is not None:
            try:
                self.store._require_actor(mine, actor, chair=True)
            except BadInput as exc:
                raise BadInput(f"{what}: {exc.problems[0]}") from None

    def plan_problem(self, role_id: str, actor: str) -> str | None:
        """Why ``actor`` may not change the role's question plan (one line), or None if they may."""
        try:
            self._require_chair(self._sessions(role_id), actor, "question plan")
        except BadInput as exc:
            return exc.problems[0]
        return None

    # question plan ---------------------------------------------------------------------------
    def set_plan_item(
        self, role_id: str, item: PlanItem, actor: str, based_on: PlanItem | Unchecked | None = UNCHECKED
    ) -> Campaign:
        """Save the plan for one criterion at one stage; audited, and recorded as a change if that
        stage's scoring has begun for any candidate of the role. ``based_on``: the saved plan of that
        criterion the edit started from (None: none was saved); if it has changed since, the save is
        refused (StalePlan, naming who changed it and when) rather than silently replacing it."""
        actor = (actor or "").strip()
        if not actor:
            raise BadInput("plan: who is changing it is required")
        if item.stage not in SCORING_STAGES:
            raise BadInput(f"plan {item.criterion}: stage {item.stage!r} is not a scoring stage")
        item = clean_plan_item(item)
        problem = fair_caps.plan_problem(item)
        if problem:
            raise BadInput(problem)
        sessions = self._sessions(role_id)
        self._require_chair(sessions, actor, "question plan")
        if sessions:
            allowed = [c.id for c in fairness.plan_criteria(sessions[0].role, sessions, item.stage)]
            if item.criterion not in allowed:
                raise BadInput(
                    f"plan {item.criterion}: not scored at {item.stage} (criteria: {', '.join(allowed) or 'none'})"
                )
        started = any(s.stage == item.stage for session in sessions for s in session.scores)
        with self._change(role_id) as (campaign, events, out):
            previous = campaign.plan_item(item.criterion, item.stage)
            if previous == item:
                return campaign
            if based_on is not UNCHECKED and previous != based_on:
                event = last_change(self.audit(role_id), item.criterion, item.stage)
                raise stale_plan(item.criterion, item.stage, previous, event)
            stamp = _now()
            plan = [p for p in campaign.plan if (p.criterion, p.stage) != (item.criterion, item.stage)] + [item]
            changes = list(campaign.plan_changes)
            if started:
                changes.append(PlanChange(time=stamp, actor=actor, criterion=item.criterion, stage=item.stage))
            out.append(campaign.model_copy(update={"plan": plan, "plan_changes": changes}))
            events.append(
                AuditEvent(
                    time=stamp,
                    actor=actor,
                    action="plan.change_after_start" if started else "plan.set",
                    criterion=item.criterion,
                    old=previous.model_dump(mode="json") if previous else None,
                    new=item.model_dump(mode="json"),
                )
            )
        return out[0]

    # shortlisting seed -----------------------------------------------------------------------
    def seed(self, role_id: str, actor: str = "system") -> int:
        """The campaign's recorded shortlisting seed, drawn and recorded (audited) the first time."""
        current = self.load(role_id).shuffle_seed
        if current is not None:
            return current
        with self._change(role_id) as (campaign, events, out):
            if campaign.shuffle_seed is not None:
                return campaign.shuffle_seed
            seed = new_seed()
            out.append(campaign.model_copy(update={"shuffle_seed": seed}))
            events.append(AuditEvent(time=_now(), actor=actor, action="shortlist.seed", new={"seed": seed}))
        return out[0].shuffle_seed or seed

    # reserve list ----------------------------------------------------------------------------
    def set_reserve(
        self,
        role_id: str,
        stage: str,
        actor: str,
        months: int = fairness.RESERVE_MONTHS,
        today: date | None = None,
        hint: str = "--stage",
    ) -> ReserveList:
        """Record the reserve list: candidates recommended 'reserve' who pass the gate, in merit order
        (refused while any candidate at the stage has a consensus or decision to review),
        expiring after ``months`` (at most 12). An empty list is refused with where the other panels are
        (``hint`` names how to look at their stage, as summary's does)."""
        if stage not in SCORING_STAGES:
            raise BadInput(f"reserve list: stage {stage!r} is not a scoring stage")
        today = today or _now().date()
        try:
            expires = fairness.reserve_expiry(today, months)
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
        sessions = self._sessions(role_id)
        self._require_chair(sessions, actor, "reserve list")
        if flagged := review_refusal(sessions, stage):
            raise BadInput(flagged)
        order = [s.id for s in fairness.offer_order(sessions, stage)]
        if not order:
            elsewhere = fairness.other_stages(sessions, stage, hint)
            raise BadInput(
                f"reserve list: no candidate of {role_id} is recommended 'reserve' at {stage}"
                + (f"; {elsewhere}" if elsewhere else "")
            )
        reserve = ReserveList.model_validate(
            {"stage": stage, "offer_order": order, "created": _now(), "expires": expires, "by": actor}
        )
        with self._change(role_id) as (campaign, events, out):
            out.append(campaign.model_copy(update={"reserve": reserve}))
            events.append(
                AuditEvent(
                    time=reserve.created,
                    actor=actor,
                    action="reserve.set",
                    old=campaign.reserve.model_dump(mode="json") if campaign.reserve else None,
                    new=reserve.model_dump(mode="json"),
                )
            )
        return reserve
