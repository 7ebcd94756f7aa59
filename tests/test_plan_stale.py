"""Two terminals editing one criterion's question plan: a save made from a copy someone changed since is
refused by the campaign store (under its lock), naming who changed it and when (finding 16c/14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.campaign_store import CampaignStore
from selfassess.plan_conflict import StalePlan
from selfassess.store import SessionStore

from .test_campaign_store import PLAN, ROLE, candidate


@pytest.fixture
def campaigns(tmp_path: Path) -> CampaignStore:
    store = SessionStore(tmp_path / "s")
    candidate(store, "Dana Testcase")
    return CampaignStore(store)


def test_a_save_from_a_stale_copy_is_refused_naming_who_and_when(campaigns) -> None:
    first = PLAN.model_copy(update={"questions": ["First terminal's question"]})
    second = PLAN.model_copy(update={"questions": ["Second terminal's question"]})
    campaigns.set_plan_item(ROLE.id, first, "Ann", based_on=None)  # both opened it empty
    with pytest.raises(StalePlan) as refused:
        campaigns.set_plan_item(ROLE.id, second, "Ann", based_on=None)
    message = str(refused.value)
    assert message.startswith("plan E1 (interview) was changed by Ann (login ") and "after you opened it" in message
    assert "\n" not in message and refused.value.current == first
    assert campaigns.load(ROLE.id).plan_item("E1", "interview") == first  # not overwritten
    assert len(campaigns.audit(ROLE.id)) == 1
    # saved again from the copy now on disk (the user chose to keep theirs): accepted
    campaigns.set_plan_item(ROLE.id, second, "Ann", based_on=first)
    assert campaigns.load(ROLE.id).plan_item("E1", "interview") == second


def test_same_text_or_another_criterion_is_no_conflict_and_scripts_are_unchecked(campaigns) -> None:
    campaigns.set_plan_item(ROLE.id, PLAN, "Ann", based_on=None)
    campaigns.set_plan_item(ROLE.id, PLAN, "Ann", based_on=None)  # the same text as saved: nothing to refuse
    other = PLAN.model_copy(update={"criterion": "D1"})
    campaigns.set_plan_item(ROLE.id, other, "Ann", based_on=None)  # D1 had no plan: not stale
    changed = PLAN.model_copy(update={"probes": ["Why?"]})
    campaigns.set_plan_item(ROLE.id, changed, "Ann")  # no based_on: saved as before
    assert campaigns.load(ROLE.id).plan_item("E1", "interview") == changed


def test_the_plan_problem_says_who_may_change_it(campaigns) -> None:
    assert campaigns.plan_problem(ROLE.id, "Ann") is None
    problem = campaigns.plan_problem(ROLE.id, "Bo")
    assert problem == "question plan: only the chair (Ann) may change it, not 'Bo'"


def test_an_unreadable_audit_trail_still_says_the_plan_changed(campaigns, monkeypatch) -> None:
    from selfassess.errors import BadInput
    from selfassess.tui.screens.plan_follow import PlanFollow

    def unreadable(*_args):
        raise BadInput("campaigns/camp.audit.jsonl: cannot read (Permission denied)")

    follow = PlanFollow(campaigns, ROLE.id)
    monkeypatch.setattr(CampaignStore, "audit", unreadable)
    follow.moved_on(PLAN, "E1", "interview")
    assert follow.theirs == PLAN and follow.line("E1").startswith("E1 was changed by someone (not in the audit trail)")
