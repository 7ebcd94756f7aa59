"""`make bench`: run every benchmark, print a table, write bench/results.json."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_bounds  # noqa: E402
import bench_export  # noqa: E402
import bench_extract  # noqa: E402
import bench_fair  # noqa: E402
import bench_help  # noqa: E402
import bench_html_depth  # noqa: E402
import bench_panel  # noqa: E402
import bench_review  # noqa: E402
import bench_save  # noqa: E402
import bench_tui  # noqa: E402
from common import Figure  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

SUITES = [
    bench_save,
    bench_extract,
    bench_review,
    bench_bounds,
    bench_html_depth,
    bench_export,
    bench_fair,
    bench_tui,
    bench_panel,
    bench_help,
]
# the figures issue 11 keeps no worse than before, each measured side by side with its baseline
HEADLINE = {
    "start.first_screen": "a bare Textual app",
    "typing.key_to_change": "a bare TextArea",
    "typing.key_to_change_p95": "a bare TextArea",
    "autosave.10000_sessions": "a folder of 1 session",
    "autosave.10000_sessions_p95": "a folder of 1 session",
    "extraction.ms_per_30kb": "the extractor before issue 13",
    "extraction.cli_call": "the extractor before issue 13",
}


def met(f: Figure) -> str:
    return "-" if f.met is None else ("yes" if f.met else "NO")


def headline(figures: list[Figure]) -> Table:
    """Start-up, typing, autosave and extraction beside their baselines."""
    table = Table(title="side by side with the baseline", title_justify="left")
    for column in ("figure", "value", "baseline", "ratio", "baseline is", "met"):
        table.add_column(column, no_wrap=column == "figure")
    for f in figures:
        if f.name in HEADLINE:
            table.add_row(f.name, f"{f.value} {f.unit}", str(f.baseline), str(f.ratio), HEADLINE[f.name], met(f))
    return table


def main() -> int:
    """``python bench/run.py [SUITE ...]``: every suite, or only the named ones (e.g. ``bench_fair``), whose
    figures then replace theirs in results.json (the others are kept as last measured)."""
    started = time.perf_counter()
    figures: list[Figure] = []
    only = set(sys.argv[1:])
    unknown = only - {suite.__name__ for suite in SUITES}
    if unknown:
        print(f"unknown suite(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for suite in [s for s in SUITES if not only or s.__name__ in only]:
        print(f"running {suite.__name__} ...", flush=True)
        figures.extend(suite.run())
    table = Table(title="selfassess benchmarks", title_justify="left", show_lines=True)
    for column in ("figure", "value", "baseline", "ratio", "goal", "met"):
        table.add_column(column, no_wrap=column == "figure")
    for f in figures:
        value = "not measured" if f.value is None else f"{f.value} {f.unit}"
        table.add_row(
            f.name,
            value,
            "" if f.baseline is None else str(f.baseline),
            "" if f.ratio is None else str(f.ratio),
            f.goal,
            met(f),
        )
    console = Console(width=max(Console().width, 120))
    console.print(table)
    for f in figures:
        if f.note:
            console.print(f"{f.name}: {f.note}", highlight=False)
    console.print(headline(figures))
    seconds = round(time.perf_counter() - started, 1)
    load = os.getloadavg()[0]
    console.print(f"{seconds} s in all; load average {load:.1f} on {os.cpu_count()} cores (figures under load vary)")
    measured = [f.as_dict() for f in figures]
    if only:  # keep the other suites' figures, in their place
        previous = json.loads((HERE / "results.json").read_text()).get("figures", [])
        fresh = {f["name"]: f for f in measured}
        kept = [fresh.pop(f["name"], f) for f in previous]
        measured = kept + list(fresh.values())
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "load": round(load, 2)},
        "seconds": seconds,
        "figures": measured,
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {HERE / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
