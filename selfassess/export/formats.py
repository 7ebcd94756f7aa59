"""The export formats by name: light, so the command line can offer them without loading the exporters."""

from __future__ import annotations

FORMATS = ("txt", "md", "docx", "json", "csv")
FEEDBACK_FORMATS = ("md", "docx", "txt")
