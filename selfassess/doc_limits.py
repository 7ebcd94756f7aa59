"""Caps on what a job document may unpack to, checked before (and while) the expensive readers run.

A person specification is a few pages: these caps are far above any real one and far below what
would exhaust time or memory. Every refusal is one BadInput line naming the file and the cap.
"""

from __future__ import annotations

import io
import re
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import BadInput

MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a .docx's parts, uncompressed, from its zip directory
MAX_XML_BYTES = 16 * 1024 * 1024  # its XML parts (the text and its markup; a 40-page job pack has about 2 MB)
MAX_PARTS = 2_000  # files inside a .docx
MAX_BLOCKS = 20_000  # paragraphs and tables in a .docx body
MAX_LINES = 10_000  # lines of extracted text (a 40-page job pack has about 2,000)
MAX_TEXT_CHARS = 4_000_000  # characters of extracted text
MAX_PDF_PAGES = 300
MAX_PDF_OBJECTS = 200_000  # objects in the PDF's cross-reference tables
MAX_PAGE_CONTENT_BYTES = 2 * 1024 * 1024  # one PDF page's content stream, decompressed (a dense page: ~100 KB)
MAX_PDF_CONTENT_BYTES = 32 * 1024 * 1024  # all pages' content streams
MAX_HTML_DEPTH = 500  # elements inside elements in a web page (a real page nests a few dozen deep)
MAX_PAGE_DRAWN = 100_000  # characters, lines and images drawn on one PDF page, Form XObjects included
SECONDS = 30.0  # reading one document


def _refuse(path: Path, problem: str) -> BadInput:
    return BadInput(f"{path}: {problem}; refused (is this really a job document?)")


def check_zip(path: Path, raw: bytes) -> None:
    """Refuse a .docx whose zip directory declares too many parts or too much unpacked data (nothing inflated)."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # the reader reports a damaged file in its own words
    if len(entries) > MAX_PARTS:
        raise _refuse(path, f"{len(entries):,} parts in the .docx (the limit is {MAX_PARTS:,})")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refuse(
            path, f"unpacks to {unpacked / 1024 / 1024:,.0f} MB (the limit is {MAX_UNPACKED_BYTES // 1024 // 1024} MB)"
        )
    xml = sum(e.file_size for e in entries if e.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:  # parsing XML costs far more per byte than reading images: refused before parsing
        raise _refuse(path, f"{xml / 1024 / 1024:,.0f} MB of XML (the limit is {MAX_XML_BYTES // 1024 // 1024} MB)")


def check_count(path: Path, count: int, limit: int, what: str) -> None:
    """Refuse a document with more than ``limit`` of ``what``."""
    if count > limit:
        raise _refuse(path, f"{count:,} {what} (the limit is {limit:,})")


def check_text(path: Path, text: str) -> str:
    """Refuse extracted text with too many characters or lines; the text otherwise."""
    check_count(path, len(text), MAX_TEXT_CHARS, "characters of text")
    check_count(path, text.count("\n") + 1, MAX_LINES, "lines of text")
    return text


_HTML_LINES = re.compile(r"<(?:tr|li|p|h[1-6])[\s>/]", re.IGNORECASE)


def check_html(path: Path, html: str) -> str:
    """Refuse a web page with more rows, list items, paragraphs and headings than extracted text may have
    lines, counted before it is parsed (parsing is the slow part); the page otherwise."""
    check_count(path, len(_HTML_LINES.findall(html)), MAX_LINES, "rows, list items and paragraphs")
    if html_depth_over(html, MAX_HTML_DEPTH):
        raise _refuse(path, f"elements nested more than {MAX_HTML_DEPTH} deep (the limit is {MAX_HTML_DEPTH})")
    return html


_HTML_TAG = re.compile(r"<!--|<(/?)([a-z][a-z0-9:-]*)[^<>]*?(/?)>", re.IGNORECASE)
# Where a comment, a script and a style end (their text is not markup, as the parser reads them).
_ENDS = {"<!--": re.compile(r"--\s*>"), **{n: re.compile(rf"</{n}\s*>", re.IGNORECASE) for n in ("script", "style")}}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex", "nextid", "spacer",
}  # fmt: skip


def html_depth_over(html: str, limit: int) -> bool:
    """Whether a page's elements nest more than ``limit`` deep, from its tags alone, before parsing (which
    takes seconds on a page built to be deep), nesting as the parser does: an end tag closes the latest
    open element of its name and those inside it; a tag left open holds what follows. Linear in the page;
    stops past the limit. Where parsers differ (a comment or script never closed) it counts the deeper way."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    skip_to, unclosed = 0, set()
    for token in _HTML_TAG.finditer(html):
        if token.start() < skip_to:  # inside a comment, script or style
            continue
        closing, name, empty = token.groups()
        name = (name or "").lower()
        if name in _VOID or (closing and not open_count.get(name)):
            continue
        if closing:
            while (top := stack.pop()) != name:
                open_count[top] -= 1
            open_count[name] -= 1
            continue
        opens = name or "<!--"
        if opens in _ENDS and not empty:
            end = None if opens in unclosed else _ENDS[opens].search(html, token.end())
            if end is not None:
                skip_to = end.end()
            elif opens == "<!--":  # read as text up to the next ">" (a tag it swallows is not counted)
                unclosed.add(opens)  # no end after here, so none after any later one either
                skip_to = html.find(">", token.end()) + 1
            else:  # a script or style never closed: the rest of the page is its text
                return len(stack) >= limit
        if opens == "<!--":
            continue
        if empty or name in _ENDS:  # <div/>, a script or style: an element holding no other
            if len(stack) >= limit:
                return True
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > limit:
            return True
    return False


