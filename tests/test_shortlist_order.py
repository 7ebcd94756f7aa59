"""Criterion-first shortlisting order (pure): reproducible, a permutation, different per panellist."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from selfassess import roles
from selfassess.models import Conflict, Criterion, Role, Score, Session
from selfassess.shortlist_order import Queue, new_seed, panel_orders, panellist_order, progress, shuffled

IDS = st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), min_size=2, max_size=40, unique=True)
NAMES = st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4, unique=True)
SEEDS = st.integers(0, 2**63 - 1)
T0 = datetime(2026, 1, 5, tzinfo=UTC)
ROLE = Role(id="t", title="T", criteria=[Criterion(id="E1", kind="essential", text="x")])


@given(IDS, SEEDS, NAMES)
def test_orders_are_reproducible_permutations_whatever_the_listing_order(ids, seed, names) -> None:
    first = panel_orders(ids, seed, names, "E1")
    again = panel_orders(list(reversed(ids)), seed, names, "E1")
    assert first == again
    for order in first.values():
        assert sorted(order) == sorted(ids)


@given(st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), min_size=4, max_size=40, unique=True), SEEDS, NAMES)
def test_each_panellist_gets_a_different_order(ids, seed, names) -> None:
    orders = panel_orders(ids, seed, names, "E1")
    assert len({tuple(o) for o in orders.values()}) == len(names)


@given(IDS, SEEDS, NAMES)
def test_one_panellists_order_matches_the_panels(ids, seed, names) -> None:
    orders = panel_orders(ids, seed, names, "E2")
    for name in names:
        assert panellist_order(ids, seed, names, name, "E2") == orders[name]


def test_a_different_seed_or_criterion_gives_another_order() -> None:
    ids = [f"s{i:03d}" for i in range(30)]
    assert shuffled(ids, 1, "Ann", "E1") != shuffled(ids, 2, "Ann", "E1")
    assert shuffled(ids, 1, "Ann", "E1") != shuffled(ids, 1, "Ann", "E2")
    assert isinstance(new_seed(), int) and new_seed() != new_seed()


def _session(sid: str, scored_by: dict[str, list[str]], conflicts: list[Conflict] | None = None) -> Session:
    return Session(
        id=sid,
        schema_version=2,
        role=ROLE,
        scale=roles.get_scale("council-0-5"),
        created=T0,
        updated=T0,
        scores=[
            Score(panellist=p, criterion=c, stage="shortlisting", value=3, time=T0)
            for p, cids in scored_by.items()
            for c in cids
        ],
        conflicts=conflicts or [],
    )


def test_queue_walks_one_criterion_at_a_time_skipping_scored_and_conflicted() -> None:
    ids = ["a", "b", "c"]
    queue = Queue(ids, ["E1", "E2"], seed=7, panellists=["Ann", "Bo"], panellist="Bo")
    first = queue.next_after(set())
    assert first is not None and first.criterion == "E1" and first.index == 0 and first.of == 3
    done = {("E1", sid) for sid in queue.orders["E1"]}
    following = queue.next_after(done)
    assert following is not None and following.criterion == "E2"
    blocked = {queue.orders["E2"][0]}
    after_block = queue.next_after(done, blocked)
    assert after_block is not None and after_block.session_id == queue.orders["E2"][1]
    assert queue.next_after(done | {("E2", s) for s in ids}) is None
    assert queue.at("E2", 99).index == 2


def test_progress_counts_criteria_by_applications_leaving_out_conflicts() -> None:
    conflict = [Conflict(panellist="Bo", conflicted=True, reason="neighbour", time=T0)]
    sessions = [
        _session("a", {"Ann": ["E1"], "Bo": ["E1"]}),
        _session("b", {"Ann": ["E1", "E2"]}),
        _session("c", {}, conflicts=conflict),
    ]
    ann = progress(sessions, "Ann", ["E1", "E2"], "shortlisting")
    assert (ann.done, ann.total) == (3, 6) and ann.by_criterion == {"E1": (2, 3), "E2": (1, 3)}
    bo = progress(sessions, "Bo", ["E1", "E2"], "shortlisting")
    assert (bo.done, bo.total) == (1, 4) and not bo.complete


def test_queue_steps_back_across_criteria_and_from_the_end() -> None:
    queue = Queue(["a", "b", "c"], ["E1", "E2"], 7, ["Ann"], "Ann")
    last = queue.before(None)
    assert last is not None and (last.criterion, last.index) == ("E2", 2)
    first_of_e2 = queue.at("E2", 0)
    back = queue.before(first_of_e2)
    assert back is not None and (back.criterion, back.index, back.session_id) == ("E1", 2, queue.orders["E1"][2])
    assert queue.before(queue.at("E1", 0)) is None
    walked, here = [], queue.before(None)
    while here is not None:
        walked.append((here.criterion, here.session_id))
        here = queue.before(here)
    assert walked[::-1] == [(cid, sid) for cid in ("E1", "E2") for sid in queue.orders[cid]]
