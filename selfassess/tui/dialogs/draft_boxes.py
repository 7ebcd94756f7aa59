"""Text typed into a dialog is a draft too: quitting (ctrl+q) while a dialog holds text the user typed
asks first (the app's ``guard_unsaved``: Escape goes back to the dialog with the text, w writes it to a
file, d twice discards it). A box that holds no draft (a filter, a path) carries the class ``no-draft``."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from ...safetext import one_line
from .unsaved import Unsaved

NOT_DRAFT = "no-draft"
LABEL_CHARS = 100


def box_texts(screen: Screen) -> dict[str, str]:
    """The text in each of the screen's boxes (one-line and multi-line), by id or position."""
    texts: dict[str, str] = {}
    for number, box in enumerate(screen.query("Input, TextArea")):
        if box.has_class(NOT_DRAFT):
            continue
        if isinstance(box, Input):
            texts[box.id or f"box-{number}"] = box.value
        elif isinstance(box, TextArea):
            texts[box.id or f"box-{number}"] = box.text
    return texts


def dialog_label(screen: Screen) -> str:
    """What the dialog asks (its question, cut to one short line), else its help title."""
    questions = screen.query(".question")
    text = str(questions.first(Static).render()) if questions else str(getattr(screen, "HELP_TITLE", "dialog"))
    text = one_line(" ".join(text.split()))
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def typed_unsaved(screen: Screen, before: dict[str, str]) -> Unsaved | None:
    """The text typed into the dialog's boxes since it opened (``before``: their text then), or None."""
    changed = [text for key, text in box_texts(screen).items() if text.strip() and text != before.get(key, "")]
    if not changed:
        return None
    label = dialog_label(screen)
    body = "\n\n".join(changed)
    return Unsaved(
        error=f"the text typed in '{label}' (the dialog is still open)",
        text=f"{label}\n{body}\n",
        suggested=Path.cwd() / "selfassess-unsaved-dialog.txt",
        typed=sum(len(text) for text in changed),
        retry=False,
    )
