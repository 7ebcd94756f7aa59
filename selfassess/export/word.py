"""Word (.docx) exports with python-docx; text is stripped of characters XML cannot hold."""

from __future__ import annotations

import io

import docx

from ..models import Session
from . import clean
from .docx_paragraphs import Paragraphs
from .statement_common import statement_sections, totals_lines, who
from .summary_common import Summary, summary_lines


def statement_docx(session: Session, anonymise: bool = False) -> bytes:
    """The supporting statement as a Word document: a heading per criterion, in order, then the counts."""
    role = session.role
    document = docx.Document()
    document.core_properties.title = clean.xml(f"Supporting statement: {role.title}")
    document.core_properties.author = "" if anonymise else clean.xml(session.candidate or "")
    out = Paragraphs(document)
    out.heading(clean.xml(f"Supporting statement: {role.title}"), 1)
    if role.organisation:
        out.add(clean.xml(role.organisation))
    out.add(clean.xml(who(session, anonymise)))
    for section in statement_sections(session):
        out.heading(clean.xml(section.heading), 2)
        body = clean.xml(clean.text(section.text))
        for paragraph in body.split("\n\n") if body.strip() else ["(no evidence yet)"]:
            out.add(paragraph)
    out.heading("Counts", 2)
    for line in totals_lines(session):
        out.add(clean.xml(line), "List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def summary_docx(s: Summary) -> bytes:
    """The panel summary as a Word document."""
    document = docx.Document()
    document.core_properties.title = clean.xml(f"Panel summary: {s.role}")
    document.core_properties.author = ""
    out = Paragraphs(document)
    for kind, line in summary_lines(s):
        line = clean.xml(clean.text(line))
        if kind == "h1":
            out.heading(line, 1)
        elif kind == "h2":
            out.heading(line, 2)
        else:
            out.add(line, "List Bullet" if kind == "li" else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
