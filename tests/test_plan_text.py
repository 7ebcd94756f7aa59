"""The question plan as the scoring screen shows it."""

from __future__ import annotations

from datetime import UTC, datetime

from selfassess import fairness, roles
from selfassess.campaign_models import Campaign, PlanChange, PlanItem, ReviewGuide
from selfassess.models import Criterion
from selfassess.tui.widgets.plan_text import plan_text

SCALE = roles.get_scale("civil-service-1-7")
E1 = Criterion(id="E1", kind="essential", text="Casework", questions=["Role question"])


def test_plan_questions_probes_guide_and_change_are_shown() -> None:
    item = PlanItem(
        criterion="E1", questions=["Plan question"], probes=["Probe"], guide=ReviewGuide(strong="S", weak="W")
    )
    change = PlanChange(time=datetime(2026, 3, 1, 9, tzinfo=UTC), actor="Ann", criterion="E1", stage="interview")
    text = plan_text(
        Campaign(role_id="r", plan=[item], plan_changes=[change]), E1, "interview", SCALE, "fallback"
    ).plain
    assert "• Plan question" in text and "Role question" not in text and "• Probe" in text
    assert "Strong (6-7): S" in text and "Weak (1-3): W" in text and "Acceptable" not in text
    assert "changed after scoring began (Ann" in text


def test_without_a_plan_the_roles_questions_or_the_fallback() -> None:
    assert "• Role question" in plan_text(None, E1, "interview", SCALE, "fallback").plain
    bare = E1.model_copy(update={"questions": []})
    assert "• fallback" in plan_text(Campaign(role_id="r"), bare, "interview", SCALE, "fallback").plain
    assert fairness.band_span(SCALE, "acceptable") == "4-5"
