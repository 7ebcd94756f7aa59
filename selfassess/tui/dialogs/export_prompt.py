"""Ask for a path and save an export there; an existing file is only replaced after a yes (no: asked again).

A path the export cannot use (another format's extension, a folder that does not exist) is reported and
asked for again with what was typed still there. The folder used is remembered for the next export.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ... import prefs
from ...errors import BadInput
from ...export.files import save_export
from ..typed import AppScreen
from .common import Confirm, TextPrompt

if TYPE_CHECKING:
    from ..app import SelfAssessApp


def export_folder(app: SelfAssessApp) -> Path:
    """The default folder for an export: the one used last (remembered beside the sessions)."""
    return prefs.export_folder(app.sessions_dir)


def _remember(app: SelfAssessApp, folder: Path) -> None:
    try:
        prefs.update(app.sessions_dir, export_folder=str(folder.resolve()))
    except OSError:
        pass  # remembering the folder is a convenience, never a reason to fail an export


def ask_and_save(
    screen: AppScreen, question: str, default: Path, render: Callable[[str], bytes | str], formats: tuple[str, ...]
) -> None:
    """Prompt for a path (its extension picks the format among ``formats``), render and save it."""
    hint = f"{question} (.{', .'.join(formats)})"

    def ask(path: str) -> None:
        screen.app.push_screen(TextPrompt(hint, path, draft=False), write)

    def again(path: str, problem: str) -> None:
        screen.notify(problem, severity="error", timeout=8)
        ask(path)

    def write(path: str | None, force: bool = False) -> None:
        if not path or not path.strip():
            return
        target = Path(path.strip()).expanduser()
        fmt = target.suffix.lstrip(".").lower()
        if not fmt and len(formats) == 1:
            target, fmt = target.with_name(f"{target.name}.{formats[0]}"), formats[0]
        if fmt not in formats:
            again(path, f"{target.name}: this export is .{', .'.join(formats)}; change the extension")
            return
        if not target.parent.is_dir():
            again(path, f"{target.parent}: no such folder")
            return
        try:
            saved = save_export(target, render(fmt), force=force)
        except BadInput as exc:
            if "already exists" in str(exc) and not force:
                screen.app.push_screen(
                    Confirm(f"{target} already exists. Overwrite it?"),
                    lambda yes: write(str(target), force=True) if yes else ask(path),
                )
                return
            again(path, str(exc))
            return
        _remember(screen.app, saved.parent)
        screen.notify(f"Saved {saved}", title="Exported")

    ask(str(default))
