"""Build job documents for tests: .docx with python-docx, .pdf with a tiny hand-written PDF writer."""

from __future__ import annotations

from pathlib import Path

import docx


def make_docx(
    path: Path,
    title: str,
    intro: list[str],
    header: list[str],
    rows: list[list[list[str] | str]],
    after: list[str] = (),
) -> Path:
    """A Word file: a heading, paragraphs, a criteria table (a cell may hold several paragraphs), more paragraphs."""
    document = docx.Document()
    document.add_heading(title, level=1)
    for text in intro:
        if text.startswith("# "):
            document.add_heading(text[2:], level=2)
        elif text.startswith("- "):
            document.add_paragraph(text[2:], style="List Bullet")
        else:
            document.add_paragraph(text)
    table = document.add_table(rows=1, cols=max(len(header), 1)) if header else None
    for cell, value in zip(table.rows[0].cells if table else [], header):
        cell.text = value
    for row in rows if table else []:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            paragraphs = value if isinstance(value, list) else [value]
            cell.text = paragraphs[0]
            for extra in paragraphs[1:]:
                cell.add_paragraph(extra)
    for text in after:
        if text.startswith("# "):
            document.add_heading(text[2:], level=2)
        elif text.startswith("- "):
            document.add_paragraph(text[2:], style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(path)
    return path


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


COLUMNS = (40, 300, 370, 440, 520)


def _page_ops(lines: list[str | list[str]]) -> str:
    """Text operators placing each line (a list is a table row: its cells at fixed columns) from the top."""
    ops, y = ["BT /F1 10 Tf"], 800
    for line in lines:
        for cell, x in zip([line] if isinstance(line, str) else line, COLUMNS):
            if cell:
                ops.append(f"1 0 0 1 {x} {y} Tm ({_pdf_escape(cell)}) Tj")
        y -= 14
    return " ".join([*ops, "ET"])


def make_pdf(path: Path, lines: list[str | list[str]], text_layer: bool = True) -> Path:
    """A one-font PDF with ``lines`` as its text layer (a list is a table row); text_layer=False draws only."""
    pages = [lines[i : i + 50] for i in range(0, max(len(lines), 1), 50)]
    bodies = [_page_ops(chunk) if text_layer else "0.5 g 40 400 300 300 re f" for chunk in pages]
    return _write_pdf(path, bodies)


RULED_X = (40, 300, 360, 420, 555)


def _wrap(text: str, width: int) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*out, line]


def make_ruled_pdf(
    path: Path, before: list[str], header: list[str], rows: list[list[str] | str], after: list[str]
) -> Path:
    """A PDF with a table ruled cell by cell (a str row spans the table); long first cells wrap and run
    up to the next column, as in documents whose criterion text touches the Essential mark."""
    ops, y = ["BT /F1 10 Tf"], 800
    lines_ops: list[str] = []
    for text in before:
        ops.append(f"1 0 0 1 40 {y} Tm ({_pdf_escape(text)}) Tj")
        y -= 16
    top = y + 11
    for row in [header, *rows]:
        cells = [row] if isinstance(row, str) else row
        wrapped = [_wrap(cells[0], 52)] + [[c] for c in cells[1:]]
        height = 13 * max(len(w) for w in wrapped) + 4
        for col, parts in enumerate(wrapped):
            x = RULED_X[col] + 2 if col == 0 else RULED_X[col] + 1
            for k, part in enumerate(parts):
                if part:
                    ops.append(f"1 0 0 1 {x} {top - 11 - 13 * k} Tm ({_pdf_escape(part)}) Tj")
        bottom = top - height
        lines_ops.append(f"{RULED_X[0]} {bottom} m {RULED_X[-1]} {bottom} l S")
        xs = [RULED_X[0], RULED_X[-1]] if isinstance(row, str) else list(RULED_X)
        lines_ops += [f"{x} {top} m {x} {bottom} l S" for x in xs]
        top = bottom
    lines_ops.append(f"{RULED_X[0]} {y + 11} m {RULED_X[-1]} {y + 11} l S")
    y = top - 20
    for text in after:
        ops.append(f"1 0 0 1 40 {y} Tm ({_pdf_escape(text)}) Tj")
        y -= 16
    body = " ".join([*ops, "ET", "0.5 w", *lines_ops])
    return _write_pdf(path, [body])


def _write_pdf(path: Path, bodies: list[str]) -> Path:
    """A PDF of one page per content stream, all using Helvetica as /F1."""
    pages = bodies
    objects: list[bytes] = []
    page_ids = []
    font_id = 3 + 2 * len(pages)
    for index, body in enumerate(pages):
        content = body.encode("cp1252", errors="replace")
        page_id, content_id = 3 + 2 * index, 4 + 2 * index
        page_ids.append(page_id)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    head = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()]
    objects = head + objects + [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    return write_pdf_objects(path, objects)


def write_pdf_objects(path: Path, objects: list[bytes]) -> Path:
    """A PDF file of these numbered objects (1 is the catalogue), with its cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path
