"""Deeply nested web pages (issue 14, F15): the nesting check before parsing, side by side with reading
without it.

A page of 200,000 nested <div> is refused by the check; without it the parser built the whole tree
(seconds) before the walker ran out of stack. On an ordinary page the check's cost beside the whole read
is measured too. Goal: refused within 1 s of CPU; the check adds under 10% to an ordinary page.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

from common import Figure, median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selfassess import doc_limits  # noqa: E402
from selfassess.errors import BadInput  # noqa: E402
from selfassess.extract import extract_file  # noqa: E402

ROUNDS = 31


def _ordinary(path: Path) -> Path:
    """A saved job page of about 40 KB: navigation, nested layout divs, a 300-row criteria table."""
    rows = "".join(
        f'<tr class="r"><td><p>Experience of task {i} in a <b>public</b> service</p></td>'
        f"<td>{'Essential' if i % 3 else 'Desirable'}</td><td><span>Application</span></td></tr>"
        for i in range(300)
    )
    nav = "<nav><ul>" + "".join(f'<li><a href="/p{i}">Page {i}</a></li>' for i in range(40)) + "</ul></nav>"
    body = f"<h1>Officer</h1><h2>Person specification</h2><table>{rows}</table>"
    layout = '<div class="wrap"><div class="main"><section><article>' + body + "</article></section></div></div>"
    head = "<head><title>Job</title><script>var a = 1 < 2;</script></head>"
    page = f"<!doctype html><html>{head}<body>{nav}{layout}</body></html>"
    path.write_text(page, encoding="utf-8")
    return path


def _unchecked() -> Any:
    """Reading as before the check: no nesting check before parsing."""
    return mock.patch.object(doc_limits, "html_depth_over", lambda html, limit: False)


def _refusal_cpu(path: Path) -> float:
    """CPU seconds until the page is refused (by the check, or by the walker running out of stack)."""
    t0 = time.process_time()
    try:
        extract_file(path)
    except (BadInput, RecursionError):
        pass
    return time.process_time() - t0


def _read_ms(path: Path) -> float:
    t0 = time.perf_counter()
    extract_file(path)
    return (time.perf_counter() - t0) * 1000


def run() -> list[Figure]:
    root = Path(tempfile.mkdtemp(prefix="selfassess-bench-html-"))
    try:
        deep = root / "deep.html"
        deep.write_text("<html><body>" + "<div>" * 200_000 + "Essential x" + "</div>" * 200_000 + "</body></html>")
        ordinary = _ordinary(root / "job.html")
        after = _refusal_cpu(deep)
        with _unchecked():
            before = _refusal_cpu(deep)
        _read_ms(ordinary)  # warm imports
        on: list[float] = []
        off: list[float] = []
        for round_ in range(ROUNDS):  # back to back, order alternating, so drift hits both alike
            if round_ % 2:
                on.append(_read_ms(ordinary))
            with _unchecked():
                off.append(_read_ms(ordinary))
            if not round_ % 2:
                on.append(_read_ms(ordinary))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    ratio = round(median([a / b for a, b in zip(on, off, strict=True)]), 3)
    return [
        Figure(
            name="html_depth.refused_200000_divs",
            value=round(after, 2),
            unit="s CPU",
            method="extract_file on a 2.2 MB page of 200,000 nested <div>; baseline: the same without the "
            "nesting check (the parser builds the tree, the walker runs out of stack)",
            goal="refused within 1 s of CPU",
            met=after < 1.0,
            baseline=round(before, 2),
            ratio=round(after / before, 3) if before else None,
        ),
        Figure(
            name="html_depth.ordinary_page",
            value=round(median(on), 2),
            unit="ms (median)",
            method="extract_file on a 40 KB job page (a 300-row table in nested layout), "
            f"{ROUNDS} pairs with and without the nesting check, "
            "back to back (order alternating); ratio = median of the pairs' ratios",
            goal="the check adds < 10% (ratio < 1.10)",
            met=ratio < 1.10,
            baseline=round(median(off), 2),
            ratio=ratio,
        ),
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
