"""Two real OS users on one group-shared sessions folder (the OpenSSH set-up, minus ssh): each scores as
themselves and the store refuses each as the other. Needs root and useradd; skipped (with the reason)
elsewhere. The users, group and folder it makes are removed afterwards."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest

from selfassess.models import Criterion, Role
from selfassess.store import SessionStore

REPO = Path(__file__).resolve().parents[1]
ROLE = Role(id="os", title="Officer", criteria=[Criterion(id="E1", kind="essential", text="Casework")])

ACT = """
import json, sys
from selfassess.errors import BadInput
from selfassess.store import SessionStore
folder, sid, *attempts = sys.argv[1:]
store, out = SessionStore(folder), []
for name in attempts:
    try:
        store.record_score(sid, name, "E1", 3)
        out.append("ok")
    except BadInput as exc:
        out.append(str(exc))
print(json.dumps({"login": store.login(), "results": out}))
"""


def reachable(path: Path) -> bool:
    """True when every folder above ``path`` lets other users through (so they can run it)."""
    return all(os.stat(p).st_mode & 0o001 for p in [*Path(path).resolve().parents])


def interpreter() -> str | None:
    """A Python of this version that another user can run: this one, or the system's."""
    if reachable(Path(sys.executable)):
        return sys.executable
    system = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/bin:/bin")
    return system if system and reachable(Path(system)) else None


def skip_reason() -> str | None:
    if os.name != "posix" or os.geteuid() != 0:
        return "needs root to create two OS users (the store's checks are unit-tested in test_identity.py)"
    if not shutil.which("useradd") or not shutil.which("groupadd"):
        return "useradd/groupadd not available"
    if interpreter() is None:
        return "no Python of this version that other users can run"
    if not reachable(REPO):
        return "the checkout is not readable by other users"
    return None


@pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")
def test_two_os_users_each_score_only_as_themselves() -> None:
    tag = secrets.token_hex(3)
    group, ann, bo = f"sap{tag}", f"saa{tag}", f"sab{tag}"
    made: list[list[str]] = []
    folder = Path(tempfile.mkdtemp(prefix="selfassess-panel-", dir="/tmp"))
    try:
        for cmd in (["groupadd", group], ["useradd", "-M", "-N", "-g", group, "-s", "/bin/false", ann]):
            subprocess.run(cmd, check=True, capture_output=True)
            made.append(cmd)
        subprocess.run(["useradd", "-M", "-N", "-g", group, "-s", "/bin/false", bo], check=True, capture_output=True)
        made.append(["useradd", bo])
        gid = int(subprocess.run(["getent", "group", group], capture_output=True, text=True).stdout.split(":")[2])
        os.chown(folder, 0, gid)
        os.chmod(folder, 0o2770)
        store = SessionStore(folder, login=lambda: "root")
        s = store.create(ROLE, reference="C-1")
        store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair", logins={"Ann Chair": ann, "Bo Panel": bo})
        paths = [p for p in (REPO, *sysconfig.get_paths().values()) if isinstance(p, (str, Path))]
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.pathsep.join(map(str, paths)), "HOME": str(folder)}

        def act(user: str, *names: str) -> dict:
            done = subprocess.run(
                [interpreter(), "-c", ACT, str(folder), s.id, *names],
                user=user,
                group=gid,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 0, done.stderr
            return json.loads(done.stdout)

        bo_side = act(bo, "Ann Chair", "Bo Panel")
        assert bo_side["login"] == bo
        assert "bound to login" in bo_side["results"][0] and bo_side["results"][1] == "ok"
        ann_side = act(ann, "Bo Panel", "Ann Chair")
        assert "bound to login" in ann_side["results"][0] and ann_side["results"][1] == "ok"
        session = store.load(s.id)
        assert sorted(x.panellist for x in session.scores) == ["Ann Chair", "Bo Panel"]
        logins = {e.actor: e.login for e in store.audit(s.id) if e.action == "score.record"}
        assert logins == {"Ann Chair": ann, "Bo Panel": bo}
        modes = {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir() if not p.name.startswith(".")}
        assert set(modes.values()) == {0o660}, modes  # the group shares every file; nobody else reads them
    finally:
        for user in (ann, bo):
            subprocess.run(["userdel", user], capture_output=True)
        subprocess.run(["groupdel", group], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
