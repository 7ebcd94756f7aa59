"""Who may export what from one session, and what their export holds: the panel screens' rules applied
to every export (pure: the command line and the app pass the terminal's OS login).

On a panel that binds logins (identity.verified), by the login running the export:

- the chair exports everything: the statement, the summary in every format, the full JSON (every score
  and the audit trail), feedback to the candidate and a subject access copy (``sar``);
- any other panellist exports the statement and the summary (txt, md, docx, csv) as the screens show it
  to them: their own scores and notes only until they submit the stage, then those of colleagues who
  have submitted too (never an unsubmitted colleague's); the consensus and decision once they submit;
- a panellist (the chair included) who declared a conflict with the candidate exports nothing of them:
  the application is hidden from them;
- a login bound to nobody on the panel exports nothing.

Where no panel binds logins, identities are not verified and exports are open to whoever runs them, as
before. Blind mode (the candidate's name withheld) is export.render's rule, for every reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import fairness, identity, scoring
from .errors import BadInput
from .models import Session

CHAIR_ONLY = {
    "json": "the full JSON export (every score and the audit trail)",
    "feedback": "feedback to the candidate",
    "sar": "a subject access copy",
}


@dataclass(frozen=True)
class Reader:
    """Who an export is for: ``name`` the panellist bound to the login (None where no panel binds
    logins), ``chair`` whether they chair the panel."""

    name: str | None
    chair: bool = False

    @property
    def open(self) -> bool:
        """True where identities are not verified: the export is not limited to one panellist's view."""
        return self.name is None or self.chair


def reader(session: Session, login: str, what: str) -> Reader:
    """Who ``login`` exports ``what`` (statement, summary, json, feedback or sar) as, or BadInput saying
    in one line why they may not."""
    panel = session.panel
    if panel is None or not identity.verified(panel):
        return Reader(None)
    who = session.display_name(session.blind)
    name = identity.panellist_for(panel, login)
    if name is None:
        raise BadInput(
            f"{session.id}: login {login!r} is not on this candidate's panel: its exports are the chair's "
            f"({panel.chair}) and the panellists'"
        )
    if fairness.viewing_blocked(session, name):
        raise BadInput(f"{session.id}: {name} declared a conflict of interest with {who}: nothing of theirs to export")
    if what in CHAIR_ONLY and name != panel.chair:
        raise BadInput(f"{session.id}: {CHAIR_ONLY[what]} is the chair's ({panel.chair}) on a panel with bound logins")
    return Reader(name, chair=name == panel.chair)


def reader_view(session: Session, who: Reader) -> Session:
    """The session as ``who`` may see it: at every stage they have not submitted, only their own scores
    and notes and no consensus or decision; at a stage they have submitted, their own and every submitted
    (or withdrawn) colleague's, as scoring.visible_scores shows them on the screens."""
    if who.open or who.name is None:
        return session
    me = who.name
    stages = {s.stage for s in session.scores} | {n.stage for n in session.notes}
    stages |= {c.stage for c in session.consensus} | {d.stage for d in session.decisions}
    shown: dict[str, set[str]] = {}
    for stage in stages:
        if scoring.has_submitted(session, me, stage):
            gone = set(scoring.withdrawn(session))
            everyone = scoring.panellists(session, stage)
            shown[stage] = {p for p in everyone if scoring.has_submitted(session, p, stage) or p in gone} | {me}
        else:
            shown[stage] = {me}
    submitted = {s for s in stages if scoring.has_submitted(session, me, s)}
    return session.model_copy(
        update={
            "scores": [s for s in session.scores if s.panellist in shown[s.stage]],
            "notes": [n for n in session.notes if n.panellist in shown[n.stage]],
            "consensus": [c for c in session.consensus if c.stage in submitted],
            "decisions": [d for d in session.decisions if d.stage in submitted],
        }
    )


def withheld_line(session: Session, who: Reader, stage: str) -> str:
    """One line a limited summary carries, saying whose view it is and what it leaves out; "" for an open one."""
    if who.open:
        return ""
    if not scoring.has_submitted(session, who.name or "", stage):
        return (
            f"Exported by {who.name}, who has not submitted the {stage} scores: only their own scores and notes "
            "are shown (colleagues' scores, the consensus and the decision once they submit)"
        )
    waiting = [p for p in scoring.still_scoring(session, stage) if p != who.name]
    if waiting:
        return f"Exported by {who.name}: scores of panellists still scoring ({', '.join(waiting)}) are not shown"
    return ""


def may_copy(session: Session, login: str) -> bool:
    """True when ``login`` may take a subject access copy of the session (see ``reader``)."""
    try:
        reader(session, login, "sar")
    except BadInput:
        return False
    return True
