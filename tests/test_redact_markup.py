"""Anonymising a name stored with markup, digits or other junk in it: the name is split into parts
wherever it has anything but letters, so every part is removed (tester 16b/11)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.export.redact import name_parts, redactor

part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).map(str.capitalize)
junk = st.sampled_from(
    ["[bold red]", "[/]", "[/]FC-001", "-001 ", "/", "(", ")", "_", "2", " #", "\t"]
)  # each begins and ends with a non-letter


def test_the_testers_name_loses_its_surname_too() -> None:
    name = "Alice [bold red]Arden[/]FC-001"
    assert name_parts(name) == ["alice", "bold", "red", "arden", "fc"]
    out = redactor(name)("I am Alice Arden (alice@example.org, 07700 900123). Arden led the review.")
    assert out == "I am [candidate] [candidate] ([email], [phone]). [candidate] led the review."
    assert name_parts("Zoë O'Brien-Smythe") == ["zoe", "o'brien-smythe"]  # apostrophes and hyphens stay in


@settings(max_examples=25)
@given(first=part, last=part, before=junk, between=junk, after=junk)
def test_every_letter_part_is_removed_whatever_surrounds_it(
    first: str, last: str, before: str, between: str, after: str
) -> None:
    clean = redactor(f"{before}{first}{between}{last}{after}")
    out = clean(f"I am {first} {last}; {last} did it.")
    assert first not in out and last not in out, out
    assert out.startswith("I am ") and out.endswith(" did it."), out
