"""The panel summary carries the question plan, evidence notes, declared conflicts and the GIS flag."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from selfassess.campaign_models import Campaign, PlanChange, PlanItem, ReviewGuide
from selfassess.export.render import render
from selfassess.models import Conflict, Criterion, Role
from selfassess.store import SessionStore

T0 = datetime(2026, 2, 2, 10, 0, tzinfo=UTC)
ROLE = Role(
    id="fs",
    title="Summary officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["application", "interview"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["interview"]),
    ],
)
CAMPAIGN = Campaign(
    role_id="fs",
    plan=[
        PlanItem(
            criterion="E1",
            questions=["Describe a complex case"],
            probes=["What changed as a result?"],
            guide=ReviewGuide(strong="Own actions and measured result", weak="Describes the team only"),
        )
    ],
    plan_changes=[PlanChange(time=T0, actor="Ann", criterion="E1", stage="interview")],
)


@pytest.fixture
def session(tmp_path: Path):
    store = SessionStore(tmp_path / "s")
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-9")
    store.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="interview")
    store.record_score(s.id, "Ann", "E1", 4, note="Clear outcome with figures", stage="interview")
    loaded = store.load(s.id)
    conflicts = [
        Conflict(panellist="Ann", conflicted=False, time=T0),
        Conflict(panellist="Bo", conflicted=True, reason="worked with Dana Testcase in 2024", time=T0),
    ]
    return loaded.model_copy(update={"gis": True, "conflicts": conflicts}), store.audit(s.id)


def text_of(data: bytes | str, fmt: str) -> str:
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert isinstance(data, str) or fmt == "csv"
    return data.decode("utf-8-sig") if isinstance(data, bytes) else data


@pytest.mark.parametrize("fmt", ["txt", "md", "docx", "csv"])
def test_summary_has_plan_notes_conflicts_and_gis(session, fmt: str) -> None:
    s, audit = session
    text = text_of(render(s, "summary", fmt, False, audit, "interview", CAMPAIGN), fmt)
    if fmt == "md":
        text = text.replace("\\", "")
    for expected in (
        "Describe a complex case",
        "What changed as a result?",
        "Strong: Own actions and measured result",
        "Plan for E1 changed after scoring began",
        "Clear outcome with figures",
        "Bo: conflict (worked with Dana Testcase in 2024)",
        "Bo: conflicted now; may not score",
        "Ann: no conflict",
        "Guaranteed Interview Scheme: flagged; minimum not yet known (no shortlisting consensus yet",
    ):
        assert expected in text, expected
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert any(r[0] == "fair selection" for r in rows)


def test_anonymised_summary_redacts_conflict_reasons(session) -> None:
    s, audit = session
    text = text_of(render(s, "summary", "txt", True, audit, "interview", CAMPAIGN), "txt")
    assert "Dana" not in text and "Testcase" not in text and "Bo: conflict" in text


def test_summary_without_a_campaign_still_lists_conflicts_and_gis(session) -> None:
    s, audit = session
    text = text_of(render(s, "summary", "txt", False, audit, "interview"), "txt")
    assert "Guaranteed Interview Scheme" in text and "Question plan" not in text


def test_summary_shows_the_conflict_history_with_the_withdrawal(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-9")
    store.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="interview")
    store.declare_conflict(s.id, "Bo", True, "former colleague")
    store.withdraw_conflict(s.id, "Bo", "a different person of the same name", by="Ann")
    text = text_of(render(store.load(s.id), "summary", "txt", False, store.audit(s.id), "interview"), "txt")
    first = text.index("Bo: conflict (former colleague)")
    assert text.index("Bo: conflict withdrawn, approved by Ann (a different person of the same name)") > first
    assert "conflicted now" not in text
