"""Read job documents (txt, md, html, docx, pdf) and extract their selection criteria. Pure; no Textual."""

from __future__ import annotations

import os
from pathlib import Path

from ..controls import file_name_text
from ..time_cap import check_criteria, time_cap
from .codekey import document_codes
from .criteria import criteria_from_lines
from .grid import grid_rows
from .layout import pipe_cells, pipe_rows, vertical_cells
from .lines import split_lines
from .metadata import find_guidance, find_organisation, find_title
from .prose import prose_criteria
from .read import read_document
from .result import ExtractedCriterion, Extraction

__all__ = ["ExtractedCriterion", "Extraction", "extract_file", "extract_text"]


def extract_text(text: str, source: str | None = None) -> Extraction:
    """Extract title, organisation, guidance and criteria from document text (pasted, or read from a file).

    Table cells may be separated by tabs; ``source`` names where the text came from (a file name).
    The result's ``source_lines`` are the lines read, and each criterion's ``span`` indexes into them.
    An empty criteria list is a valid result here (the caller decides what nothing found means).
    """
    if "|" in text:
        text = pipe_rows(pipe_cells(text))
    text = vertical_cells(text)
    with document_codes(text):
        lines = split_lines(grid_rows(text) if "   " in text else text)
        criteria = criteria_from_lines(lines) or prose_criteria(lines)
    check_criteria(source or "the text", len(criteria))  # a list of 20,000 "criteria" is not a job document
    return Extraction(
        title=find_title(lines),
        organisation=find_organisation(text),
        guidance=find_guidance(lines),
        criteria=criteria,
        source=source,
        source_lines=[line.source for line in lines],
    )


def extract_file(path: str | os.PathLike[str], allow_empty: bool = False) -> Extraction:
    """Read a job document file and extract it; BadInput names the file and the problem.

    Finding no criteria is BadInput too, unless ``allow_empty`` (the app then lets the user build the
    role from ``source_lines`` by hand).
    """
    from ..errors import BadInput

    path = Path(path)
    with time_cap(path):
        result = extract_text(read_document(path), file_name_text(path))  # the name is kept in the role
    if not result.criteria and not allow_empty:
        raise BadInput(
            f"{path}: no selection criteria found (no Essential/Desirable headings, E/D columns or "
            "criteria list under a person specification heading)"
        )
    return result
