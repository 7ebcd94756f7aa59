"""Commands that read job documents: extract, import."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from ..errors import BadInput
from ..safetext import plain
from .roles_cmd import codes

if TYPE_CHECKING:
    from ..extract import Extraction


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the document commands to the parser."""
    p = commands.add_parser("extract", parents=[common], help="extract the selection criteria from a job document")
    p.add_argument("file", metavar="FILE", help=".txt, .md, .html, .docx or .pdf")
    p.add_argument("--json", action="store_true", help="print JSON (the extraction contract)")
    p.set_defaults(handler=cmd_extract)

    p = commands.add_parser("import", parents=[common], help="extract a job document into the role library")
    p.add_argument("file", metavar="FILE", help=".txt, .md, .html, .docx or .pdf")
    p.add_argument("--id", dest="role_id", metavar="ID", help="role id (default: made from the title)")
    p.add_argument("--scale", default="council-0-5", help="default scoring scale (see criteria/scales.toml)")
    p.add_argument("--force", action="store_true", help="replace an existing role with the same id")
    p.set_defaults(handler=cmd_import)


def criteria_table(result: Extraction) -> Table:
    """The extracted criteria as a table; uncertain rows carry a warning marker."""
    table = Table(title=plain(f"{result.title or result.source or 'Document'}"), title_justify="left", show_lines=True)
    table.add_column("", width=1)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("category", ratio=1)
    table.add_column("criterion", ratio=3)
    table.add_column("assessed", no_wrap=True)
    for c in result.criteria:
        table.add_row(
            "!" if c.uncertain else "",
            c.id,
            c.kind,
            plain(c.category or "-"),
            plain(c.text),
            codes(c.assessed_by) or "-",
            style="yellow" if c.uncertain else None,
        )
    return table


def _summary(result: Extraction) -> str:
    essential = sum(c.kind == "essential" for c in result.criteria)
    uncertain = sum(c.uncertain for c in result.criteria)
    line = f"{essential} essential, {len(result.criteria) - essential} desirable"
    return line + (f"; {uncertain} uncertain (marked !): check them" if uncertain else "")


def cmd_extract(args: argparse.Namespace, out: Console) -> int:
    from ..extract import extract_file

    result = extract_file(args.file)
    if args.json:
        print(json.dumps(result.contract(), ensure_ascii=False, indent=2))
        return 0
    if result.organisation:
        out.print(plain(result.organisation))
    if result.guidance:
        out.print(plain(f"Guidance: {result.guidance}", "italic"))
    out.print(criteria_table(result))
    out.print(plain(_summary(result)))
    return 0


def cmd_import(args: argparse.Namespace, out: Console) -> int:
    from pydantic import ValidationError

    from .. import roles
    from ..extract import Extraction, extract_file

    result = extract_file(args.file)
    roles.get_scale(args.scale)
    try:
        role = result.to_role(args.role_id, scale=args.scale)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BadInput(f"{args.file}: cannot make a role ({where}: {first['msg']})") from exc
    path = roles.write_role(role, args.roles, force=args.force)
    out.print(plain(f"Imported {role.id!r} ({role.title}) into {path}: {_summary(result)}"))
    uncertain = [c for c in result.criteria if c.uncertain]
    if uncertain:
        review = Extraction(title="Review these (kind or boundaries uncertain)", criteria=uncertain)
        out.print(criteria_table(review))
    out.print(plain(f"Edit {path} to correct anything, then run `selfassess check {path}`."))
    return 0
