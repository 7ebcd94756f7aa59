"""The screen as plain text lines, as the terminal shows it (for checks on cut text)."""

from __future__ import annotations

import io

from rich.console import Console


def screen_lines(app) -> list[str]:
    """Every line of the current screen, rendered at the app's size."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, force_terminal=True, color_system="truecolor"
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False).splitlines()[:height]
