#!/bin/sh
# Manual check of "Panels on several machines" (README) on this machine, loopback only. Run as root.
# Makes a Unix group, two users with ssh keys and a 2770 sessions folder; starts a second sshd on
# 127.0.0.1:2222 whose Match Group block forces the panel command; over ssh, each user lists the
# sessions and scores as themselves and as the other (refused); checks the files are 0660 with the
# group; then stops that sshd and removes everything it made. Needs /usr/sbin/sshd (openssh-server).
set -eu
REPO=$(cd "$(dirname "$0")/.." && pwd)
SITE=$("$REPO/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
PY=/usr/bin/python3
TAG=$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')
GROUP=sapanel$TAG; ANN=saann$TAG; BO=sabo$TAG
WORK=$(mktemp -d /tmp/selfassess-ssh-XXXXXX); chmod 755 "$WORK"
SESSIONS=$WORK/sessions; PORT=2222

cleanup() {
    [ -f "$WORK/sshd.pid" ] && kill "$(cat "$WORK/sshd.pid")" 2>/dev/null || true
    userdel -r "$ANN" 2>/dev/null || true; userdel -r "$BO" 2>/dev/null || true
    groupdel "$GROUP" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 1" INT TERM HUP

groupadd "$GROUP"
for u in "$ANN" "$BO"; do useradd -m -g "$GROUP" -s /bin/sh -p "*" "$u"; done  # "*": no password, not locked (key only)
install -d -o root -g "$GROUP" -m 2770 "$SESSIONS"

# the command ssh forces: the app; for this check it also accepts `sessions` and `score NAME`
cat > "$WORK/panel-command" <<SCRIPT
#!/bin/sh
export PYTHONPATH=$REPO:$SITE
case "\${SSH_ORIGINAL_COMMAND:-}" in
  sessions) exec $PY -m selfassess --sessions $SESSIONS sessions ;;
  score\ *) exec $PY -c 'import sys; from selfassess.store import SessionStore; from selfassess.errors import BadInput
s = SessionStore(sys.argv[1]); sid = s.summaries()[0].id
try:
    s.record_score(sid, sys.argv[2], "E1", 3); print("scored as", sys.argv[2], "by login", s.login())
except BadInput as e:
    print("refused:", e)' $SESSIONS "\${SSH_ORIGINAL_COMMAND#score }" ;;
  *) exec $PY -m selfassess --sessions $SESSIONS ;;
esac
SCRIPT
chmod 755 "$WORK/panel-command"

ssh-keygen -q -t ed25519 -N "" -f "$WORK/host_key"
ssh-keygen -q -t ed25519 -N "" -f "$WORK/client_key"
for u in "$ANN" "$BO"; do
    home=$(getent passwd "$u" | cut -d: -f6)
    install -d -o "$u" -g "$GROUP" -m 700 "$home/.ssh"
    install -o "$u" -g "$GROUP" -m 600 "$WORK/client_key.pub" "$home/.ssh/authorized_keys"
done
cat > "$WORK/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $WORK/host_key
PidFile $WORK/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
Match Group $GROUP
    ForceCommand $WORK/panel-command
    AllowTcpForwarding no
    X11Forwarding no
CONF
mkdir -p /run/sshd
/usr/sbin/sshd -f "$WORK/sshd_config" -E "$WORK/sshd.log"
sleep 1

# the chair's set-up (done here directly): one session, panellists bound to the two logins
PYTHONPATH=$REPO:$SITE $PY - "$SESSIONS" "$ANN" "$BO" <<'PYCODE'
import sys
from selfassess.models import Criterion, Role
from selfassess.store import SessionStore
folder, ann, bo = sys.argv[1:]
role = Role(id="ssh", title="Case officer", criteria=[Criterion(id="E1", kind="essential", text="Casework")])
store = SessionStore(folder, login=lambda: "root")
s = store.create(role, reference="C-SSH")
store.set_panel(s.id, ["Ann Chair", "Bo Panel"], "Ann Chair", logins={"Ann Chair": ann, "Bo Panel": bo})
print("session", s.id, "panel bound to", ann, bo)
PYCODE

SSH="ssh -p $PORT -i $WORK/client_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
echo "--- $ANN: sessions";            $SSH "$ANN@127.0.0.1" sessions
echo "--- $ANN: score as Bo Panel";   $SSH "$ANN@127.0.0.1" "score Bo Panel"
echo "--- $ANN: score as Ann Chair";  $SSH "$ANN@127.0.0.1" "score Ann Chair"
echo "--- $BO: score as Ann Chair";   $SSH "$BO@127.0.0.1" "score Ann Chair"
echo "--- $BO: score as Bo Panel";    $SSH "$BO@127.0.0.1" "score Bo Panel"
echo "--- $BO: anything else runs the app (ForceCommand); here with no terminal:"
timeout 10 $SSH -tt "$BO@127.0.0.1" "rm -rf /" </dev/null 2>&1 | grep -c "Roles: n or Enter" || true
echo "--- files in the sessions folder (expect -rw-rw---- root-or-user $GROUP):"
ls -l "$SESSIONS"
echo "--- audit logins:"
cat "$SESSIONS"/*.audit.jsonl | $PY -c 'import json,sys; [print(e["action"], e["actor"], e.get("login")) for e in map(json.loads, sys.stdin)]'
