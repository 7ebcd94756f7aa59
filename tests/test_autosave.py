"""The background autosaver: coalescing, order, flush, errors."""

from __future__ import annotations

import threading
import time

from selfassess.autosave import Autosaver


def test_latest_payload_per_key_wins_and_flush_waits() -> None:
    written: dict[str, list[str]] = {}
    gate = threading.Event()

    def save(key, payload):
        gate.wait(5)
        time.sleep(0.01)
        written.setdefault(key, []).append(payload)
        return payload

    done = []
    saver = Autosaver(save, lambda k, r, e: done.append((k, r, e)))
    for i in range(50):
        saver.submit("E1", f"draft {i}")
    saver.submit("E2", "other")
    gate.set()
    assert saver.flush(5)
    assert written["E1"][-1] == "draft 49" and len(written["E1"]) <= 2
    assert written["E2"] == ["other"] and saver.idle
    assert all(e is None for _, _, e in done)
    assert saver.close(5)


def test_errors_are_reported_not_raised() -> None:
    def save(key, payload):
        raise OSError("disk full")

    reports = []
    saver = Autosaver(save, lambda k, r, e: reports.append((k, r, type(e).__name__)))
    saver.submit("E1", "text")
    assert saver.flush(5)
    assert reports == [("E1", "text", "OSError")]
    saver.close()
