"""Saved web pages (.html, .htm) read by their structure with BeautifulSoup (stdlib html.parser).

Headings become '# ' lines, list items '- ' lines (indented by nesting depth), table rows lines of
tab-separated cells (a cell's paragraphs and items joined by U+2029), other blocks one line each.
Scripts, styles, navigation, forms and footers are left out.
"""

from __future__ import annotations

import re
from typing import Any

from .split import PARAGRAPH

SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button", "select", "iframe", "head"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LISTS = {"ul", "ol"}
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "aside", "blockquote", "dd", "dt", "dl", "figure",
    "figcaption", "address", "pre", "body", "html", "center", "fieldset", "details", "summary", "caption",
    "thead", "tbody", "tfoot", "li", "td", "th", "tr", "hr",
}  # fmt: skip
BOLD = {"b", "strong"}
SPACE = re.compile(r"\s+")


def html_text(raw: str) -> str:
    """The page as lines the extractor reads."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    root = soup.body or soup
    out: list[str] = []
    walker = _Walker(out)
    walker.walk(root, 0)
    walker.flush()
    return "\n".join(out)


class _Walker:
    """Walks the element tree once, collecting inline text until a block ends it."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.inline: list[str] = []
        self.bold_only = True

    def flush(self, prefix: str = "") -> None:
        text = SPACE.sub(" ", "".join(self.inline)).strip()
        if text:
            bold = self.bold_only and not prefix
            self.out.append(prefix + (f"**{text}**" if bold else text))
        self.inline = []
        self.bold_only = True

    def walk(self, node: Any, depth: int) -> None:
        from bs4 import NavigableString, Tag
        from bs4.element import Comment, Doctype, ProcessingInstruction

        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                if child.strip():
                    self.inline.append(str(child))
                    parents = {p.name for p in child.parents}
                    self.bold_only = self.bold_only and bool(parents & BOLD)
                elif child:
                    self.inline.append(" ")
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in SKIP or child.get("hidden") is not None or child.get("aria-hidden") == "true":
                continue
            if name == "br":
                self.flush()
            elif name in HEADINGS:
                self.flush()
                self.walk(child, depth)
                self.flush("# ")
            elif name in LISTS:
                self.flush()
                self._list(child, depth)
            elif name == "table":
                self.flush()
                self.out.extend(_table(child))
                self.out.append("")
            elif name in BLOCKS:
                self.flush()
                self.walk(child, depth)
                self.flush()
            else:
                self.walk(child, depth)

    def _list(self, node: Any, depth: int) -> None:
        for item in node.find_all("li", recursive=False):
            nested = [c for c in item.find_all(list(LISTS), recursive=False)]
            for sub in nested:
                sub.extract()
            self.walk(item, depth)
            self.flush("  " * depth + "- ")
            for sub in nested:
                self._list(sub, depth + 1)


def _table(table: Any) -> list[str]:
    """One line per row (nested tables are read as text of their cell); colspans keep columns aligned."""
    lines = []
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue
        cells: list[str] = []
        for cell in row.find_all(["td", "th"], recursive=False):
            parts: list[str] = []
            walker = _Walker(parts)
            walker.walk(cell, 0)
            walker.flush()
            text = PARAGRAPH.join(p.removeprefix("# ").replace("**", "").strip() for p in parts if p.strip())
            cells.append(text.replace("\t", " "))
            span = cell.get("colspan")
            if span and str(span).isdigit():
                cells.extend([""] * (min(int(str(span)), 20) - 1))
        if any(cells):
            lines.append("\t".join(cells))
    return lines
