"""import-session on a panel that binds OS logins: replacing is the chair's act, no declared conflict or
unrecorded consensus/decision gets in, and the import event names the login (finding 16c-21)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess import identity
from selfassess.cli import main
from selfassess.errors import BadInput
from selfassess.export.jsonfile import read_session_json, session_json
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

from .helpers import LOGINS, PANEL, terminal

ROLE = Role(
    id="t",
    title="Test officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Degree"),
        Criterion(id="D1", kind="desirable", text="Audit experience"),
    ],
)


@pytest.fixture
def decided(tmp_path: Path):
    """A bound panel: all three scored and submitted, consensus and a 'reserve' decision; Cy conflicted after."""
    folder = tmp_path / "s"
    stores = {login: terminal(folder, login) for login in ("ann", "bo", "cy")}
    ann = stores["ann"]
    sid = ann.create(ROLE, candidate="Dev Example", reference="R-1").id
    ann.set_panel(sid, PANEL, "Ann Chair", stage="interview", logins=LOGINS)
    for name, login in LOGINS.items():
        for cid in ("E1", "D1"):
            stores[login].record_score(sid, name, cid, 3)
        stores[login].submit(sid, name, "interview")
    ann.accept_agreed(sid, "Ann Chair", "interview")
    ann.record_decision(sid, "reserve", "Solid but behind two others", "Ann Chair", "interview")
    stores["cy"].declare_conflict(sid, "Cy Member", True, "Neighbour of the candidate")
    return sid, stores


def exported(store: SessionStore, sid: str) -> dict:
    return json.loads(session_json(store.load(sid), store.audit(sid)))


def back(data: dict):
    return read_session_json(json.dumps(data), "f.json")


def forged(store: SessionStore, sid: str) -> dict:
    """Cy's edit: the decision made 'appointable' and Cy's own conflict dropped."""
    data = exported(store, sid)
    data["session"]["decisions"][0].update(recommendation="appointable", reason="Forged via import-session")
    data["session"]["conflicts"] = [c for c in data["session"]["conflicts"] if c["panellist"] != "Cy Member"]
    return data


def test_a_panellist_cannot_replace_a_bound_session(decided) -> None:
    sid, stores = decided
    cy = stores["cy"]
    before = (cy.path(sid).read_bytes(), cy.files(sid).audit.read_bytes())
    for data in (forged(cy, sid), exported(cy, sid)):  # even an unchanged copy: replacing is the chair's act
        with pytest.raises(BadInput, match=r"only its chair \(Ann Chair, login 'ann'\).*logged in as 'cy'"):
            cy.import_session(*back(data), force=True)
    assert (cy.path(sid).read_bytes(), cy.files(sid).audit.read_bytes()) == before
    assert not list(cy.directory.glob("*.replaced-*"))


def test_the_chair_cannot_drop_a_conflict_or_forge_a_decision_either(decided) -> None:
    sid, stores = decided
    ann = stores["ann"]
    data = exported(ann, sid)
    data["session"]["conflicts"] = []
    with pytest.raises(BadInput, match="removes Cy Member's declared conflict"):
        ann.import_session(*back(data), force=True)
    data = exported(ann, sid)
    data["session"]["decisions"][0].update(recommendation="appointable", reason="Changed in the file")
    with pytest.raises(BadInput, match=r"decision at interview .* no matching decision\.record event"):
        ann.import_session(*back(data), force=True)
    data = exported(ann, sid)
    data["session"]["consensus"][0].update(value=5, reason="Raised in the file")
    with pytest.raises(BadInput, match=r"consensus for E1 .* no matching consensus\.set"):
        ann.import_session(*back(data), force=True)


def test_an_invented_event_by_someone_else_does_not_account_for_a_decision(decided, tmp_path: Path) -> None:
    sid, stores = decided
    data = exported(stores["ann"], sid)
    data["session"]["decisions"][0].update(by="Cy Member")
    data["audit"][-2].update(actor="Cy Member")  # the decision.record event, re-signed as Cy
    fresh = terminal(tmp_path / "elsewhere", "ann")  # even the chair's import (a panellist's is refused outright)
    with pytest.raises(BadInput, match=r"no matching decision\.record event"):
        fresh.import_session(*back(data))
    assert not (tmp_path / "elsewhere" / f"{sid}.json").exists()


def test_the_chair_replaces_and_the_event_names_login_and_actor(decided) -> None:
    sid, stores = decided
    ann = stores["ann"]
    ann.import_session(*back(exported(ann, sid)), force=True)
    event = ann.audit(sid)[-1]
    assert (event.action, event.actor, event.login) == ("session.import", "Ann Chair", "ann")
    assert event.new["audit_matches_data"] is True


def test_a_conflict_undone_without_the_chair_is_refused_anywhere(decided, tmp_path: Path) -> None:
    sid, stores = decided
    data = exported(stores["ann"], sid)
    undo = dict(data["session"]["conflicts"][-1], conflicted=False, reason="changed my mind")
    data["session"]["conflicts"].append(undo)
    with pytest.raises(BadInput, match="undone without the chair's withdrawal"):
        terminal(tmp_path / "x", "ann").import_session(*back(data))


def test_cli_refuses_in_one_line_exit_2(decided, tmp_path: Path, monkeypatch, capsys) -> None:
    sid, stores = decided
    cy = stores["cy"]
    path = tmp_path / "f.json"
    path.write_text(json.dumps(forged(cy, sid)))
    monkeypatch.setattr(identity, "os_login", lambda: "cy")
    before = cy.path(sid).read_bytes()
    assert main(["import-session", str(path), "--force", "--sessions", str(cy.directory)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "only its chair" in err
    assert cy.path(sid).read_bytes() == before
