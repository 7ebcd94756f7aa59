"""What every statement export shows: who and what it is for, the sections in order, the totals."""

from __future__ import annotations

from ..models import Session
from ..statement import Section, sections, total_counts


def who(session: Session, anonymise: bool) -> str:
    """The candidate line of a statement (only the reference when anonymised)."""
    return f"Candidate: {session.display_name(blind=anonymise)}"


def statement_sections(session: Session) -> list[Section]:
    return sections(session.role, session.evidence)


def totals_lines(session: Session) -> list[str]:
    """One line per count, each against its limit when the role sets one."""
    lines = []
    for s in statement_sections(session):
        for count in s.counts:
            if count.limit is not None:
                flag = " (over the limit)" if count.status == "over" else ""
                lines.append(f"{s.criterion.id}: {count.describe()}{flag}")
    for count in total_counts(session):
        flag = " (over the limit)" if count.status == "over" else ""
        lines.append(f"Whole statement: {count.describe()}{flag}")
    return lines
