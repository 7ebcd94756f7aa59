"""PDF job documents read by geometry (pdfplumber): ruled tables cell by cell, other text by position.

Ruled tables are cut at their drawn lines, so a criterion that touches the mark in the next column
stays apart from it. Text outside ruled tables is rebuilt line by line from word positions: runs of
words separated by a wide gap become cells, and a table header row sets the columns that later runs
fall into (see ``layout_to_cells``).
"""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path
from typing import Any

from .. import doc_limits
from ..errors import BadInput
from .cells import category_like
from .split import PARAGRAPH

CHAR_POINTS = 4.0  # points per character when positions are turned into columns of text
SENTENCE_END = (".", ";", "!", "?", ":")
BULLET_START = re.compile(r"^(?:[-•·*▪◦●]|\d+[.)])\s")


def pdf_text(path: Path, raw: bytes) -> str:
    """The PDF's text, one line per paragraph or table row (cells separated by tabs)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            text = "\n".join(_page_text(page) for page in doc_limits.pdf_pages(path, pdf))
    except BadInput:
        raise
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, BadInput):  # a cap that fired while pdfminer laid out a page
            raise cause from None
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise BadInput(f"{path}: the PDF is password-protected: save an unprotected copy") from exc
        raise BadInput(f"{path}: damaged PDF file ({type(cause).__name__})") from exc
    except PDFPasswordIncorrect as exc:
        raise BadInput(f"{path}: the PDF is password-protected: save an unprotected copy") from exc
    except Exception as exc:
        raise BadInput(f"{path}: damaged PDF file ({type(exc).__name__})") from exc
    if not text.strip():
        raise BadInput(
            f"{path}: the PDF has no text layer (a scanned image?); run OCR or paste the text into a .txt file"
        )
    return text


def _page_text(page: Any) -> str:
    """Ruled tables as rows of cells, the text between them as laid-out lines, top to bottom."""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2)
    out: list[str] = []
    top = 0.0
    for table in tables:
        _x0, t_top, _x1, t_bottom = table.bbox
        out.append(_laid_out([w for w in words if top <= w["top"] < t_top]))
        out.extend("\t".join(_cell(c) for c in row) for row in table.extract(x_tolerance=1.5) if any(row))
        out.append("")
        top = t_bottom
    out.append(_laid_out([w for w in words if w["top"] >= top]))
    return "\n".join(out)


def _cell(value: str | None) -> str:
    """A table cell's lines: wrapped text joined by spaces, a new item or a new mark as a new paragraph."""
    if not value:
        return ""
    lines = [line.strip() for line in value.split("\n") if line.strip()]
    text = lines[0] if lines else ""
    for previous, line in itertools.pairwise(lines):
        new_item = BULLET_START.match(line) or previous.endswith(SENTENCE_END) or len(previous) <= 2
        text += (PARAGRAPH if new_item else " ") + line
    return text.replace("\t", " ")


def _laid_out(words: list[dict]) -> str:
    """Words as lines of text whose columns follow their position, then read into cells."""
    if not words:
        return ""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        line = ""
        previous = None
        for word in row:
            column = int(word["x0"] / CHAR_POINTS)
            gap = word["x0"] - previous["x1"] if previous else 0
            size = word["bottom"] - word["top"]
            if previous is not None and gap <= 0.6 * size:
                line += " " + word["text"]
            else:
                line = line + " " * max(column - len(line), 4 if line else 0) + word["text"]
            previous = word
        lines.append(line)
    return layout_to_cells("\n".join(lines))


GAP = re.compile(r"\S+(?: {1,3}\S+)*")


def _tokens(line: str) -> list[tuple[float, str, int]]:
    """Runs of text separated by four or more spaces: (centre column, text, start column)."""
    return [((m.start() + m.end()) / 2, m.group(0), m.start()) for m in GAP.finditer(line)]


def layout_to_cells(text: str) -> str:
    """Turn laid-out text into the tab-separated rows the extractor reads.

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
                heading = value[:1].isupper() and len(value.split()) <= 4 and category_like(value)
                if value[:1].islower() or (aligned and not heading):
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
