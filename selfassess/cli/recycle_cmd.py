"""Deleted sessions and roles: `sessions --deleted` lists them, `restore` brings one back."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console

from .. import paths, recycle
from ..errors import BadInput
from ..safetext import plain
from .sessions_cmd import sessions_table


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `restore` to the parser (the `--deleted` listing is an option of `sessions`)."""
    p = commands.add_parser("restore", parents=[common], help="bring back a deleted session or imported role")
    p.add_argument("id", metavar="ID", help="a session id, or an imported role's id, from `sessions --deleted`")
    p.set_defaults(handler=cmd_restore)


def cmd_deleted(args: argparse.Namespace, out: Console) -> int:
    """List deleted sessions (and deleted imported roles)."""
    sessions_dir = paths.sessions_dir(getattr(args, "sessions", None))
    roles_dir = paths.imported_roles_dir(getattr(args, "roles", None))
    found, problems = recycle.deleted_sessions(sessions_dir)
    roles = recycle.deleted_roles(roles_dir)
    if getattr(args, "json", False):
        listing = {
            "sessions": [
                {
                    "id": d.id,
                    "deleted": d.deleted.isoformat(),
                    "role_title": d.role_title,
                    "candidate": d.candidate,
                    "reference": d.reference,
                }
                for d in found
            ],
            "roles": [p.name.split(".")[0] for p in roles],
        }
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        rows = [(d.id, d.role_title, d.candidate, d.reference, (), d.deleted) for d in found]
        out.print(sessions_table(f"Deleted sessions in {sessions_dir / recycle.DELETED}", rows, "deleted"))
        if roles:
            out.print(plain(f"Deleted roles in {roles_dir / recycle.DELETED}: " + ", ".join(p.name for p in roles)))
        out.print("`selfassess restore ID` brings one back.")
    for problem in problems:
        print(f"warning: skipped {problem}", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace, out: Console) -> int:
    """Restore a deleted session (by id) or imported role (by id)."""
    from ..session_files import session_id_ok
    from .sessions_cmd import store_for

    store = store_for(args)
    roles_dir = paths.imported_roles_dir(getattr(args, "roles", None))
    ident = args.id
    if session_id_ok(ident) and (store.directory / recycle.DELETED / ident).is_dir():
        restored = recycle.restore_session(store.directory, ident, store._lock(ident))
    elif any(p.name.split(".")[0] == ident for p in recycle.deleted_roles(roles_dir)):
        restored = recycle.restore_role_file(roles_dir, ident)
    else:
        raise BadInput(f"{ident}: no deleted session or role with this id (see `selfassess sessions --deleted`)")
    out.print(f"restored {plain(str(restored))}")
    return 0
