"""Help figure: F1 to help on screen, beside F1 after loading every screen and dialog module (what F1 did
before help was built from the screen in front)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Figure, beside, median

RUNS = 5
PROGRAM = """
import asyncio, json, sys, time
from selfassess.tui.app import make_app

async def main(load_all):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.3)
        start = time.perf_counter()
        if load_all:
            from selfassess.tui.keys import screen_classes
            screen_classes()
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        return (time.perf_counter() - start) * 1000

print(json.dumps(asyncio.run(main(sys.argv[1] == "all"))))
"""


def _once(mode: str, env: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, env=env, timeout=120)
    if out.returncode:
        raise RuntimeError(out.stderr)
    return float(json.loads(out.stdout.strip().splitlines()[-1]))


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="selfassess-bench-") as folder:
        env = {**os.environ, "SELFASSESS_SESSIONS": str(Path(folder, "s")), "SELFASSESS_ROLES": str(Path(folder, "r"))}
        ours, before = [], []
        for _ in range(RUNS):  # alternating, so drift hits both alike
            before.append(_once("all", env))
            ours.append(_once("front", env))
    return [
        beside(
            "help.f1_to_help",
            median(ours),
            median(before),
            unit="ms (median)",
            goal="faster than F1 after loading every screen (the old way); the machine's load is in results.json",
            most=0.9,
            method=f"fresh process, home screen at 120x36 (headless), F1 until HelpScreen is in front; baseline: "
            f"the same after importing every screen and dialog module first, as F1 used to; {RUNS} runs alternating",
        )
    ]
