"""Autosave: one durable save with 1, 100 and 10,000 sessions on disk (issue 4)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from common import Figure, beside, median, p95

from selfassess import roles
from selfassess.store import SessionStore

SIZES = (1, 100, 10_000)
ROUNDS = 150


def _folder(root: Path, size: int) -> tuple[SessionStore, str]:
    """A store holding ``size`` sessions (copies of one real session file) and the id to save into."""
    store = SessionStore(root / f"n{size}")
    role = max(roles.library(), key=lambda r: len(r.criteria))
    session = store.create(role, reference="BENCH")
    for c in role.criteria:
        store.set_evidence(session.id, c.id, "I led a review of the service and cut waiting times by 20%. " * 8)
    template = store.path(session.id).read_bytes()
    for i in range(size - 1):
        (store.directory / f"20200101-{i:08x}.json").write_bytes(template)
    return store, session.id


def run() -> list[Figure]:
    root = Path(tempfile.mkdtemp(prefix="selfassess-bench-"))
    try:
        stores = {size: _folder(root, size) for size in SIZES}
        times: dict[int, list[float]] = {size: [] for size in SIZES}
        for i in range(ROUNDS):  # interleaved so drift hits every size alike
            for size, (store, sid) in stores.items():
                t0 = time.perf_counter()
                store.set_evidence(sid, "E1", f"Draft {i}: I analysed the backlog and reduced it by {i}%.")
                times[size].append((time.perf_counter() - t0) * 1000)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    base = median(times[1])
    figures = []
    for size in SIZES:
        med = median(times[size])
        ratio = med / base
        goal = "median < 5 ms" + ("; ratio to 1 session < 1.2" if size != 1 else "")
        met = med < 5 and (size == 1 or ratio < 1.2)
        figures.append(
            beside(
                f"autosave.{size}_sessions",
                med,
                base,
                unit="ms (median)",
                method=f"store.set_evidence on a 36-criterion session, {ROUNDS} saves interleaved across folders "
                f"of 1/100/10,000 sessions; atomic replace + fsync; p95 {p95(times[size]):.2f} ms",
                goal=goal,
                met=met,
            )
        )
    tail = p95(times[SIZES[-1]])
    base95 = p95(times[1])
    figures.append(
        beside(
            f"autosave.{SIZES[-1]}_sessions_p95",
            tail,
            base95,
            unit="ms (p95)",
            goal="flat: ratio to 1 session < 1.2",
            met=tail / base95 < 1.2,
            method="the same saves, 95th percentile",
        )
    )
    return figures
