#!/bin/sh
# SPDX-License-Identifier: MIT
# As a user who cannot reach the root session daemon, acltrace starts a private daemon in its
# private LTTNG_HOME, records through it, and stops it: no daemon of that user remains.
. "$(dirname "$0")/trace_lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	echo "SKIP: needs root and setpriv to run as another user"
	exit 77
fi
U=4242
chmod 777 "$W" "$TMPDIR"
setpriv --reuid=$U --regid=$U --clear-groups env HOME="$W" TMPDIR="$TMPDIR" \
	"$ACLTRACE" record -o "$W/t" -- "$TRACE_PROG" --threads 2 --iters 5 >"$W/out" 2>"$W/err"
rc=$?
[ $rc -eq 0 ] || fail "acltrace as uid $U exited $rc: $(cat "$W/err")"
"$ACLTRACE" summary --format json "$W/t" >"$W/s.json" || fail "summary"
"$PY" - "$W/s.json" <<'PYEOF' || fail "trace recorded through a private daemon"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["events"]["acltrace:alloc"] == 2 * 5 * 4, s["events"]
assert s["unresolved_stacks"] == 0, s
PYEOF
for p in $(pgrep -u $U -x lttng-sessiond); do
	grep -q '^State:[[:space:]]*Z' "/proc/$p/status" 2>/dev/null || fail "a daemon of uid $U is still running (pid $p)"
done
check_clean zzzz
echo ok
