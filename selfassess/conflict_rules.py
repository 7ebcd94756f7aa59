"""Who may change a declared conflict of interest, as plain rules: the store enforces them, and the
screens ask them before opening a reason dialog (so a refusal comes at the key press, in one line)."""

from __future__ import annotations

from .fairness import declaration
from .models import Session


def undeclare_problem(session: Session, panellist: str, conflicted: bool) -> str | None:
    """Why ``panellist`` may not make this declaration, or None: a declared conflict is not undone by
    declaring 'no conflict' (only the chair withdraws it, with a reason)."""
    previous = declaration(session, panellist)
    if previous is not None and previous.conflicted and not conflicted:
        return (
            f"conflict: {panellist} declared a conflict with this candidate; only the chair can withdraw it, "
            "with a reason"
        )
    return None


def withdraw_problem(session: Session, by: str, panellist: str | None = None) -> str | None:
    """Why ``by`` may not withdraw ``panellist``'s declared conflict (any panellist's, when None), or None:
    only the chair withdraws, never their own, and only a conflict that is declared."""
    chair = session.panel.chair if session.panel is not None else None
    if chair is None:
        return "conflict withdrawal: no panel is set up for this session"
    if by != chair:
        return f"conflict withdrawal: only the chair ({chair}) withdraws a declared conflict, with a reason"
    if panellist is None:
        return None
    previous = declaration(session, panellist)
    if previous is None or not previous.conflicted:
        return f"conflict withdrawal: {panellist} has no declared conflict with this candidate"
    if panellist == by:
        return "conflict withdrawal: the chair cannot approve their own; name another chair first"
    return None
