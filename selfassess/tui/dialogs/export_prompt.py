"""Ask for a path and save an export there; an existing file is only replaced after a yes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.screen import Screen

from ...errors import BadInput
from ...export.files import save_export
from .common import Confirm, TextPrompt


def ask_and_save(
    screen: Screen, question: str, default: Path, render: Callable[[str], bytes | str], formats: tuple[str, ...]
) -> None:
    """Prompt for a path (its extension picks the format among ``formats``), render and save it."""

    def write(path: str | None, force: bool = False) -> None:
        if not path or not path.strip():
            return
        target = Path(path.strip()).expanduser()
        fmt = target.suffix.lstrip(".").lower()
        if fmt not in formats:
            screen.notify(f"{target.name}: use one of .{', .'.join(formats)}", severity="error", timeout=8)
            return
        try:
            saved = save_export(target, render(fmt), force=force)
        except BadInput as exc:
            if "already exists" in str(exc) and not force:
                screen.app.push_screen(
                    Confirm(f"{target} already exists. Overwrite it?"),
                    lambda yes: write(path, force=True) if yes else None,
                )
                return
            screen.notify(str(exc), severity="error", timeout=10)
            return
        screen.notify(f"Saved {saved}", title="Exported")

    screen.app.push_screen(TextPrompt(f"{question} (.{', .'.join(formats)})", str(default)), write)
