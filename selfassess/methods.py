"""How a criterion is assessed: the fixed vocabulary and its one-letter codes (no dependencies)."""

from __future__ import annotations

from collections.abc import Sequence

METHODS: tuple[str, ...] = ("application", "interview", "test", "presentation", "document", "reference", "other")
METHOD_CODES = {
    "application": "A",
    "interview": "I",
    "test": "T",
    "presentation": "P",
    "document": "D",
    "reference": "R",
    "other": "O",
}


def method_codes(methods: Sequence[str], sep: str = "/") -> str:
    """'A/I' for ['application', 'interview']."""
    return sep.join(METHOD_CODES[m] for m in methods)
