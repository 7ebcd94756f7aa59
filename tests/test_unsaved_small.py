"""The unsaved-text dialog at 80x24 (tester 16b/14): the reason is shown whole (wrapped, not cut), the
count is of what was typed (not of the labels added to it), and no file is spoken of before one is shown."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets import Input, Static

from selfassess.tui.app import make_app
from selfassess.tui.dialogs.unsaved import UnsavedDialog, unsaved_of

WHY = "score: Cy Panel must declare any conflict of interest with Dana Testcase before scoring them"


def shown(widget: Static) -> str:
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return " ".join(" ".join(segment.text for segment in line).strip() for line in lines)


async def test_the_dialog_fits_80x24_and_counts_what_was_typed(tmp_path: Path) -> None:
    unsaved = unsaved_of({"Note on E1": (WHY, "Strong, own actions")}, tmp_path / "kept.txt")
    assert unsaved is not None and unsaved.typed == 19
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(UnsavedDialog(unsaved))
        await pilot.pause()
        error = app.screen.query_one("#unsaved-error", Static)
        assert error.size.height >= 2 and " ".join(shown(error).split()) == f"NOT SAVED: {WHY}"
        texts = [shown(w) for w in app.screen.query(Static)]
        assert any("would lose 19 characters you typed" in t for t in texts)
        status = shown(app.screen.query_one("#unsaved-status", Static))
        assert "above" not in status and "w = write the text to a file" in status
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.query_one("#unsaved-path", Input).value == str(tmp_path / "kept.txt")
        assert "this file" in shown(app.screen.query_one("#unsaved-status", Static))


def test_a_plan_counts_only_what_was_typed_not_its_labels() -> None:
    from selfassess.campaign_models import PlanItem, ReviewGuide
    from selfassess.tui.screens.question_plan import plan_text, typed

    item = PlanItem(criterion="E1", questions=["Tell me about a case"], guide=ReviewGuide(strong="Own"))
    assert typed(item) == 23 and len(plan_text(item)) > 60
