"""Anonymising: a hyphen is a word boundary (a part joined to anything by a hyphen is removed), initials
standing before a removed name go with it, handles holding a name part are removed, and an NFD name
leaves no combining mark. Property-tested with generated names."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from selfassess.export.redact import redactor

from .test_redact_folders import accented

part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(str.capitalize)
other = st.sampled_from(["Jones", "Smith", "ish", "led", "Team", "O'Hara"])
initials = st.sampled_from(["B. ", "M.J. ", "B.", "M. J. "])


@given(first=part, last=part, word=other)
def test_a_name_part_joined_by_a_hyphen_is_removed(first: str, last: str, word: str) -> None:
    clean = redactor(f"{accented(first)} {last}")
    for joined in (f"{last}-{word}", f"{word}-{last}", f"{last.upper()}-{word}", f"{accented(first)}-{last}"):
        out = clean(f"Said {joined}, today.")
        assert last not in out and last.upper() not in out and accented(first) not in out, (joined, out)
        assert out.startswith("Said ") and out.endswith(", today."), (joined, out)
    if word.lower() not in (first.lower(), last.lower()):
        assert word in clean(f"{last}-{word}")  # the other word stays


@given(first=part, last=part, before=initials)
def test_initials_before_a_removed_name_go_with_it(first: str, last: str, before: str) -> None:
    out = redactor(f"{first} {last}")(f"Signed {before}{last} on Monday.")
    assert out == "Signed [candidate] on Monday.", out


@given(first=part, last=part, sep=st.sampled_from(["_", ".", ""]))
def test_a_handle_holding_a_name_part_is_removed(first: str, last: str, sep: str) -> None:
    out = redactor(f"{first} {last}")(f"Follow @{first.lower()}{sep}{last.lower()}2 today")
    if sep:
        assert out == "Follow [candidate] today", out
    assert redactor(f"{first} {last}")("Follow @policy_team today") == "Follow @policy_team today"


@given(first=part, last=part)
def test_a_decomposed_accented_name_leaves_no_combining_mark(first: str, last: str) -> None:
    name = f"{accented(first)} {last}"
    text = unicodedata.normalize("NFD", f"Met {accented(first)} today")
    out = redactor(name)(text)
    assert out == "Met [candidate] today", ascii(out)


def test_words_that_merely_contain_a_part_stay() -> None:
    clean = redactor("Bo Li")
    assert clean("Bolivia, a limit, planning, e.g. the lid") == "Bolivia, a limit, planning, e.g. the lid"
