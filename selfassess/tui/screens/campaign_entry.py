"""Opening a role's fair campaign from the home screen as the right person: where the role's panels bind
OS logins, the panellist bound to this login (no dialog; a login bound to nobody is told so in one line);
otherwise the name the terminal gives, prefilled with the last one given in this run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import identity
from ...errors import BadInput

if TYPE_CHECKING:
    from ...models import Role
    from ..typed import AppScreen


def open_campaign(screen: AppScreen, role: Role) -> None:
    """Push the campaign screen of ``role`` for whoever works at this terminal."""
    from ..dialogs.common import TextPrompt
    from .campaign import CampaignScreen

    app = screen.app
    try:
        panels = [s.panel for s in app.store.sessions_of_role(role.id)]
        bound = identity.campaign_name(panels, app.store.login())
    except BadInput as exc:
        screen.notify(str(exc).splitlines()[0], title="Fair campaign", severity="error", timeout=10)
        return
    if bound is not None:
        app.push_screen(CampaignScreen(role, bound))
        return

    def opened(name: str | None) -> None:
        if name and name.strip():
            app.campaign_name = name.strip()
            app.push_screen(CampaignScreen(role, name.strip()))

    question = "Who is working on this campaign? (your name as on the panel)"
    app.push_screen(TextPrompt(question, value=app.campaign_name), opened)
