"""TUI figures: time to the first screen vs a bare Textual app; typing cost vs a bare TextArea (issue 5)."""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from bare_app import BareTextArea
from common import Figure, beside, median, p95

HERE = Path(__file__).resolve().parent
RUNS = 7
KEYS = 150


def _time_to_text(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 20.0) -> float:
    """Seconds from spawning ``argv`` in an 80x24 pseudo-terminal until ``marker`` is on its screen."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen += chunk
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"{argv} never showed {marker!r}")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def start_figure() -> Figure:
    folder = Path(tempfile.mkdtemp(prefix="selfassess-bench-"))
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "SELFASSESS_SESSIONS": str(folder / "s"),
        "SELFASSESS_ROLES": str(folder / "r"),
        "COLUMNS": "80",
        "LINES": "24",
    }
    ours, bare, tables = [], [], []
    try:
        for _ in range(RUNS):  # alternating, so drift hits all alike
            bare.append(_time_to_text([sys.executable, str(HERE / "bare_app.py")], b"bare app ready", env))
            tables.append(
                _time_to_text([sys.executable, str(HERE / "bare_app.py"), "tables"], b"bare tables ready", env)
            )
            ours.append(_time_to_text([sys.executable, "-m", "selfassess"], b"Social Worker", env))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    note = (
        f"a bare app with the same widget kinds (two DataTables and a Footer) takes {median(tables) * 1000:.0f} ms "
        f"({median(tables) / median(bare):.2f}x the one-widget app); the rest of the gap is selfassess's own "
        "imports and screen"
    )
    return beside(
        "start.first_screen",
        median(ours) * 1000,
        median(bare) * 1000,
        note=note,
        unit="ms (median)",
        goal="within 1.3x of a bare Textual app",
        most=1.3,
        method=f"process spawn in an 80x24 pty until the role list (a role title) is on screen, "
        f"{RUNS} runs alternating with a one-widget Textual app",
    )


async def _keys(app, prepare) -> list[float]:
    times = []
    async with app.run_test(size=(100, 32)) as pilot:
        await prepare(pilot)
        for i in range(KEYS):
            t0 = time.perf_counter()
            await pilot.press("a" if i % 7 else "space")
            times.append((time.perf_counter() - t0) * 1000)
    return times


def typing_figure() -> list[Figure]:
    from selfassess import roles
    from selfassess.store import SessionStore
    from selfassess.tui.app import make_app
    from selfassess.tui.screens.candidate import CandidateScreen

    words = [
        "I",
        "analysed",
        "the",
        "backlog,",
        "agreed",
        "priorities",
        "with",
        "the",
        "team",
        "and",
        "reduced",
        "waiting",
        "times",
        "by",
        "thirty",
        "per",
        "cent",
        "over",
        "six",
        "months.",
    ]
    answer = " ".join(words[i % len(words)] for i in range(3000))
    folder = Path(tempfile.mkdtemp(prefix="selfassess-bench-"))
    os.environ["SELFASSESS_ROLES"] = str(folder / "r")
    store = SessionStore(folder / "s")
    role = roles.library()[0]
    session = store.create(role, reference="BENCH")
    store.set_evidence(session.id, role.criteria[0].id, answer)

    async def open_candidate(pilot) -> None:
        pilot.app.push_screen(CandidateScreen(pilot.app.store.load(session.id)))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # spelling on: the dictionary is loaded, the answer checked
        from selfassess.tui.widgets.evidence_feedback import EvidenceFeedback

        assert pilot.app.screen.query_one(EvidenceFeedback).checked, "the spelling check did not run"
        editor = pilot.app.screen.editor
        editor.move_cursor(editor.document.end)

    async def nothing(pilot) -> None:
        await pilot.pause()

    ours: list[float] = []
    bare: list[float] = []
    try:
        for _ in range(2):  # ABAB
            bare += asyncio.run(_keys(BareTextArea(answer), nothing))
            ours += asyncio.run(_keys(make_app(sessions_dir=folder / "s"), open_candidate))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    method = (
        f"Pilot key press to processed, {2 * KEYS} keys at the end of a 3,000-word answer with British spelling "
        f"checking on (checked in a worker when typing pauses), alternating "
        f"blocks with a bare TextArea app holding the same text; p95 {p95(ours):.2f} vs {p95(bare):.2f} ms "
        f"(ratio {p95(ours) / p95(bare):.2f})"
    )
    return [
        beside(
            f"typing.key_to_change{suffix}",
            stat(ours),
            stat(bare),
            unit=f"ms ({label})",
            goal="within 1.1x of a bare TextArea",
            most=1.1,
            method=method,
        )
        for suffix, label, stat in (("", "median", median), ("_p95", "p95", p95))
    ]


def run() -> list[Figure]:
    print("  start-up and typing (about a minute) ...", flush=True)
    return [start_figure(), *typing_figure()]
