"""Shared helpers for benchmarks: timing statistics and the result record."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass


@dataclass
class Figure:
    """One measured figure, as written to bench/results.json."""

    name: str
    value: float | None
    unit: str
    method: str
    goal: str
    met: bool | None
    baseline: float | None = None
    ratio: float | None = None
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def not_measured(name: str, goal: str, why: str) -> Figure:
    """A figure whose part does not exist yet: said, not left out."""
    return Figure(name=name, value=None, unit="", method="not measured", goal=goal, met=None, note=why)
