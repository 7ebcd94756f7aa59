"""Markdown summaries and feedback (tester 16b/14): a list is followed by a blank line before the next
heading or paragraph, so it does not run into it."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from selfassess.export.feedback import render_feedback
from selfassess.export.markdown import blocks_markdown
from selfassess.export.render import render
from selfassess.store import SessionStore
from tests.test_feedback import scored


def runs_into_a_list(text: str) -> list[str]:
    """Lines that follow a list item with no blank line between, but are no list item themselves."""
    lines = text.splitlines()
    return [b for a, b in pairwise(lines) if a.startswith("- ") and b and not b.startswith("- ")]


def test_a_list_ends_with_a_blank_line() -> None:
    made = blocks_markdown([("h2", "E1"), ("li", "Ann: 4"), ("li", "Bo: 3"), ("p", "Consensus: 4"), ("h2", "D1")])
    assert made == "## E1\n\n- Ann: 4\n- Bo: 3\n\nConsensus: 4\n\n## D1\n"
    assert blocks_markdown([("li", "a"), ("h2", "b")]) == "- a\n\n## b\n"


def test_summary_and_feedback_markdown_keep_lists_apart(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    sid = scored(store, "Dana Testcase", "R-1", 4, note="Clear example", reason="Own actions")
    scored(store, "Morgan Otherperson", "R-2", 2)
    session = store.load(sid)
    summary = render(session, "summary", "md", False, store.audit(sid))
    feedback = render_feedback(session, store.sessions_of_role(session.role.id), "md")
    assert isinstance(summary, str) and isinstance(feedback, str)
    for text in (summary, feedback):
        assert "\n- " in text and runs_into_a_list(text) == [], text
