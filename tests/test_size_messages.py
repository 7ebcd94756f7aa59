"""Size refusals read as people read sizes: no "0.953674 MB", no "10.0 MB; the limit is 10 MB"."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.errors import BadInput
from selfassess.fileio import read_regular


@pytest.mark.parametrize(
    ("size", "limit", "shown"),
    [
        (1_000_001, 1_000_000, "1,000,001 bytes; the limit is 1,000,000 bytes"),
        (10 * 1024 * 1024 + 5, 10 * 1024 * 1024, "10,485,765 bytes; the limit is 10,485,760 bytes"),
        (3 * 1024 * 1024, 2 * 1024 * 1024, "3 MB; the limit is 2 MB"),
    ],
)
def test_a_too_large_file_is_refused_with_sizes_that_differ(tmp_path: Path, size: int, limit: int, shown: str) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as out:
        out.truncate(size)
    with pytest.raises(BadInput) as refused:
        read_regular(big, limit, "a role file")
    assert shown in str(refused.value)
