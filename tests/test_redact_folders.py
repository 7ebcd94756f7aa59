"""Anonymising that holds (property-tested with generated names) and folder hygiene."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassess.errors import BadInput
from selfassess.export.files import save_export
from selfassess.export.redact import redactor
from selfassess.store import SessionStore

from .helpers import seed_role

ACCENTED = {"e": "é", "o": "ö", "a": "á", "i": "ï", "u": "ü", "c": "ç"}
part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(str.capitalize)


def accented(word: str) -> str:
    return "".join(ACCENTED.get(c, c) for c in word)


@given(first=part, last=part, second=part)
def test_every_form_of_a_generated_name_is_removed(first: str, last: str, second: str) -> None:
    name = f"{accented(first)} O'{last}-{second}"
    clean = redactor(name)
    forms = [
        name,
        first,  # without accents
        accented(first).upper(),
        f"O’{last}",  # curly apostrophe
        f"O{last}",
        second,  # one hyphenated part
        f"{first.lower()} o'{last.lower()}-{second.lower()}",
    ]
    for form in forms:
        out = clean(f"Said {form}, today.")
        assert out.startswith("Said [candidate]") and out.endswith(", today."), (form, out)
    assert clean(f"zz{second.lower()}zz and {first}x") == f"zz{second.lower()}zz and {first}x"  # never inside words


def test_short_parts_initials_and_emails() -> None:
    clean = redactor("Bo Li")
    assert clean("Bo Li wrote; Li agreed; BL signed; bo.li@mail.example.org replied") == (
        "[candidate] wrote; [candidate] agreed; [candidate] signed; [email] replied"
    )
    assert clean("planning a bonus in a library; bl is lower case") == "planning a bonus in a library; bl is lower case"
    assert redactor("Zoë O'Brien-Smythe")("Zoe met Smythe and O’Brien") == "[candidate] met [candidate] and [candidate]"


def test_a_world_writable_sessions_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    os.chmod(folder, 0o777)
    SessionStore(folder).create(seed_role())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_symlinked_audit_file_is_refused_and_nothing_written_through_it(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role())
    outside = tmp_path / "outside.jsonl"
    outside.write_text("")
    audit = store.files(s.id).audit
    audit.unlink()
    audit.symlink_to(outside)
    with pytest.raises(BadInput, match="symlink"):
        store.set_evidence(s.id, "E1", "text")
    assert outside.read_text() == ""


def test_force_never_replaces_a_non_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(BadInput, match="not a regular file"):
        save_export(fifo, "data", force=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_name_part_is_not_redacted_inside_a_longer_word() -> None:
    from selfassess.export.redact import redactor

    clean = redactor("Alex Example")
    assert clean("Both examples thin; Alex Example's answer") == "Both examples thin; [candidate]'s answer"
