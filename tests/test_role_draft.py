"""Reviewing an imported role before it is saved."""

from __future__ import annotations

import pytest

from selfassess.errors import BadInput
from selfassess.extract import extract_text
from selfassess.role_draft import RoleDraft

DOC = (
    "Job title: Porter\nPerson specification\nEssential\n- Able to lift 20 kg safely\n- Good timekeeping\n"
    "Desirable\n- Experience in a hospital\n"
)


def draft() -> RoleDraft:
    return RoleDraft.from_extraction(extract_text(DOC, "porter.txt"))


def ids(d: RoleDraft) -> list[str]:
    return [c.id for c in d.criteria]


def test_from_extraction() -> None:
    d = draft()
    assert d.title == "Porter" and d.source == "porter.txt" and ids(d) == ["E1", "E2", "D1"]


def test_toggle_move_delete_add_renumber() -> None:
    d = draft()
    d.toggle_kind(2)
    assert ids(d) == ["E1", "E2", "E3"]
    assert d.move(2, -1) == 1 and [c.text for c in d.criteria][1] == "Experience in a hospital"
    d.toggle_kind(0)
    assert ids(d) == ["D1", "E1", "E2"]
    d.delete(0)
    assert ids(d) == ["E1", "E2"]
    assert d.add(0, "  Willing to work   nights ", "desirable") == 1
    assert ids(d) == ["E1", "D1", "E2"] and d.criteria[1].text == "Willing to work nights"
    assert d.move(0, -1) == 0  # clamps at the top


def test_edit_text_and_category_clear_uncertainty() -> None:
    d = draft()
    d.criteria[0].uncertain = True
    d.set_text(0, "Able to lift 25 kg safely")
    d.set_category(0, " Physical ")
    assert (d.criteria[0].text, d.criteria[0].category, d.criteria[0].uncertain) == (
        "Able to lift 25 kg safely",
        "Physical",
        False,
    )
    with pytest.raises(BadInput, match="must not be empty"):
        d.set_text(0, "   ")
    with pytest.raises(BadInput, match="no such row"):
        d.delete(9)


def test_to_role() -> None:
    role = draft().to_role()
    assert role.id == "porter" and [c.id for c in role.criteria] == ["E1", "E2", "D1"]
    assert draft().to_role("night-porter").id == "night-porter"
    with pytest.raises(BadInput, match="id"):
        draft().to_role("Not Valid")
    empty = draft()
    for _ in range(3):
        empty.delete(0)
    with pytest.raises(BadInput, match="criteria"):
        empty.to_role()
