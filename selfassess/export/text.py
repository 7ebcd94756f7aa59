"""Plain-text exports: ready to paste into an application form, field by field."""

from __future__ import annotations

from ..models import Session
from . import clean
from .statement_common import statement_sections, totals_lines, who
from .summary_common import Summary, summary_lines

RULE = "-" * 60


def statement_text(session: Session, anonymise: bool = False) -> str:
    """The supporting statement criterion by criterion, in the employer's order, then the counts."""
    role = session.role
    out = [
        clean.text(f"Supporting statement: {role.title}" + (f", {role.organisation}" if role.organisation else "")),
        clean.text(who(session, anonymise)),
        "",
    ]
    for section in statement_sections(session):
        out += [RULE, clean.text(section.heading), RULE, clean.text(section.text) or "(no evidence yet)", ""]
    out += [RULE, "Counts", RULE] + [clean.text(line) for line in totals_lines(session)]
    return "\n".join(out).rstrip() + "\n"


def summary_text(s: Summary) -> str:
    """The panel summary as plain text."""
    out = []
    for kind, line in summary_lines(s):
        line = clean.text(line)
        if kind == "h1":
            out += [line, "=" * min(len(line), 60)]
        elif kind == "h2":
            out += ["", line, "-" * min(len(line), 60)]
        elif kind == "li":
            out.append(f"  - {line}")
        else:
            out.append(line)
    return "\n".join(out).rstrip() + "\n"
