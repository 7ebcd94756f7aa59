"""Statement exports in text, Markdown and Word: complete, in order, safe with hostile text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassess.errors import BadInput
from selfassess.export.files import save_export
from selfassess.export.markdown import statement_markdown
from selfassess.export.text import statement_text
from selfassess.export.word import statement_docx
from selfassess.models import Evidence, Session
from selfassess.store import SessionStore

from .helpers import filled_session, seed_role

HOSTILE = [
    '=HYPERLINK("http://x")',
    "[/b][bold red]boom[/]",
    "\x1b[31mred\x07\x00",
    "# heading\n- item\n1. one",
    "<script>alert(1)</script>",
    "שלום עולם \u202eevil",
    "emoji 🎉👍",
    "x" * 5000,
    "*star* _under_ `code` | pipe",
]


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return filled_session(SessionStore(tmp_path / "s"), seed_role(min_criteria=20))


def positions(haystack: str, needles: list[str]) -> list[int]:
    return [haystack.index(n) for n in needles]


def test_text_export_has_every_criterion_in_order(session: Session) -> None:
    out = statement_text(session)
    ids = [f"{c.id} ({c.kind})" for c in session.role.criteria]
    found = positions(out, ids)
    assert found == sorted(found)
    assert "Alex Example" in out and "Whole statement:" in out
    assert all(session.evidence[c.id].text in out for c in session.role.criteria)


def test_markdown_export_in_order(session: Session) -> None:
    out = statement_markdown(session)
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert [h.split()[1] for h in headings[:-1]] == [c.id for c in session.role.criteria] and headings[
        -1
    ] == "## Counts"


def test_docx_export_reopens_with_every_criterion_in_order(session: Session) -> None:
    document = docx.Document(io.BytesIO(statement_docx(session)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [h.split()[0] for h in headings[:-1]] == [c.id for c in session.role.criteria]


def test_anonymised_exports_hold_no_name(session: Session) -> None:
    for render in (statement_text, statement_markdown):
        assert "Alex Example" not in render(session, anonymise=True)
    document = docx.Document(io.BytesIO(statement_docx(session, anonymise=True)))
    assert "Alex" not in " ".join(p.text for p in document.paragraphs) and document.core_properties.author == ""


def _with_text(session: Session, text: str) -> Session:
    first = session.role.criteria[0].id
    evidence = dict(session.evidence)
    evidence[first] = Evidence(criterion=first, text=text, updated=session.updated)
    return session.model_copy(update={"evidence": evidence})


@given(st.text(max_size=300) | st.sampled_from(HOSTILE))
def test_hostile_text_in_every_format(tmp_path_factory, text: str) -> None:
    store = SessionStore(tmp_path_factory.mktemp("h"))
    base = store.create(seed_role(), candidate="Alex Example")
    session = _with_text(base, text)
    plain_out = statement_text(session)
    assert not any(ch in plain_out for ch in "\x00\x07\x1b\u202e")
    md = statement_markdown(session)
    evidence_block = md.split("\n## ")[1].split("\n", 1)[1]
    for line in evidence_block.splitlines():
        assert not re.match(r"\s{0,3}(?:#|[-+*>](?:\s|$)|\d+[.)](?:\s|$)|=+\s*$)", line), line
    assert "<script>" not in md
    document = docx.Document(io.BytesIO(statement_docx(session)))
    assert document.paragraphs  # reopens: no XML-invalid characters got in


def test_markdown_escapes_structure(tmp_path: Path) -> None:
    base = SessionStore(tmp_path).create(seed_role(), candidate="Alex Example")
    md = statement_markdown(_with_text(base, "# heading\n- item\n1. one\n[link](http://x) <b>"))
    assert "\\# heading" in md and "\\- item" in md and "1\\. one" in md and "\\[link\\]" in md and "\\<b\\>" in md


def test_save_export_never_overwrites_without_asking(tmp_path: Path) -> None:
    path = save_export(tmp_path / "s.txt", "first")
    assert path.read_text() == "first" and oct(path.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(BadInput, match="already exists"):
        save_export(path, "second")
    assert path.read_text() == "first"
    save_export(path, "second", force=True)
    assert path.read_text() == "second"
    with pytest.raises(BadInput, match="no such folder"):
        save_export(tmp_path / "missing" / "s.txt", "x")
    with pytest.raises(BadInput, match="is a folder"):
        save_export(tmp_path, "x")
