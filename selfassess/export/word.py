"""Word (.docx) exports with python-docx; text is stripped of characters XML cannot hold."""

from __future__ import annotations

import io

import docx

from ..models import Session
from . import clean
from .statement_common import statement_sections, totals_lines, who
from .summary_common import Summary, summary_lines


def statement_docx(session: Session, anonymise: bool = False) -> bytes:
    """The supporting statement as a Word document: a heading per criterion, in order, then the counts."""
    role = session.role
    document = docx.Document()
    document.core_properties.title = clean.xml(f"Supporting statement: {role.title}")
    document.core_properties.author = "" if anonymise else clean.xml(session.candidate or "")
    document.add_heading(clean.xml(f"Supporting statement: {role.title}"), level=1)
    if role.organisation:
        document.add_paragraph(clean.xml(role.organisation))
    document.add_paragraph(clean.xml(who(session, anonymise)))
    for section in statement_sections(session):
        document.add_heading(clean.xml(section.heading), level=2)
        body = clean.xml(clean.text(section.text))
        for paragraph in body.split("\n\n") if body.strip() else ["(no evidence yet)"]:
            document.add_paragraph(paragraph)
    document.add_heading("Counts", level=2)
    for line in totals_lines(session):
        document.add_paragraph(clean.xml(line), style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def summary_docx(s: Summary) -> bytes:
    """The panel summary as a Word document."""
    document = docx.Document()
    document.core_properties.title = clean.xml(f"Panel summary: {s.role}")
    document.core_properties.author = ""
    for kind, line in summary_lines(s):
        line = clean.xml(clean.text(line))
        if kind == "h1":
            document.add_heading(line, level=1)
        elif kind == "h2":
            document.add_heading(line, level=2)
        elif kind == "li":
            document.add_paragraph(line, style="List Bullet")
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
