"""Editing keys typed ahead run in turn with the characters around them.

Textual runs a widget's own bindings (Backspace, arrows, Delete, Home, End, undo) only once the key has
passed up through the widgets to the app, while characters are inserted as the key reaches the widget.
In a burst of keys (arriving together while the app is busy, a paste of keystrokes, `tmux send-keys`)
every character was therefore inserted before any Backspace or arrow ran: "teh", Backspace, Backspace,
"he" gave "tehhe". Run from the widget's key handler, each binding runs in its turn.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run the widget's own (non-priority) binding for the key now; True (the key used up) if one ran."""
    for binding in widget._bindings.key_to_bindings.get(event.key, []):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()  # the widget's own key handler, next in line, leaves it
            return True
    return False


class InTurnInput(Input):
    """An Input whose editing keys typed ahead run in turn with the characters (run_own_binding)."""

    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)
