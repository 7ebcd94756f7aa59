"""Paragraphs with styles looked up once make the same document as python-docx's own calls."""

from __future__ import annotations

import io
import zipfile

import docx

from selfassess.export.docx_paragraphs import Paragraphs


def body(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return zipfile.ZipFile(buffer).read("word/document.xml")


def test_the_same_xml_as_add_heading_and_add_paragraph() -> None:
    lines = [("h", "Panel summary", 1), ("p", "Plain", None), ("p", "Item one", "List Bullet"), ("h", "E1", 2)]
    lines += [("p", "Item two", "List Bullet"), ("p", "Normal again", "Normal"), ("h", "E2", 2), ("p", "", None)]
    ours, theirs = docx.Document(), docx.Document()
    out = Paragraphs(ours)
    for kind, text, style in lines:
        if kind == "h":
            out.heading(text, style)
            theirs.add_heading(text, level=style)
        else:
            out.add(text, style)
            theirs.add_paragraph(text, style=style)
    made = body(ours)
    assert made == body(theirs)
    assert made.count(b'w:val="ListBullet"') == 2 and b'w:val="Heading2"' in made
