"""Fair-selection commands: feedback to a candidate."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from ..errors import BadInput
from ..export.formats import FEEDBACK_FORMATS
from ..safetext import one_line
from ..stages import SCORING_STAGES
from .sessions_cmd import store_for


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the fair-selection commands to the parser."""
    p = commands.add_parser("feedback", parents=[common], help="a letter-ready feedback page for a candidate")
    p.add_argument("session", metavar="SESSION", help="session id (see `selfassess sessions`)")
    p.add_argument("--format", choices=FEEDBACK_FORMATS, default="md")
    p.add_argument("--out", metavar="PATH", help="file to write (md and txt go to stdout without it)")
    p.add_argument("--stage", choices=SCORING_STAGES, help="panel stage (default: the panel's)")
    p.add_argument("--anonymise", action="store_true", help="leave out the candidate's name and contact details")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.add_argument("--draft", action="store_true", help="write a page marked DRAFT before the consensus is complete")
    p.set_defaults(handler=cmd_feedback)

    p = commands.add_parser("reserve", parents=[common], help="record a role's reserve list (offer order, expiry)")
    p.add_argument("role", metavar="ROLE", help="role id (see `selfassess roles`)")
    p.add_argument("--by", required=True, metavar="NAME", help="who records it (the panel's chair)")
    p.add_argument("--stage", choices=SCORING_STAGES, help="panel stage (default: the stage the role's panels are at)")
    p.add_argument("--months", type=int, default=12, help="months until the list expires (1 to 12; default 12)")
    p.set_defaults(handler=cmd_reserve)


def cmd_feedback(args: argparse.Namespace, out: Console) -> int:
    from ..export.feedback import name_notices, render_feedback
    from ..export.files import save_export

    store = store_for(args)
    session = store.load(args.session)
    if not session.scores and not session.consensus:
        raise BadInput(f"{args.session}: no panel scores yet, so there is no feedback to give")
    cohort = store.sessions_of_role(session.role.id)
    data = render_feedback(
        session, cohort, args.format, args.stage, args.anonymise, draft=args.draft, login=store.login()
    )
    for notice in name_notices(session, cohort, args.stage):
        print(one_line(notice), file=sys.stderr)
    if args.out:
        path = save_export(args.out, data, force=args.force)
        print(f"{path}: feedback written as {args.format}")
    elif isinstance(data, bytes):
        raise BadInput(f"--format {args.format} writes a binary file: give --out PATH")
    else:
        sys.stdout.write(data)
    return 0


def cmd_reserve(args: argparse.Namespace, out: Console) -> int:
    from ..campaign_store import CampaignStore

    store = store_for(args)
    if not store.sessions_of_role(args.role):
        from .. import roles

        roles.load_role(args.role, args.roles)  # an unknown role is named as such
        raise BadInput(f"reserve list: role {args.role} has no candidates yet")
    from ..fairness import current_stage, other_stages

    sessions = store.sessions_of_role(args.role)
    args.stage = args.stage or current_stage(sessions)
    reserve = CampaignStore(store).set_reserve(args.role, args.stage, args.by, months=args.months)
    names = {s.id: s.display_name(s.blind) for s in sessions}
    print(f"reserve list for {args.role} ({args.stage}), expires {reserve.expires}; offers in this order:")
    for n, sid in enumerate(reserve.offer_order, start=1):
        print(f"{n}. {one_line(names.get(sid, sid))}  [{sid}]")
    elsewhere = other_stages(sessions, args.stage)
    if elsewhere:
        print(elsewhere, file=sys.stderr)
    return 0
