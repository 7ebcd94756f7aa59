"""Caps on what a job document may unpack to, checked before (and while) the expensive readers run.

A person specification is a few pages: these caps are far above any real one and far below what
would exhaust time or memory. Every refusal is one BadInput line naming the file and the cap.
"""

from __future__ import annotations

import io
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import BadInput

MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a .docx's parts, uncompressed, from its zip directory
MAX_PARTS = 2_000  # files inside a .docx
MAX_BLOCKS = 20_000  # paragraphs and tables in a .docx body
MAX_LINES = 20_000  # lines of extracted text
MAX_TEXT_CHARS = 4_000_000  # characters of extracted text
MAX_PDF_PAGES = 300
MAX_PDF_OBJECTS = 200_000  # objects in the PDF's cross-reference tables
MAX_PAGE_CONTENT_BYTES = 2 * 1024 * 1024  # one PDF page's content stream, decompressed (a dense page: ~100 KB)
MAX_PDF_CONTENT_BYTES = 32 * 1024 * 1024  # all pages' content streams
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


def check_count(path: Path, count: int, limit: int, what: str) -> None:
    """Refuse a document with more than ``limit`` of ``what``."""
    if count > limit:
        raise _refuse(path, f"{count:,} {what} (the limit is {limit:,})")


def check_text(path: Path, text: str) -> str:
    """Refuse extracted text with too many characters or lines; the text otherwise."""
    check_count(path, len(text), MAX_TEXT_CHARS, "characters of text")
    check_count(path, text.count("\n") + 1, MAX_LINES, "lines of text")
    return text


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


def pdf_pages(path: Path, pdf: Any) -> Iterator[Any]:
    """The pages of a pdfplumber PDF, refusing too many pages, a page whose content streams inflate past
    MAX_PAGE_CONTENT_BYTES (measured by a bounded inflate before pdfminer reads it), and slow reading."""
    import logging

    from pdfminer.pdftypes import PDFStream, resolve1

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # warnings about malformed files stay off stderr
    objects = sum(len(list(xref.get_objids())) for xref in pdf.doc.xrefs)
    check_count(path, objects, MAX_PDF_OBJECTS, "objects in the PDF")
    pages = pdf.pages
    check_count(path, len(pages), MAX_PDF_PAGES, "pages")
    deadline = Deadline(path)
    total = 0
    for number, page in enumerate(pages, start=1):
        deadline.check()
        size = 0
        for item in page.page_obj.contents or []:
            stream = resolve1(item)
            if isinstance(stream, PDFStream):
                size += _inflated_size(stream, MAX_PAGE_CONTENT_BYTES - size)
            if size > MAX_PAGE_CONTENT_BYTES:
                raise _refuse(path, f"page {number} holds over {MAX_PAGE_CONTENT_BYTES // 1024 // 1024} MB of content")
        total += size
        if total > MAX_PDF_CONTENT_BYTES:
            raise _refuse(path, f"over {MAX_PDF_CONTENT_BYTES // 1024 // 1024} MB of page content")
        yield page


class Deadline:
    """A time cap on reading one document: ``check()`` raises once it has passed."""

    def __init__(self, path: Path, seconds: float = SECONDS) -> None:
        self.path = path
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise _refuse(self.path, f"reading took more than {self.seconds:g} s")
