"""The campaign files in a panel's group folder: shared with the group as the session files are, and an
unreadable campaign is one line, not a crash (tester 16b: a second login's campaign screen died)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Static

from selfassess.campaign_store import CampaignStore
from selfassess.errors import BadInput
from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.screens.campaign import CampaignScreen
from tests.test_tui_fair import ROLE, campaign


def modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in [folder, *folder.iterdir()]}


def test_a_group_folder_gets_a_group_campaigns_folder_and_group_files(tmp_path: Path) -> None:
    sessions = tmp_path / "s"
    sessions.mkdir()
    os.chmod(sessions, 0o2770)
    campaigns = CampaignStore(SessionStore(sessions))
    campaigns.seed(ROLE.id, "Ann Chair")
    found = modes(campaigns.directory)
    assert found.pop("campaigns") == 0o2770
    assert found == {f"{ROLE.id}.json": 0o660, f"{ROLE.id}.audit.jsonl": 0o660, f"{ROLE.id}.json.lock": 0o660}
    assert all(p.stat().st_gid == sessions.stat().st_gid for p in campaigns.directory.iterdir())


def test_a_private_campaigns_folder_an_earlier_version_made_is_opened_to_the_group(tmp_path: Path) -> None:
    sessions = tmp_path / "s"
    campaigns = CampaignStore(SessionStore(sessions))
    campaigns.seed(ROLE.id, "Ann Chair")  # a private folder: 0700 and 0600
    assert set(modes(campaigns.directory).values()) == {0o700, 0o600}
    os.chmod(sessions, 0o2770)  # the folder is then shared with the panel's group
    campaigns.seed("other-role", "Ann Chair")
    found = modes(campaigns.directory)
    assert found.pop("campaigns") == 0o2770 and set(found.values()) == {0o660}


async def test_a_campaign_this_login_may_not_read_is_one_line_and_the_screen_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    campaign(app.store)
    real = Path.exists

    def denied(path: Path, *args, **kwargs) -> bool:
        if path.parent.name == "campaigns":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", denied)
    with pytest.raises(BadInput) as caught:
        CampaignStore(app.store).load(ROLE.id)
    assert len(caught.value.problems) == 1 and "cannot read (Permission denied)" in caught.value.problems[0]
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CampaignScreen(ROLE, "Bo Panel"))
        await pilot.pause()
        steps = str(app.screen.query_one("#campaign-steps", Static).render())
        assert "The campaign cannot be read" in steps and "Permission denied" in steps
        await pilot.press("q")  # the question plan cannot open either: a message, not a crash
        await pilot.pause()
        assert isinstance(app.screen, CampaignScreen)
        assert sum("Permission denied" in n.message for n in app._notifications) >= 2


async def test_typing_in_a_plan_box_counts_its_lines_once_typing_pauses_not_per_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual import events
    from textual.widgets import TextArea

    from selfassess.tui.screens.question_plan import QuestionPlanScreen
    from selfassess.tui.widgets.plan_form import PlanForm

    app = make_app()
    first = campaign(app.store)[0]
    calls = []
    original = PlanForm._count_lines

    def counting(self: PlanForm) -> None:
        calls.append(1)
        original(self)

    monkeypatch.setattr(PlanForm, "_count_lines", counting)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(QuestionPlanScreen(ROLE, app.store.load(first).scale, "Ann Chair"))
        await pilot.pause()
        box = app.screen.query_one("#plan-questions", TextArea)
        box.focus()
        await pilot.pause()
        typed = "tell us about a casework example you led "
        for ch in typed:  # as a terminal sends a paste without bracketing: one key event after another
            key = events.Key("space" if ch == " " else ch, ch)
            key.set_sender(app)
            app.post_message(key)
        for _ in range(100):
            await pilot.pause(0.05)
            if box.text == typed:
                break
        await pilot.pause(0.5)  # typing paused: the count has run
        assert box.text == typed
        assert 1 <= len(calls) < len(typed) // 4
        assert "1/12 lines" in str(box.border_subtitle)
