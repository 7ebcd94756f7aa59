"""The import review screen on a 30 KB paste: time to open it and to mark a range, side by side with the
screen before its source list was virtual (one measured option per line), each in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Figure, median

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "0a3fef3"  # main before the virtual source list and the coalesced footer
SEED = ROOT.parent / "shared" / "seeds" / "004_629b200252793b1a.txt"
TIMER = """
import asyncio, os, sys, tempfile, time
from pathlib import Path
folder = Path(tempfile.mkdtemp(prefix="bench-review-"))
os.environ["SELFASSESS_SESSIONS"] = str(folder / "s")
os.environ["SELFASSESS_ROLES"] = str(folder / "r")
from selfassess.role_draft import draft_from_text
from selfassess.tui.app import make_app
from selfassess.tui.screens.import_review import ReviewScreen
text = Path(sys.argv[1]).read_text(encoding="utf-8")
while len(text.encode()) < 30 * 1024:
    text += "\\n" + text
draft = draft_from_text(text[: 30 * 1024])

async def main():
    app = make_app()
    opened, marked = [], []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for _ in range(3):
            t0 = time.process_time()
            await app.push_screen(ReviewScreen(draft))
            await pilot.pause()
            opened.append(time.process_time() - t0)
            source = app.screen.query_one("#source")
            source.focus()
            await pilot.pause()
            t0 = time.process_time()
            await pilot.press("space", "down", "down", "down")
            await pilot.pause()
            marked.append(time.process_time() - t0)
            await pilot.press("escape")
            app.pop_screen()
            await pilot.pause()
    print(sorted(opened)[1], sorted(marked)[1])

asyncio.run(main())
"""


def _measure(tree: Path) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    run = subprocess.run(
        [sys.executable, "-c", TIMER, str(SEED)], env=env, capture_output=True, text=True, check=True, cwd=tree
    )
    opened, marked = run.stdout.split()
    return float(opened), float(marked)


def run() -> list[Figure]:
    if not SEED.exists():
        return []
    with tempfile.TemporaryDirectory(prefix="review-baseline-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE, "selfassess"], capture_output=True)
        before_tree = Path(tmp) if archive.returncode == 0 else None
        if before_tree is not None:
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        now: list[tuple[float, float]] = []
        old: list[tuple[float, float]] = []
        for _ in range(3):  # alternate, so load on the machine falls on both alike
            now.append(_measure(ROOT))
            if before_tree is not None:
                old.append(_measure(before_tree))
    figures = []
    for position, (name, goal, limit) in enumerate(
        (("review.open_30kb_paste", "< 0.5 s to open review", 0.5), ("review.mark_range_30kb", "< 0.3 s", 0.3))
    ):
        value = median([pair[position] for pair in now])
        base = median([pair[position] for pair in old]) if old else None
        figures.append(
            Figure(
                name=name,
                value=round(value, 3),
                unit="s CPU (median)",
                goal=goal,
                met=value < limit,
                method="ReviewScreen on a 30 KB paste (a seed repeated) in App.run_test at 120x36; "
                + ("push until idle" if position == 0 else "space and 3 x down in the source list until idle")
                + "; median of 3 fresh processes, each the median of 3",
                baseline=round(base, 3) if base is not None else None,
                ratio=round(value / base, 2) if base else None,
                note=f"side by side with {BEFORE} (source list of one OptionList option per line)" if base else "",
            )
        )
    return figures


if __name__ == "__main__":
    for figure in run():
        print(
            f"{figure.name:32} {figure.value} {figure.unit} baseline={figure.baseline} "
            f"goal {figure.goal} met={figure.met}"
        )
