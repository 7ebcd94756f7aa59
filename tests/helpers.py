"""Small builders shared by tests (invented people and roles only)."""

from __future__ import annotations

from selfassess import roles
from selfassess.models import Role


def seed_role(min_criteria: int = 1) -> Role:
    """A built-in role with at least this many criteria."""
    return next(r for r in roles.library() if len(r.criteria) >= min_criteria)
