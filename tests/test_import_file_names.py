"""A job document whose file name is not UTF-8 (made on another system) or holds control characters imports:
the role keeps the name as text, the bad bytes as U+FFFD and no control characters."""

from __future__ import annotations

import os
from pathlib import Path

from selfassess import roles
from selfassess.cli import main
from selfassess.controls import file_name_text
from selfassess.role_draft import draft_from_file

SPEC = "Person specification\n\nEssential\n- Experience of managing budgets\n- Good written communication\n"


def test_a_file_name_as_text() -> None:
    assert file_name_text(os.fsdecode(b"/tmp/caf\xe9 spec.txt")) == "caf\ufffd spec.txt"
    assert file_name_text(Path("/x/job\x1b]0;pwned\x07.txt")) == "job]0;pwned.txt"


def test_import_of_a_file_whose_name_is_not_utf8(tmp_path: Path, capsys) -> None:
    raw = os.fsencode(tmp_path) + b"/job-\xff\xfe.txt"
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write(SPEC)
    folder = tmp_path / "roles"
    assert main(["import", os.fsdecode(raw), "--roles", str(folder)]) == 0, capsys.readouterr().err
    (written,) = folder.glob("*.toml")
    role = roles.check_file(written)
    assert role.source == role.title == "job-\ufffd\ufffd.txt"
    assert [c.id for c in role.criteria] == ["E1", "E2"]
    draft = draft_from_file(os.fsdecode(raw))  # the app's import reads the same way
    assert draft.source == "job-\ufffd\ufffd.txt" and draft.to_role().source == draft.source
