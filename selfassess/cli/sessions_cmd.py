"""Commands on the session store: sessions, purge, repair."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from .. import paths
from ..errors import BadInput
from ..safetext import one_line, plain

ListedRow = tuple[str, str, str | None, str | None, tuple[str, ...], datetime]

if TYPE_CHECKING:
    from ..models import SessionSummary
    from ..store import SessionStore


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the session commands to the parser."""
    p = commands.add_parser("sessions", parents=[common], help="list sessions, most recent first")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--deleted", action="store_true", help="list deleted sessions and roles (see `restore`)")
    p.set_defaults(handler=cmd_sessions)

    p = commands.add_parser("purge", parents=[common], help="delete sessions older than a retention period")
    p.add_argument("--older-than", required=True, metavar="AGE", help="e.g. 180d, 26w")
    p.add_argument("--dry-run", action="store_true", help="list what would be deleted; delete nothing")
    p.set_defaults(handler=cmd_purge)

    p = commands.add_parser("repair", parents=[common], help="restore the last good version of a damaged session")
    p.add_argument("session", metavar="ID")
    p.set_defaults(handler=cmd_repair)


def sessions_folder(args: argparse.Namespace, create: bool = False) -> Path:
    """The sessions folder the command line points at. One named with --sessions must exist (unless the
    command ``create``s it); a path that is not a folder is refused whichever way it was named."""
    named = getattr(args, "sessions", None)
    if named is not None and not str(named).strip():  # `--sessions "$UNSET"`: never the default store instead
        raise BadInput("--sessions: empty folder name (give a folder, or leave --sessions out)")
    directory = paths.sessions_dir(named)
    if directory.exists() and not directory.is_dir():
        raise BadInput(f"{directory}: not a folder (the sessions folder, from --sessions or $SELFASSESS_SESSIONS)")
    if named and not create and not directory.exists():
        raise BadInput(f"{directory}: no such folder (--sessions)")
    return directory


def store_for(args: argparse.Namespace, create: bool = False) -> SessionStore:
    """The store the command line points at (see sessions_folder)."""
    from ..store import SessionStore

    return SessionStore(sessions_folder(args, create))


def sessions_table(title: str, rows: Sequence[ListedRow], when: str, extra: tuple[str, ...] = ()) -> Table:
    """Sessions as a table: id, role, candidate, reference, the ``extra`` columns, and a date; ids and dates
    never wrap, names are shown as plain text."""
    table = Table(title=title, title_justify="left")
    for column in ("id", "role", "candidate", "reference", *extra, when):
        table.add_column(column, no_wrap=column in ("id", when), overflow="fold")
    for session_id, role, candidate, reference, more, at in rows:
        cells = (plain(role), plain(candidate or "-"), plain(reference or "-"))
        table.add_row(session_id, *cells, *more, f"{at:%Y-%m-%d %H:%M}")
    return table


def summary_json(s: SessionSummary) -> dict:
    return {
        "id": s.id,
        "role": s.role_id,
        "role_title": s.role_title,
        "candidate": s.candidate,
        "blind": s.blind,
        "reference": s.reference,
        "stage": s.stage,
        "updated": s.updated.isoformat(),
    }


def cmd_sessions(args: argparse.Namespace, out: Console) -> int:
    if getattr(args, "deleted", False):
        from .recycle_cmd import cmd_deleted

        return cmd_deleted(args, out)
    summaries, problems = store_for(args).scan()
    if args.json:
        print(json.dumps([summary_json(s) for s in summaries], ensure_ascii=False, indent=2))
    else:
        rows = [
            (s.id, s.role_id, "(blind panel)" if s.blind else s.candidate, s.reference, (s.stage,), s.updated)
            for s in summaries
        ]
        out.print(sessions_table(f"Sessions in {store_for(args).directory}", rows, "last change", extra=("stage",)))
    for problem in problems:
        print(one_line(f"warning: skipped {problem}"), file=sys.stderr)
    return 0


def cmd_purge(args: argparse.Namespace, out: Console) -> int:
    from ..store import parse_age

    age = parse_age(args.older_than)
    removed = store_for(args).purge(age, dry_run=args.dry_run)
    verb = "would delete" if args.dry_run else "deleted"
    for item in removed:
        state = "damaged session" if item.damaged else "session"
        print(one_line(f"{verb} {state} {item.id}  last change {item.last_change:%Y-%m-%d}"))
        for path in item.files:
            print(one_line(f"  {verb} {path}"))
    damaged = sum(1 for item in removed if item.damaged)
    files = sum(len(item.files) for item in removed)
    print(
        f"{verb} {len(removed)} session(s) ({damaged} damaged, {files} files) "
        f"last changed more than {args.older_than} ago"
    )
    return 0


def cmd_repair(args: argparse.Namespace, out: Console) -> int:
    path = store_for(args).repair(args.session)
    print(f"{path}: restored the last good version; the damaged file was kept beside it")
    return 0
