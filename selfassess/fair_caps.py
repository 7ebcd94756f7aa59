"""Length caps on what a panel writes for fair selection (evidence notes, conflict reasons, consensus and
decision reasons, the question plan), checked by the store and shown by the screens, so a pasted essay is
refused by name."""

from __future__ import annotations

from .campaign_models import PlanItem

NOTE_MAX_CHARS = 2000  # an evidence note, a panellist's note, a conflict reason
REASON_MAX_CHARS = 2000  # the reason for a consensus or a decision
QUESTION_MAX_CHARS = 1000  # one question or probe of the plan
PLAN_LINES_MAX = 12  # questions (or probes) per criterion
GUIDE_MAX_CHARS = 2000  # one band of the review guide


def too_long(text: str, limit: int, what: str) -> str | None:
    """'what: N characters; at most LIMIT' when ``text`` is over ``limit``, else None."""
    size = len(text or "")
    return f"{what}: {size:,} characters; at most {limit:,}" if size > limit else None


def counter(text: str, limit: int) -> str:
    """What a screen shows under a box: 'n/limit', marked when over."""
    size = len(text or "")
    return f"{size:,}/{limit:,}" + (" - too long" if size > limit else "")


def plan_problem(item: PlanItem) -> str | None:
    """The first cap the plan item breaks, named by criterion and field, or None."""
    where = f"plan {item.criterion}"
    for field, lines in (("questions", item.questions), ("probes", item.probes)):
        if len(lines) > PLAN_LINES_MAX:
            return f"{where} {field}: {len(lines)} lines; at most {PLAN_LINES_MAX}"
        for n, line in enumerate(lines, start=1):
            problem = too_long(line, QUESTION_MAX_CHARS, f"{where} {field} line {n}")
            if problem:
                return problem
    for band in ("strong", "acceptable", "weak"):
        problem = too_long(getattr(item.guide, band), GUIDE_MAX_CHARS, f"{where} guide ({band})")
        if problem:
            return problem
    return None
