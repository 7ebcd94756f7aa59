"""A question plan item as it is stored: control characters out of every field, each question and probe
one line with single spaces, blank ones dropped (so a pasted bell or escape never reaches the file)."""

from __future__ import annotations

from .campaign_models import PlanItem, ReviewGuide
from .controls import one_clean_line, strip_controls


def clean_plan_item(item: PlanItem) -> PlanItem:
    """``item`` with its questions, probes and review guide cleaned as the store keeps them."""
    questions = [line for line in map(one_clean_line, item.questions) if line]
    probes = [line for line in map(one_clean_line, item.probes) if line]
    bands = {band: strip_controls(getattr(item.guide, band)).strip() for band in ("strong", "acceptable", "weak")}
    guide = ReviewGuide(**bands)
    return item.model_copy(update={"questions": questions, "probes": probes, "guide": guide})
