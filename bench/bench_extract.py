"""Extraction: time per 30 KB in process, the whole CLI call (text, PDF, web page), and quality per corpus
(seeds, development set, this repository's fixture corpus) and per file type, scored against gold."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import Figure, median, not_measured

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selfassess.extract import extract_file, extract_text  # noqa: E402
from tests.scoring import Score, score_corpus  # noqa: E402

SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = ROOT / "tests" / "fixtures" / "docs" / "corpus"
CORPORA = {
    "seeds": (SHARED / "seeds-gold", SEEDS),
    "devset": (SHARED / "devset", SHARED / "devset"),
    "fixtures": (CORPUS, CORPUS),
}
GOALS = {  # corpus: (F1, kind accuracy, method agreement) from issue 13
    "seeds": (0.99, 1.0, None),
    "devset": (0.90, 0.92, 0.85),
    "fixtures": (0.95, 0.95, 0.90),
}


def _documents() -> list[tuple[str, str]]:
    if SEEDS.is_dir():
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


BASELINE_COMMIT = "e46a058"  # the extractor before issue 13 (formats, web pages, PDF by geometry)
TIMER = """
import statistics, sys, time
from pathlib import Path
from selfassess.extract import extract_text
docs = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
per_kb = []
for _ in range(5):
    for text in docs:
        t0 = time.process_time()
        extract_text(text)
        per_kb.append((time.process_time() - t0) * 1000 / (len(text.encode()) / 1024))
