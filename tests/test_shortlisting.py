"""A panellist's criterion-first pass through the store: anonymised, shuffled, one criterion at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.campaign_models import PlanItem, ReviewGuide
from selfassess.campaign_store import CampaignStore
from selfassess.models import Criterion, Role
from selfassess.shortlisting import ShortlistPass
from selfassess.store import SessionStore

ROLE = Role(
    id="sl",
    title="Shortlist officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework", assessed_by=["application"]),
        Criterion(id="E2", kind="essential", text="Teamwork", assessed_by=["application", "interview"]),
        Criterion(id="D1", kind="desirable", text="Audit", assessed_by=["interview"]),
    ],
)
NAMES = ["Dana Testcase", "Morgan Otherperson", "Priya Sampleton", "Lee Placeholder"]


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    store = SessionStore(tmp_path / "s")
    for n, name in enumerate(NAMES):
        s = store.create(ROLE, candidate=name, reference=f"R-{n}")
        store.set_panel(s.id, ["Ann", "Bo"], "Ann", stage="shortlisting")
        for c in ROLE.criteria:
            store.set_evidence(s.id, c.id, f"I ({name}, {name.split()[0].lower()}@example.org) did {c.id} well.")
    return store


def test_pass_walks_criterion_by_criterion_anonymised_and_finishes(store: SessionStore) -> None:
    CampaignStore(store).set_plan_item(
        ROLE.id, PlanItem(criterion="E1", stage="shortlisting", guide=ReviewGuide(strong="Own actions")), "Ann"
    )
    shortlist = ShortlistPass(store, ROLE.id, "Bo")
    item = shortlist.next_item()
    seen = []
    while item is not None:
        seen.append((item.criterion.id, item.position.session_id))
        assert item.label.startswith("Application ") and " of 4" in item.label
        for name in NAMES:
            assert name.split()[0] not in item.evidence and "example.org" not in item.evidence
        assert (item.plan is not None) == (item.criterion.id == "E1")
        item = shortlist.score(item.position, 3, note="ok")
    assert [cid for cid, _ in seen] == ["E1"] * 4 + ["E2"] * 4  # D1 is not assessed by application
    assert seen[:4] != [("E1", sid) for sid in sorted(shortlist.sessions)] or seen[4:] != sorted(seen[4:])
    progress = shortlist.progress()
    assert progress.complete and progress.by_criterion == {"E1": (4, 4), "E2": (4, 4)}
    by_name = {p.panellist: (p.done, p.total) for p in shortlist.panel_progress()}
    assert by_name == {"Ann": (0, 8), "Bo": (8, 8)}
    assert all(len(s.scores) == 2 for s in store.sessions_of_role(ROLE.id))


def test_the_order_is_reproduced_from_the_recorded_seed(store: SessionStore) -> None:
    first = ShortlistPass(store, ROLE.id, "Bo")
    again = ShortlistPass(store, ROLE.id, "Bo")
    other = ShortlistPass(store, ROLE.id, "Ann")
    assert first.seed == again.seed == other.seed
    assert first.queue.orders == again.queue.orders
    assert all(first.queue.orders[c] != other.queue.orders[c] for c in first.queue.orders)


def test_named_mode_shows_the_candidate(store: SessionStore) -> None:
    item = ShortlistPass(store, ROLE.id, "Ann", anonymise=False).next_item()
    assert item is not None and any(item.label.startswith(name) for name in NAMES)
