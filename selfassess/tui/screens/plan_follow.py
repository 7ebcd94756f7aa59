"""What the question plan screen knows of the saved plan of the criterion it shows: the copy its form
started from (sent with a save, so the store refuses one made from a stale copy) and a change another
terminal saved since (noticed by a cheap stat of the campaign file, as the panel screens follow theirs)."""

from __future__ import annotations

from ...campaign_models import PlanItem
from ...campaign_store import CampaignStore
from ...errors import BadInput
from ...plan_conflict import last_change, who_when
from ...watch import FileWatch


class PlanFollow:
    """The saved copy a form is based on, and whether the saved plan has moved on since."""

    def __init__(self, campaigns: CampaignStore, role_id: str) -> None:
        self.campaigns, self.role_id = campaigns, role_id
        self.watch = FileWatch(campaigns.path(role_id))
        self.base: PlanItem | None = None  # the saved plan the form started from (None: none was saved)
        self.theirs: PlanItem | None = None  # the saved plan now, when it differs from base
        self.stale = ""  # who changed it and when, when it differs from base

    def based_on(self, item: PlanItem | None) -> None:
        """The form now starts from ``item`` (just shown, or just saved): nothing stale."""
        self.base, self.theirs, self.stale = item, None, ""

    def moved_on(self, saved: PlanItem | None, criterion: str, stage: str) -> None:
        """The saved plan is now ``saved``, not the copy the form started from: say who changed it and when."""
        self.theirs = saved
        try:
            events = self.campaigns.audit(self.role_id)
        except BadInput:  # an audit trail this login cannot read: the change is still said
            events = []
        self.stale = who_when(last_change(events, criterion, stage))

    def line(self, criterion: str) -> str:
        """The status line while stale."""
        return f"{criterion} was changed by {self.stale} since you opened it: ctrl+r compares (yours is kept)"
