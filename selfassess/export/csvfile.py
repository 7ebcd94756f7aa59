"""CSV exports: RFC 4180, every field quoted, formula-like cells neutralised (OWASP), UTF-8 with a BOM."""

from __future__ import annotations

import csv
import io

from .. import fairness, scoring
from ..merit_view import gate_label, merit_view, recommendation_label
from ..models import Session
from ..safetext import strip_controls
from ..statement import count_chars, count_words
from .summary_common import Summary

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(value: object) -> str:
    """A CSV cell that no spreadsheet will run: a leading = + - @ tab CR or LF gets a leading apostrophe."""
    text = "" if value is None else str(value)
    text = strip_controls(text) if not text.startswith(("\t", "\r", "\n")) else text
    if text.startswith(DANGEROUS):
        text = "'" + text
    return text


def _write(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    made: dict[object, str] = {}  # campaign rows repeat the same few values thousands of times
    for row in rows:
        out = []
        for value in row:
            key = (type(value), value)
            safe = made.get(key)
            if safe is None:
                safe = made[key] = cell(value)
            out.append(safe)
        writer.writerow(out)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def statement_csv(session: Session) -> bytes:
    """One row per criterion, in order: id, kind, category, criterion, evidence, counts, self-rating."""
    rows: list[list[object]] = [["id", "kind", "category", "criterion", "evidence", "words", "chars", "self_rating"]]
    for c in session.role.criteria:
        ev = session.evidence.get(c.id)
        text = ev.text if ev else ""
        rows.append(
            [
                c.id,
                c.kind,
                c.category or "",
                c.text,
                text,
                count_words(text),
                count_chars(text),
                "" if ev is None or ev.self_rating is None else ev.self_rating,
            ]
        )
    return _write(rows)


def summary_csv(s: Summary) -> bytes:
    """One row per criterion with each panellist's score and notes, the consensus and reason; then the result."""
    header = ["id", "kind", "weight", "criterion", "evidence"]
    for p in s.panellists:
        header += [f"{p} score", f"{p} notes"]
    rows: list[list[object]] = [[*header, "mean", "spread", "consensus", "consensus reason"]]
    for r in s.rows:
        row: list[object] = [r.id, r.kind, f"{r.weight:g}", r.text, r.evidence]
        for p in s.panellists:
            value = r.scores.get(p, "-")
            late = [r.late[p]] if p in r.late else []  # given or changed after submitting, with its reason
            row += ["not assessed" if value is None else value, "; ".join(late + r.notes.get(p, []))]
        rows.append(
            [
                *row,
                "" if r.mean is None else f"{r.mean:.2f}",
                "" if r.spread is None else r.spread,
                "not assessed" if r.consensus is None else r.consensus,
                r.reason,
            ]
        )
    rows.append(["total", "", "", f"{s.total:g} of {s.maximum:g}"])
    rows.append(["gate", "", "", s.gate_status + "".join(f"; {c} {w}" for c, w in s.gate_failed)])
    rows.append(["recommendation", "", "", s.recommendation or "", s.recommendation_reason or ""])
    rows += [["exported by", "", "", s.reader]] if s.reader else []
    rows += [["stage criteria", "", "", line] for line in s.criteria_lines]
    rows += [["fair selection", "", "", text] for kind, text in s.fair if kind != "h2"]
    return _write(rows)


def campaign_rows(
    sessions: list[Session], stage: str, tie_break: str | None = None, anonymise: bool = False
) -> list[list[object]]:
    """The campaign view: candidates at ``stage`` in merit order by criteria (consensus), total, gate,
    recommendation; then those not at the stage, with no rank (merit_view)."""
    if not sessions:
        return [["rank", "candidate", "gate", "total"]]
    by_session = scoring.criteria_by_session(sessions, stage)
    ids_of: dict[int, set[str]] = {}  # sessions sharing a role share their criteria list: one set each
    for found in by_session.values():
        if id(found) not in ids_of:
            ids_of[id(found)] = {c.id for c in found}
    scored = {sid: ids_of[id(found)] for sid, found in by_session.items()}
    criteria = [c.id for c in sessions[0].role.criteria if any(c.id in ids for ids in ids_of.values())]
    header: list[object] = ["rank", "candidate", "gate", "total", *criteria, "recommendation"]
    gis = any(s.gis for s in sessions)  # the scheme's column only where someone is flagged
    if gis:
        header.append("guaranteed interview")
    rows: list[list[object]] = [header]
    view = merit_view(sessions, stage, tie_break, by_session)
    for position, ranked in enumerate(view.ranked, start=1):
        s = ranked.session
        label = s.display_name(blind=anonymise or s.blind)  # a blind panel's candidate: reference only
        decision = recommendation_label(s, stage)
        rows.append(
            [
                position,
                label,
                gate_label(ranked, stage),
                f"{ranked.total:g}",
                *_campaign_cells(ranked.agreed, criteria, scored[s.id]),
                decision,
                *([fairness.gis_label(s)] if gis else []),
            ]
        )
    for apart in view.apart:  # not at this stage: listed, never ranked
        s = apart.session
        label = s.display_name(blind=anonymise or s.blind)
        blank = [""] * len(criteria)
        rows.append(["", label, f"not at {stage} ({apart.where})", "", *blank, "", *([""] if gis else [])])
    return rows


def _campaign_cells(agreed: dict[str, int | None], criteria: list[str], in_stage: set[str]) -> list[object]:
    """A candidate's consensus on each criterion; 'not scored' where their panel's stage left it out."""
    cells: list[object] = []
    for criterion_id in criteria:
        if criterion_id not in in_stage:
            cells.append("not scored")
        else:
            value = agreed.get(criterion_id, "")
            cells.append("not assessed" if value is None else value)
    return cells


def campaign_csv(sessions: list[Session], stage: str, tie_break: str | None = None, anonymise: bool = False) -> bytes:
    return _write(campaign_rows(sessions, stage, tie_break, anonymise))
