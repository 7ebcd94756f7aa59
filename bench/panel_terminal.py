"""One panellist's terminal for bench_panel: the app on the moderation screen of one session.

python bench/panel_terminal.py SESSIONS_DIR SESSION_ID PANELLIST
"""

from __future__ import annotations

import sys

from selfassess.tui.app import make_app
from selfassess.tui.screens.moderation import ModerationScreen


def main() -> None:
    folder, session_id, me = sys.argv[1:4]
    app = make_app(sessions_dir=folder)

    def open_moderation() -> None:
        app.push_screen(ModerationScreen(app.store.load(session_id), me, "interview"))

    app.call_later(open_moderation)
    app.run()


if __name__ == "__main__":
    main()
