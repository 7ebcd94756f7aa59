"""Adding many paragraphs to a python-docx document fast: each style's id is looked up once.

python-docx resolves a style name for every paragraph it is given, walking every style of the document
twice (for the default style, then for the name): most of the time of a long summary. The id found
once is set on each further paragraph just as python-docx sets it, so the document is the same.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE


class Paragraphs:
    """Appends paragraphs to ``document``, remembering each paragraph style's id."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._ids: dict[str, str | None] = {}

    def add(self, text: str, style: str | None = None) -> None:
        """A paragraph of ``text`` in the named paragraph style (None: the document's default)."""
        paragraph = self.document.add_paragraph(text)
        if style is None:
            return
        if style not in self._ids:
            self._ids[style] = self.document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        paragraph._p.style = self._ids[style]

    def heading(self, text: str, level: int) -> None:
        """A heading, as ``Document.add_heading`` makes it (levels 1-9)."""
        self.add(text, f"Heading {level}")
