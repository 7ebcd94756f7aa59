"""A panellist's criterion-first shortlisting pass over a role's applications: what to show next,
scoring it through the store, and progress. Plain Python (the screen and the benchmark drive it).

Applications are anonymised by default: each is shown as "Application N of M" (its place in this
panellist's order for the criterion) with the candidate's name, e-mail and phone removed from the
evidence. A conflicted application is not in the panellist's pass at all (not shown, not numbered, not
counted), from the moment the conflict is declared; the store refuses a score anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import fairness, scoring
from .campaign_models import PlanItem
from .campaign_store import CampaignStore
from .export.summary_common import redactor
from .models import Criterion, Session
from .shortlist_order import Position, Progress, Queue, blocked_sessions, progress, scored_pairs
from .store import SessionStore

STAGE = "shortlisting"


@dataclass(frozen=True)
class Item:
    """What the screen shows: one application's evidence for one criterion."""

    position: Position
    criterion: Criterion
    label: str
    evidence: str
    plan: PlanItem | None
    my_score: int | None
    scored: bool
    conflicted: bool = False  # this panellist declared a conflict: the evidence is not shown


class ShortlistPass:
    """One panellist's pass; sessions are loaded once and replaced by what each save returns."""

    def __init__(self, store: SessionStore, role_id: str, panellist: str, anonymise: bool = True) -> None:
        self.store, self.role_id, self.panellist, self.anonymise = store, role_id, panellist, anonymise
        sessions = store.sessions_of_role(role_id)
        self.sessions: dict[str, Session] = {s.id: s for s in sessions}
        if not sessions:
            raise ValueError(f"role {role_id}: no applications to shortlist")
        role = sessions[0].role
        self.criteria = fairness.plan_criteria(role, sessions, STAGE)
        ids = {c.id for c in self.criteria}
        # a criterion the chair left out of one candidate's shortlisting is not theirs to score
        self.skip = {
            (cid, s.id) for s in sessions for cid in ids - {c.id for c in scoring.criteria_for_stage(s, STAGE)}
        }
        campaigns = CampaignStore(store)
        self.campaign = campaigns.load(role_id)
        self.seed = campaigns.seed(role_id, panellist)
        panellists = list(dict.fromkeys(p for s in sessions if s.panel for p in s.panel.panellists))
        if panellist not in panellists:
            panellists.append(panellist)
        self.queue = Queue(self.sessions, [c.id for c in self.criteria], self.seed, panellists, panellist)
        self.done = scored_pairs(sessions, panellist, STAGE)
        self.blocked = blocked_sessions(sessions, panellist)

    def item(self, position: Position) -> Item:
        """The item at a position, anonymised if asked, numbered among the applications this panellist
        may see (one hidden by a conflict declared since it was shown keeps its evidence hidden)."""
        position = self.queue.placed(position, self.blocked, self.skip)
        session = self.sessions[position.session_id]
        criterion = next(c for c in self.criteria if c.id == position.criterion)
        evidence = session.evidence.get(criterion.id)
        conflicted = session.id in self.blocked
        text = "" if conflicted else evidence.text if evidence else ""
        if self.anonymise:
            text = redactor(session)(text)
            label = f"Application {position.index + 1} of {position.of}"
        else:
            label = session.display_name()
        key = (self.panellist, STAGE, criterion.id)
        mine = next((s for s in session.scores if (s.panellist, s.stage, s.criterion) == key), None)
        return Item(
            position=position,
            criterion=criterion,
            label=label,
            evidence=text,
            plan=self.campaign.plan_item(criterion.id, STAGE),
            my_score=mine.value if mine else None,
            scored=mine is not None,
            conflicted=conflicted,
        )

    def next_item(self) -> Item | None:
        """The first unscored, unblocked application in order; None when the pass is complete."""
        position = self.queue.next_after(self.done, self.blocked, self.skip)
        return None if position is None else self.item(position)

    def score(self, position: Position, value: int | None, note: str = "", reason: str | None = None) -> Item | None:
        """Record a score through the store (its rules apply) and return the next item to show."""
        saved = self.store.record_score(
            position.session_id, self.panellist, position.criterion, value, note=note, stage=STAGE, reason=reason
        )
        self.sessions[saved.id] = saved
        self.done.add((position.criterion, position.session_id))
        return self.next_item()

    def previous(self, position: Position | None) -> Item | None:
        """The item before ``position`` (across criteria), or the pass's last item when it is finished."""
        before = self.queue.before(position, self.blocked, self.skip)
        return None if before is None else self.item(before)

    def refresh(self) -> None:
        """Reload every application from the store: other panellists' scores and any new declaration."""
        sessions = self.store.sessions_of_role(self.role_id)
        self.sessions.update({s.id: s for s in sessions if s.id in self.sessions})
        current = list(self.sessions.values())
        self.done = scored_pairs(current, self.panellist, STAGE)
        self.blocked = blocked_sessions(current, self.panellist)

    def progress(self) -> Progress:
        """Criteria x applications done by this panellist."""
        return progress(list(self.sessions.values()), self.panellist, [c.id for c in self.criteria], STAGE, self.skip)

    def panel_progress(self) -> list[Progress]:
        """Every panellist's progress (from the sessions as last loaded, refreshed or saved here)."""
        names = list(dict.fromkeys(p for s in self.sessions.values() if s.panel for p in s.panel.panellists))
        sessions = list(self.sessions.values())
        ids = [c.id for c in self.criteria]
        return [progress(sessions, name, ids, STAGE, self.skip) for name in names or [self.panellist]]
