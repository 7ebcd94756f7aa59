"""Make untrusted text (candidate evidence, imported documents) safe to display in a terminal."""

from __future__ import annotations

import re

from rich.text import Text

from .controls import strip_controls as strip_controls


def plain(value: str | None, style: str = "") -> Text:
    """A Rich Text that shows ``value`` literally: no markup, no control characters."""
    return Text(strip_controls(value or ""), style=style)


_SURROGATE = re.compile("[\ud800-\udfff]")
_VISIBLE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def mend_surrogates(value: str) -> str:
    """Text that can be written as UTF-8: a surrogate pair joined into its character, a lone surrogate
    (from a broken paste or a JSON escape) as U+FFFD. Unchanged, and cheap, when there is none."""
    if not _SURROGATE.search(value):
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def one_line(value: object) -> str:
    """Any text from a file (an error, a name, a key) as one line safe for a terminal: every control
    character (so no escape sequence: no clearing the screen, no window title) shown as ``\\xNN``,
    lone surrogates as U+FFFD. Every error and notification passes through here."""
    text = _SURROGATE.sub("\ufffd", str(value))
    return _VISIBLE_CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def markup_safe(value: object) -> str:
    """``one_line`` with Rich/Textual markup escaped (for notifications and markup-enabled widgets)."""
    from rich.markup import escape

    return escape(one_line(value))
