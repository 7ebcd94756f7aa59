"""Feedback to a candidate: a letter-ready page with the panel's consensus per criterion, its reasons in
plain words (the agreed consensus reasons only: a panellist's own score notes are written for colleagues and
never go to the candidate), and how the candidate compares with the average and the best of the cohort.

Nothing in it names another candidate: the cohort appears only as numbers, and any other candidate's
name (or a part of it written as a name, not the ordinary word it may also be) in the panel's reasons is
replaced. ``anonymise`` removes this candidate's name too.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from .. import fairness, scoring
from ..errors import BadInput
from ..models import Session
from . import clean, redact
from .formats import FEEDBACK_FORMATS as FEEDBACK_FORMATS
from .markdown import blocks_markdown
from .name_notices import replacements
from .summary_common import redactor, stage_of

Line = tuple[str, str]
OTHER_LABEL = "[another candidate]"  # what export.redact.others_redactor puts for another candidate's name


def _other_names(session: Session, cohort: list[Session]) -> Callable[[str], str]:
    """A function that replaces every other candidate's name, as a name (see export.redact: "Max Hope" and
    "Hope's" go, "we hope" stays), in a text; a part the candidate shares with another stays."""
    names = [
        other.candidate
        for other in cohort
        if other.id != session.id and other.candidate and other.candidate != session.candidate
    ]
    return redact.others_redactor(names, keep=session.candidate)


def _level(session: Session, value: int | None) -> str:
    if value is None:
        return "not assessed"
    level = session.scale.level(value)
    met = "meets the criterion" if value >= session.scale.met else "does not yet meet the criterion"
    return f"{value} of {session.scale.maximum}" + (f" ({level.label})" if level else "") + f": {met}"


def feedback_problem(session: Session, stage: str | None = None) -> str | None:
    """Why no letter-ready page can be written yet (no scores at the stage, or a criterion with no
    agreed consensus), or None."""
    stage = stage or stage_of(session)
    if not any(s.stage == stage for s in session.scores) and not any(c.stage == stage for c in session.consensus):
        return f"no panel scores at the {stage} stage, so there is no feedback to give"
    agreed = {c.criterion for c in session.consensus if c.stage == stage}
    missing = [c.id for c in scoring.criteria_for_stage(session, stage) if c.id not in agreed]
    if missing:
        return f"the panel has not agreed a consensus at {stage} on {', '.join(missing)}"
    return None


def feedback_lines(
    session: Session, cohort: list[Session], stage: str | None = None, anonymise: bool = False, draft: bool = False
) -> list[Line]:
    """The feedback page as (kind, text) lines: 'h1', 'h2', 'p', 'li'; a ``draft`` says so at the top."""
    stage = stage or stage_of(session)
    problem = feedback_problem(session, stage) if draft else None
    others = _other_names(session, cohort)
    anonymise = anonymise or session.blind  # a blind panel's candidate by reference only, until the chair unblinds
    own = redactor(session, any_case=True) if anonymise else (lambda text: text)

    def safe(text: str) -> str:
        return own(others(text))

    role = session.role
    figures = fairness.cohort(cohort, stage)
    agreed = {c.criterion: c for c in session.consensus if c.stage == stage}
    who = session.display_name(blind=anonymise)
    lines: list[Line] = [
        (
            "h1",
            ("DRAFT - " if draft else "")
            + f"Feedback on your application: {role.title}"
            + (f", {role.organisation}" if role.organisation else ""),
        ),
        *([("p", f"DRAFT, not for sending: {problem or 'marked as a draft'}.")] if draft else []),
        ("p", f"Candidate: {who}"),
        (
            "p",
            f"Stage: {stage}. The panel scored each criterion on the {session.scale.name} scale "
            f"({session.scale.minimum} to {session.scale.maximum}); {session.scale.met} or more meets a criterion.",
        ),
    ]
    for c in scoring.criteria_for_stage(session, stage):
        lines.append(("h2", f"{c.id} ({c.kind}): {c.text}"))
        consensus = agreed.get(c.id)
        lines.append(("p", "Panel's score: " + (_level(session, consensus.value) if consensus else "not yet agreed")))
        figure = figures.get(c.id)
        if figure is not None:
            lines.append(
                (
                    "p",
                    f"Compared with the {figure.count} candidate{'s' if figure.count != 1 else ''} scored: "
                    f"average {figure.average:.1f}, highest {figure.best}.",
                )
            )
        if consensus is not None and consensus.reason.strip():  # the agreed reason only: never a panellist's note
            lines.append(("li", "The panel's reason: " + safe(consensus.reason.strip())))
    lines.append(("h2", "Overall"))
    totals = scoring.totals(session, stage)
    lines.append(("p", f"Weighted total: {totals.total:g} of {totals.maximum:g}."))
    gate = scoring.gate(session, stage)
    if gate.passed:
        lines.append(("p", "Every essential criterion assessed at this stage was met."))
    else:
        lines.append(("p", "Essential criteria not met: " + ", ".join(cid for cid, _ in gate.failed) + "."))
    decision = next((d for d in session.decisions if d.stage == stage), None)
    if decision is not None:
        lines.append(("p", f"Outcome: {decision.recommendation}. {safe(decision.reason)}"))
    return lines


def feedback_text(lines: list[Line]) -> str:
    out: list[str] = []
    for kind, line in lines:
        line = clean.text(line)
        if kind == "h1":
            out += [line, "=" * min(len(line), 60)]
        elif kind == "h2":
            out += ["", line, "-" * min(len(line), 60)]
        else:
            out.append(f"  - {line}" if kind == "li" else line)
    return "\n".join(out).rstrip() + "\n"


def feedback_markdown(lines: list[Line]) -> str:
    return blocks_markdown(lines)


def feedback_docx(lines: list[Line]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = clean.xml(lines[0][1]) if lines else "Feedback"
    document.core_properties.author = ""
    for kind, line in lines:
        line = clean.xml(clean.text(line))
        if kind in ("h1", "h2"):
            document.add_heading(line, level=1 if kind == "h1" else 2)
        else:
            document.add_paragraph(line, style="List Bullet" if kind == "li" else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_feedback(
    session: Session,
    cohort: list[Session],
    fmt: str,
    stage: str | None = None,
    anonymise: bool = False,
    draft: bool = False,
    login: str | None = None,
) -> bytes | str:
    """The feedback page in one of FEEDBACK_FORMATS (refused while ``feedback_problem`` says why,
    unless it is a ``draft``, marked DRAFT on the page); ``login`` (the terminal's OS login) must be the
    chair's on a panel that binds logins (export_access)."""
    if login is not None:
        from ..export_access import reader

        reader(session, login, "feedback")
    problem = None if draft else feedback_problem(session, stage)
    if problem:
        raise BadInput(f"feedback for {session.id}: {problem} (--draft writes a page marked DRAFT)")
    lines = feedback_lines(session, cohort, stage, anonymise, draft)
    if fmt == "docx":
        return feedback_docx(lines)
    return feedback_text(lines) if fmt == "txt" else feedback_markdown(lines)


def name_notices(session: Session, cohort: list[Session], stage: str | None = None) -> list[str]:
    """One line per other candidate's name replaced in the panel's reasons on the page (names close together
    share one), naming where and the words around it, so the chair can reword a reason not about them."""
    stage = stage or stage_of(session)
    others = _other_names(session, cohort)
    reasons = [(f"{c.criterion} reason", c.reason) for c in session.consensus if c.stage == stage]
    reasons += [("decision reason", d.reason) for d in session.decisions if d.stage == stage]
    lines = []
    for where, reason in reasons:
        for was, now in replacements(reason.strip(), others, OTHER_LABEL):
            lines.append(
                f'feedback: {where}: "{was}" -> "{now}" (another candidate\'s name); '
                "reword the reason if this is not about them"
            )
    return lines
