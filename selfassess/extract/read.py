"""Turn a job document file into text: one line per paragraph or table row, table cells separated by tabs.

Paragraphs inside one table cell are joined with U+2029 (PARAGRAPH SEPARATOR) so the extractor can
split a cell at its paragraphs; it renders them as spaces.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import BadInput
from ..fileio import read_bounded

MAX_BYTES = 10 * 1024 * 1024
CELL_PARAGRAPH = "\u2029"
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}


def read_document(path: Path) -> str:
    """The document's text; BadInput (naming the file) for anything we cannot read."""
    raw = read_bounded(path, MAX_BYTES, "a job document")
    suffix = path.suffix.lower()
    if suffix == ".docx" or (suffix not in TEXT_SUFFIXES | {".pdf"} and raw[:2] == b"PK"):
        text = _docx_text(path, raw)
    elif suffix == ".pdf" or raw[:5] == b"%PDF-":
        text = _pdf_text(path, raw)
    elif suffix in (".doc", ".rtf", ".odt", ".pages"):
        raise BadInput(f"{path}: {suffix} files are not supported; save it as .docx, .pdf or .txt")
    else:
        text = _plain_text(path, raw)
    if not text.strip():
        raise BadInput(f"{path}: no text in the document")
    return text


def _plain_text(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise BadInput(f"{path}: binary file, not a text document (use .txt, .md, .docx or .pdf)")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput(f"{path}: cannot decode the text")  # pragma: no cover - latin-1 decodes any bytes


def _docx_text(path: Path, raw: bytes) -> str:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise BadInput(f"{path}: reading .docx needs python-docx") from exc
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BadInput(f"{path}: damaged or not a Word .docx file ({type(exc).__name__})") from exc
    except Exception as exc:
        raise BadInput(f"{path}: damaged .docx file ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    body = document.element.body
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
            paragraphs = [p.text.strip() for p in cell.paragraphs]  # empty ones keep marks in their slots
            cells.append(CELL_PARAGRAPH.join(paragraphs).replace("\t", " ").replace("\n", " "))
        above = row_tcs
        lines.append("\t".join(cells))
    return lines


def _pdf_text(path: Path, raw: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise BadInput(f"{path}: reading .pdf needs pypdf") from exc
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise BadInput(f"{path}: the PDF is password-protected") from exc
        pages = [_layout_to_cells(_page_text(page)) for page in reader.pages]
    except BadInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise BadInput(f"{path}: damaged PDF file ({type(exc).__name__})") from exc
    except Exception as exc:
        raise BadInput(f"{path}: damaged PDF file ({type(exc).__name__}: {exc})") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise BadInput(
            f"{path}: the PDF has no text layer (a scanned image?); run OCR or paste the text into a .txt file"
        )
    return text


def _page_text(page) -> str:
    """A page's text with its horizontal layout kept (so table columns can be recovered)."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:
        return page.extract_text() or ""


GAP = re.compile(r"\S+(?: {1,3}\S+)*")


def _tokens(line: str) -> list[tuple[float, str, int]]:
    """Runs of text separated by four or more spaces: (centre column, text, start column)."""
    return [((m.start() + m.end()) / 2, m.group(0), m.start()) for m in GAP.finditer(line)]


def _layout_to_cells(text: str) -> str:
    """Turn laid-out PDF text into the tab-separated rows the extractor reads.

    A line of several short runs (a table header) sets the column grid; later rows put each run in the
    column whose header centre is nearest, so a mark lands under Essential or Desirable by position.
    A lone run that starts where the row above started its text, while that text has not ended its
    sentence (or that starts in lower case), continues the cell above it (wrapped text).
    """
    out: list[str] = []
    grid: list[float] = []
    last_row: list[str] | None = None
    last_start = -1
    last_fragment = ""
    for line in text.split("\n"):
        tokens = _tokens(line)
        if not tokens:
            out.append("")
            last_row = None
            continue
        header = len(tokens) >= 3 and all(len(t.split()) <= 6 and len(t) >= 4 and t[:1].isalpha() for _, t, _ in tokens)
        if header:
            grid = [centre for centre, _, _ in tokens]
        if len(tokens) == 1:
            centre, value, start = tokens[0]
            if last_row is not None:
                column = next((i for i, c in enumerate(last_row) if c), 0)
                aligned = (
                    abs(start - last_start) <= 2
                    and len(last_fragment) >= 25
                    and not last_fragment.rstrip().endswith((".", ";", ":", "!", "?"))
                )
                if value[:1].islower() or aligned:
                    last_row[column] = f"{last_row[column]} {value}".strip()
                    out[-1] = "\t".join(last_row)
                    last_fragment = value
                    continue
            previous = out[-1] if out else ""
            if (
                previous
                and "\t" not in previous
                and (value[:1].islower() or previous.endswith((",", "-")))
                and not re.match(r"^(?:[-•·*▪]|\d+[.)])\s", value)
            ):
                out[-1] = f"{previous} {value}"  # a wrapped paragraph
                continue
            out.append(value)
            last_row = None
            continue
        if grid and len(tokens) <= len(grid):
            cells = [""] * len(grid)
            for centre, value, _ in tokens:
                column = min(range(len(grid)), key=lambda i: abs(grid[i] - centre))
                cells[column] = f"{cells[column]} {value}".strip()
        else:
            cells = [value for _, value, _ in tokens]
        out.append("\t".join(cells))
        last_row = None if header else cells
        last_start = tokens[0][2]
        last_fragment = tokens[0][1]
    return "\n".join(out)
