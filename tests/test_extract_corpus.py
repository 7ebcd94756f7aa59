"""The extractor scored on whole corpora against hand-made gold: this repository's fixture corpus (every
layout and file type, invented text), the five seeds and the development set (when ../shared is beside
the checkout, as in CI). Thresholds are the issue's; the figures per corpus and format are in `make bench`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import GOLD_DIR, SEEDS_DIR, SHARED
from .scoring import score_corpus

CORPUS = Path(__file__).parent / "fixtures" / "docs" / "corpus"
DEVSET = SHARED / "devset"


def test_fixture_corpus_covers_every_format_and_meets_the_thresholds() -> None:
    total, by_format = score_corpus(CORPUS)
    assert total.documents >= 25 and not total.failed
    assert {"txt", "md", "html", "docx", "pdf"} <= set(by_format)
    assert total.f1 >= 0.95 and total.precision >= 0.99, total.summary()  # no note read as a criterion
    assert total.kind_accuracy >= 0.95 and total.order_agreement == 1.0, total.summary()
    assert (total.method_agreement or 0) >= 0.90, total.summary()
    assert total.text_exact >= 0.98 and (total.category_agreement or 0) >= 0.95, total.summary()  # no cell glued on
    for name, score in by_format.items():
        assert score.f1 >= 0.90 and score.precision >= 0.90, (name, score.summary())


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="../shared/seeds-gold is not beside the checkout")
def test_seeds_stay_at_their_figures() -> None:
    total, _ = score_corpus(GOLD_DIR, SEEDS_DIR)
    assert total.f1 >= 0.99 and total.kind_accuracy == 1.0 and total.order_agreement == 1.0, total.summary()


@pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is not beside the checkout")
def test_development_set_meets_the_thresholds() -> None:
    total, _ = score_corpus(DEVSET)
    assert total.f1 >= 0.95 and total.precision >= 0.90 and total.kind_accuracy >= 0.92, total.summary()
    assert (total.method_agreement or 0) >= 0.86, total.summary()  # the issue asks 0.90 / 0.85: kept above
