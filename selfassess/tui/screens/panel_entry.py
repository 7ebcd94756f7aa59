"""Opening a session in panel mode from the home screen: panel set-up (the chair's), who scores at
this terminal (the login's panellist, or a pick when identities are not verified), the lease, then
the scoring screen. Read only: the candidate's statement is never editable from here."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ...errors import BadInput

if TYPE_CHECKING:
    from ...models import Session
    from ..app import SelfAssessApp
    from .home import HomeScreen


class PanelEntry:
    """The panel-mode flow, started from the home screen."""

    def __init__(self, screen: HomeScreen) -> None:
        self.screen = screen

    @property
    def app(self) -> SelfAssessApp:
        return self.screen.app

    def start(self, session_id: str, setup: bool = False) -> None:
        """Open a session in panel mode (read only: the statement is never editable here); set up the panel
        first if it has none (or on shift+p), then score as this terminal's panellist."""
        try:
            session = self.app.store.load(session_id)
        except BadInput as exc:
            self.screen.notify(str(exc), title="Cannot open session", severity="error", timeout=10)
            return
        if session.panel is None or setup:
            self._set_up_panel(session)
        else:
            self._choose_panellist(session)

    def _set_up_panel(self, session: Session, values: dict | None = None) -> None:
        from ..dialogs.panel_setup import PanelSetupDialog

        self.app.push_screen(PanelSetupDialog(session, values=values), partial(self._panel_configured, session))

    def _panel_configured(self, session: Session, args: dict | None) -> None:
        """Save the panel; a panellist left out who has scored is withdrawn, with a reason asked for."""
        if args is None:
            return
        from ...panel_rules import took_part
        from ..dialogs.common import TextPrompt

        old = session.panel
        leaving = [
            n
            for n in (old.panellists if old else [])
            if n not in args["panellists"] and n not in old.withdrawn and took_part(session, n)  # type: ignore[union-attr]
        ]
        if leaving and "withdraw" not in args:

            def with_reason(reason: str | None) -> None:
                if reason and reason.strip():
                    self._panel_configured(session, {**args, "withdraw": dict.fromkeys(leaving, reason.strip())})
                else:
                    self._set_up_panel(session, values=args)

            self.app.push_screen(
                TextPrompt(f"{', '.join(leaving)} already scored: they stay on record as withdrawn. Reason:"),
                with_reason,
            )
            return
        from ...safetext import markup_safe
        from ...stage_criteria import check_choice

        typed = {k: v for k, v in args.items() if k != "withdraw"}
        criteria = args.get("criteria")
        try:
            if criteria:  # refuse a bad choice before anything is saved
                check_choice(self.app.store.load(session.id), **criteria)
            # the panel and the chair's checklist in one change (a stage scoring nothing is refused)
            updated = self.app.store.set_panel(session.id, actor=self._acting_chair(session), **args)
        except BadInput as exc:
            self.screen.notify(markup_safe(exc), title="Panel not saved: correct it", severity="error", timeout=10)
            self._set_up_panel(session, values=typed)
            return
        self._choose_panellist(updated)

    def _acting_chair(self, session: Session) -> str | None:
        """Who changes the panel from this terminal: the panellist bound to this login, or on a shared
        login (identities not verified) the chair."""
        from ... import identity

        if session.panel is None:
            return None
        mine = identity.panellist_for(session.panel, self.app.store.login())
        if mine is not None or identity.verified(session.panel):
            return mine or f"login {self.app.store.login()}"
        # not verified (one shared login): whoever this terminal last scored as, so a panellist's terminal
        # cannot change the panel in the chair's name; a terminal that has not scored yet acts as the chair
        return self.app.acting_as.get(session.id, session.panel.chair)

    def _choose_panellist(self, session: Session) -> None:
        """A verified panel scores as the panellist bound to this login; otherwise pick (not verified)."""
        from ... import identity
        from ..dialogs.panel_setup import WhoDialog

        panel = session.panel
        if panel is None:
            return
        login = self.app.store.login()
        if identity.verified(panel):
            me = identity.panellist_for(panel, login)
            if me is None:
                self.screen.notify(
                    f"Login {login!r} is not bound to anyone on this panel.", severity="error", timeout=10
                )
                return
            self._open_scoring(session, me)
            return
        self.app.push_screen(WhoDialog(panel.active), partial(self._open_scoring, session))

    def _open_scoring(self, session: Session, me: str | None) -> None:
        from .scoring import ScoringScreen

        if not me or session.panel is None:
            return
        try:
            self.app.store.hold(session.id, me)
        except BadInput as exc:
            self.screen.notify(str(exc), title="Not opened in panel mode", severity="error", timeout=10)
            return
        self.app.acting_as[session.id] = me
        self.app.push_screen(ScoringScreen(self.app.store.load(session.id), me, session.panel.stage))
