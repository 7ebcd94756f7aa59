"""PDF text drawn through Form XObjects is bounded like text in the page itself: the forms' inflated size
counts toward the page's content cap (checked before pdfminer reads anything), each page may draw only
so much, and the 30 s time cap is checked while a page is laid out, not only between pages."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from selfassess import doc_limits
from selfassess.errors import BadInput
from selfassess.extract.read import read_document

from .docgen import make_pdf, write_pdf_objects
from .test_bounds import refused, run_limited

LINE = b"BT /F1 9 Tf 10 10 Td (Experience of budget management essential) Tj ET\n"


def form_pdf(path: Path, form_bytes: int, nested: bool = False) -> Path:
    """A one-page PDF whose page only draws a Form XObject (optionally through a second, nested form)
    holding ``form_bytes`` bytes of text-showing operators, Flate-compressed."""
    squash = zlib.compressobj(9)
    chunk = LINE * (1024 * 1024 // len(LINE))
    whole, rest = divmod(form_bytes, len(chunk))
    stream = b"".join(squash.compress(chunk) for _ in range(whole)) + squash.compress(chunk[:rest]) + squash.flush()
    font = b"/Resources << /Font << /F1 6 0 R >> >>"
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] %s /Length %d /Filter /FlateDecode >>\nstream\n"
    outer = b"q /X2 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 %d 0 R >> /Font << /F1 6 0 R >> >> >>" % (7 if nested else 5),
        b"<< /Length 10 >>\nstream\nq /X1 Do Q\nendstream",
        form % (font, len(stream)) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X2 5 0 R >> >> "
        b"/Length %d >>\nstream\n" % len(outer) + outer + b"\nendstream",
    ]
    return write_pdf_objects(path, objects)


@pytest.mark.parametrize("nested", [False, True])
def test_a_huge_text_layer_in_a_form_xobject_is_refused_before_reading(tmp_path: Path, nested: bool) -> None:
    pdf = form_pdf(tmp_path / "form.pdf", 300 * 1024 * 1024, nested)
    assert pdf.stat().st_size < 2 * 1024 * 1024
    refused(run_limited(tmp_path, "extract", str(pdf)), "MB of content")


def test_a_page_drawing_too_many_characters_is_refused(tmp_path: Path) -> None:
    pdf = form_pdf(tmp_path / "dense.pdf", 1024 * 1024)  # under the 2 MB content cap, ~600,000 characters
    with pytest.raises(BadInput, match="page 1 draws over 100,000 characters and shapes"):
        read_document(pdf)


def test_the_time_cap_fires_while_a_page_is_laid_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = form_pdf(tmp_path / "slow.pdf", 60_000)  # ~1,000 lines: under every size cap
    monkeypatch.setattr(doc_limits, "SECONDS", 0.0)  # as if the clock ran out mid-page
    monkeypatch.setattr(doc_limits.Deadline, "check", _late_after_first)
    with pytest.raises(BadInput, match="reading took more than"):
        read_document(pdf)


def _late_after_first(self: doc_limits.Deadline) -> None:
    """The page loop's own check passes; the next one (inside the page's layout) finds the time gone."""
    calls = getattr(self, "_calls", 0)
    self._calls = calls + 1  # type: ignore[attr-defined]
    if calls:
        raise BadInput(f"{self.path}: reading took more than {self.seconds:g} s; refused")


def test_an_ordinary_pdf_still_reads(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "spec.pdf", ["Person specification", "Essential", "Experience of budgets"])
    assert "Experience of budgets" in read_document(pdf)
