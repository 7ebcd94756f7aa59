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


def beside(
    name: str,
    value: float,
    baseline: float,
    *,
    unit: str,
    goal: str,
    method: str,
    met: bool | None = None,
    most: float | None = None,
    note: str = "",
) -> Figure:
    """A figure measured side by side with its baseline: both, and their ratio (rounded to 3 places);
    met as given, or when the ratio is at most ``most``."""
    ratio = value / baseline
    if met is None and most is not None:
        met = ratio <= most
    return Figure(
        name=name,
        value=round(value, 3),
        unit=unit,
        method=method,
        goal=goal,
        met=met,
        baseline=round(baseline, 3),
        ratio=round(ratio, 3),
        note=note,
    )


def under(name: str, value: float, limit: float, *, unit: str, goal: str, method: str, note: str = "") -> Figure:
    """A figure with no baseline, met when below ``limit`` (rounded to 1 place)."""
    digits = 1
    return Figure(
        name=name, value=round(value, digits), unit=unit, method=method, goal=goal, met=value < limit, note=note
    )
