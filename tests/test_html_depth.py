"""A web page built to nest deeply is refused before it is parsed, in one line naming the file; the depth check
nests as the parser does, so a page under the limit still reads."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from selfassess.doc_limits import MAX_HTML_DEPTH, html_depth_over
from selfassess.errors import BadInput
from selfassess.extract import extract_file

SPEC = "<h2>Person specification</h2><h3>Essential</h3>"
ITEMS = "<ul><li>Experience of managing budgets</li><li>Good written communication</li></ul>"


def test_a_page_200000_divs_deep_is_refused_naming_the_file(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 200_000 + "Essential x" + "</div>" * 200_000 + "</body></html>")
    with pytest.raises(BadInput, match=rf"deep\.html: elements nested more than {MAX_HTML_DEPTH} deep"):
        extract_file(page)


@pytest.mark.parametrize("tag", ["td", "dd", "span"])
def test_unclosed_tags_nest_too(tmp_path: Path, tag: str) -> None:
    page = tmp_path / f"open-{tag}.html"
    page.write_text(f"<html><body>{SPEC}{ITEMS}" + f"<{tag}>x" * 5_000 + "</body></html>")
    with pytest.raises(BadInput, match=f"open-{tag}.html: elements nested more than"):
        extract_file(page)


def test_a_page_just_under_the_limit_reads(tmp_path: Path) -> None:
    depth = MAX_HTML_DEPTH - 6  # html, body, ul, li and the divs
    page = tmp_path / "nested.html"
    page.write_text(f"<html><body>{SPEC}" + "<div>" * depth + ITEMS + "</div>" * depth + "</body></html>")
    assert [c.text for c in extract_file(page).criteria] == [
        "Experience of managing budgets",
        "Good written communication",
    ]


def _parsed_depth(page: str) -> int:
    """How deep the parser nests the page's elements (void elements hold nothing and are not counted)."""
    soup = BeautifulSoup(page, "html.parser")
    return max(
        (sum(1 for p in t.parents if isinstance(p, Tag) and p is not soup) + 1 for t in soup.find_all(True)
         if t.name not in ("br", "img")),
        default=0,
    )  # fmt: skip


PIECES = ["<div>", "</div>", "<SPAN class='a'>", "</span>", "<p>", "</p>", "<td>", "<br>", "<img src=x>",
          "<div/>", "x", "<!-- <div><div> -->", "<script>if (a<b) '<div><div>'</script>", "</b>", "<b>",
          "<DIV id='x'>", "<br/>", "<style>p > a {}</style>", "<!-- open", "<script>open <div>"]  # fmt: skip


def test_the_depth_check_agrees_with_the_parser_on_generated_pages() -> None:
    for seed in range(300):
        rng = random.Random(seed)
        page = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        depth = _parsed_depth(page)
        exact = "open" not in page  # Python versions parse a comment or script never closed differently
        for limit in range(depth + 2):
            over = html_depth_over(page, limit)
            assert over == (depth > limit) if exact else over or depth <= limit, (page, depth, limit)


def test_nesting_the_check_misses_is_still_one_line_naming_the_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("selfassess.doc_limits.html_depth_over", lambda html, limit: False)
    page = tmp_path / "unchecked.html"
    page.write_text(f"<html><body>{SPEC}" + "<div>" * 5_000 + ITEMS + "</div>" * 5_000 + "</body></html>")
    with pytest.raises(BadInput, match=r"unchecked\.html: elements nested too deeply to read; refused"):
        extract_file(page)
