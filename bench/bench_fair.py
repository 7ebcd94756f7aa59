"""Criterion-first shortlisting (issue 16): 200 applications x 10 criteria; time from a score to the
next answer ready to show, in process (the store's durable save included)."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from common import Figure, median, p95, under

from selfassess.models import Criterion, Role
from selfassess.shortlisting import ShortlistPass
from selfassess.store import SessionStore

APPLICATIONS = 200
CRITERIA = 10
SCORES = 40
PANEL = ["Ann Chair", "Bo Panel", "Cy Member"]


def _role() -> Role:
    return Role(
        id="bench-shortlist",
        title="Bench officer",
        criteria=[
            Criterion(id=f"E{i}", kind="essential", text=f"Criterion {i}", assessed_by=["application"])
            for i in range(1, CRITERIA + 1)
        ],
    )


def _campaign(store: SessionStore) -> None:
    role = _role()
    first = store.create(role, candidate="Bench Candidate", reference="B-0")
    store.set_panel(first.id, PANEL, "Ann Chair", stage="shortlisting")
    for c in role.criteria:
        store.set_evidence(first.id, c.id, "As Bench Candidate I led a review of 40 cases and cut delays by 20%. " * 8)
    raw = json.loads(store.path(first.id).read_text())
    for i in range(1, APPLICATIONS):
        sid = f"20200101-{i:08x}"
        raw["meta"]["1"]["id"] = sid
        raw["meta"]["1"]["reference"] = f"B-{i}"
        raw["meta"]["1"]["candidate"] = f"Bench Person{i}"
        (store.directory / f"{sid}.json").write_text(json.dumps(raw))


def run() -> list[Figure]:
    root = Path(tempfile.mkdtemp(prefix="selfassess-bench-fair-"))
    try:
        store = SessionStore(root / "s")
        _campaign(store)
        t0 = time.perf_counter()
        shortlist = ShortlistPass(store, "bench-shortlist", "Bo Panel")
        opening = time.perf_counter() - t0
        item = shortlist.next_item()
        total, saves = [], []
        for n in range(SCORES):
            assert item is not None
            t0 = time.perf_counter()
            item = shortlist.score(item.position, n % 5, note="clear example")
            total.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            shortlist.next_item()
            saves.append(total[-1] - (time.perf_counter() - t0) * 1000)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return [
        under(
            "shortlist.next_answer",
            median(total),
            50,
            unit="ms (median)",
            goal="criterion-first shortlisting, 200 applications x 10 criteria: next answer under 50 ms after a score",
            method=f"ShortlistPass.score: durable save through the store, then the next unscored application in this "
            f"panellist's shuffled order, anonymised; {SCORES} scores",
            note=f"p95 {p95(total):.1f} ms; of which the save about {median(saves):.1f} ms (median); opening the pass "
            f"(loading {APPLICATIONS} applications, drawing the orders) {opening:.2f} s",
        ),
    ]
