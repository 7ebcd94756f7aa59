"""Panel summaries and session exports in every format; JSON round trip; anonymising; the commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.cli import main
from selfassess.export.csvfile import cell
from selfassess.export.jsonfile import read_session_json, session_json
from selfassess.export.render import FORMATS, render
from selfassess.store import SessionStore

from .helpers import seed_role

NAME = "Alexandra Examplesmith"
PANEL = ["Ann Chair", "Bo Panel", "Cy Member"]


def scored_session(store: SessionStore, evidence_extra: str = "", note: str = "Clear example"):
    role = seed_role(min_criteria=20)
    s = store.create(role, candidate=NAME, reference="C-314")
    for c in role.criteria:
        store.set_evidence(
            s.id, c.id, f"As {NAME} (alex@example.org, 07700 900123) I led {c.id}. {evidence_extra}", self_rating=3
        )
    store.set_panel(s.id, PANEL, "Ann Chair", stage="interview")
    for i, c in enumerate(role.criteria):
        for j, p in enumerate(PANEL):
            store.record_score(s.id, p, c.id, (i + j) % 4 + 2)
        store.add_note(s.id, PANEL[0], c.id, note, "interview")
    for p in PANEL:
        store.submit(s.id, p, "interview")
    for c in role.criteria:
        store.set_consensus(s.id, c.id, 4, f"Agreed about {NAME}", "Ann Chair", "interview")
    store.record_decision(s.id, "appointable", "Strong throughout", "Ann Chair", "interview")
    return store.load(s.id)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s")


def as_text(data: bytes | str, fmt: str) -> str:
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        props = document.core_properties
        return "\n".join([p.text for p in document.paragraphs] + [props.title or "", props.author or ""])
    return data if isinstance(data, str) else data.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("what", ["statement", "summary"])
def test_every_format_has_every_criterion_in_order(store: SessionStore, what: str, fmt: str) -> None:
    session = scored_session(store)
    text = as_text(render(session, what, fmt, False, store.audit(session.id)), fmt)
    ids = [c.id for c in session.role.criteria]
    if fmt == "json":
        data = json.loads(text)
        assert [c["id"] for c in data["session"]["role"]["criteria"]] == ids and data["audit"]
        return
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert [r[0] for r in rows[1 : len(ids) + 1]] == ids
        return
    found = [text.index(f"{cid} (") for cid in ids]
    assert found == sorted(found)
    if what == "summary":
        for expected in (
            "Ann Chair (chair)",
            "Bo Panel: ",
            "Consensus: 4",
            "gate: passed",
            "appointable",
            "Strong throughout",
        ):
            assert expected in text, expected


def test_json_round_trip_is_equal(store: SessionStore, tmp_path: Path) -> None:
    session = scored_session(store)
    exported = session_json(session, store.audit(session.id))
    other = SessionStore(tmp_path / "other")
    loaded, audit = read_session_json(exported, "x.json")
    assert other.import_session(loaded, audit) == session
    assert [e.action for e in other.audit(session.id)][:-1] == [e.action for e in store.audit(session.id)]
    with pytest.raises(Exception, match="already exists"):
        other.import_session(loaded, audit)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("what", ["statement", "summary"])
def test_anonymised_exports_hold_no_name_or_contact(store: SessionStore, what: str, fmt: str) -> None:
    session = scored_session(store)
    text = as_text(render(session, what, fmt, True, store.audit(session.id)), fmt).lower()
    for part in ("alexandra", "examplesmith", "alex@example.org", "07700 900123"):
        assert part not in text, part


HOSTILE = st.sampled_from(
    [
        "=1+1",
        "+SUM(A1)",
        "-2",
        "@cmd",
        "\tTAB",
        "[/b][red]x[/]",
        "\x1b[2J\x07",
        "# h\n- li",
        "<b>x</b>",
        "שלום \u202e",
        "🎉",
        "y" * 2000,  # a note at the cap (score notes are capped at 2,000 characters)
    ]
) | st.text(max_size=200)


@settings(max_examples=12, deadline=None)  # each example renders every format (about 1.5 s): CI stays under 10 min
@given(HOSTILE)
def test_hostile_text_in_every_summary_format(tmp_path_factory, text: str) -> None:
    store = SessionStore(tmp_path_factory.mktemp("h"))
    session = scored_session(store, evidence_extra=text, note=text.strip() or "n")
    audit = store.audit(session.id)
    for fmt in FORMATS:
        out = as_text(render(session, "summary", fmt, False, audit), fmt)
        if fmt == "csv":
            for row in csv.reader(io.StringIO(out)):
                assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) for c in row), row
        if fmt == "json":
            assert read_session_json(out, "x")[0] == session
        if fmt in ("txt", "md"):
            assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_csv_cell_and_file_shape(store: SessionStore) -> None:
    assert [cell(v) for v in ("=A1", "+1", "-1", "@x", "\tx", "ok", None)] == [
        "'=A1",
        "'+1",
        "'-1",
        "'@x",
        "'\tx",
        "ok",
        "",
    ]
    session = scored_session(store)
    raw = render(session, "summary", "csv", False, [])
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    first = raw.decode("utf-8-sig").split("\r\n")[0]
    fields = next(csv.reader([first]))
    assert first.startswith('"') and first.endswith('"') and first.count('","') == len(fields) - 1


def test_export_command(store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = scored_session(store)
    base = ["--sessions", str(store.directory)]
    assert main(["export", session.id, *base]) == 0
    assert "Panel summary" in capsys.readouterr().out  # summary by default once scored
    assert main(["export", session.id, "--what", "statement", "--format", "md", *base]) == 0
    assert capsys.readouterr().out.startswith("# Supporting statement")
    out = tmp_path / "s.docx"
    assert main(["export", session.id, "--format", "docx", "--out", str(out), *base]) == 0
    before = out.read_bytes()
    assert main(["export", session.id, "--format", "docx", "--out", str(out), *base]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == before
    assert main(["export", session.id, "--format", "docx", *base]) == 2
    assert main(["export", "20990101-00000000", *base]) == 2


def test_import_session_command(store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = scored_session(store)
    path = tmp_path / "s.json"
    assert main(["export", session.id, "--format", "json", "--out", str(path), "--sessions", str(store.directory)]) == 0
    other = tmp_path / "other"
    assert main(["import-session", str(path), "--sessions", str(other)]) == 0
    assert SessionStore(other).load(session.id) == session
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    assert main(["import-session", str(bad), "--sessions", str(other)]) == 2
    assert "not a selfassess session export" in capsys.readouterr().err


def test_summary_campaign_command(store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = scored_session(store)
    low = store.create(session.role, reference="C-2")
    store.set_panel(low.id, PANEL, "Ann Chair")
    out = tmp_path / "campaign.csv"
    args = ["summary", session.role.id, "--csv", str(out), "--sessions", str(store.directory), "--anonymise"]
    assert main(args) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["rank", "candidate", "gate", "total"] and [r[1] for r in rows[1:]] == [
        "ref C-314",
        "ref C-2",
    ]
    assert rows[1][2] == "passed" and rows[2][2] == "not scored"  # nobody scored: never "failed"
    assert "Examplesmith" not in out.read_text(encoding="utf-8-sig")
    assert main(["summary", session.role.id, "--tie-break", "Z9", "--sessions", str(store.directory)]) == 2


def test_sar_command(store: SessionStore, tmp_path: Path) -> None:
    session = scored_session(store)
    out = tmp_path / "sar"
    assert main(["sar", NAME.lower(), "--out", str(out), "--sessions", str(store.directory)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        ["README.txt", f"{session.id}-statement.txt", f"{session.id}-summary.txt", f"{session.id}-full.json"]
    )
    full = json.loads((out / f"{session.id}-full.json").read_text())
    assert full["audit"] and full["session"]["notes"]
    assert oct(out.stat().st_mode & 0o777) == "0o700"
    assert main(["sar", "C-314", "--out", str(out), "--sessions", str(store.directory)]) == 2  # no overwrite
    assert main(["sar", "nobody", "--out", str(tmp_path / "x"), "--sessions", str(store.directory)]) == 2
    store.create(session.role)  # an unnamed session must never match an empty name
    assert main(["sar", "  ", "--out", str(tmp_path / "y"), "--sessions", str(store.directory)]) == 2
    assert not (tmp_path / "y").exists()
