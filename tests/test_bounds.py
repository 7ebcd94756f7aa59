"""Hostile files are refused in one line, exit 2, within 5 s of CPU and 500 MB of memory (resource limits)."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from selfassess import doc_limits
from selfassess.errors import BadInput
from selfassess.extract.read import read_document
from selfassess.fileio import read_regular
from selfassess.store import SessionStore

from .docgen import write_pdf_objects
from .helpers import seed_role

CPU_SECONDS = 5
MEMORY = 500 * 1024 * 1024


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_limited(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`selfassess ARGS` in a child held to 5 s of CPU and 500 MB; a hang past 120 s fails the test too."""
    env = {**os.environ, "SELFASSESS_SESSIONS": str(tmp_path / "sessions"), "SELFASSESS_ROLES": str(tmp_path / "r")}
    return subprocess.run(
        [sys.executable, "-m", "selfassess", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limits,
    )


def refused(done: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr[-500:])
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], lines


def zip_bomb(path: Path, unpacked_mb: int = 100) -> Path:
    """A real (honest) .docx-shaped zip whose document part inflates to ``unpacked_mb`` MB of XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"<w:p/>" * (1024 * 1024 // 6)
            for _ in range(unpacked_mb):
                part.write(block)
    return path


def huge_pdf(path: Path, unpacked_mb: int = 200) -> Path:
    """A one-page PDF whose content stream inflates to ``unpacked_mb`` MB of text-showing operators."""
    squash = zlib.compressobj(9)
    line = b"BT /F1 9 Tf 10 10 Td (selfassess huge text layer) Tj ET\n"
    chunk = line * (1024 * 1024 // len(line))
    stream = b"".join(squash.compress(chunk) for _ in range(unpacked_mb)) + squash.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return write_pdf_objects(path, objects)


def test_zip_bomb_docx_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    refused(run_limited(tmp_path, "extract", str(bomb)), "unpacks to")


def test_huge_pdf_text_layer_is_refused(tmp_path: Path) -> None:
    pdf = huge_pdf(tmp_path / "huge.pdf")
    assert pdf.stat().st_size < 2 * 1024 * 1024
    refused(run_limited(tmp_path, "extract", str(pdf)), "MB of content")


def test_fifo_document_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.txt"
    os.mkfifo(fifo)
    refused(run_limited(tmp_path, "extract", str(fifo)), "not a regular file")


def test_fifo_and_dev_zero_in_the_sessions_folder_are_skipped_not_read(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    good = store.create(seed_role(), reference="GOOD")
    os.mkfifo(store.directory / "20260101-aaaaaaaa.json")
    os.symlink("/dev/zero", store.directory / "20260101-bbbbbbbb.json")
    done = run_limited(tmp_path, "sessions", "--json")
    assert done.returncode == 0, done.stderr
    assert [s["id"] for s in json.loads(done.stdout)] == [good.id]
    warnings = done.stderr.strip().splitlines()
    assert len(warnings) == 2 and all(w.startswith("warning: skipped") for w in warnings)


def test_many_paragraphs_and_many_lines_are_refused(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Person specification")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    target = tmp_path / "long.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 100_000)
            zf.writestr(item, data)
    with pytest.raises(BadInput, match="paragraphs and tables"):
        read_document(target)
    bullets = tmp_path / "bullets.txt"
    bullets.write_text("- a point\n" * (doc_limits.MAX_LINES + 1))
    with pytest.raises(BadInput, match="lines of text"):
        read_document(bullets)


def test_big_role_file_with_an_error_on_every_criterion_is_checked_in_linear_time(tmp_path: Path) -> None:
    role = tmp_path / "big.toml"
    body = "".join(f'[[criteria]]\nid = "X{i}"\ntext = "t"\nkind = "essential"\n\n' for i in range(15_000))
    role.write_text('id = "big"\ntitle = "Big"\n\n' + body)
    assert role.stat().st_size < 1_000_000
    done = run_limited(tmp_path, "check", str(role))
    assert done.returncode == 2 and "big.toml:5: criteria[0].id" in done.stderr


def test_symlink_out_of_the_folder_and_devices_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (tmp_path / "outside.json").write_text("{}")
    os.symlink(tmp_path / "outside.json", folder / "link.json")
    with pytest.raises(BadInput, match="symlink to outside"):
        read_regular(folder / "link.json", 100, "a session file", within=folder)
    with pytest.raises(BadInput, match="not a regular file"):
        read_regular(Path("/dev/zero"), 100, "a document")
    (folder / "big").write_bytes(b"x" * 101)
    with pytest.raises(BadInput, match="too large"):
        read_regular(folder / "big", 100, "a document")


def test_an_answer_over_the_cap_is_refused_by_name_and_the_session_is_untouched(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(seed_role())
    before = store.path(s.id).read_bytes()
    with pytest.raises(BadInput, match="evidence for E1: text") as info:
        store.set_evidence(s.id, "E1", "x" * 200_001)
    assert "damaged" not in str(info.value) and store.path(s.id).read_bytes() == before


def test_a_docx_with_too_much_xml_is_refused_before_parsing(tmp_path: Path) -> None:
    """Under the unpacked-size cap but with 20 MB of paragraphs' XML: refused from the zip directory, not parsed."""
    import io
    import zipfile

    from selfassess import doc_limits
    from selfassess.errors import BadInput

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:p><w:r><w:t>Experience of budgets</w:t></w:r></w:p>" * 400_000)
    path = tmp_path / "many.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(BadInput, match="MB of XML"):
        doc_limits.check_zip(path, buffer.getvalue())
