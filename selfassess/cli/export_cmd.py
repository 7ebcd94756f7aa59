"""Commands that take data out: export, import-session, summary (campaign), sar (subject access)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..errors import BadInput
from ..export.formats import FORMATS
from ..safetext import one_line, plain
from ..stages import SCORING_STAGES
from .sessions_cmd import store_for

MAX_SESSION_EXPORT = 50 * 1024 * 1024


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the export commands to the parser."""
    p = commands.add_parser("export", parents=[common], help="export a statement or panel summary")
    p.add_argument("session", metavar="SESSION", help="session id (see `selfassess sessions`)")
    p.add_argument(
        "--what",
        choices=("statement", "summary"),
        help="default: summary once the session has panel scores, else statement",
    )
    p.add_argument("--format", choices=FORMATS, default="txt")
    p.add_argument("--out", metavar="PATH", help="file to write (text formats go to stdout without it)")
    p.add_argument("--stage", choices=SCORING_STAGES, help="panel stage for a summary (default: the panel's)")
    p.add_argument("--anonymise", action="store_true", help="no candidate name or contact details anywhere")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("import-session", parents=[common], help="read a JSON session export back in")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace a session with the same id")
    p.add_argument(
        "--role-from-file",
        action="store_true",
        help="accept a role that differs from the library role of its id (the session is then listed apart)",
    )
    p.set_defaults(handler=cmd_import_session)

    p = commands.add_parser("summary", parents=[common], help="campaign view: one role's candidates in merit order")
    p.add_argument("role", metavar="ROLE")
    p.add_argument("--stage", choices=SCORING_STAGES, help="panel stage (default: the stage the role's panels are at)")
    p.add_argument("--tie-break", metavar="CRITERION", help="criterion id that breaks ties")
    p.add_argument("--csv", metavar="PATH", help="also write the view as CSV")
    p.add_argument("--anonymise", action="store_true")
    p.add_argument("--force", action="store_true", help="overwrite the CSV if it exists")
    p.set_defaults(handler=cmd_summary)

    p = commands.add_parser("sar", parents=[common], help="everything held about one candidate (subject access)")
    p.add_argument("who", metavar="NAME_OR_REFERENCE")
    p.add_argument("--out", metavar="DIR", required=True)
    p.add_argument("--force", action="store_true", help="overwrite files already in DIR")
    p.set_defaults(handler=cmd_sar)


def cmd_export(args: argparse.Namespace, out: Console) -> int:
    from ..export.files import save_export
    from ..export.render import render

    store = store_for(args)
    session = store.load(args.session)
    what = args.what or ("summary" if session.scores else "statement")
    from ..campaign_store import CampaignStore

    campaign = CampaignStore(store).load(session.role.id)
    audit = store.audit(session.id)
    data = render(session, what, args.format, args.anonymise, audit, args.stage, campaign, login=store.login())
    if args.out:
        path = save_export(args.out, data, force=args.force)
        print(f"{path}: {what} written as {args.format}")
    elif isinstance(data, bytes) and args.format in ("docx",):
        raise BadInput(f"--format {args.format} writes a binary file: give --out PATH")
    else:
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8-sig"))
    return 0


def cmd_import_session(args: argparse.Namespace, out: Console) -> int:
    from ..export.jsonfile import read_session_json
    from ..fileio import read_bounded

    path = Path(args.file)
    raw = read_bounded(path, MAX_SESSION_EXPORT, "a session export")
    session, audit = read_session_json(raw.decode("utf-8", errors="replace"), str(path))
    from .. import roles
    from ..import_check import audit_problems
    from ..role_match import library_role

    library = library_role(session.role.id, roles.library(args.roles))
    imported = store_for(args, create=True).import_session(
        session, audit, force=args.force, name=str(path), library=library, role_from_file=args.role_from_file
    )
    print(one_line(f"imported session {imported.id} ({imported.role.title}) with {len(audit)} audit events"))
    mismatches = audit_problems(session, audit)
    if mismatches:
        print(
            one_line(
                f"warning: {path}: the audit trail does not account for the data ({len(mismatches)} problems, "
                f"first: {mismatches[0]}); kept as supplied and re-signed as imported"
            ),
            file=sys.stderr,
        )
    return 0


