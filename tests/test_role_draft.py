"""Reviewing an imported role before it is saved."""

from __future__ import annotations

import pytest

from selfassess.errors import BadInput
from selfassess.extract import extract_text
from selfassess.role_draft import DraftCriterion, RoleDraft

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


SOURCE = [
    "Person specification",
    "Essential",
    "- Able to lift 20 kg safely. Good timekeeping",
    "Desirable",
    "- Experience in a hospital",
    "- Full UK driving licence / Desirable / Interview",
]


def sourced() -> RoleDraft:
    from selfassess.extract import extract_text

    return RoleDraft.from_extraction(extract_text("\n".join(SOURCE), "porter.txt"))


def test_spans_mark_used_lines() -> None:
    d = sourced()
    assert d.source_lines == SOURCE
    used = d.used_lines()
    assert 2 in used and 4 in used and 0 not in used and 1 not in used


def test_add_from_lines_in_document_order() -> None:
    d = sourced()
    d.delete(len(d.criteria) - 1) if len(d.criteria) > 2 else None
    before = [c.text for c in d.criteria]
    index = d.add_from_lines(5, 5)
    c = d.criteria[index]
    assert (c.text, c.kind, c.assessed_by, c.span) == ("Full UK driving licence", "desirable", ["interview"], (5, 5))
    assert [x.text for x in d.criteria if x is not c] == before
    assert index == len(d.criteria) - 1 and c.id.startswith("D")
    with pytest.raises(BadInput, match="no such lines"):
        d.add_from_lines(4, 40)


def test_add_from_a_line_above_every_criterion_goes_first() -> None:
    d = sourced()
    assert d.add_from_lines(0, 0) == 0 and d.criteria[0].text == "Person specification"


def test_split_and_join() -> None:
    d = RoleDraft(title="Porter", source_lines=SOURCE)
    d.criteria.append(
        DraftCriterion("Able to lift 20 kg safely. Good timekeeping", "essential", "Physical", span=(2, 2))
    )
    d.set_methods(0, ["interview", "application"])
    assert d.split(0, ["Able to lift 20 kg safely.", "", "Good timekeeping"]) == 1
    assert [(c.id, c.text, c.category, c.assessed_by, c.span) for c in d.criteria] == [
        ("E1", "Able to lift 20 kg safely.", "Physical", ["application", "interview"], (2, 2)),
        ("E2", "Good timekeeping", "Physical", ["application", "interview"], (2, 2)),
    ]
    with pytest.raises(BadInput, match="own line"):
        d.split(0, ["only one part"])
    d.add(1, "Experience in a hospital", "desirable")
    d.criteria[2].span = (4, 4)
    d.set_methods(2, ["reference"])
    d.join(1)
    assert [c.id for c in d.criteria] == ["E1", "E2"]
    joined = d.criteria[1]
    assert (joined.text, joined.kind, joined.assessed_by, joined.span) == (
        "Good timekeeping Experience in a hospital",
        "essential",
        ["application", "interview", "reference"],
        (2, 4),
    )
    with pytest.raises(BadInput, match="no criterion after"):
        d.join(1)


def test_blank_draft_builds_a_role_from_scratch() -> None:
    d = RoleDraft(title="New role")
    with pytest.raises(BadInput, match="no criteria yet"):
        d.to_role("night-porter")
    d.add(-1, "Able to work nights")
    d.set_kind(0, "desirable")
    role = d.to_role("night-porter", title="Night porter", organisation=" Anytown NHS Trust ")
    assert (role.id, role.title, role.organisation, role.criteria[0].id) == (
        "night-porter",
        "Night porter",
        "Anytown NHS Trust",
        "D1",
    )
    with pytest.raises(BadInput, match="title: must not be empty"):
        d.to_role("x", title="  ")


def test_draft_from_text_with_nothing_found_keeps_the_text() -> None:
    from selfassess.role_draft import draft_from_text

    d = draft_from_text("Dear applicant,\nThank you for your interest.\n")
    assert d.criteria == [] and d.source_lines[:2] == ["Dear applicant,", "Thank you for your interest."]
    with pytest.raises(BadInput, match="nothing to read"):
        draft_from_text("  \n ")


def test_draft_from_file_reads_documents_without_criteria(tmp_path) -> None:
    from selfassess.role_draft import draft_from_file

    doc = tmp_path / "letter.txt"
    doc.write_text("Dear applicant,\nThank you.\n")
    d = draft_from_file(doc)
    assert d.criteria == [] and d.source == "letter.txt" and d.source_lines[:2] == ["Dear applicant,", "Thank you."]
    with pytest.raises(BadInput, match=r"missing\.txt"):
        draft_from_file(tmp_path / "missing.txt")
