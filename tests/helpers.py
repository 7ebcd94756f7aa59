"""Small builders shared by tests (invented people and roles only)."""

from __future__ import annotations

from pathlib import Path

from selfassess import roles
from selfassess.models import Role
from selfassess.store import SessionStore

# An invented panel of three, each bound to an OS login of their own.
PANEL = ["Ann Chair", "Bo Panel", "Cy Member"]
LOGINS = {"Ann Chair": "ann", "Bo Panel": "bo", "Cy Member": "cy"}


def terminal(folder: Path, login: str) -> SessionStore:
    """A store as one terminal logged in as ``login`` sees it."""
    return SessionStore(folder, login=lambda: login)


def seed_role(min_criteria: int = 1) -> Role:
    """A built-in role with at least this many criteria."""
    return next(r for r in roles.library() if len(r.criteria) >= min_criteria)


def filled_session(
    store,
    role: Role | None = None,
    candidate: str = "Alex Example",
    texts: dict | None = None,
    rating: int | None = None,
):
    """A session with evidence (and optionally a self-rating) for the given or every criterion."""
    role = role or seed_role()
    session = store.create(role, candidate=candidate, reference="C-001")
    texts = (
        texts
        if texts is not None
        else {c.id: f"For {c.id} I led a review that cut delays by 20%." for c in role.criteria}
    )
    for cid, text in texts.items():
        session = store.set_evidence(session.id, cid, text, self_rating=rating)
    return session


def push(app, screen) -> None:
    """Push a screen from test code as the app itself would: inside the app's context, so the screen's
    ``self.app`` is this app even when several apps run in one test (as terminals of one panel)."""
    with app._context():
        app.push_screen(screen)
