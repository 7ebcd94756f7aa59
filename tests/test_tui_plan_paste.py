"""A 12 KB paste into a plan's Questions box (lines ended by CR, as tmux pastes them, with a bell and an
escape in them): whole lines kept up to the box's caps, one message saying what was kept, nothing
cut mid-word, no control character saved (tester 16b/6)."""

from __future__ import annotations

from textual import events

from selfassess.campaign_store import CampaignStore
from selfassess.tui.app import make_app
from selfassess.tui.screens.question_plan import QuestionPlanScreen
from selfassess.tui.widgets.capped_text_area import CappedTextArea
from selfassess.tui.widgets.plan_form import PlanForm

from .test_tui_fair import ROLE, campaign


async def test_a_long_paste_keeps_whole_lines_and_says_so() -> None:
    app = make_app()
    first = campaign(app.store)[0]
    lines = [f"Line {n:02d}: describe \x07 a case \x1b[2J where you " + "acted " * 28 for n in range(1, 61)]
    pasted = "\r".join(lines)
    assert len(pasted) > 12_000
    async with app.run_test(size=(110, 34)) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        box = app.screen.query_one("#plan-questions", CappedTextArea)
        box.focus()
        app.post_message(events.Paste(pasted))  # as the terminal driver sends a bracketed paste
        await pilot.pause()
        app.screen.query_one(PlanForm)._count_lines()  # what its timer does a moment after the paste (not waited for)
        kept = box.text.split("\n")
        assert (
            len(kept) == 12
            and kept[0].startswith("Line 01: describe  a case [2J where")
            and kept[-1].startswith("Line 12")
        )
        assert not any(ch in box.text for ch in "\x07\x1b\r")
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1 and "kept 12 of 60 lines" in messages[0]
        assert "12/12 lines" in str(box.border_subtitle) and "too long" not in str(box.border_subtitle)
        await pilot.press("ctrl+s")
        await pilot.pause()
    item = CampaignStore(app.store).load(ROLE.id).plan_item("E1", "interview")
    assert item is not None and len(item.questions) == 12 and item.questions[0].startswith("Line 01: describe a case")
