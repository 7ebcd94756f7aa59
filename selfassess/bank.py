"""The evidence bank: answers written earlier (other criteria, other jobs), found by the words of a criterion."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Session
from .statement import key_terms, stem, stems_of, submitted_answer


@dataclass(frozen=True)
class BankEntry:
    """One earlier answer."""

    session_id: str
    role_title: str
    criterion_id: str
    criterion_text: str
    text: str


def entries(sessions: list[Session], exclude: tuple[str, str] | None = None) -> list[BankEntry]:
    """Every answer in these sessions (as it would be submitted), except ``exclude`` (session id, criterion id)."""
    out = []
    for session in sessions:
        for c in session.role.criteria:
            ev = session.evidence.get(c.id)
            text = submitted_answer(ev.text) if ev is not None else ""  # empty STAR labels dropped
            if not text or (session.id, c.id) == exclude:
                continue
            out.append(BankEntry(session.id, session.role.title, c.id, c.text, text))
    return out


def search(bank: list[BankEntry], criterion_text: str, query: str = "", most: int = 30) -> list[BankEntry]:
    """Entries ranked by how many of the criterion's key terms their answer speaks to (the criterion it was
    written for only breaks ties), narrowed to those holding every word of ``query``."""
    wanted = {stem(t) for t in key_terms(criterion_text, most=12)}
    query_stems = stems_of(query)
    scored = []
    for entry in bank:
        answer = stems_of(entry.text)
        if query_stems and not query_stems <= answer | stems_of(entry.criterion_text):
            continue
        hits = len(wanted & answer)
        if wanted and not hits and not query_stems:
            continue  # nothing in the answer itself fits this criterion
        score = 3 * hits + len(wanted & stems_of(entry.criterion_text)) + 2 * len(query_stems & answer)
        scored.append((score, -len(entry.text), entry))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [entry for _, _, entry in scored[:most]]
