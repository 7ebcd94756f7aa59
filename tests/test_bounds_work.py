"""Text and HTML under every size cap are bounded in work and time: a document with more criteria than
any job document is refused in one line (the CLI once spent 80 s printing 20,000 of them), and reading
stops at the time cap wherever the reader is."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from selfassess import doc_limits
from selfassess.errors import BadInput
from selfassess.extract import extract_file
from selfassess.role_draft import draft_from_text
from selfassess.time_cap import MAX_CRITERIA, TooSlow, time_cap

from .test_bounds import refused, run_limited


def bullet_list(path: Path, count: int) -> Path:
    """A person specification that is one long list of essential bullets."""
    bullets = [
        f"- Experience of managing budget number {n} and working with partners across the council" for n in range(count)
    ]
    path.write_text("\n".join(["Person specification", "", "Essential", *bullets]), encoding="utf-8")
    return path


def html_table(path: Path, rows: int) -> Path:
    body = "".join(
        f"<tr><td>Experience of managing budget {n} with partners</td><td>Essential</td></tr>" for n in range(rows)
    )
    head = "<tr><th>Criteria</th><th>Essential/Desirable</th></tr>"
    path.write_text(f"<html><body><h1>Person specification</h1><table>{head}{body}</table></body></html>")
    return path


def test_a_list_of_more_criteria_than_any_job_document_is_refused_in_one_line(tmp_path: Path) -> None:
    listing = bullet_list(tmp_path / "bullets.txt", 2_000)
    refused(run_limited(tmp_path, "extract", str(listing)), f"2,000 criteria found (the limit is {MAX_CRITERIA:,})")


def test_an_html_table_of_too_many_rows_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="criteria found"):
        extract_file(html_table(tmp_path / "rows.html", MAX_CRITERIA + 50))


def test_a_long_but_real_list_still_reads(tmp_path: Path) -> None:
    assert len(extract_file(bullet_list(tmp_path / "long.txt", 120)).criteria) == 120


def test_the_time_cap_stops_reading_wherever_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listing = bullet_list(tmp_path / "slow.txt", 400)
    monkeypatch.setattr(doc_limits, "SECONDS", 0.001)
    with pytest.raises(TooSlow, match=r"slow\.txt: reading took more than 0\.001 s"):
        extract_file(listing)
    monkeypatch.setattr(doc_limits, "SECONDS", 30.0)
    assert extract_file(listing).criteria  # the timer is gone afterwards


def test_the_time_cap_off_the_main_thread_leaves_the_work_alone() -> None:
    done: list[int] = []

    def work() -> None:
        with time_cap("x", seconds=0.001):
            done.append(sum(range(200_000)))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done


def test_a_paste_over_the_line_cap_is_refused() -> None:
    text = "Essential\n" + "\n".join(f"- Skill {n}" for n in range(doc_limits.MAX_LINES + 5))
    with pytest.raises(BadInput, match=r"pasted text: .* lines of text"):
        draft_from_text(text)


def test_an_html_table_over_the_line_cap_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    page = html_table(tmp_path / "rows.html", doc_limits.MAX_LINES + 10)
    refused(run_limited(tmp_path, "extract", str(page)), "rows, list items and paragraphs (the limit is 10,000)")
