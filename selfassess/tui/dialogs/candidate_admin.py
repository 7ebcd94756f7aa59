"""Home-screen flows for a candidate's own records: delete (asks; recoverable) and rename a session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable

from ... import recycle
from ...errors import BadInput
from .common import Confirm, TextPrompt

if TYPE_CHECKING:
    from ..screens.home import HomeScreen


def delete_highlighted(home: HomeScreen) -> None:
    """Delete what is highlighted in the focused list (a session, or an imported role)."""
    roles = home.query_one("#roles", DataTable)
    if home.focused is roles:
        _delete_role(home)
    else:
        _delete_session(home)


def _delete_session(home: HomeScreen) -> None:
    session_id = home.highlighted_session_id()
    if session_id is None:
        home.notify("No session to delete.")
        return
    store = home.app.store
    try:
        session = store.load(session_id)
        label = f"{session.display_name()} · {session.role.title}"
    except BadInput:
        label = session_id  # a damaged session can be deleted too (it is kept, not erased)

    def answer(yes: bool | None) -> None:
        if not yes:
            return
        try:
            recycle.delete_session(store.directory, session_id, store._lock(session_id))
        except (BadInput, OSError) as exc:
            home.notify(str(exc), title="Not deleted", severity="error", timeout=10)
            return
        home.load_sessions()
        home.notify(f"Deleted {label}. `selfassess restore {session_id}` brings it back.", title="Deleted", timeout=10)

    home.app.push_screen(Confirm(f"Delete the session {label}? It is kept in the deleted folder."), answer)


def _delete_role(home: HomeScreen) -> None:
    role = home._highlighted_role()
    if role is None:
        return
    listed = home.listed.get(role.id)
    roles_dir = home.app.roles_dir
    if listed is None or listed.path.resolve().parent != roles_dir.resolve():
        home.notify(f"{role.title} is a built-in role: only imported roles can be deleted.", severity="warning")
        return

    def answer(yes: bool | None) -> None:
        if not yes:
            return
        try:
            recycle.delete_role_file(roles_dir, listed.path)
        except (BadInput, OSError) as exc:
            home.notify(str(exc), title="Not deleted", severity="error", timeout=10)
            return
        home.action_reload()
        home.notify(f"Deleted the role {role.title}. `selfassess restore {role.id}` brings it back.", timeout=10)

    home.app.push_screen(
        Confirm(f"Delete the imported role {role.title} ({role.id})? Sessions keep their copy."), answer
    )


def rename_highlighted(home: HomeScreen) -> None:
    """Ask the candidate's name, then the reference, of the highlighted session, and save both."""
    from ...session_admin import rename

    session_id = home.highlighted_session_id()
    if session_id is None:
        home.notify("No session to rename.")
        return
    try:
        session = home.app.store.load(session_id)
    except BadInput as exc:
        home.notify(str(exc), title="Cannot rename", severity="error", timeout=10)
        return

    def named(name: str | None) -> None:
        if name is None:
            return

        def referenced(reference: str | None) -> None:
            if reference is None:
                return
            try:
                rename(home.app.store, session_id, name, reference, actor=home.app.acting_as.get(session_id))
            except BadInput as exc:
                home.notify(str(exc), title="Not renamed", severity="error", timeout=10)
                return
            home.load_sessions()

        home.app.push_screen(TextPrompt("Reference (optional)", session.reference or ""), referenced)

    home.app.push_screen(TextPrompt("Candidate name (optional)", session.candidate or ""), named)
