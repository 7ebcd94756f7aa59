"""The roles, show and check commands, and the CLI's error policy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from selfassess.cli import main

from .conftest import gold_files, load_gold, needs_gold


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_roles_json_lists_the_seed_jobs_with_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roles", "--json")
    listing = json.loads(out)
    assert code == 0 and len(listing) == 5
    assert set(listing[0]) == {"id", "title", "organisation", "source", "essential", "desirable"}
    counts = {item["source"]: (item["essential"], item["desirable"]) for item in listing}
    for path in gold_files():
        gold = load_gold(path)
        kinds = [c["kind"] for c in gold["criteria"]]
        assert counts[gold["source"]] == (kinds.count("essential"), kinds.count("desirable"))


@needs_gold
def test_show_json_matches_gold_in_extraction_shape(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "roles", "--json")
    by_source = {item["source"]: item["id"] for item in json.loads(out)}
    for path in gold_files():
        gold = load_gold(path)
        code, out, _ = run(capsys, "show", by_source[gold["source"]], "--json")
        shown = json.loads(out)
        assert code == 0 and set(shown) == {"title", "organisation", "guidance", "criteria"}
        assert [(c["id"], c["text"], c["kind"], c["category"], c["assessed_by"]) for c in shown["criteria"]] == [
            (c["id"], c["text"], c["kind"], c["category"], c["assessed_by"]) for c in gold["criteria"]
        ]


def test_show_table_and_roles_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roles")
    assert code == 0 and "senior-social-worker" in out
    code, out, _ = run(capsys, "show", "senior-social-worker")
    assert code == 0 and "Senior Social Worker" in out and "E18" in out and "D1" in out


def test_check_valid_and_invalid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from selfassess import paths

    good = paths.builtin_roles_dir() / "senior-social-worker.toml"
    code, out, err = run(capsys, "check", str(good))
    assert code == 0 and out.strip().endswith("scale council-0-5") and out.count("\n") == 1 and err == ""
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "T"\n[[criteria]]\nid = "E1"\nkind = "maybe"\ntext = "x"\n')
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2 and out == ""
    assert err.splitlines() == [f"{bad}:4: criteria[0].kind: Input should be 'essential' or 'desirable'"]


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["show", "nobody"], "nobody: no such role"),
        (["check", "/nonexistent/role.toml"], "/nonexistent/role.toml: no such file"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1 and out == ""


def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe garbage")
    proc = subprocess.run([sys.executable, "-m", "selfassess", "check", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and str(bad) in proc.stderr
