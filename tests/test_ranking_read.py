"""Reading ranking parts: a role, scale or panel found again by its bytes gives what a full read gives,
and a file that only looks like it (a decoy, another layout, a hostile value) is read in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from selfassess.json_spans import KnownValues, splice
from selfassess.ranking_read import Head, Parts, Read, Reader
from selfassess.store import SessionStore
from tests.test_ranking_load import OTHER, scored


@pytest.fixture
def files(tmp_path: Path) -> list[bytes]:
    store = SessionStore(tmp_path / "s")
    ids = [scored(store, name, 4, 2) for name in ("Alpha Person", "Beta Person")]
    return [store.path(sid).read_bytes() for sid in ids]


def what(read: Read) -> tuple:
    """What a read gives, whichever way it was read: the models the ranking copy is made of."""
    reader = Reader()
    role = reader.role(read.role) if isinstance(read.role, dict) else read.role
    scale = reader.scale(read.scale) if isinstance(read.scale, dict) else read.scale
    head = read.head.model_dump(include=set(Head.model_fields))
    parts = read.parts.model_dump(include=set(Parts.model_fields))
    return head, parts, read.role_id, role, scale, read.panel


def test_a_second_file_is_read_without_its_role_scale_and_panel_and_gives_the_same(files: list[bytes]) -> None:
    reader = Reader()
    first = reader.read(files[0])
    role = reader.role_bytes.find(files[1])
    assert role and reader.scale_bytes.find(files[1], role[1]) and reader.panel_bytes.find(files[1], role[1])
    second = reader.read(files[1])
    assert isinstance(first.role, dict) and not isinstance(second.role, dict)  # the first read in full, not the second
    assert second.role is reader.role(first.role) and second.panel == first.panel and second.panel is not None
    assert what(second) == what(Reader().read(files[1])) and second.head.candidate == "Beta Person"


def test_a_changed_role_or_panel_is_read_afresh(files: list[bytes]) -> None:
    reader = Reader()
    reader.read(files[0])
    data = json.loads(files[1])
    head = next(iter(data["meta"].values()))
    head["role"]["title"] = "Renamed officer"
    head["panel"]["chair"] = "Bo"
    changed = json.dumps(data).encode()
    read = reader.read(changed)
    role = read.role if not isinstance(read.role, dict) else reader.role(read.role)
    assert role.title == "Renamed officer" and read.panel is not None and read.panel.chair == "Bo"
    again = reader.read(changed)  # now known by its bytes too
    assert not isinstance(again.role, dict) and again.role.title == "Renamed officer"


def test_a_decoy_with_the_known_bytes_before_the_record_is_not_taken_for_the_role(files: list[bytes]) -> None:
    reader = Reader()
    reader.read(files[0])
    data = json.loads(files[0])
    head = next(iter(data["meta"].values()))
    known = json.dumps(head["role"], ensure_ascii=False, separators=(",", ":"))
    head["role"] = {**head["role"], "id": OTHER.id}
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    decoy = ('{"decoy":{"role":' + known + "}," + body[1:]).encode()
    assert reader.role_bytes.find(decoy)  # the known bytes are there, but not as the session's role
    assert reader.read(decoy).role_id == OTHER.id


@pytest.mark.parametrize("field", ["scale", "panel"])
def test_a_string_where_an_object_belongs_is_damaged_as_in_a_full_read(files: list[bytes], field: str) -> None:
    reader = Reader()
    reader.read(files[0])
    data = json.loads(files[1])
    next(iter(data["meta"].values()))[field] = "a string"
    bad = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    with pytest.raises(ValidationError) as warm:
        reader.read(bad)
    with pytest.raises(ValidationError) as cold:
        Reader().read(bad)
    assert str(warm.value) == str(cold.value)


def test_known_values_need_an_object_and_splice_keeps_the_rest() -> None:
    known: KnownValues[str] = KnownValues("role")
    assert known.learn(b'{"role": 3}', 0, lambda span: "x") is None
    raw = b'{"a": "b", "role": {"id": "r", "t": "\\"}"}, "z": 1}'
    end = known.learn(raw, 0, lambda span: span.decode())
    assert end is not None and raw[end:] == b', "z": 1}'
    found = known.find(b'{"role":{"id": "r", "t": "\\"}"}}')
    assert found is not None and found[2] == '{"id": "r", "t": "\\"}"}'
    assert splice(b"0123456789", [(1, 3, b"ab"), (5, 9, b"")]) == b"0ab349"
