"""One malformed session file never stops the app listing the others: the quick list (home screen) and
the full load (CLI) give the same verdict, file by file, for generated malformed shapes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selfassess.session_files import quick_sessions
from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.widgets.session_table import SessionTable

from .helpers import seed_role


def _meta(doc: dict[str, Any]) -> dict[str, Any]:
    return next(iter(doc["meta"].values()))


def _set(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda doc: _meta(doc).__setitem__(key, value)


def _role(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda doc: _meta(doc)["role"].__setitem__(key, value)


BREAKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "candidate-object": _set("candidate", {"x": 1}),
    "candidate-list": _set("candidate", ["a"]),
    "candidate-number": _set("candidate", 7),
    "reference-object": _set("reference", {"x": 1}),
    "updated-object": _set("updated", {"x": 1}),
    "panel-list": _set("panel", [1]),
    "role-title-object": _role("title", {"x": 1}),
    "role-criteria-text": _role("criteria", "E1"),
    "schema-0": _set("schema_version", 0),
    "schema-text": _set("schema_version", "2"),
    "schema-true": _set("schema_version", True),
    "schema-99": _set("schema_version", 99),
    "evidence-list": lambda doc: doc.__setitem__("evidence", [1, 2]),
    "meta-record-list": lambda doc: doc["meta"].__setitem__(next(iter(doc["meta"])), ["x"]),
}


def malformed_folder(directory: Path) -> tuple[str, dict[str, str]]:
    """A folder with one good session and one broken copy per shape; (good id, shape -> broken id)."""
    store = SessionStore(directory)
    good = store.create(seed_role(), candidate="Alex Example", reference="C-1").id
    template = json.loads(store.path(good).read_text(encoding="utf-8"))
    broken: dict[str, str] = {}
    for n, (shape, brk) in enumerate(BREAKS.items()):
        sid = f"20260101-{n:08x}"
        doc = json.loads(json.dumps(template))
        key = next(iter(doc["meta"]))
        if isinstance(doc["meta"][key], dict):
            doc["meta"][key]["id"] = sid
        brk(doc)
        (directory / f"{sid}.json").write_text(json.dumps(doc), encoding="utf-8")
        broken[shape] = sid
    return good, broken


def test_the_quick_list_skips_what_the_full_load_skips(tmp_path: Path) -> None:
    good, broken = malformed_folder(tmp_path)
    listed, problems = quick_sessions(tmp_path)
    scanned, cli_problems = SessionStore(tmp_path).scan()
    assert [s.id for s in listed] == [good] == [s.id for s in scanned]
    for shape, sid in broken.items():
        assert sum(sid in p for p in problems) == 1, shape  # one line each, naming the file
        assert sum(sid in p for p in cli_problems) == 1, shape


async def test_the_app_starts_and_lists_the_good_session_beside_malformed_ones(private_folders) -> None:
    directory = private_folders["sessions"]
    directory.mkdir(mode=0o700)
    good, _ = malformed_folder(directory)
    app = make_app()
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(SessionTable)
        assert table.row_count == 1 and table.highlighted_id() == good
