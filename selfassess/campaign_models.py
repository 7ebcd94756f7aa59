"""A role's campaign: the question plan, the shortlisting order's seed and the reserve list (one file per role)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from .models import ROLE_ID, Stage, Strict


class ReviewGuide(Strict):
    """What a strong, an acceptable and a weak answer shows (strong: the top levels; acceptable: from
    the scale's met level; weak: below it)."""

    strong: str = Field(default="", max_length=5000)
    acceptable: str = Field(default="", max_length=5000)
    weak: str = Field(default="", max_length=5000)


class PlanItem(Strict):
    """The plan for one criterion at one stage: questions, follow-up probes and the review guide."""

    criterion: str
    stage: Stage = "interview"
    questions: list[str] = Field(default_factory=list)
    probes: list[str] = Field(default_factory=list)
    guide: ReviewGuide = Field(default_factory=ReviewGuide)


class PlanChange(Strict):
    """A change to the question plan made after scoring of that stage had begun (shown and audited)."""

    time: datetime
    actor: str
    criterion: str
    stage: Stage


class ReserveList(Strict):
    """Candidates held in reserve, in the order they are offered the job, until the list expires."""

    stage: Stage
    offer_order: list[str] = Field(description="Session ids, best first")
    created: datetime
    expires: date
    by: str


class Campaign(Strict):
    """Everything a role's panel shares across its candidates; one file per role."""

    role_id: str = Field(pattern=ROLE_ID.pattern)
    plan: list[PlanItem] = Field(default_factory=list)
    plan_changes: list[PlanChange] = Field(default_factory=list)
    shuffle_seed: int | None = Field(default=None, description="Recorded seed of every panellist's shortlisting order")
    reserve: ReserveList | None = None

    def plan_item(self, criterion: str, stage: str) -> PlanItem | None:
        """The plan for one criterion at one stage, or None."""
        return next((p for p in self.plan if p.criterion == criterion and p.stage == stage), None)
