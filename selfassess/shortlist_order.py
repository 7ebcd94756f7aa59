"""Criterion-first shortlisting as pure functions: each panellist takes one criterion at a time across
every application of a role, in an order shuffled differently for each panellist and criterion.

The shuffle is reproducible: one seed per campaign (recorded in the role's campaign file) and the
panellist's name and the criterion id determine each order; applications are first put in id order,
so the order does not depend on how the files were listed.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from collections.abc import Iterable, Set
from dataclasses import dataclass

from .models import Session

MAX_REDRAWS = 50


def new_seed() -> int:
    """A fresh campaign seed (recorded by the caller, so every order can be reproduced)."""
    return secrets.randbits(63)


def _rng(seed: int, panellist: str, criterion: str, redraw: int) -> random.Random:
    digest = hashlib.sha256(f"{seed}\x1f{panellist}\x1f{criterion}\x1f{redraw}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def shuffled(ids: Iterable[str], seed: int, panellist: str, criterion: str, redraw: int = 0) -> list[str]:
    """The application ids in this panellist's order for this criterion."""
    order = sorted(set(ids))
    _rng(seed, panellist, criterion, redraw).shuffle(order)
    return order


def panel_orders(ids: Iterable[str], seed: int, panellists: list[str], criterion: str) -> dict[str, list[str]]:
    """Every panellist's order for one criterion, different for each panellist wherever the number of
    applications allows (a panellist whose draw repeats an earlier panellist's redraws, deterministically)."""
    pool = sorted(set(ids))
    orders: dict[str, list[str]] = {}
    taken: set[tuple[str, ...]] = set()
    for panellist in panellists:
        order = shuffled(pool, seed, panellist, criterion)
        redraw = 0
        while tuple(order) in taken and len(pool) > 1 and redraw < MAX_REDRAWS:
            redraw += 1
            order = shuffled(pool, seed, panellist, criterion, redraw)
        orders[panellist] = order
        taken.add(tuple(order))
    return orders


def panellist_order(ids: Iterable[str], seed: int, panellists: list[str], panellist: str, criterion: str) -> list[str]:
    """One panellist's order for one criterion (the same as ``panel_orders`` gives them)."""
    return panel_orders(ids, seed, panellists[: panellists.index(panellist) + 1], criterion)[panellist]


# --- progress --------------------------------------------------------------------------------


def scored_pairs(sessions: list[Session], panellist: str, stage: str) -> set[tuple[str, str]]:
    """(criterion, session id) pairs this panellist has scored (or marked not assessed) at a stage."""
    return {
        (s.criterion, session.id)
        for session in sessions
        for s in session.scores
        if s.panellist == panellist and s.stage == stage
    }


def blocked_sessions(sessions: list[Session], panellist: str) -> set[str]:
    """Sessions this panellist may not score because they declared a conflict of interest."""
    from .fairness import declaration

    out = set()
    for session in sessions:
        declared = declaration(session, panellist)
        if declared is not None and declared.conflicted:
            out.add(session.id)
    return out


@dataclass(frozen=True)
class Progress:
    """One panellist's progress through criteria x applications."""

    panellist: str
    done: int
    total: int
    by_criterion: dict[str, tuple[int, int]]  # criterion -> (done, of)

    @property
    def complete(self) -> bool:
        return self.done >= self.total


def progress(
    sessions: list[Session], panellist: str, criteria: list[str], stage: str, skip: Set[tuple[str, str]] = frozenset()
) -> Progress:
    """How many of the (criterion, application) pairs the panellist has scored; conflicted applications
    and ``skip`` pairs (criteria a candidate's stage does not score) are left out."""
    done_pairs = scored_pairs(sessions, panellist, stage)
    blocked = blocked_sessions(sessions, panellist)
    ids = [s.id for s in sessions if s.id not in blocked]
    by = {}
    for cid in criteria:
        due = [sid for sid in ids if (cid, sid) not in skip]
        by[cid] = (sum((cid, sid) in done_pairs for sid in due), len(due))
    return Progress(
        panellist=panellist,
        done=sum(d for d, _ in by.values()),
        total=sum(n for _, n in by.values()),
        by_criterion=by,
    )


