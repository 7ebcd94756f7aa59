"""Validation rules of the domain models."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from selfassess.models import Criterion, Level, Role, Scale


def criterion(**over) -> dict:
    base = {"id": "E1", "text": "Experience of managing a caseload", "kind": "essential"}
    base.update(over)
    return base


def test_criterion_defaults() -> None:
    c = Criterion(**criterion())
    assert c.weight == 1.0 and c.assessed_by == [] and c.category is None and c.questions == []


def test_assessed_by_is_a_set_in_vocabulary_order() -> None:
    c = Criterion(**criterion(assessed_by=["interview", "application", "interview"]))
    assert c.assessed_by == ["application", "interview"]


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "essentail"},
        {"assessed_by": ["telepathy"]},
        {"id": "X1"},
        {"id": "D1"},  # prefix does not match kind
        {"text": ""},
        {"weight": 0},
        {"colour": "red"},  # extra fields are forbidden
    ],
)
def test_criterion_rejects(bad: dict) -> None:
    with pytest.raises(ValidationError):
        Criterion(**criterion(**bad))


def test_role_requires_unique_ids_and_at_least_one_criterion() -> None:
    with pytest.raises(ValidationError, match="duplicate id E1"):
        Role(id="r", title="T", criteria=[criterion(), criterion(text="other")])
    with pytest.raises(ValidationError):
        Role(id="r", title="T", criteria=[])
    with pytest.raises(ValidationError):
        Role(id="Bad Id", title="T", criteria=[criterion()])


def test_role_keeps_order_and_splits_kinds() -> None:
    role = Role(
        id="r", title="T", criteria=[criterion(id="E1"), criterion(id="D1", kind="desirable"), criterion(id="E2")]
    )
    assert [c.id for c in role.criteria] == ["E1", "D1", "E2"]
    assert [c.id for c in role.essential] == ["E1", "E2"]
    assert [c.id for c in role.desirable] == ["D1"]
    assert role.criterion("D1").kind == "desirable" and role.criterion("E9") is None


def levels(*values: int) -> list[Level]:
    return [Level(value=v, label=f"L{v}", descriptor=f"level {v}") for v in values]


def test_scale_validation() -> None:
    scale = Scale(id="s", name="S", levels=levels(0, 1, 2), met=1)
    assert (scale.minimum, scale.maximum) == (0, 2) and scale.level(1).label == "L1" and scale.level(9) is None
    with pytest.raises(ValidationError, match="met value"):
        Scale(id="s", name="S", levels=levels(0, 1, 2), met=5)
    with pytest.raises(ValidationError, match="ascending"):
        Scale(id="s", name="S", levels=levels(2, 1), met=1)
