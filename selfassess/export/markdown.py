"""Markdown exports; candidate text is escaped so it cannot change the document's structure."""

from __future__ import annotations

from ..models import Session
from . import clean
from .statement_common import statement_sections, totals_lines, who
from .summary_common import Summary, summary_lines


def statement_markdown(session: Session, anonymise: bool = False) -> str:
    """The supporting statement with a heading per criterion, in the employer's order."""
    role = session.role
    out = [f"# Supporting statement: {clean.markdown(role.title)}", ""]
    if role.organisation:
        out += [clean.markdown(role.organisation), ""]
    out += [clean.markdown(who(session, anonymise)), ""]
    for section in statement_sections(session):
        c = section.criterion
        out += [
            f"## {c.id} ({c.kind}): {clean.markdown(c.text)}",
            "",
            clean.markdown(section.text) if section.text.strip() else "_No evidence yet._",
            "",
        ]
    lines = totals_lines(session)
    out += ["## Counts", ""] + [f"- {clean.markdown(line)}" for line in lines]
    return "\n".join(out).rstrip() + "\n"


def blocks_markdown(lines: list[tuple[str, str]]) -> str:
    """Headings (h1, h2), paragraphs (p) and list items (li) as Markdown, every text escaped: a blank line
    after each heading and paragraph, and after a list where something else follows it."""
    prefix = {"h1": "# ", "h2": "## ", "li": "- ", "p": ""}
    out: list[str] = []
    previous = ""
    for kind, line in lines:
        if previous == "li" and kind != "li":
            out.append("")
        out.append(prefix[kind] + clean.markdown(line))
        if kind != "li":
            out.append("")
        previous = kind
    return "\n".join(out).rstrip() + "\n"


def summary_markdown(s: Summary) -> str:
    """The panel summary as Markdown; every text from people is escaped."""
    return blocks_markdown(summary_lines(s))
