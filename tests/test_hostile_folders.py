"""Hostile files in the roles and sessions folders, met by the CLI and by the app's start: FIFOs, big or
escape-laden role files, a panellist named with markup. Nothing hangs, nothing crashes, no escape reaches
the terminal; the CLI runs are held to 5 s of CPU and 500 MB (test_bounds.run_limited)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from pypdf import PdfWriter
from textual.widgets import DataTable

from selfassess.store import SessionStore
from selfassess.tui.app import make_app
from selfassess.tui.screens.moderation import ModerationScreen
from selfassess.tui.screens.scoring import ScoringScreen

from .helpers import push, seed_role
from .test_bounds import refused, run_limited

BIG_ROLE = 'id = "big"\ntitle = "Big"\n\n' + "".join(
    f'[[criteria]]\nid = "X{i}"\ntext = "t"\nkind = "essential"\n\n' for i in range(15_000)
)


def test_a_fifo_big_or_escape_named_role_file_in_the_roles_folder(tmp_path: Path) -> None:
    roles = tmp_path / "r"
    roles.mkdir()
    os.mkfifo(roles / "pipe.toml")
    (roles / "big.toml").write_text(BIG_ROLE)
    (roles / "evil \x1b]0;title\x07\x1b[2J.toml").write_text("title = ")
    for args in (["roles"], ["show", seed_role().id]):
        done = run_limited(tmp_path, *args)
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stderr and "\x07" not in done.stderr
        if args == ["roles"]:  # the listing names each file it skipped
            warnings = done.stderr.strip().splitlines()
            assert len(warnings) == 3 and all(w.startswith("warning: skipped") for w in warnings), warnings


def test_a_fifo_named_like_a_session_is_refused_by_export_and_repair(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    store.create(seed_role(), reference="GOOD")
    os.mkfifo(store.directory / "20260101-aaaaaaaa.json")
    for command in ("export", "repair"):
        refused(run_limited(tmp_path, command, "20260101-aaaaaaaa"), "20260101-aaaaaaaa")


def test_escape_sequences_in_an_import_file_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = tmp_path / "x.json"
    hostile.write_text(json.dumps({"format": "selfassess-session", "session": {"\x1b[2J\x1b]0;owned\x07": 1}}))
    done = run_limited(tmp_path, "import-session", str(hostile))
    refused(done, "x.json")
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr


def test_pypdf_warnings_add_no_stray_lines(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    broken = data[: data.rfind(b"startxref")] + b"startxref\n999\n%%EOF\n"  # a wrong pointer: pypdf warns
    (tmp_path / "broken.pdf").write_bytes(broken)
    done = run_limited(tmp_path, "extract", str(tmp_path / "broken.pdf"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr


async def test_the_app_starts_past_a_fifo_role_a_fifo_and_a_38_mb_session_and_quits(private_folders) -> None:
    roles, sessions = private_folders["roles"], private_folders["sessions"]
    roles.mkdir()
    os.mkfifo(roles / "pipe.toml")
    store = SessionStore(sessions)
    good = store.create(seed_role(), reference="GOOD")
    os.mkfifo(sessions / "20260101-aaaaaaaa.json")
    raw = json.loads(store.path(good.id).read_text())
    raw["padding"] = "y" * 38_000_000  # a 38 MB session: over the 16 MB cap, never read into memory
    (sessions / "20260101-bbbbbbbb.json").write_text(json.dumps(raw))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for _ in range(20):
            if len(app._notifications) >= 3:
                break
            await pilot.pause(0.1)
        messages = " ".join(n.message for n in app._notifications)
        assert "pipe.toml" in messages and "20260101-aaaaaaaa" in messages, messages
        assert "20260101-bbbbbbbb.json: too large for a session file" in messages, messages
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1 and table.coordinate_to_cell_key((0, 0)).row_key.value == good.id
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_a_panellist_named_with_markup_scores_and_moderates_without_a_crash(private_folders) -> None:
    name = "Bob [/] [@click=app.quit]"
    app = make_app()
    store = app.store
    s = store.create(seed_role(), reference="C-1")
    store.set_panel(s.id, [name], name, stage="interview")
    async with app.run_test(size=(110, 34)) as pilot:
        store.hold(s.id, name)
        push(app, ScoringScreen(store.load(s.id), name, "interview"))
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ScoringScreen) and app.is_running
        assert [sc.panellist for sc in store.load(s.id).scores] == [name]
        for c in seed_role().criteria[1:]:
            store.record_score(s.id, name, c.id, 3, stage="interview")
        store.submit(s.id, name, "interview")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ModerationScreen) and app.is_running
