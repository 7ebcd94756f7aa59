"""Finding 16d-N5: a non-chair panellist cannot import a *new* session onto a bound panel (with a made-up
decision event by the chair), no audit event may be dated after the import, and a second session for a
candidate reference already in the role is refused. Through the CLI, with the tester's forged file shape."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from selfassess import identity
from selfassess.cli import main
from selfassess.export.jsonfile import session_json
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

from .helpers import LOGINS, terminal

ROLE = Role(
    id="t",
    title="Test officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Degree"),
        Criterion(id="D1", kind="desirable", text="Audit experience"),
    ],
)


@pytest.fixture
def panel(tmp_path: Path):
    """A bound panel, one candidate scored, agreed and decided 'reserve' by the chair."""
    folder = tmp_path / "s"
    stores = {login: terminal(folder, login) for login in LOGINS.values()}
    sid = stores["ann"].create(ROLE, candidate="Max Hope", reference="REF-002").id
    stores["ann"].set_panel(sid, list(LOGINS), "Ann Chair", stage="interview", logins=LOGINS)
    for name, login in LOGINS.items():
        for cid in ("E1", "D1"):
            stores[login].record_score(sid, name, cid, 3)
        stores[login].submit(sid, name, "interview")
    stores["ann"].accept_agreed(sid, "Ann Chair", "interview")
    stores["ann"].record_decision(sid, "reserve", "Solid", "Ann Chair", "interview")
    return folder, sid, stores


def export(store: SessionStore, sid: str) -> dict:
    return json.loads(session_json(store.load(sid), store.audit(sid)))


def forged_new(data: dict, when: datetime, **panel_edit) -> dict:
    """The tester's edit: a new id, candidate and reference, the decision made 'appointable', and one made-up
    decision.record event by the chair (with the chair's login) appended to the audit."""
    session = data["session"]
    old = dict(session["decisions"][0])
    session.update(id="20261123-eeee0043", candidate="Zed Forged", reference="REF-099")
    session["decisions"][0].update(recommendation="appointable", reason="Forged by Cy")
    if panel_edit:
        session["panel"].update(panel_edit)
    data["audit"].append(
        {
            "time": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "actor": "Ann Chair",
            "action": "decision.record",
            "old": old,
            "new": {"recommendation": "appointable", "reason": "Forged by Cy", "stage": "interview"},
            "login": "ann",
        }
    )
    return data


def run_import(tmp_path: Path, folder: Path, data: dict, login: str, monkeypatch, *extra: str) -> int:
    path = tmp_path / "zed.json"
    path.write_text(json.dumps(data))
    monkeypatch.setattr(identity, "os_login", lambda: login)
    return main(["import-session", str(path), "--sessions", str(folder), *extra])


def files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err


def test_a_panellist_cannot_import_a_new_forged_session(panel, tmp_path: Path, monkeypatch, capsys) -> None:
    folder, sid, stores = panel
    before = files(folder)
    past = datetime.now(UTC) - timedelta(minutes=1)
    data = forged_new(export(stores["ann"], sid), past)
    assert run_import(tmp_path, folder, data, "cy", monkeypatch) == 2
    assert "only its chair (Ann Chair, login 'ann') may import" in one_line(capsys)
    # the panel in the file edited to make Cy its chair, or unbound: the role's panel here still decides
    for edit in ({"logins": {"Ann Chair": "cy", "Bo Panel": "bo", "Cy Member": "x"}}, {"logins": {}}):
        data = forged_new(export(stores["ann"], sid), past, **edit)
        assert run_import(tmp_path, folder, data, "cy", monkeypatch) == 2
        assert f"the panel of session {sid} (same role)" in one_line(capsys)
    assert files(folder) == before


def test_an_event_dated_after_the_import_is_refused(panel, tmp_path: Path, monkeypatch, capsys) -> None:
    folder, sid, stores = panel
    before = files(folder)
    data = forged_new(export(stores["ann"], sid), datetime.now(UTC) + timedelta(hours=1))
    assert run_import(tmp_path, folder, data, "ann", monkeypatch) == 2  # even the chair
    assert "decision.record by Ann Chair" in (err := one_line(capsys)) and "dated after this import" in err
    assert files(folder) == before


def test_a_second_session_for_a_reference_is_refused(panel, tmp_path: Path, monkeypatch, capsys) -> None:
    folder, sid, stores = panel
    before = files(folder)
    data = export(stores["ann"], sid)
    data["session"]["id"] = "20261123-eeee0044"  # a second copy of Max Hope, new id only
    assert run_import(tmp_path, folder, data, "ann", monkeypatch) == 2
    assert f"candidate reference REF-002 already has session {sid} in role t" in one_line(capsys)
    assert files(folder) == before
    # the same session, by its own id, is replaced by the chair with --force
    assert run_import(tmp_path, folder, export(stores["ann"], sid), "ann", monkeypatch, "--force") == 0
    assert stores["ann"].audit(sid)[-1].action == "session.import"


def test_the_chair_imports_a_new_candidate_and_an_unbound_folder_is_unchanged(tmp_path: Path, monkeypatch) -> None:
    store = SessionStore(tmp_path / "a", login=lambda: "someone")
    sid = store.create(ROLE, candidate="Dev Example", reference="R-1").id
    data = export(store, sid)
    assert run_import(tmp_path, tmp_path / "b", data, "someone", monkeypatch) == 0
    assert (tmp_path / "b" / f"{sid}.json").exists()


def test_a_few_minutes_of_clock_difference_between_machines_is_not_the_future() -> None:
    from selfassess.import_rules import future_event
    from selfassess.models import AuditEvent

    now = datetime.now(UTC)
    event = AuditEvent(time=now + timedelta(minutes=2), actor="Ann Chair", action="decision.record")
    assert future_event([event], now) is None
    late = event.model_copy(update={"time": now + timedelta(minutes=30)})
    assert "dated after this import" in (future_event([event, late], now) or "")
