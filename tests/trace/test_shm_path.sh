#!/bin/sh
# SPDX-License-Identifier: MIT
# --shm-path keeps the ring buffers in files under the given directory and removes them
# afterwards; the trace is complete. A /dev/shm too small for the buffers selects the same
# file-backed buffers on its own.
. "$(dirname "$0")/trace_lib.sh"

mkdir -p "$W/shm"
"$ACLTRACE" record --shm-path "$W/shm" -o "$W/t" -- \
	"$TRACE_PROG" --threads 2 --iters 10 --pause "$W/ready" "$W/go" 2>"$W/err" &
pid=$!
i=0
while [ ! -e "$W/ready" ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
[ -e "$W/ready" ] || fail "the program did not reach its pause"
# While it records, the buffers are files under the directory.
n=$(find "$W/shm" -type f | wc -l)
touch "$W/go"
wait $pid || fail "acltrace run failed: $(cat "$W/err")"
[ "$n" -gt 0 ] || fail "no buffer files under --shm-path while recording"
[ -z "$(ls -A "$W/shm")" ] || fail "buffer files left under --shm-path: $(ls -A "$W/shm")"
"$ACLTRACE" summary --format json "$W/t" >"$W/s.json" || fail "summary"
"$PY" - "$W/s.json" <<'PYEOF' || fail "trace recorded through --shm-path"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["events"]["acltrace:alloc"] == 2 * 2 * 10 * 4 + 3, s["events"]
assert s["unresolved_stacks"] == 0 and s["discarded_events"] == 0, s
PYEOF
check_clean "$pid"

# A /dev/shm too small for the buffers (Docker's default is 64 MiB): acltrace notices and keeps
# them in files under TMPDIR by itself. Needs root for a private mount namespace.
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
	unshare -m sh -c 'mount -t tmpfs -o size=4m tmpfs /dev/shm && exec "$@"' sh \
		"$ACLTRACE" record --buffer-size 64M -o "$W/t2" -- \
		"$TRACE_PROG" --threads 1 --iters 5 2>"$W/err2" || fail "run with a small /dev/shm: $(cat "$W/err2")"
	grep -q "keeping them in files under" "$W/err2" || fail "no fallback to file-backed buffers: $(cat "$W/err2")"
	"$ACLTRACE" summary --format json "$W/t2" >"$W/s2.json" || fail "summary"
	"$PY" - "$W/s2.json" <<'PYEOF' || fail "trace recorded with file-backed buffers"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["events"]["acltrace:alloc"] == 20, s["events"]
PYEOF
	check_clean zzzz
fi
echo ok
