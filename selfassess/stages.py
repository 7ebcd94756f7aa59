"""The panel's scoring stages: a light module the command line can load without the models."""

from __future__ import annotations

SCORING_STAGES: tuple[str, ...] = ("shortlisting", "interview", "test", "presentation")
