"""Cell-per-line tables with a factor column and no method column, cut into rows by their factor headings.

Copied from a browser, a factor cell that spans several rows appears once, before its first row; the
later rows then have one cell fewer. Between two factor headings the number of cells tells the layout
apart: ``k`` full rows give ``k * width`` cells, a spanning factor gives ``width + (k - 1) * (width - 1)``.
Where both (or neither) fit, the rows after the first are a guess and are marked doubtful.
"""

from __future__ import annotations

from .cells import category_like, words


def factor_like(value: str) -> bool:
    """A short heading such as 'Experience' or 'Personal qualities': a factor cell."""
    return value[:1].isupper() and len(words(value)) <= 3 and category_like(value)


def factor_rows(values: list[str], width: int) -> list[tuple[list[str], bool]] | None:
    """(cells, doubtful) per row, or None when the values do not start with a factor heading."""
    if width < 2 or not values or not factor_like(values[0]):
        return None
    starts = [i for i, v in enumerate(values) if v and factor_like(v)]
    rows: list[tuple[list[str], bool]] = []
    for first, end in zip(starts, [*starts[1:], len(values)], strict=True):
        group = values[first:end]
        while len(group) > 1 and not group[-1]:
            group.pop()  # trailing empty cells are padded back below to fit a layout
        rows.extend(_group_rows(group, width))
    return rows


def _group_rows(group: list[str], width: int) -> list[tuple[list[str], bool]]:
    for pad in range(width):
        n = len(group) + pad
        full = n % width == 0
        spanning = n >= width and (n - width) % (width - 1) == 0
        if full or spanning:
            cells = group + [""] * pad
            doubt = full and spanning and n > width
            if (full and not spanning) or doubt:  # both fit: read as full rows, the later ones marked
                chunks = [cells[i : i + width] for i in range(0, n, width)]
                return [(chunk, doubt and i > 0) for i, chunk in enumerate(chunks)]
            later = [["", *cells[i : i + width - 1]] for i in range(width, n, width - 1)]
            return [(cells[:width], False), *((row, False) for row in later)]
    return [(group[:width], True)]  # pragma: no cover - some padding below width always fits