print(statistics.median(per_kb) * 30)
"""


@contextmanager
def _baseline_tree() -> Iterator[Path | None]:
    """A temporary copy of the extractor before issue 13 (BASELINE_COMMIT), None without git."""
    with tempfile.TemporaryDirectory(prefix="extract-baseline-") as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BASELINE_COMMIT, "selfassess"], capture_output=True, check=False
        )
        if archive.returncode != 0:
            yield None
            return
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        yield Path(tmp)


def _side_by_side() -> tuple[float, float] | None:
    """(current, baseline) ms per 30 KB, each in a fresh process, alternating three times; None without git."""
    folder = SEEDS if SEEDS.is_dir() else CORPUS
    with _baseline_tree() as tree:
        if tree is None:
            return None
        current, baseline = [], []
        for _ in range(3):
            for path, out in ((str(ROOT), current), (str(tree), baseline)):
                env = {**os.environ, "PYTHONPATH": path}
                run = subprocess.run(
                    [sys.executable, "-c", TIMER, str(folder)], env=env, capture_output=True, text=True, check=True
                )
                out.append(float(run.stdout.strip()))
        return median(current), median(baseline)


def _speed() -> list[Figure]:
    docs = _documents()
    per_kb = []
    for _ in range(5):
        for _, text in docs:
            t0 = time.process_time()
            extract_text(text)
            per_kb.append((time.process_time() - t0) * 1000 / (len(text.encode()) / 1024))
    largest = max(docs, key=lambda d: len(d[1]))
    times = []
    for _ in range(20):
        t0 = time.process_time()
        extract_text(largest[1])
        times.append((time.process_time() - t0) * 1000)
    per_30kb = median(per_kb) * 30
    pair = _side_by_side()
    pdfs = sorted(CORPUS.glob("*.pdf"))
    extract_file(pdfs[0])  # loads the PDF library once, as the CLI does on its first PDF
    pdf_ms = []
    for _ in range(3):
        for pdf in pdfs:
            t0 = time.process_time()
            extract_file(pdf)
            pdf_ms.append((time.process_time() - t0) * 1000)
    return [
        Figure(
            name="extraction.ms_per_30kb",
            value=round(per_30kb, 2),
            unit="ms CPU",
            goal="< 50 ms per 30 KB document",
            met=per_30kb < 50,
            method=f"extract_text in process over {len(docs)} documents x5, median CPU ms/KB x 30; "
            f"largest ({len(largest[1]) // 1024} KB) median {median(times):.1f} ms",
            baseline=round(pair[1], 2) if pair else None,
            ratio=round(pair[0] / pair[1], 2) if pair else None,
            note=(
                f"side by side in fresh processes (3 alternations): this extractor {pair[0]:.1f} ms, the extractor "
                f"before issue 13 ({BASELINE_COMMIT}) {pair[1]:.1f} ms per 30 KB"
                if pair
                else "no side-by-side baseline (git archive unavailable)"
            ),
        ),
        Figure(
            name="extraction.pdf_ms_per_document",
            value=round(median(pdf_ms), 1),
            unit="ms (median)",
            goal="(no goal; the PDF library reads by geometry)",
            met=None,
            method=f"extract_file on the {len(pdfs)} fixture PDFs x3 (one page each), library already loaded",
        ),
    ]


def _cli_seconds(target: Path, tree: Path, runs: list[float], walls: list[float]) -> None:
    """One `selfassess extract TARGET --json` as a new process with ``tree`` first on the path: its CPU
    seconds (user + system, what the call costs whatever else the machine runs) and its wall seconds."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "selfassess", "extract", str(target), "--json"],
        check=True,
        capture_output=True,
        env=env,
        cwd=tree,
    )
    walls.append(time.perf_counter() - t0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    runs.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def _cli() -> list[Figure]:
    text = SEEDS / "004_629b200252793b1a.txt" if SEEDS.is_dir() else CORPUS / "slash_word_0.txt"
    figures = []
    with _baseline_tree() as tree:
        for label, target in (
            ("text", text),
            ("pdf", CORPUS / "pdf_ruled_2.pdf"),
            ("html", CORPUS / "html_table_1.html"),
        ):
            runs: list[float] = []
            walls: list[float] = []
            before: list[float] = []
            for _ in range(5):  # alternating with the baseline (text only: it read no PDF tables or web pages)
                _cli_seconds(target, ROOT, runs, walls)
                if tree is not None and label == "text":
                    _cli_seconds(target, tree, before, [])
            name = "extraction.cli_call" if label == "text" else f"extraction.cli_call_{label}"
            value = median(runs)
            base = median(before) if before else None
            figures.append(
                Figure(
                    name=name,
                    value=round(value, 3),
                    unit="s CPU (median)",
                    goal="whole CLI call < 1 s",
                    met=value < 1,
                    method=f"`selfassess extract {target.name} --json` as a new process, 5 runs, CPU seconds"
                    + (f", alternating with the extractor before issue 13 ({BASELINE_COMMIT})" if base else ""),
                    baseline=round(base, 3) if base else None,
                    ratio=round(value / base, 2) if base else None,
                    note=f"wall clock median {median(walls):.2f} s at load average {os.getloadavg()[0]:.1f} "
                    f"on {os.cpu_count()} cores",
                )
            )
    return figures


def _quality_figures(prefix: str, score: Score, goals: tuple[float, float, float | None] | None) -> list[Figure]:
    f1_goal, kind_goal, method_goal = goals or (None, None, None)
    method = f"{score.documents} documents, {score.gold} gold criteria; shared scorer's pairing (token F1 >= 0.75)"
    values = [
        ("f1", score.f1, f1_goal),
        ("precision", score.precision, 0.90),
        ("kind_accuracy", score.kind_accuracy, kind_goal),
        ("method_agreement", score.method_agreement, method_goal),
    ]
    figures = []
    for name, value, goal in values:
        if value is None:
            continue
        figures.append(
            Figure(
                name=f"extraction.{prefix}.{name}",
                value=round(value, 3),
                unit="",
                goal=f">= {goal}" if goal is not None else "",
                met=None if goal is None else value >= goal,
                method=method,
            )
        )
    return figures


def _quality() -> list[Figure]:
    figures: list[Figure] = []
    by_format: dict[str, Score] = {}
    for corpus, (gold_dir, text_dir) in CORPORA.items():
        if not gold_dir.is_dir():
            figures.append(not_measured(f"extraction.{corpus}.f1", "", "shared/ is not beside the checkout"))
            continue
        total, formats = score_corpus(gold_dir, text_dir)
        figures += _quality_figures(corpus, total, GOALS[corpus])
        if corpus == "seeds":
            figures.append(
                Figure(
                    name="extraction.seeds.order_agreement",
                    value=round(total.order_agreement, 3),
                    unit="",
                    goal="1.0",
                    met=total.order_agreement == 1.0,
                    method="shared scorer's pairing on the five seeds",
                )
            )
        for kind, score in formats.items():
            merged = by_format.setdefault(kind, Score())
            for attr in ("documents", "pred", "gold", "matched", "kind_ok", "order_ok", "order_n", "meth_ok", "meth_n"):
                setattr(merged, attr, getattr(merged, attr) + getattr(score, attr))
    for kind, score in sorted(by_format.items()):
        figures += _quality_figures(f"format.{kind}", score, None)
    return figures


def run() -> list[Figure]:
    return _speed() + _cli() + _quality()


if __name__ == "__main__":
    for figure in run():
        base = f" baseline {figure.baseline} (x{figure.ratio})" if figure.baseline is not None else ""
        print(f"{figure.name:45} {figure.value} {figure.unit}{base} {figure.goal} met={figure.met}")
        if figure.note:
            print(f"    {figure.note}")
