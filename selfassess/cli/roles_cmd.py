"""Commands on the role library: roles, show, check."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from ..methods import method_codes
from ..safetext import one_line, plain

if TYPE_CHECKING:
    from ..models import Role


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the role commands to the parser."""
    p = commands.add_parser("roles", parents=[common], help="list the role library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_roles)

    p = commands.add_parser("show", parents=[common], help="show one role's criteria")
    p.add_argument("role", metavar="ROLE", help="role id or path to a role file")
    p.add_argument("--json", action="store_true", help="print JSON in the extraction shape")
    p.set_defaults(handler=cmd_show)

    p = commands.add_parser("check", parents=[common], help="validate a role file")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_check)


def role_summary(role: Role) -> dict:
    """The `roles --json` entry of one role."""
    return {
        "id": role.id,
        "title": role.title,
        "organisation": role.organisation,
        "source": role.source,
        "essential": len(role.essential),
        "desirable": len(role.desirable),
    }


def role_extraction_json(role: Role) -> dict:
    """A role in the extraction contract of DESIGN.md."""
    return {
        "title": role.title,
        "organisation": role.organisation,
        "guidance": role.guidance,
        "criteria": [
            {"id": c.id, "text": c.text, "kind": c.kind, "category": c.category, "assessed_by": list(c.assessed_by)}
            for c in role.criteria
        ],
    }


def codes(methods: Sequence[str]) -> str:
    """A, I, T ... for a list of assessment methods."""
    return method_codes(methods, ", ")


def cmd_roles(args: argparse.Namespace, out: Console) -> int:
    from .. import roles

    found = roles.scan_library(args.roles)
    if args.json:
        print(json.dumps([role_summary(r) for r in found.roles], ensure_ascii=False, indent=2))
    else:
        table = Table(title="Role library", title_justify="left")
        table.add_column("id", no_wrap=True)
        table.add_column("title", ratio=2)
        table.add_column("organisation", ratio=1)
        table.add_column("E", justify="right")
        table.add_column("D", justify="right")
        for role in found.roles:
            table.add_row(
                plain(role.id),
                plain(role.title),
                plain(role.organisation or "-"),
                str(len(role.essential)),
                str(len(role.desirable)),
            )
        out.print(table)
    for problem in found.problems:
        print(one_line(f"warning: skipped {problem}"), file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace, out: Console) -> int:
    from .. import roles

    role = roles.load_role(args.role, args.roles)
    if args.json:
        print(json.dumps(role_extraction_json(role), ensure_ascii=False, indent=2))
        return 0
    out.print(plain(role.title, "bold"))
    if role.organisation:
        out.print(plain(role.organisation))
    if role.guidance:
        out.print(plain(role.guidance, "italic"))
    table = Table(show_lines=True)
    table.add_column("id")
    table.add_column("kind")
    table.add_column("category")
    table.add_column("criterion", ratio=1)
    table.add_column("assessed")
    for c in role.criteria:
        table.add_row(c.id, c.kind, plain(c.category or "-"), plain(c.text), codes(c.assessed_by) or "-")
    out.print(table)
    return 0


def cmd_check(args: argparse.Namespace, out: Console) -> int:
    from .. import roles

    role, controls = roles.check_report(args.file)
    print(
        one_line(
            f"{args.file}: ok: role {role.id!r}, {len(role.essential)} essential and "
            f"{len(role.desirable)} desirable criteria, scale {role.scale}"
        )
    )
    if controls:  # left out as they are from names: never shown, never kept
        fields = ", ".join(controls[:5]) + (f" and {len(controls) - 5} more" if len(controls) > 5 else "")
        print(one_line(f"{args.file}: note: control characters (escape, bell) left out of {fields}"))
    return 0
