"""What a panellist's sheet must hold before they may submit a stage (and so read colleagues' scores)."""

from __future__ import annotations

from . import scoring
from .models import Session


def sheet_problem(session: Session, panellist: str, stage: str) -> str | None:
    """Why ``panellist`` may not submit ``stage`` yet, or None: never an empty sheet
    (scoring.submission_problem); on a panel that requires evidence notes, every criterion of the stage
    scored or marked not assessed, so no first score is given after reading colleagues' scores."""
    problem = scoring.submission_problem(session, panellist, stage)
    if problem or session.panel is None or not session.panel.require_notes:
        return problem
    done = {s.criterion for s in session.scores if s.panellist == panellist and s.stage == stage}
    missing = [c.id for c in scoring.criteria_for_stage(session, stage) if c.id not in done]
    if missing:
        return (
            f"{panellist} has not scored {', '.join(missing)} at {stage}: this panel requires notes, so every "
            "criterion is scored (or marked not assessed, x) before submitting"
        )
    return None
