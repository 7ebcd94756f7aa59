"""The role library: built-in seed roles, scale presets, role files and their checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import roles
from selfassess.errors import BadInput

from .conftest import gold_files, load_gold, needs_gold

ROOT = Path(__file__).resolve().parents[1]


def test_library_has_the_five_seed_roles() -> None:
    lib = roles.scan_library()
    assert lib.problems == []
    assert len(lib.roles) == 5
    assert len({r.source for r in lib.roles}) == 5


@needs_gold
@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.name[:3])
def test_seed_role_matches_its_gold_file(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    role = next(r for r in roles.library() if r.source == gold["source"])
    assert role.title == gold["title"] and role.organisation == gold["organisation"]
    assert role.guidance == gold["guidance"]
    got = [(c.text, c.kind, c.category, c.assessed_by) for c in role.criteria]
    want = [(c["text"], c["kind"], c["category"], c["assessed_by"]) for c in gold["criteria"]]
    assert got == want


def test_scale_presets() -> None:
    presets = roles.scales()
    cs = presets["civil-service-1-7"]
    assert (cs.minimum, cs.maximum, cs.met) == (1, 7, 4)
    assert cs.level(1).label == "Not demonstrated" and cs.level(4).label == "Acceptable"
    assert cs.level(7).label == "Outstanding"
    assert (presets["nhs-shortlisting-0-3"].minimum, presets["nhs-shortlisting-0-3"].maximum) == (0, 3)
    assert (presets["council-0-5"].minimum, presets["council-0-5"].maximum) == (0, 5)
    assert (presets["scale-1-5"].minimum, presets["scale-1-5"].maximum) == (1, 5)
    assert all(level.descriptor for s in presets.values() for level in s.levels)
    with pytest.raises(BadInput, match="unknown scale"):
        roles.get_scale("nope")


def test_load_role_by_id_and_by_path() -> None:
    role = roles.library()[0]
    assert roles.load_role(role.id) == role
    path = roles.paths.builtin_roles_dir() / f"{role.id}.toml"
    assert roles.load_role(str(path)) == role
    with pytest.raises(BadInput, match="no-such-role: no such role"):
        roles.load_role("no-such-role")


def test_role_toml_round_trip() -> None:
    for role in roles.library():
        assert roles.parse_role(roles.role_to_toml(role), "x") == role


GOOD = """id = "test-role"
title = "Test officer"
scale = "council-0-5"

[[criteria]]
id = "E1"
kind = "essential"
text = "A relevant degree"

[[criteria]]
id = "D1"
kind = "desirable"
text = "Experience of audit"
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD.replace('title = "Test officer"\n', ""), "f.toml: title: Field required"),
        (
            GOOD.replace('kind = "desirable"', 'kind = "optional"'),
            "f.toml:12: criteria[1].kind: Input should be 'essential' or 'desirable'",
        ),
        (
            GOOD.replace('id = "D1"\nkind = "desirable"', 'id = "E1"\nkind = "essential"'),
            "f.toml: criteria: duplicate id E1 at criteria[0] and criteria[1]",
        ),
        (GOOD.replace('title = "Test officer"', 'title = "Test officer'), "f.toml:2: TOML syntax error"),
        (GOOD.replace('scale = "council-0-5"', 'scale = "marks-out-of-ten"'), "f.toml:3: scale: unknown scale"),
        (GOOD + 'colour = "red"\n', "f.toml:14: criteria[1].colour: Extra inputs are not permitted"),
    ],
)
def test_check_reports_each_problem_on_one_line(text: str, expected: str) -> None:
    with pytest.raises(BadInput) as info:
        roles.parse_role(text, "f.toml")
    assert any(line.startswith(expected) for line in info.value.problems), info.value.problems
    assert all("\n" not in line for line in info.value.problems)


def test_check_file_bad_files(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        roles.check_file(tmp_path / "missing.toml")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(BadInput, match="binary file"):
        roles.check_file(binary)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(GOOD.replace("Test officer", "Caf\xe9").encode("latin-1"))
    with pytest.raises(BadInput, match="not UTF-8"):
        roles.check_file(latin)


def test_id_defaults_to_file_name(tmp_path: Path) -> None:
    path = tmp_path / "my-role.toml"
    path.write_text(GOOD.replace('id = "test-role"\n', ""))
    assert roles.check_file(path).id == "my-role"


def test_damaged_imported_role_is_skipped_with_a_problem(private_folders: dict[str, Path]) -> None:
    folder = private_folders["roles"]
    folder.mkdir()
    (folder / "broken.toml").write_text("title = ")
    (folder / "test-role.toml").write_text(GOOD)
    lib = roles.scan_library()
    assert [r.id for r in lib.roles][-1] == "test-role"
    assert len(lib.problems) == 1 and "broken.toml" in lib.problems[0]


def test_write_role_refuses_to_overwrite_without_force(private_folders: dict[str, Path]) -> None:
    role = roles.parse_role(GOOD, "f.toml")
    path = roles.write_role(role)
    assert path.parent == private_folders["roles"] and oct(path.stat().st_mode & 0o777) == "0o600"
    before = path.read_bytes()
    changed = role.model_copy(update={"title": "Changed"})
    with pytest.raises(BadInput, match="already exists"):
        roles.write_role(changed)
    assert path.read_bytes() == before
    roles.write_role(changed, force=True)
    assert roles.load_role("test-role").title == "Changed"
    builtin = roles.library()[0]
    with pytest.raises(BadInput, match="built-in role's id"):
        roles.write_role(builtin, force=True)


def test_a_role_file_shadowing_a_built_in_is_listed_as_such_and_not_used(private_folders) -> None:
    from selfassess.role_index import quick_roles

    builtin = roles.library()[0]
    folder = private_folders["roles"]
    folder.mkdir()
    (folder / "mine.toml").write_text(roles.role_to_toml(builtin.model_copy(update={"title": "Impostor"})))
    lib = roles.scan_library()
    assert [r.title for r in lib.roles if r.id == builtin.id] == [builtin.title]
    assert any("mine.toml" in p and "shadows the built-in role" in p for p in lib.problems)
    assert [q.title for q in quick_roles() if q.id == builtin.id] == [builtin.title]


def test_quick_listing_matches_the_library_and_falls_back_to_full_parsing(private_folders) -> None:
    from selfassess.role_index import quick_roles

    full = {r.id: (r.title, r.organisation, len(r.essential), len(r.desirable)) for r in roles.library()}
    assert {q.id: (q.title, q.organisation, q.essential, q.desirable) for q in quick_roles()} == full
    folder = private_folders["roles"]
    folder.mkdir()
    odd = GOOD.replace('title = "Test officer"', 'title = """Test\nofficer"""')
    (folder / "test-role.toml").write_text(odd)
    [quick] = [q for q in quick_roles() if q.id == "test-role"]
    assert (quick.title, quick.essential, quick.desirable) == ("Test\nofficer", 1, 1)