def cmd_summary(args: argparse.Namespace, out: Console) -> int:
    from .. import roles
    from ..export import csvfile
    from ..export.files import save_export
    from ..fairness import current_stage, other_stages
    from ..merit_view import merit_view, stage_note
    from ..ranking_load import ranking_sessions
    from ..role_match import library_role, split_by_role
    from ..stage_criteria import mixed_selection

    library = library_role(args.role, roles.library(args.roles))
    sessions, apart = split_by_role(ranking_sessions(store_for(args), args.role), library)
    # the sessions' own copy of the role when it is no longer (or never was) in the roles library
    role = library or (sessions[0].role if sessions else roles.load_role(args.role, args.roles))
    if args.tie_break and role.criterion(args.tie_break) is None:
        raise BadInput(f"--tie-break {args.tie_break}: not a criterion of {role.id}")
    args.stage = args.stage or current_stage(sessions)
    rows = csvfile.campaign_rows(sessions, args.stage, args.tie_break, args.anonymise)
    view = merit_view(sessions, args.stage)
    title = f"{role.title}: {len(sessions)} candidates, {args.stage}"
    if view.apart:
        title += f" ({len(view.ranked)} ranked, {len(view.apart)} listed apart)"
    table = Table(title=plain(title), title_justify="left")
    for column in rows[0]:
        table.add_column(str(column), overflow="fold")  # wrapped at 80 columns, never cut
    for row in rows[1:]:
        table.add_row(*[plain(str(v)) for v in row])
    out.print(table)
    notes = (stage_note(view, role.id), other_stages(sessions, args.stage), mixed_selection(sessions, args.stage))
    for warning in notes:
        if warning:
            print(warning, file=sys.stderr)
    for session in apart:  # never ranked with the rest: their copy of the role is not the library's
        named = None if args.anonymise or session.blind else session.candidate
        who = named or session.reference or session.id
        print(one_line(f"listed apart, not ranked: {session.id} ({who}) carries its own role {role.id}"))
    if args.csv:
        path = save_export(
            args.csv, csvfile.campaign_csv(sessions, args.stage, args.tie_break, args.anonymise), force=args.force
        )
        print(f"{path}: campaign CSV written")
    return 0


def cmd_sar(args: argparse.Namespace, out: Console) -> int:
    from ..export.files import save_export
    from ..export.render import render
    from ..export_access import may_copy
    from ..fileio import ensure_private_dir

    store = store_for(args)
    wanted = args.who.strip().lower()
    if not wanted:
        raise BadInput("NAME_OR_REFERENCE: give the candidate's name or reference")
    sessions, _ = store.load_all()
    matches = [s for s in sessions if wanted in {v.lower() for v in (s.candidate, s.reference) if v}]
    # on a panel that binds logins a subject access copy is the chair's (export_access); the others are left
    # out without a word, so a name tried against a blind panel says nothing about who is behind it
    matches = [s for s in matches if may_copy(s, store.login())]
    if not matches:
        raise BadInput(
            f"{args.who}: no session you may copy has that candidate name or reference (on a panel that "
            "binds logins, a subject access copy is the chair's)"
        )
    folder = ensure_private_dir(Path(args.out).expanduser())
    written = []
    for session in matches:
        audit = store.audit(session.id)
        for what, fmt in (("statement", "txt"), ("summary", "txt"), ("full", "json")):
            kind = "summary" if what == "full" else what
            data = render(session, kind, fmt, False, audit, login=store.login(), subject_access=True)
            written.append(save_export(folder / f"{session.id}-{what}.{fmt}", data, force=args.force))
    index = ["Subject access request: everything selfassess holds about this person.", ""]
    index += [f"- {p.name}" for p in written]
    written.append(save_export(folder / "README.txt", "\n".join(index) + "\n", force=args.force))
    print(
        f"{folder}: {len(matches)} session(s), {len(written)} files (statements, panel summaries, "
        "full JSON with scores, notes and audit trail)"
    )
    return 0
