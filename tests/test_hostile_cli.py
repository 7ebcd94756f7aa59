"""Hostile files and unlucky conditions at the command line: each is one line on stderr and exit 2 (or a
warning and the rest carried on), nothing is changed, and the ones that could hang or grow run under
5 s of CPU and 500 MB (see test_bounds.run_limited)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from selfassess import store_maintenance
from selfassess.cli import build_parser, main
from selfassess.export.jsonfile import session_json
from selfassess.session_files import quick_sessions
from selfassess.store import SCHEMA_VERSION, SessionStore

from .helpers import seed_role
from .test_bounds import refused, run_limited

DEEP_JSON = "[" * 100_000 + "]" * 100_000


def one_line_exit_2(capsys: pytest.CaptureFixture[str], code: int, fragment: str) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and fragment in lines[0], (code, err)
    return lines[0]


def test_a_38_mb_session_file_is_skipped_by_the_list_and_refused_by_export(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    good = store.create(seed_role(), reference="GOOD")
    raw = json.loads(store.path(good.id).read_text())
    raw["padding"] = {str(i): "y" * 1000 for i in range(38_000)}
    big = store.directory / "20260101-aaaaaaaa.json"
    big.write_text(json.dumps(raw))
    assert big.stat().st_size > 38_000_000
    listed = run_limited(tmp_path, "sessions", "--json")
    assert listed.returncode == 0 and [s["id"] for s in json.loads(listed.stdout)] == [good.id]
    assert "too large for a session file" in listed.stderr and len(listed.stderr.strip().splitlines()) == 1
    refused(run_limited(tmp_path, "export", "20260101-aaaaaaaa"), "too large for a session file")


def test_a_save_that_would_pass_the_session_cap_is_refused_and_the_file_untouched(monkeypatch, tmp_path) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role())
    before = store.path(s.id).read_bytes()
    monkeypatch.setattr("selfassess.store_tx.MAX_SESSION_BYTES", len(before) + 100)
    with pytest.raises(Exception, match="would grow past"):
        store.set_evidence(s.id, "E1", "x" * 500)
    assert store.path(s.id).read_bytes() == before


def test_a_5000_digit_integer_and_deep_nesting_in_a_role_file(tmp_path: Path) -> None:
    bigint = tmp_path / "bigint.toml"
    bigint.write_text('id = "big"\ntitle = "T"\nx = ' + "9" * 5000 + "\n")
    deep = tmp_path / "deep.toml"
    deep.write_text('id = "deep"\ntitle = "T"\nx = ' + "[" * 100_000 + "]" * 100_000 + "\n")
    tables = tmp_path / "tables.toml"
    tables.write_text("x = " + "{a = " * 50_000 + "1" + "}" * 50_000 + "\n")
    for path in (bigint, deep, tables):
        refused(run_limited(tmp_path, "check", str(path)), f"{path.name}: TOML not accepted")
    roles = tmp_path / "r"
    roles.mkdir()
    for path in (bigint, deep):
        (roles / path.name).write_bytes(path.read_bytes())
    listed = run_limited(tmp_path, "roles")  # the library still lists, with a warning per bad file
    warnings = listed.stderr.strip().splitlines()
    assert listed.returncode == 0 and len(warnings) == 2 and all(w.startswith("warning: skipped") for w in warnings)


def test_deep_nesting_and_malformed_sessions_never_stop_the_list(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    good = store.create(seed_role(), reference="GOOD")
    raw = json.loads(store.path(good.id).read_text())
    bad = {
        "aaaaaaaa": '{"meta": ' + DEEP_JSON + "}",
        "bbbbbbbb": json.dumps({**raw, "meta": {"1": {**raw["meta"]["1"], "schema_version": 0}}}),
        "cccccccc": json.dumps({**raw, "meta": {"1": {**raw["meta"]["1"], "schema_version": -3}}}),
        "dddddddd": json.dumps({**raw, "evidence": [["E1", "x"]]}),
        "eeeeeeee": json.dumps({**raw, "evidence": {"1": {"criterion": "\x1b]0;owned\x07E1[/]", "text": 5}}}),
    }
    for key, text in bad.items():  # each record names its own file's id (only the damage above differs)
        (store.directory / f"20260101-{key}.json").write_text(text.replace(good.id, f"20260101-{key}"))
    listed = run_limited(tmp_path, "sessions", "--json")
    assert listed.returncode == 0 and [s["id"] for s in json.loads(listed.stdout)] == [good.id]
    assert len(listed.stderr.strip().splitlines()) == len(bad) and "\x1b" not in listed.stderr
    assert "\\x1b]0;owned\\x07E1[/]" in listed.stderr  # the key is named, its escapes shown, not obeyed
    for key in bad:  # export and repair: one line each, never a crash
        refused(run_limited(tmp_path, "export", f"20260101-{key}"), f"20260101-{key}")
        refused(run_limited(tmp_path, "repair", f"20260101-{key}"), f"20260101-{key}")


def test_a_deeply_nested_import_file_is_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "selfassess-session", "session": ' + DEEP_JSON + "}")
    refused(run_limited(tmp_path, "import-session", str(deep)), "deep.json")
    assert not (tmp_path / "sessions").exists() or not list((tmp_path / "sessions").glob("*.json"))


def test_repair_leaves_a_file_from_a_newer_version_as_it_is(tmp_path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role(), reference="R")
    store.set_evidence(s.id, "E1", "first")  # a .bak to roll back to
    raw = json.loads(store.path(s.id).read_text())
    raw["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    store.path(s.id).write_text(json.dumps(raw))
    before = store.path(s.id).read_bytes()
    code = main(["repair", s.id, "--sessions", str(store.directory)])
    one_line_exit_2(capsys, code, "newer")
    assert store.path(s.id).read_bytes() == before


def test_sar_out_an_existing_file_is_refused_and_the_file_untouched(tmp_path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    store.create(seed_role(), candidate="Alex Example", reference="C-1")
    existing = tmp_path / "existing.txt"
    existing.write_text("keep me")
    code = main(["sar", "C-1", "--out", str(existing), "--sessions", str(store.directory)])
    one_line_exit_2(capsys, code, str(existing))
    assert existing.read_text() == "keep me"


def _stage_commands() -> list[str]:
    """Every command that takes --stage (found from the parser, so a new one is covered too)."""
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    return sorted(name for name, sub in commands.items() if "--stage" in sub._option_string_actions)


def test_every_command_with_stage_is_covered() -> None:
    assert {"export", "summary", "feedback", "reserve"} <= set(_stage_commands())


@pytest.mark.parametrize("command", _stage_commands())
def test_a_bogus_stage_is_one_line_and_exit_2(command, tmp_path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role(), reference="C-1")
    first = {"export": s.id, "feedback": s.id, "summary": s.role.id, "reserve": s.role.id}.get(command, s.id)
    code = main([command, first, "--stage", "bogus", "--sessions", str(store.directory)])
    one_line_exit_2(capsys, code, "invalid choice: 'bogus'")


def test_sessions_naming_a_file_or_a_missing_folder(tmp_path, capsys) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    one_line_exit_2(capsys, main(["sessions", "--sessions", str(a_file)]), "not a folder")
    one_line_exit_2(capsys, main(["sessions", "--sessions", str(tmp_path / "missing")]), "no such folder")
    one_line_exit_2(capsys, main(["purge", "--older-than", "1d", "--sessions", str(tmp_path / "nope")]), "no such")
    assert not (tmp_path / "missing").exists() and not (tmp_path / "nope").exists()
    refused(run_limited(tmp_path, "--sessions", str(a_file)), "not a folder")  # the app: refused before it starts
    one_line_exit_2(capsys, main(["roles", "--roles", str(a_file)]), "not a folder")


def test_the_sessions_list_never_names_a_blind_panels_candidate(tmp_path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    blind = store.create(seed_role(), candidate="Alex Example", reference="C-1")
    store.set_panel(blind.id, ["Ann Chair"], "Ann Chair", blind=True)
    store.create(seed_role(), candidate="Sam Sample", reference="C-2")
    assert main(["sessions", "--sessions", str(store.directory)]) == 0
    table = capsys.readouterr().out
    assert "Alex" not in table and "Sam" in table and "blind" in table
    assert main(["sessions", "--json", "--sessions", str(store.directory)]) == 0
    listed = {s["reference"]: s for s in json.loads(capsys.readouterr().out)}
    assert listed["C-1"]["candidate"] is None and listed["C-1"]["blind"] is True
    assert listed["C-2"]["candidate"] == "Sam Sample"
    [summary] = [s for s in store.summaries() if s.id == blind.id]  # the rule is the core's, for the app too
    assert summary.candidate is None
    [quick] = [s for s in quick_sessions(store.directory)[0] if s.id == blind.id]
    assert quick.candidate is None and quick.blind


def test_a_lone_surrogate_in_candidate_text_is_saved_not_a_crash(tmp_path, capsys) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role(), reference="C-1")
    saved = store.set_evidence(s.id, "E1", "I led \ud800 the review \ud83d\ude00")
    assert saved.evidence["E1"].text == "I led \ufffd the review \U0001f600"
    data = json.loads(session_json(store.load(s.id), store.audit(s.id)))
    data["session"]["evidence"]["E1"]["text"] = "forged \ud800"
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data))  # json escapes it as \\ud800, as any exporter could
    code = main(["import-session", str(forged), "--force", "--sessions", str(store.directory)])
    one_line_exit_2(capsys, code, "evidence.E1.text")
    assert store.load(s.id).evidence["E1"].text == saved.evidence["E1"].text


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}])
def test_stdout_that_is_not_utf_8(env, tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    s = store.create(seed_role(), candidate="Zoë O’Brien-Smythe", reference="C-1")
    store.set_evidence(s.id, "E1", "Café: “quoted” — ✓")
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LC_ALL", "LANG", "PYTHONUTF8")}
    for args in (["sessions"], ["export", s.id], ["export", s.id, "--format", "md"], ["show", s.role.id]):
        done = subprocess.run(
            [sys.executable, "-m", "selfassess", *args],
            env={**base, **env, "SELFASSESS_SESSIONS": str(store.directory), "SELFASSESS_ROLES": str(tmp_path / "r")},
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 0 and b"Traceback" not in done.stderr and b"internal error" not in done.stderr, (
            args,
            done.stderr,
        )
        assert b"Zo" in done.stdout or args[0] == "show"


def _old_session(store: SessionStore) -> str:
    s = store.create(seed_role(), reference="OLD")
    raw = json.loads(store.path(s.id).read_text())
    raw["meta"]["1"]["updated"] = "2020-01-01T00:00:00+00:00"
    store.path(s.id).write_text(json.dumps(raw))
    return s.id


def test_purge_on_a_read_only_folder_is_one_line(tmp_path, capsys, monkeypatch) -> None:
    store = SessionStore(tmp_path / "s")
    sid = _old_session(store)

    def read_only(path, *args, **kwargs):  # what unlink meets in a read-only folder (root would not)
        raise PermissionError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(os, "unlink", read_only)
    code = main(["purge", "--older-than", "30d", "--sessions", str(store.directory)])
    one_line_exit_2(capsys, code, "Read-only file system")
    monkeypatch.undo()
    assert store.load(sid).reference == "OLD"


@pytest.mark.parametrize("fails_at", ["link", "session", "audit"])
def test_import_session_on_a_read_only_or_full_disk_keeps_the_session_as_it_was(
    fails_at, tmp_path, capsys, monkeypatch
) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role(), candidate="Alex Example", reference="C-1")
    store.set_evidence(s.id, "E1", "as exported")
    export = tmp_path / "x.json"
    export.write_text(session_json(store.load(s.id), store.audit(s.id)))
    store.set_evidence(s.id, "E1", "work done after the export")
    before = {p.name: p.read_bytes() for p in store.directory.iterdir() if not p.name.endswith(".lock")}
    real_write, writes = store_maintenance.atomic_write, []

    def full_disk(path, data, *args, **kwargs):
        writes.append(path)
        if (fails_at == "session") or (fails_at == "audit" and len(writes) == 2):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data, *args, **kwargs)

    def no_link(*_args, **_kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store_maintenance, "atomic_write", full_disk)
    if fails_at == "link":
        monkeypatch.setattr(os, "link", no_link)
    code = main(["import-session", str(export), "--force", "--sessions", str(store.directory)])
    one_line_exit_2(capsys, code, "Read-only file system" if fails_at == "link" else "No space left")
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in store.directory.iterdir() if not p.name.endswith(".lock")}
    assert after == before
    assert store.load(s.id).evidence["E1"].text == "work done after the export"


def test_import_session_into_a_new_folder_still_creates_it(tmp_path) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role(), reference="C-1")
    export = tmp_path / "x.json"
    export.write_text(session_json(store.load(s.id), store.audit(s.id)))
    new = Path(tempfile.mkdtemp(dir=tmp_path)) / "fresh"
    assert main(["import-session", str(export), "--sessions", str(new)]) == 0
    assert SessionStore(new).load(s.id).reference == "C-1"
