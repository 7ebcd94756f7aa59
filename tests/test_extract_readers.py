"""A reader whose library is missing says so in one line (CLI exit 2, a message in the app), never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from selfassess.cli import main
from selfassess.tui.app import make_app
from selfassess.tui.dialogs.role_import import ImportDialog

PAGE = "<html><body><h2>Essential</h2><ul><li>Able to drive</li></ul></body></html>"


@pytest.mark.parametrize(
    ("name", "content", "module", "package"),
    [
        ("job.html", PAGE.encode(), "bs4", "beautifulsoup4"),
        ("job.pdf", b"%PDF-1.4\n%%EOF\n", "pdfplumber", "pdfplumber"),
        ("job.docx", b"PK\x03\x04 zip", "docx", "python-docx"),
    ],
)
def test_cli_names_the_missing_reader_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name, content, module, package
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # importing it now raises ImportError
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert name in err and f"needs the {package} package" in err and "make" in err
    assert "internal error" not in err and "Traceback" not in err


async def test_app_says_the_reader_library_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "bs4", None)
    page = tmp_path / "job.html"
    page.write_text(PAGE)
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("i")
        app.screen.query_one("#import-path", Input).value = str(page)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)  # the app is still running, the path kept
        assert app.screen.query_one("#import-path", Input).value == str(page)
        assert any("beautifulsoup4" in n.message for n in app._notifications)
