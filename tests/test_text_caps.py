"""Box caps: a paste over them is cut where a line or word ends, says what was kept, and a plan saved
through the store holds no control character (tester 16b/6)."""

from __future__ import annotations

from pathlib import Path

from selfassess.campaign_models import PlanItem, ReviewGuide
from selfassess.campaign_store import CampaignStore
from selfassess.store import SessionStore
from selfassess.text_caps import capped, cut_at_word, kept_message
from tests.test_campaign_store import ROLE, candidate


def test_a_long_line_is_cut_where_a_word_ends() -> None:
    assert cut_at_word("Line 05: describe the case", 14) == "Line 05:"
    assert cut_at_word("Line 05: describe", 8) == "Line 05:"  # the cut falls on a space
    assert cut_at_word("abcdefgh", 5) == "abcde"  # no space: a hard cut
    assert cut_at_word("short", 10) == "short" and cut_at_word("abc", 0) == ""


def test_lines_ended_by_cr_alone_are_lines_and_the_box_keeps_at_most_its_lines() -> None:
    pasted = "\r".join(f"Line {n:02d}: describe a time you " + "x" * 150 for n in range(1, 61))
    kept = capped(pasted, "", "", 1000, lines_left=12)
    assert kept.split("\n") == pasted.split("\r")[:12]
    assert capped("one\r\ntwo\nthree", "", "", 1000) == "one\ntwo\nthree"
    # typing on the twelfth line is fine, a thirteenth is refused; blank lines are not counted
    assert capped("x", "q", "", 1000, lines_left=1) == "x"
    assert capped("\n", "q", "", 1000, lines_left=1) == "\n"
    assert capped("x", "", "", 1000, lines_left=0) == ""
    # a paste in the middle of a line: the rest of that line still fits after the last part kept
    assert capped("aaa bbb\nccc\nddd", "12", "tail", 10, lines_left=1) == "aaa"


def test_the_message_says_what_was_kept() -> None:
    pasted = "\n".join(["a question"] * 60)
    message = kept_message(pasted, "\n".join(["a question"] * 12), 1000, 12)
    assert message.startswith("Pasted text over the cap (at most 1,000 characters a line and 12 lines)")
    assert "kept 12 of 60 lines, 131 of 659 characters" in message and "\n" not in message
    assert (
        kept_message("x", "", 1000, 12)
        == "This box holds at most 1,000 characters a line and 12 lines: the rest was not added."
    )


def test_the_store_keeps_no_control_character_in_the_plan(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    candidate(store, "Dana Testcase")
    item = PlanItem(
        criterion="E1",
        stage="interview",
        questions=["Tell us \x07about a \x1b[2Jcase", "  ", "Why?\x1b"],
        probes=["And\tthen?\x7f"],
        guide=ReviewGuide(strong="Own \x07actions\x1b[31m", acceptable="Clear", weak="Team only"),
    )
    saved = CampaignStore(store).set_plan_item(ROLE.id, item, "Ann").plan_item("E1", "interview")
    assert saved is not None
    assert saved.questions == ["Tell us about a [2Jcase", "Why?"] and saved.probes == ["And then?"]
    assert saved.guide.strong == "Own actions[31m"
    assert "\\u0007" not in CampaignStore(store).path(ROLE.id).read_text()
