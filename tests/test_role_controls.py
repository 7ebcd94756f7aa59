"""Control characters (escape, bell) in a role file are left out of the role, as they are from names: every
loader (check, the library, a session's copy) gets the same clean role, and `check` says which fields held them."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import roles
from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.models import Role
from selfassess.store import SessionStore

ROLE = r"""id = "esc-role"
title = "Esc \u001b]0;PWN\u0007\u001b[2J role"
organisation = "Org\u0007 name"
guidance = "Line one\nline two\u001b[2J"
[[criteria]]
id = "E1"
kind = "essential"
text = "Experience\u001b[31m of budgets\nand planning"
category = "Exp\u0007erience"
questions = ["Tell us\u0007 about it"]
"""


def _file(folder: Path, text: str = ROLE) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "esc-role.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _assert_clean(role: Role) -> None:
    assert role.title == "Esc ]0;PWN[2J role" and role.organisation == "Org name"
    assert role.guidance == "Line one\nline two[2J"  # lines kept where the field has lines
    (criterion,) = role.criteria
    assert criterion.text == "Experience[31m of budgets\nand planning" and criterion.category == "Experience"
    assert criterion.questions == ["Tell us about it"]


def test_every_loader_gets_the_clean_role(tmp_path: Path) -> None:
    path = _file(tmp_path / "roles")
    _assert_clean(roles.check_file(path))
    (role,) = [r for r in roles.library(tmp_path / "roles") if r.id == "esc-role"]
    _assert_clean(role)
    store = SessionStore(tmp_path / "sessions")
    session = store.create(role, candidate="Alex Example")
    _assert_clean(store.load(session.id).role)
    assert "\x1b" not in store.path(session.id).read_text(encoding="utf-8")


def test_check_says_which_fields_held_control_characters(tmp_path: Path, capsys) -> None:
    path = _file(tmp_path)
    assert main(["check", str(path)]) == 0
    ok, note = capsys.readouterr().out.strip().splitlines()
    assert ok.endswith("ok: role 'esc-role', 1 essential and 0 desirable criteria, scale council-0-5")
    assert note.endswith("left out of title, organisation, guidance, criteria[0].text, criteria[0].category and 1 more")


def test_a_title_of_control_characters_alone_is_refused_naming_the_field(tmp_path: Path, capsys) -> None:
    path = _file(tmp_path, ROLE.replace(r'"Esc \u001b]0;PWN\u0007\u001b[2J role"', r'"\u001b\u0007 "'))
    with pytest.raises(BadInput, match=r"esc-role\.toml:2: title: only control characters or spaces"):
        roles.check_file(path)
    assert main(["check", str(path)]) == 2
    assert "esc-role.toml:2: title:" in capsys.readouterr().err
