"""Who is acting: the OS login of this terminal, the panel's panellist-to-login binding, and leases.

A panel whose panellists are each bound to a distinct login has *verified* identities: a terminal acts
as the panellist bound to its login, and the store refuses anything recorded as someone else. On a
single shared login (nobody bound, or everyone bound to the same login) identities are not verified:
the terminal picks a panellist, and a lease file per (session, panellist) beside the session stops two
live terminals holding the same panellist. A lease is refreshed while its terminal lives and expires
after LEASE_SECONDS without a refresh (at once if its process is gone on this host).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import pwd
import secrets
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput
from .fileio import PRIVATE_FILE, atomic_write
from .models import Panel

LEASE_SECONDS = 15.0
LoginSource = Callable[[], str]


def os_login() -> str:
    """The login name of the user running this process (the real uid's, not $USER's word alone)."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return getpass.getuser()


def new_holder() -> str:
    """A token naming one terminal (one app or store) for leases."""
    return secrets.token_hex(8)


# --- binding ----------------------------------------------------------------------------------


def verified(panel: Panel | None) -> bool:
    """True when every active panellist is bound to a login and no two share one."""
    if panel is None:
        return False
    logins = [panel.logins.get(p) for p in panel.active]
    return all(logins) and len(set(logins)) == len(logins)


def panellist_for(panel: Panel, login: str) -> str | None:
    """The active panellist bound to this login on a verified panel, else None."""
    if not verified(panel):
        return None
    return next((p for p in panel.active if panel.logins.get(p) == login), None)


def campaign_name(panels: Iterable[Panel | None], login: str) -> str | None:
    """Who this login works as on a role's fair campaign: where the role's panels bind logins (verified),
    the panellist bound to it, with no choosing (BadInput when it is bound to nobody, or to different
    names on different panels); None where no panel binds logins, so the terminal says who it is."""
    bound = [p for p in panels if p is not None and verified(p)]
    if not bound:
        return None
    names = sorted({name for p in bound if (name := panellist_for(p, login)) is not None})
    if not names:
        raise BadInput(f"fair campaign: login {login!r} is not bound to anyone on this role's panels")
    if len(names) > 1:
        raise BadInput(f"fair campaign: login {login!r} is bound to different names on this role's panels")
    return names[0]


def verified_login(panel: Panel | None, panellist: str, login: str) -> str | None:
    """``login`` when the panel is verified and binds ``panellist`` to it (identity comes from the OS
    login, so the same login is the same person), else None."""
    if panel is not None and verified(panel) and panel.logins.get(panellist) == login:
        return login
    return None


def login_problem(panel: Panel | None, panellist: str, login: str) -> str | None:
    """Why the terminal logged in as ``login`` may not act as ``panellist``, or None."""
    if panel is None:
        return None
    bound = panel.logins.get(panellist)
    if bound is not None and bound != login:
        return f"{panellist} is bound to login {bound!r}; this terminal is logged in as {login!r}"
    if bound is None and verified_others(panel, panellist):
        return f"{panellist} has no login bound; the chair binds one in panel set-up"
    return None


def verified_others(panel: Panel, panellist: str) -> bool:
    """True when the panel binds distinct logins to others (so an unbound name cannot be borrowed)."""
    logins = [login for p, login in panel.logins.items() if p != panellist]
    return len(set(logins)) > 1


def actor_problem(panel: Panel | None, who: str, login: str, chair: bool = False) -> str | None:
    """Why the terminal logged in as ``login`` may not act as panellist ``who``, or None.

    The name must be an active panellist (the chair, for chair's actions), and bound to this login
    if the panel binds it (or binds distinct logins to the others).
    """
    if panel is None:
        return "no panel is set up for this session" if chair else None
    if who not in panel.panellists:
        return f"panellist {who!r}: not on this panel ({', '.join(panel.panellists)})"
    if who in panel.withdrawn:
        return f"{who} has withdrawn from this panel ({panel.withdrawn[who]})"
    if chair and who != panel.chair:
        return f"only the chair ({panel.chair}) may do this; {who} is not the chair"
    return login_problem(panel, who, login)


# --- leases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lease:
    """Who holds a panellist at a session: a terminal's token, its login, host and process."""

    holder: str
    login: str
    host: str
    pid: int
    expires: float

    def live(self, at: float) -> bool:
        """Unexpired, and (on this host) its process still running."""
        if at >= self.expires:
            return False
        if self.host == socket.gethostname():
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                return False
            except PermissionError:
                return True
        return True


def lease_path(directory: Path, session_id: str, panellist: str) -> Path:
    """The lease file of one panellist at one session (the name is hashed: file names carry no names)."""
    digest = hashlib.sha256(panellist.encode("utf-8")).hexdigest()[:12]
    return directory / f"{session_id}.{digest}.lease"


def read_lease(path: Path) -> Lease | None:
    """The lease in a file, or None if there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Lease(
            str(data["holder"]), str(data["login"]), str(data["host"]), int(data["pid"]), float(data["expires"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def live_holder(directory: Path, session_id: str, panellist: str, at: float | None = None) -> Lease | None:
    """The live lease on a panellist at a session, or None."""
    lease = read_lease(lease_path(directory, session_id, panellist))
    return lease if lease is not None and lease.live(time.time() if at is None else at) else None


def lease_problem(
    directory: Path, session_id: str, panellist: str, holder: str, verified_login: str | None = None
) -> str | None:
    """Why ``holder`` may not act as ``panellist`` now (another live terminal holds them), or None.

    ``verified_login``: the login this panellist is bound to on a verified panel and acting from now; a
    lease taken by that same login (the person's own app, open while they run a command) does not block
    them. A lease held by any other login still does."""
    lease = live_holder(directory, session_id, panellist)
    if lease is None or lease.holder == holder:
        return None
    if verified_login is not None and lease.login == verified_login:
        return None
    return f"{panellist} is in use at another terminal (login {lease.login!r}); try again when it closes"


def held_by(directory: Path, session_id: str, panellists: list[str], holder: str) -> list[str]:
    """The panellists this terminal (``holder``) holds a live lease on at a session."""
    held = []
    for name in panellists:
        lease = live_holder(directory, session_id, name)
        if lease is not None and lease.holder == holder:
            held.append(name)
    return held


def take_lease(directory: Path, session_id: str, panellist: str, holder: str, login: str) -> None:
    """Hold (or refresh) a panellist at a session for LEASE_SECONDS; BadInput if another terminal holds them.

    Call it under the session's lock so two terminals cannot both take a free lease.
    """
    problem = lease_problem(directory, session_id, panellist, holder)
    if problem:
        raise BadInput(problem)
    record = {
        "holder": holder,
        "login": login,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "expires": time.time() + LEASE_SECONDS,
    }
    atomic_write(lease_path(directory, session_id, panellist), json.dumps(record).encode("utf-8"), PRIVATE_FILE)


def drop_lease(directory: Path, session_id: str, panellist: str, holder: str) -> None:
    """Give a panellist back (only the holder's own lease is removed)."""
    path = lease_path(directory, session_id, panellist)
    lease = read_lease(path)
    if lease is not None and lease.holder == holder:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
