"""Which optional keys fit in a compact footer of a given width (pure: no Textual).

A compact footer draws each key as "key description" with one column between keys. The keys a
screen always shows come first; optional ones are added in order of importance while they fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

GUTTER = 1


def label_width(key: str, description: str) -> int:
    """Columns one key takes in a compact footer."""
    return cell_len(key) + (1 + cell_len(description) if description else 0)


def extras_that_fit(shown: Sequence[int], extras: Sequence[tuple[str, int]], width: int) -> set[str]:
    """The names of the optional keys (name, width), taken in order, that fit beside the keys shown."""
    used = sum(shown) + GUTTER * max(len(shown) - 1, 0)
    fits: set[str] = set()
    for name, size in extras:
        if used + GUTTER + size <= width:
            used += GUTTER + size
            fits.add(name)
    return fits
