"""Extraction: milliseconds per document in the process, the whole CLI call, and F1 / kind accuracy on the seeds."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from common import Figure, median, not_measured

from selfassess.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "tools" / "score_extraction.py"


def _documents() -> list[tuple[str, str]]:
    if SEEDS.is_dir():
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    docs = ROOT / "tests" / "fixtures" / "docs"
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(docs.iterdir())]


def run() -> list[Figure]:
    figures = []
    docs = _documents()
    per_kb = []
    for _ in range(5):
        for _, text in docs:
            t0 = time.perf_counter()
            extract_text(text)
            per_kb.append((time.perf_counter() - t0) * 1000 / (len(text.encode()) / 1024))
    largest = max(docs, key=lambda d: len(d[1]))
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        extract_text(largest[1])
        times.append((time.perf_counter() - t0) * 1000)
    per_30kb = median(per_kb) * 30
    figures.append(
        Figure(
            name="extraction.ms_per_30kb",
            value=round(per_30kb, 2),
            unit="ms",
            goal="< 50 ms per 30 KB document",
            met=per_30kb < 50,
            method=f"extract_text in process over {len(docs)} documents x5, median ms/KB x 30; "
            f"largest ({len(largest[1]) // 1024} KB) median {median(times):.1f} ms",
        )
    )
    target = SEEDS / "004_629b200252793b1a.txt" if SEEDS.is_dir() else ROOT / "tests/fixtures/docs/numbered.txt"
    cli = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "selfassess", "extract", str(target), "--json"], check=True, capture_output=True
        )
        cli.append(time.perf_counter() - t0)
    figures.append(
        Figure(
            name="extraction.cli_call",
            value=round(median(cli), 3),
            unit="s (median)",
            goal="whole CLI call < 1 s",
            met=median(cli) < 1,
            method="`selfassess extract FILE --json` as a new process, 5 runs",
        )
    )
    if not (SCORER.exists() and SEEDS.is_dir()):
        figures.append(not_measured("extraction.seed_f1", "F1 >= 0.95", "shared/ is not beside the checkout"))
        return figures
    proc = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--json",
            "--gold-dir",
            str(SHARED / "seeds-gold"),
            "--text-dir",
            str(SEEDS),
            "--cmd",
            f"{sys.executable} -m selfassess extract {{file}} --json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(proc.stdout)
    method = "shared/tools/score_extraction.py on the five seeds"
    figures += [
        Figure(
            name="extraction.seed_f1",
            value=score["f1"],
            unit="",
            goal=">= 0.95",
            met=score["f1"] >= 0.95,
            method=method,
        ),
        Figure(
            name="extraction.seed_kind_accuracy",
            value=score["kind_accuracy"],
            unit="",
            goal=">= 0.95",
            met=score["kind_accuracy"] >= 0.95,
            method=method,
        ),
        Figure(
            name="extraction.seed_order_agreement",
            value=score["order_agreement"],
            unit="",
            goal="1.0",
            met=score["order_agreement"] == 1.0,
            method=method,
        ),
    ]
    return figures
