"""The conflict rules the store enforces and the declarations screen asks at the key press."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess import conflict_rules
from selfassess.errors import BadInput
from selfassess.store import SessionStore

from .test_tui_fair import PANEL, ROLE


def test_the_rules_and_the_store_agree(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s")
    s = store.create(ROLE, candidate="Dana Testcase", reference="R-1")
    store.set_panel(s.id, PANEL, "Ann Chair", stage="interview")
    session = store.declare_conflict(s.id, "Bo Panel", True, "my former colleague")
    said = conflict_rules.undeclare_problem(session, "Bo Panel", False)
    assert said and "only the chair can withdraw" in said
    with pytest.raises(BadInput, match="only the chair can withdraw"):
        store.declare_conflict(s.id, "Bo Panel", False)
    assert conflict_rules.undeclare_problem(session, "Bo Panel", True) is None
    assert "only the chair (Ann Chair)" in (conflict_rules.withdraw_problem(session, "Bo Panel") or "")
    assert conflict_rules.withdraw_problem(session, "Ann Chair") is None
    assert "no declared conflict" in (conflict_rules.withdraw_problem(session, "Ann Chair", "Ann Chair") or "")
    assert conflict_rules.withdraw_problem(session, "Ann Chair", "Bo Panel") is None
    store.withdraw_conflict(s.id, "Bo Panel", "a different person", by="Ann Chair")
    with pytest.raises(BadInput, match="no declared conflict"):
        store.withdraw_conflict(s.id, "Bo Panel", "again", by="Ann Chair")