def _inflated_size(stream: Any, cap: int) -> int:
    """How many bytes a PDF stream decodes to, counting at most ``cap`` + 1 (never inflating more)."""
    raw = stream.rawdata if stream.rawdata is not None else (stream.data or b"")
    names = [getattr(f, "name", str(f)) for f, _ in stream.get_filters()]
    if names in (["FlateDecode"], ["Fl"]):
        try:
            return len(zlib.decompressobj().decompress(raw, cap + 1))
        except zlib.error:
            return len(raw)  # pdfminer reports the damage in its own words
    return len(raw)


def _forms(resources: Any) -> Iterator[Any]:
    """The Form XObjects a page's resources can draw, nested forms included, each once (no recursion)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    seen: set[int] = set()
    pending = [resources]
    while pending:
        found = resolve1(pending.pop())
        xobjects = resolve1(found.get("XObject")) if isinstance(found, dict) else None
        if not isinstance(xobjects, dict):
            continue
        for ref in xobjects.values():
            key = getattr(ref, "objid", None)
            if key is not None and key in seen:
                continue
            if key is not None:
                seen.add(key)
            stream = resolve1(ref)
            if isinstance(stream, PDFStream) and getattr(resolve1(stream.get("Subtype")), "name", None) == "Form":
                yield stream
                pending.append(stream.get("Resources"))


def _page_streams(page: Any) -> Iterator[Any]:
    """Every content stream a page runs: its own, then the Form XObjects it can draw."""
    from pdfminer.pdftypes import PDFStream, resolve1

    for item in page.page_obj.contents or []:
        stream = resolve1(item)
        if isinstance(stream, PDFStream):
            yield stream
    yield from _forms(page.page_obj.resources)


def pdf_pages(path: Path, pdf: Any) -> Iterator[Any]:
    """The pages of a pdfplumber PDF, refusing too many pages, a page whose content streams (Form XObjects
    included) inflate past MAX_PAGE_CONTENT_BYTES (measured by a bounded inflate before pdfminer reads
    them), a page drawing more than MAX_PAGE_DRAWN things, and reading past the time cap."""
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # warnings about malformed files stay off stderr
    _count_drawing()
    objects = sum(len(list(xref.get_objids())) for xref in pdf.doc.xrefs)
    check_count(path, objects, MAX_PDF_OBJECTS, "objects in the PDF")
    pages = pdf.pages
    check_count(path, len(pages), MAX_PDF_PAGES, "pages")
    deadline = Deadline(path)
    total = 0
    budget: PageBudget | None = None
    try:
        for number, page in enumerate(pages, start=1):
            deadline.check()
            size = 0
            for stream in _page_streams(page):
                size += _inflated_size(stream, MAX_PAGE_CONTENT_BYTES - size)
                if size > MAX_PAGE_CONTENT_BYTES:
                    limit = MAX_PAGE_CONTENT_BYTES // 1024 // 1024
                    raise _refuse(path, f"page {number} holds over {limit} MB of content")
            total += size
            if total > MAX_PDF_CONTENT_BYTES:
                raise _refuse(path, f"over {MAX_PDF_CONTENT_BYTES // 1024 // 1024} MB of page content")
            _drawing.budget = budget = PageBudget(path, number, deadline)
            yield page
    finally:
        if _drawing.budget is budget:  # an abandoned reader, closed late, never clears another's budget
            _drawing.budget = None


class PageBudget:
    """What one PDF page may draw while pdfminer lays it out, and the document's deadline, checked as it draws."""

    def __init__(self, path: Path, number: int, deadline: Deadline) -> None:
        self.path, self.number, self.deadline = path, number, deadline
        self.drawn = 0

    def tick(self) -> None:
        self.drawn += 1
        if self.drawn > MAX_PAGE_DRAWN:
            raise _refuse(self.path, f"page {self.number} draws over {MAX_PAGE_DRAWN:,} characters and shapes")
        if not self.drawn % 512:
            self.deadline.check()


class _Drawing(threading.local):
    budget: PageBudget | None = None


_drawing = _Drawing()


def _count_drawing() -> None:
    """Make pdfplumber's layout device charge every character, shape and image to the current page's
    budget (installed once; a device with no budget set draws as before)."""
    from pdfplumber import page as plumber_page

    device = plumber_page.PDFPageAggregatorWithMarkedContent
    if getattr(device, "_selfassess_counted", False):
        return
    for name in ("render_char", "paint_path", "render_image"):
        setattr(device, name, _counted(getattr(device, name)))
    device._selfassess_counted = True  # type: ignore[attr-defined]


def _counted(draw: Any) -> Any:
    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _drawing.budget
        if budget is not None:
            budget.tick()
        return draw(self, *args, **kwargs)

    return counted


class Deadline:
    """A time cap on reading one document: ``check()`` raises once it has passed."""

    def __init__(self, path: Path, seconds: float | None = None) -> None:
        self.path = path
        self.seconds = SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise _refuse(self.path, f"reading took more than {self.seconds:g} s")
