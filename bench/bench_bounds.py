"""Bounded readers (issue 14): what the caps and regular-file checks add to reading and extracting a document.

Each document (a .docx with a criteria table, a 3-page text PDF, a plain-text specification) is read and
extracted with the bounds in place and, side by side, with them switched off (the checks replaced by
no-ops, the file read with a plain read). Goal: the bounds add under 10%.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import docx
from common import Figure, median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selfassess import doc_limits  # noqa: E402
from selfassess.extract import extract_text  # noqa: E402
from selfassess.extract import read as reader  # noqa: E402
from tests.docgen import write_pdf_objects  # noqa: E402

ROUNDS = 31
ROWS = [
    (f"Experience of {topic} in a public service setting", k)
    for topic in (
        "managing budgets",
        "leading a team",
        "writing reports",
        "handling complaints",
        "working with partners",
        "using data to improve services",
        "safeguarding",
        "procurement",
        "project management",
        "change management",
    )
    for k in ("Essential", "Desirable")
]


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Person specification", 1)
    table = document.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text, table.rows[0].cells[2].text = (
        "Criteria",
        "Essential",
        "Desirable",
    )
    for text, kind in ROWS:
        cells = table.add_row().cells
        cells[0].text = text
        cells[1 if kind == "Essential" else 2].text = "X"
    document.save(path)
    return path


def _pdf(path: Path, pages: int = 3) -> Path:
    """A plain text PDF (Helvetica, one line per criterion), written by hand: no extra dependency."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for page in range(pages):
        lines = [f"{kind}   {text} ({page + 1}.{i})" for i, (text, kind) in enumerate(ROWS)]
        ops = (
            b"BT /F1 9 Tf 40 760 Td 12 TL "
            + b" ".join(b"(" + line.encode("latin-1") + b") Tj T*" for line in lines)
            + b" ET"
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 FONT 0 R >> >> >>" % content
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    font = len(objects)
    objects = [o.replace(b"FONT", str(font).encode()) for o in objects]
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return write_pdf_objects(path, objects)


def _txt(path: Path) -> Path:
    path.write_text("Person specification\n\n" + "\n".join(f"{k}: {t}" for t, k in ROWS) + "\n", encoding="utf-8")
    return path


@contextmanager
def _unbounded() -> Iterator[None]:
    """The readers as they were before issue 14: no caps, a plain read of the file."""
    with (
        mock.patch.object(reader, "read_bounded", lambda path, limit, what: Path(path).read_bytes()),
        mock.patch.object(doc_limits, "check_zip", lambda *a: None),
        mock.patch.object(doc_limits, "check_count", lambda *a: None),
        mock.patch.object(doc_limits, "check_text", lambda path, text: text),
        mock.patch.object(doc_limits, "pdf_pages", lambda path, pdf: pdf.pages),
    ):
        yield


def _once(path: Path) -> float:
    t0 = time.perf_counter()
    extract_text(reader.read_document(path), path.name)
    return (time.perf_counter() - t0) * 1000


def run() -> list[Figure]:
    root = Path(tempfile.mkdtemp(prefix="selfassess-bench-bounds-"))
    try:
        docs = [_docx(root / "spec.docx"), _pdf(root / "spec.pdf"), _txt(root / "spec.txt")]
        bounded: dict[str, list[float]] = {d.suffix: [] for d in docs}
        plain: dict[str, list[float]] = {d.suffix: [] for d in docs}
        pairs: dict[str, list[float]] = {d.suffix: [] for d in docs}
        for doc in docs:  # warm imports and caches
            _once(doc)
        for round_ in range(ROUNDS):  # each pair back to back, order alternating, so drift hits both alike
            for doc in docs:
                if round_ % 2:
                    on = _once(doc)
                    with _unbounded():
                        off = _once(doc)
                else:
                    with _unbounded():
                        off = _once(doc)
                    on = _once(doc)
                bounded[doc.suffix].append(on)
                plain[doc.suffix].append(off)
                pairs[doc.suffix].append(on / off)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    figures = []
    for suffix in bounded:
        ratio = round(median(pairs[suffix]), 3)
        figures.append(
            Figure(
                name=f"bounded_read.{suffix.lstrip('.')}",
                value=round(median(bounded[suffix]), 2),
                unit="ms (median)",
                method=f"read_document + extract_text, {ROUNDS} pairs bounds on/off back to back (order alternating); "
                "ratio = median of the pairs' ratios",
                goal="bounds add < 10% (ratio < 1.10)",
                met=ratio < 1.10,
                baseline=round(median(plain[suffix]), 2),
                ratio=ratio,
            )
        )
    return figures


if __name__ == "__main__":
    for figure in run():
        print(figure)