@dataclass(frozen=True)
class Position:
    """Where a panellist is: the criterion and the application to score next, and its place in the order."""

    criterion: str
    session_id: str
    index: int  # 0-based place in this criterion's order
    of: int


class Queue:
    """A panellist's whole criterion-first pass, computed once: criteria in order, each with its
    shuffled applications. ``next_after`` finds the next unscored item without recomputing orders.

    An application ``blocked`` to the panellist (a declared conflict) and a ``skip`` pair (a criterion
    that candidate's stage does not score) are not in their pass at all: never shown, and left out of
    the numbering, so "Application 3 of 5" counts only what they may see."""

    def __init__(
        self, ids: Iterable[str], criteria: list[str], seed: int, panellists: list[str], panellist: str
    ) -> None:
        pool = sorted(set(ids))
        self.panellist = panellist
        self.criteria = list(criteria)
        self.orders = {cid: panellist_order(pool, seed, panellists, panellist, cid) for cid in self.criteria}

    def shown(
        self, criterion: str, blocked: Set[str] = frozenset(), skip: Set[tuple[str, str]] = frozenset()
    ) -> list[str]:
        """This criterion's order without what the panellist does not see."""
        return [sid for sid in self.orders[criterion] if sid not in blocked and (criterion, sid) not in skip]

    def next_after(
        self,
        done: Set[tuple[str, str]],
        blocked: Set[str] = frozenset(),
        skip: Set[tuple[str, str]] = frozenset(),
    ) -> Position | None:
        """The first (criterion, application) in order that is neither scored nor hidden; None when finished."""
        for cid in self.criteria:
            order = self.shown(cid, blocked, skip)
            for index, sid in enumerate(order):
                if (cid, sid) not in done:
                    return Position(cid, sid, index, len(order))
        return None

    def at(
        self, criterion: str, index: int, blocked: Set[str] = frozenset(), skip: Set[tuple[str, str]] = frozenset()
    ) -> Position:
        """The item at a place in a criterion's order as shown (for moving back and forth)."""
        order = self.shown(criterion, blocked, skip)
        index = max(0, min(index, len(order) - 1))
        return Position(criterion, order[index] if order else "", index, len(order))

    def placed(
        self, position: Position, blocked: Set[str] = frozenset(), skip: Set[tuple[str, str]] = frozenset()
    ) -> Position:
        """``position`` numbered afresh in the order as shown now (a conflict declared meanwhile hides one)."""
        order = self.shown(position.criterion, blocked, skip)
        if position.session_id in order:
            return Position(position.criterion, position.session_id, order.index(position.session_id), len(order))
        return Position(position.criterion, position.session_id, position.index, len(order))

    def before(
        self,
        position: Position | None,
        blocked: Set[str] = frozenset(),
        skip: Set[tuple[str, str]] = frozenset(),
    ) -> Position | None:
        """The item just before ``position`` in the whole pass (across criteria); the last item of the
        pass for None (back from 'finished'); None at the very start. Hidden items are stepped over."""
        if position is None:
            earlier = self.criteria
        else:
            order = self.shown(position.criterion, blocked, skip)
            if position.session_id in order:
                index = order.index(position.session_id)
            else:  # hidden since it was shown: the one now in its place comes after it
                index = min(position.index, len(order))
            if index > 0:
                return self.at(position.criterion, index - 1, blocked, skip)
            earlier = self.criteria[: self.criteria.index(position.criterion)]
        for cid in reversed(earlier):
            order = self.shown(cid, blocked, skip)
            if order:
                return Position(cid, order[-1], len(order) - 1, len(order))
        return None
