"""Crash and concurrency: SIGKILL mid-save, and two processes writing one session at once."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from selfassess.store import SessionStore

from .helpers import seed_role

KILLS = 50


def _child(work) -> int:
    """Fork a child that runs ``work`` and never returns into pytest."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            work()
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        os._exit(code)
    return pid


def test_sigkill_at_random_moments_never_loses_a_finished_save(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    session = store.create(seed_role(), reference="CRASH")
    rng = random.Random(20261122)
    finished = 0
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        start = finished

        def writer(read_end: int = read_end, write_end: int = write_end, start: int = start) -> None:
            os.close(read_end)
            n = start
            while True:
                n += 1
                store.set_evidence(session.id, "E1", "x" * n, self_rating=n % 3)
                os.write(write_end, f"{n}\n".encode())

        pid = _child(writer)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            first = pipe.readline()  # one finished save first, however loaded the machine is
            time.sleep(rng.uniform(0.001, 0.03))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            reported = [int(line) for line in (first + pipe.read()).split()]
        finished = reported[-1] if reported else finished
        evidence = store.load(session.id).evidence.get("E1")  # loads: never damaged
        on_disk = len(evidence.text) if evidence else 0
        assert on_disk >= finished
        finished = on_disk
    assert finished > KILLS  # the writer did real work between kills


def test_two_processes_record_300_scores_each_and_nothing_is_lost(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    role = seed_role(min_criteria=30)
    session = store.create(role, reference="PANEL")
    ids = [c.id for c in role.criteria[:30]]

    def scorer(prefix: str) -> None:
        for i in range(300):
            store.record_score(session.id, f"{prefix}-{i // 30}", ids[i % 30], i % 4, note=f"{prefix} {i}")

    pids = [_child(lambda p=p: scorer(p)) for p in ("left", "right")]
    codes = [os.waitpid(pid, 0)[1] for pid in pids]
    assert codes == [0, 0]
    loaded = store.load(session.id)
    assert len(loaded.scores) == 600
    assert len({(s.panellist, s.criterion) for s in loaded.scores}) == 600
    events = [e for e in store.audit(session.id) if e.action == "score.record"]
    assert len(events) == 600
    assert {(e.actor, e.criterion) for e in events} == {(s.panellist, s.criterion) for s in loaded.scores}
