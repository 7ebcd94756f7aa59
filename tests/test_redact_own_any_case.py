"""--anonymise removes the candidate's own name parts in lower case too, unless the part is an ordinary
English word (tester 16c/18); other candidates' names and the screens keep the capitalised rule."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.export import redact
from selfassess.export.render import render
from selfassess.store import SessionStore

from .helpers import seed_role


def test_own_lower_case_parts_go_unless_they_are_ordinary_words() -> None:
    clean = redact.redactor("Zadie Smythe-Quorn", any_case=True)
    assert clean("spoke to zadie and smythe, then quorn") == ("spoke to [candidate] and [candidate], then [candidate]")
    hope = redact.redactor("Will Hope", any_case=True)
    assert (
        hope("we will see; I hope for an example of will hope") == "we will see; I hope for an example of [candidate]"
    )
    assert hope("Hope said so") == "[candidate] said so"
    assert redact.redactor("Zadie Smythe")("zadie said") == "zadie said"  # without any_case: the capitalised rule


def test_an_anonymised_summary_export_drops_a_lower_case_own_name(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    role = seed_role()
    s = store.create(role, candidate="Zadie Quorndon", reference="R-9")
    store.set_evidence(s.id, role.criteria[0].id, "As zadie quorndon and later just quorndon, I hope to help.")
    session = store.load(s.id)
    out = render(session, "statement", "txt", anonymise=True, audit=store.audit(s.id))
    assert isinstance(out, str)
    assert "zadie" not in out.lower() and "quorndon" not in out.lower() and "I hope to help" in out


NOT_WORDS = st.sampled_from(["zadie", "quorndon", "smythe", "okonkwo", "przybylski"])
FILLER = st.sampled_from(["we", "spoke", "to", "about", "a", "case", "and", "then", "hope", "example"])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(NOT_WORDS, FILLER), min_size=1, max_size=12), st.sampled_from(["lower", "title", "upper"]))
def test_no_part_that_is_no_ordinary_word_survives_in_any_case(words: list[str], case: str) -> None:
    text = " ".join(getattr(w, case)() for w in words)
    clean = redact.redactor("Zadie Quorndon-Smythe Okonkwo Przybylski", any_case=True)
    left = clean(text).lower()
    assert not any(part in left.split() for part in ("zadie", "quorndon", "smythe", "okonkwo", "przybylski"))
    for word in ("we", "spoke", "case", "then"):
        assert (word in text.lower().split()) == (word in left.split())
