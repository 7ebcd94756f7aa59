"""Whether a session's copy of its role is the library role of that id, in everything scoring depends on.

Every session carries a copy of its role. An imported session could carry a forged one (a criterion
added with weight 100); a session whose copy differs from the library role in criteria, kinds, weights
or scale is never ranked with the sessions that share the library role: it is listed apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Role, Session


def role_differences(own: Role, library: Role) -> list[str]:
    """How ``own`` differs from ``library`` in criteria, kinds, weights and scale (empty: it does not)."""
    mine = {c.id: c for c in own.criteria}
    theirs = {c.id: c for c in library.criteria}
    found = []
    added = [cid for cid in mine if cid not in theirs]
    removed = [cid for cid in theirs if cid not in mine]
    if added:
        found.append(f"criteria not in the library role: {', '.join(added)}")
    if removed:
        found.append(f"library criteria missing: {', '.join(removed)}")
    for cid in (cid for cid in mine if cid in theirs):
        if mine[cid].kind != theirs[cid].kind:
            found.append(f"{cid} is {mine[cid].kind} (library: {theirs[cid].kind})")
        if mine[cid].weight != theirs[cid].weight:
            found.append(f"{cid} weight {mine[cid].weight:g} (library: {theirs[cid].weight:g})")
    if own.scale != library.scale:
        found.append(f"scale {own.scale} (library: {library.scale})")
    return found


def library_role(role_id: str, roles: Iterable[Role]) -> Role | None:
    """The library role with this id, or None."""
    return next((role for role in roles if role.id == role_id), None)


def split_by_role(sessions: list[Session], library: Role | None) -> tuple[list[Session], list[Session]]:
    """(sessions to rank: their role is the library role, or there is none; sessions carrying their own role)."""
    if library is None:
        return sessions, []
    ranked = [s for s in sessions if not role_differences(s.role, library)]
    apart = [s for s in sessions if role_differences(s.role, library)]
    return ranked, apart
