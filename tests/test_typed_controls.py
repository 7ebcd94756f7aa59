"""Control characters typed or pasted into any text field the app saves are dropped by the store, as
import-session drops them; a rename records who made it (16c finding 13)."""

from __future__ import annotations

from pathlib import Path

from selfassess import session_admin
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

ROLE = Role(
    id="ctl",
    title="Control officer",
    criteria=[
        Criterion(id="E1", kind="essential", text="Casework"),
        Criterion(id="D1", kind="desirable", text="Audit"),
    ],
)
HOSTILE = "Eve \x1b[31mRedd\x07 [bold red]y[/] \x1b]0;TITLE\x07 ok"
LOGINS = {"Ann Chair": "ann", "Bo Panel": "bo"}


def has_controls(text: str) -> bool:
    return any(ord(ch) < 32 and ch not in "\n\t" for ch in text)


def test_every_typed_text_field_is_stored_without_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    ann, bo = SessionStore(folder, login=lambda: "ann"), SessionStore(folder, login=lambda: "bo")
    sid = ann.create(ROLE, candidate="Eve Example", reference="R-1").id
    ann.set_panel(sid, list(LOGINS), "Ann Chair", stage="interview", logins=LOGINS)
    renamed = session_admin.rename(ann, sid, HOSTILE, "R-\x07 2")
    assert renamed.candidate == "Eve [31mRedd [bold red]y[/] ]0;TITLE ok" and renamed.reference == "R- 2"
    bo.declare_conflict(sid, "Bo Panel", True, "Knows " + HOSTILE)
    ann.withdraw_conflict(sid, "Bo Panel", "Long ago " + HOSTILE, "Ann Chair")
    ann.set_stage_criteria(sid, "interview", ["E1"], "Only E1 " + HOSTILE, "Ann Chair")
    for store, name in ((ann, "Ann Chair"), (bo, "Bo Panel")):
        store.record_score(sid, name, "E1", 3, note="Note " + HOSTILE)
        store.add_note(sid, name, "E1", "Noted " + HOSTILE, "interview")
        store.submit(sid, name, "interview")
    bo.record_score(sid, "Bo Panel", "E1", 4, note="Again", reason="Why " + HOSTILE)
    ann.set_consensus(sid, "E1", 5, "Reason " + HOSTILE, "Ann Chair", "interview")
    ann.record_decision(sid, "reserve", "Decided " + HOSTILE, "Ann Chair", "interview")
    raw = ann.path(sid).read_text(encoding="utf-8") + ann.files(sid).audit.read_text(encoding="utf-8")
    assert "\\u0007" not in raw and "\\u001b" not in raw and not has_controls(raw.replace("\n", ""))
    session = ann.load(sid)
    assert session.consensus[0].reason == "Reason Eve [31mRedd [bold red]y[/] ]0;TITLE ok"
    rename = next(e for e in ann.audit(sid) if e.action == "session.rename")
    assert (rename.actor, rename.login) == ("Ann Chair", "ann")  # the chair, not "candidate"


def test_a_rename_names_its_actor(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s", login=lambda: "shared")
    own = store.create(ROLE, candidate="Eve Example").id
    session_admin.rename(store, own, "Eve Other", None)
    panel = store.create(ROLE, candidate="Max Example").id
    store.set_panel(panel, ["Ann Chair", "Bo Panel"], "Ann Chair")
    session_admin.rename(store, panel, "Max Other", None)
    session_admin.rename(store, panel, "Max Third", None, actor="Bo Panel")
    assert [e.actor for e in store.audit(own) if e.action == "session.rename"] == ["candidate"]
    assert [e.actor for e in store.audit(panel) if e.action == "session.rename"] == ["login shared", "Bo Panel"]
