"""A forged role inside an import file (a criterion added with weight 100) is compared with the library
role of the same id: refused, or with --role-from-file imported, recorded, and listed apart in summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.export.jsonfile import session_json
from selfassess.role_match import role_differences
from selfassess.store import SessionStore

from .helpers import seed_role
from .test_import_purge import small_scored, write


def forged(tmp_path: Path) -> tuple[dict, Path]:
    """A real export turned into another candidate whose role copy holds an extra desirable criterion
    D9 of weight 100, scored 5 with a matching audit event (an audit trail that accounts for the data)."""
    store = SessionStore(tmp_path / "s")
    session = small_scored(store)
    data = json.loads(session_json(session, store.audit(session.id)))
    data["session"]["id"] = "20260101-0000f0f0"
    data["session"]["candidate"] = "Forged Person"
    extra = {"id": "D9", "text": "Anything at all", "kind": "desirable", "weight": 100, "assessed_by": []}
    data["session"]["role"]["criteria"].append(extra)
    return data, tmp_path


def test_a_role_with_an_added_criterion_is_refused_and_nothing_written(tmp_path: Path, capsys) -> None:
    data, _ = forged(tmp_path)
    other = tmp_path / "other"
    assert main(["import-session", str(write(tmp_path, data)), "--sessions", str(other)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "differs from the library role" in err[0] and "D9" in err[0]
    assert not other.exists() or list(other.iterdir()) == []


@pytest.mark.parametrize(
    ("change", "word"),
    [
        (lambda r: r["criteria"][0].update(weight=50), "weight"),
        (lambda r: r.update(scale="another-scale"), "scale"),
        (lambda r: r["criteria"].pop(), "missing"),
    ],
)
def test_weights_kinds_and_removed_criteria_are_differences(tmp_path: Path, change, word: str) -> None:
    role = seed_role(2)
    data = role.model_dump(mode="json")
    change(data)
    assert any(word in d for d in role_differences(type(role).model_validate(data), role))
    assert role_differences(role, role) == []


def test_with_role_from_file_it_is_imported_recorded_and_listed_apart(tmp_path: Path, capsys) -> None:
    data, _ = forged(tmp_path)
    other = tmp_path / "other"
    args = ["import-session", str(write(tmp_path, data)), "--sessions", str(other), "--role-from-file"]
    assert main(args) == 0
    store = SessionStore(other)
    note = store.audit("20260101-0000f0f0")[-1].new
    assert any("D9" in d for d in note["role_from_file"])
    original, _ = forged(tmp_path / "again")  # the honest session, under its own id
    assert (
        main(
            ["import-session", str(write(tmp_path, json.loads(_honest(original)), "h.json")), "--sessions", str(other)]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["summary", data["session"]["role"]["id"], "--sessions", str(other)]) == 0
    out = capsys.readouterr().out
    table, _, apart = out.partition("listed apart")
    assert "1 candidates" in table and "Forged Person" not in table
    assert "20260101-0000f0f0" in apart and "Forged Person" in apart


def _honest(data: dict) -> str:
    data = json.loads(json.dumps(data))
    data["session"]["id"] = "20260101-0000abab"
    data["session"]["candidate"] = "Test Person"
    data["session"]["reference"] = "C-2"  # another candidate (one reference, one session per role)
    data["session"]["role"]["criteria"].pop()
    return json.dumps(data)
