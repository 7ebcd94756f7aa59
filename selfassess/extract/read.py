"""Turn a job document file (text, Word, PDF, saved web page) into lines; table cells separated by tabs.

Paragraphs inside one table cell are joined with U+2029 (PARAGRAPH SEPARATOR) so the extractor can
split a cell at its paragraphs; it renders them as spaces.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from pathlib import Path

from .. import doc_limits
from ..errors import BadInput
from ..fileio import read_bounded

MAX_BYTES = 10 * 1024 * 1024
CELL_PARAGRAPH = "\u2029"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and other old Office files
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream an encrypted .docx keeps inside OLE2
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}


def read_document(path: Path) -> str:
    """The document's text; BadInput (naming the file) for anything we cannot read."""
    raw = read_bounded(path, MAX_BYTES, "a job document")
    suffix = path.suffix.lower()
    if raw[:8] == OLE_MAGIC:  # whatever its name says (a .doc renamed .docx, an encrypted .docx)
        raise BadInput(f"{path}: {_ole_problem(raw)}")
    if suffix == ".docx" or (suffix not in TEXT_SUFFIXES | {".pdf"} and raw[:2] == b"PK"):
        text = _docx_text(path, raw)
    elif suffix == ".pdf" and raw[:5] != b"%PDF-" and raw[:2] == b"PK":
        raise BadInput(f"{path}: not a PDF but a Word .docx (or other zip) file: rename it to .docx")
    elif suffix == ".pdf" and raw[:5] != b"%PDF-" and _looks_like_text(raw):
        raise BadInput(f"{path}: not a PDF but a text file: rename it to .txt")
    elif suffix == ".pdf" or raw[:5] == b"%PDF-":
        _require(path, "pdfplumber", "PDF files")
        from .read_pdf import pdf_text

        text = pdf_text(path, raw)
    elif suffix in (".html", ".htm", ".xhtml") or raw[:200].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        _require(path, "bs4", "saved web pages", package="beautifulsoup4")
        from .read_html import html_text

        try:
            text = html_text(doc_limits.check_html(path, _plain_text(path, raw)))
        except RecursionError:  # nesting the depth check did not see (unclosed tags): the file, not a crash
            raise BadInput(f"{path}: elements nested too deeply to read; refused") from None
    elif suffix == ".doc":
        raise BadInput(f"{path}: {_ole_problem(raw)}")
    elif suffix in (".rtf", ".odt", ".pages"):
        raise BadInput(f"{path}: {suffix} files cannot be read: save it as .docx, PDF or .txt")
    else:
        text = _plain_text(path, raw)
    if not text.strip():
        raise BadInput(f"{path}: no text in the document")
    return doc_limits.check_text(path, text)


def _require(path: Path, module: str, what: str, package: str | None = None) -> None:
    """BadInput naming the missing library and how to install it, when a reader's library cannot be imported."""
    try:
        importlib.import_module(module)
    except ImportError as exc:
        name = package or module
        raise BadInput(
            f"{path}: reading {what} needs the {name} package, which is not installed here: "
            f"run 'make' (or '.venv/bin/pip install {name}') in the selfassess folder, or paste the text instead"
        ) from exc


def _looks_like_text(raw: bytes) -> bool:
    """Readable text (no NUL bytes, decodes as UTF-8) in the first 8 KB."""
    head = raw[:8192]
    if not head.strip() or b"\x00" in head or b"%PDF-" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a character cut at the 8 KB edge
    return True


def _ole_problem(raw: bytes) -> str:
    """What an old-style Office (OLE2) file is, as the reason it cannot be read."""
    if ENCRYPTED_PACKAGE in raw:
        return "protected: a password-protected Word file; save an unprotected copy as .docx or PDF"
    return "a Word 97-2003 .doc file, which cannot be read: save it as .docx or PDF"


def _plain_text(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise BadInput(f"{path}: binary file, not a text document (use .txt, .md, .html, .docx or .pdf)")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput(f"{path}: cannot decode the text")  # pragma: no cover - latin-1 decodes any bytes


def _docx_text(path: Path, raw: bytes) -> str:
    _require(path, "docx", "Word .docx files", package="python-docx")
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    doc_limits.check_zip(path, raw)
    try:
        document = docx.Document(io.BytesIO(raw))
    except BadInput:  # the time cap
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BadInput(f"{path}: damaged or not a Word .docx file ({type(exc).__name__})") from exc
    except Exception as exc:
        raise BadInput(f"{path}: damaged .docx file ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    body = document.element.body
    doc_limits.check_count(path, len(body), doc_limits.MAX_BLOCKS, "paragraphs and tables")
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_line(Paragraph(child, document)))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
            lines.append("")
    return "\n".join(lines)


def _paragraph_line(paragraph) -> str:
    """A paragraph, with list and heading styles kept as text markers the extractor understands."""
    text = paragraph.text.replace("\n", " ").strip()
    if not text:
        return ""
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if style.startswith("heading") or style == "title":
        return f"# {text}"
    if "list" in style or numbered:
        return f"- {text}"
    if paragraph.runs and all(run.bold for run in paragraph.runs if run.text.strip()):
        return f"**{text}**"
    return text


def _cell_paragraph(paragraph) -> str:
    """A cell paragraph's text; a symbol inserted from a symbol font (a Wingdings tick) reads as a tick."""
    text = paragraph.text.strip()
    if not text and paragraph._p.xpath("./w:r/w:sym"):
        return "✓"
    return text


def _table_lines(table) -> list[str]:
    """One line per row; a cell repeated by a merge appears once, later copies are empty."""
    lines = []
    above: list = []
    for row in table.rows:
        cells, seen, row_tcs = [], set(), []
        for index, cell in enumerate(row.cells):
            tc = cell._tc
            row_tcs.append(tc)
            merged_across = id(tc) in seen
            merged_down = index < len(above) and above[index] is tc
            seen.add(id(tc))
            if merged_across:
                continue
            if merged_down:
                cells.append("")
                continue
            paragraphs = [_cell_paragraph(p) for p in cell.paragraphs]  # empty ones keep marks in their slots
            cells.append(CELL_PARAGRAPH.join(paragraphs).replace("\t", " ").replace("\n", " "))
        above = row_tcs
        lines.append("\t".join(cells))
    return lines
