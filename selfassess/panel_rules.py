"""Pure rules for changing a panel: who may leave (a panellist who has scored is withdrawn, never
removed), and what a change records. No I/O; the store applies them."""

from __future__ import annotations

from datetime import datetime

from .models import Panel, Session, StageChoice


def took_part(session: Session, panellist: str) -> bool:
    """True when the panellist has scored, noted or submitted anything in this session."""
    return (
        any(s.panellist == panellist for s in session.scores)
        or any(n.panellist == panellist for n in session.notes)
        or any(x.panellist == panellist for x in session.submissions)
    )


def merge_panel(
    session: Session, requested: Panel, withdraw: dict[str, str] | None = None, keep_logins: bool = False
) -> Panel:
    """The panel to store when ``requested`` replaces the session's panel.

    A panellist left out who has taken part stays on the panel as withdrawn, with a reason (from
    ``withdraw``); without one the change is refused (ValueError). Earlier withdrawals stay. Logins are
    the requested ones (``keep_logins``: the old ones), and a withdrawn panellist's binding is kept.
    """
    withdraw = {k: v.strip() for k, v in (withdraw or {}).items() if v and v.strip()}
    old = session.panel
    names = list(requested.panellists)
    gone = dict(old.withdrawn) if old else {}
    for name in old.panellists if old else []:
        if name in names:
            continue
        if name in gone:
            names.append(name)
        elif took_part(session, name):
            if name not in withdraw:
                raise ValueError(
                    f"{name} has already scored: they cannot be removed, only withdrawn with a reason "
                    "(their scores stay visible and stop counting)"
                )
            names.append(name)
    for name, why in withdraw.items():
        if name not in names:
            raise ValueError(f"withdraw {name!r}: not on this panel")
        gone.setdefault(name, why)
    if requested.chair in gone:
        raise ValueError(f"chair {requested.chair!r} cannot be withdrawn: name another chair first")
    old_logins = old.logins if old else {}
    logins = dict(old_logins) if keep_logins else dict(requested.logins)
    logins |= {k: v for k, v in old_logins.items() if k in gone}
    # the chair's fair-selection rules are changed only on purpose (set_panel_rules), never by a panel change
    rules = {"require_notes": old.require_notes, "require_declarations": old.require_declarations} if old else {}
    return requested.model_copy(
        update={
            "panellists": names,
            "logins": {k: v for k, v in logins.items() if k in names},
            "withdrawn": gone,
            **rules,
        }
    )


def require_stage_scores(session: Session, stage: str) -> None:
    """BadInput unless ``stage`` scores at least one criterion of the session (a stage with none has
    nothing to pass: its gate would pass everyone); the chair's checklist can add criteria to it."""
    from .errors import BadInput
    from .stage_criteria import STAGE_METHOD, effective_criteria

    if not effective_criteria(session, stage):
        raise BadInput(
            f"panel: the {stage} stage scores no criterion of {session.role.id} (none is assessed by "
            f"{STAGE_METHOD.get(stage, stage)}); tick the criteria it scores (F3 in panel set-up) or choose "
            "another stage"
        )


def checklist(session: Session, panel: Panel, criteria: dict | None, when: datetime) -> list[StageChoice]:
    """The chair's checklist given with ``panel`` ({stage, criteria, reason}) as stage choices by its chair
    (BadInput if it cannot be saved; none without one). A new panel, or one moved to another stage, is
    refused if that stage would score no criterion (``require_stage_scores``)."""
    from .stage_criteria import plan_choices

    moved = session.model_copy(update={"panel": panel})
    choices = []
    if criteria:
        reason = criteria.get("reason", "")
        choices = plan_choices(moved, criteria["stage"], criteria["criteria"], reason, panel.chair, when)
    if session.panel is None or session.stage != panel.stage:
        require_stage_scores(moved.model_copy(update={"stage_choices": session.stage_choices + choices}), panel.stage)
    return choices
