"""Make untrusted text (candidate evidence, imported documents) safe to display in a terminal."""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides that can hide text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(value: str) -> str:
    """Remove control characters that would move the cursor, ring bells or reorder text."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def plain(value: str | None, style: str = "") -> Text:
    """A Rich Text that shows ``value`` literally: no markup, no control characters."""
    return Text(strip_controls(value or ""), style=style)
