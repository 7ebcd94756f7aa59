"""Make candidate text safe for each output format."""

from __future__ import annotations

import re

from ..safetext import strip_controls

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_MD_LINE_START = re.compile(r"^(\s*)(?:(=+|-+|\++|>)|(\d+)([.)]))(?=\s|$)", re.M)


def text(value: str | None) -> str:
    """Plain text: no control characters (tabs and newlines kept), lines ending without spaces."""
    return "\n".join(line.rstrip() for line in strip_controls(value or "").split("\n"))


def markdown(value: str | None) -> str:
    """Markdown that shows the text literally: emphasis, links, HTML, headings and list markers escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text(value))
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), escaped
    )


def xml(value: str | None) -> str:
    """Text Word can store: characters XML 1.0 forbids are removed."""
    return _XML_INVALID.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n"))
