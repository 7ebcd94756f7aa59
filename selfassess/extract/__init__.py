"""Read job documents (txt, md, docx, pdf) and extract their selection criteria. Pure; no Textual."""

from __future__ import annotations

import os
from pathlib import Path

from .criteria import criteria_from_lines
from .lines import split_lines
from .metadata import find_guidance, find_organisation, find_title
from .read import read_document
from .result import ExtractedCriterion, Extraction

__all__ = ["ExtractedCriterion", "Extraction", "extract_file", "extract_text"]


def extract_text(text: str, name: str = "document") -> Extraction:
    """Extract title, organisation, guidance and criteria from document text (cells separated by tabs)."""
    lines = split_lines(text)
    return Extraction(
        title=find_title(lines),
        organisation=find_organisation(text),
        guidance=find_guidance(lines),
        criteria=criteria_from_lines(lines),
        source=name,
    )


def extract_file(path: str | os.PathLike[str]) -> Extraction:
    """Read a .txt, .md, .docx or .pdf job document and extract it; BadInput names the file and the problem."""
    from ..errors import BadInput

    path = Path(path)
    result = extract_text(read_document(path), path.name)
    if not result.criteria:
        raise BadInput(
            f"{path}: no selection criteria found (no Essential/Desirable headings, E/D columns or "
            "criteria list under a person specification heading)"
        )
    return result
