"""A question-plan save made from a copy someone else has changed since is refused: the save says what
it was based on, the campaign store compares under its lock, and the refusal names who changed the
plan and when (from the campaign's audit trail)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from .campaign_models import PlanItem
from .errors import BadInput
from .models import AuditEvent

PLAN_ACTIONS = ("plan.set", "plan.change_after_start")


class Unchecked(Enum):
    """A save that says nothing of what it was based on (a script's): not checked."""

    UNCHECKED = "unchecked"


UNCHECKED = Unchecked.UNCHECKED


class StalePlan(BadInput):
    """The plan of a criterion changed since the copy a save was based on; ``current`` is what is saved now."""

    def __init__(self, message: str, current: PlanItem | None, who: str) -> None:
        super().__init__(message)
        self.current, self.who = current, who


def last_change(events: Iterable[AuditEvent], criterion: str, stage: str) -> AuditEvent | None:
    """The newest audited save of one criterion's plan at one stage, or None."""
    found = None
    for event in events:
        new = event.new if isinstance(event.new, dict) else {}
        if event.action in PLAN_ACTIONS and event.criterion == criterion and new.get("stage") == stage:
            found = event
    return found


def who_when(event: AuditEvent | None) -> str:
    """'Ann Chair (login ann) at 23 Nov 03:12', or a plain phrase when the trail does not say."""
    if event is None:
        return "someone (not in the audit trail)"
    login = f" (login {event.login})" if event.login else ""
    return f"{event.actor}{login} at {event.time.astimezone():%d %b %H:%M}"


def stale_plan(criterion: str, stage: str, current: PlanItem | None, event: AuditEvent | None) -> StalePlan:
    """The refusal: one line saying the plan changed since this copy was opened, by whom and when."""
    who = who_when(event)
    message = f"plan {criterion} ({stage}) was changed by {who} after you opened it; yours is kept, not saved over it"
    return StalePlan(message, current, who)
