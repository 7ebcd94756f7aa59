"""Find the selection criteria in a job document's lines: parse (parser.py, rows.py) then finish (finish.py).

A criterion's kind comes from (strongest first) its marks under Essential/Desirable columns, an E/D
cell, an inline "(E)"/"(D)", its wording ("would be an advantage"), then the heading it sits under.
"""

from __future__ import annotations

from .cells import category_like, methods_of
from .finish import finish
from .lines import Line, split_lines
from .parser import Parser
from .result import ExtractedCriterion

__all__ = ["category_like", "criteria_from_lines", "extract_criteria", "methods_of"]


def criteria_from_lines(lines: list[Line]) -> list[ExtractedCriterion]:
    """The selection criteria of a document's lines, in document order."""
    return finish(Parser().run(lines))


def extract_criteria(text: str) -> list[ExtractedCriterion]:
    """The selection criteria of a document's text, in document order."""
    return criteria_from_lines(split_lines(text))
