#!/bin/sh
# SPDX-License-Identifier: MIT
# Flight recorder: with --snapshot, an error finding triggers a snapshot while the program runs
# and acltrace takes one at the end; SIGUSR1 to acltrace takes one on demand. Every snapshot is
# self-contained (process, definitions of every stack it references, statedump), although the
# ring of hot events is overwritten many times over.
. "$(dirname "$0")/trace_lib.sh"

ACLTRACE_LOG="$W/preload.%p.log" "$ACLTRACE" record --snapshot=64K -o "$W/t" -- \
	"$TRACE_PROG" --threads 2 --iters 400 --bad --pause "$W/ready" "$W/go" 2>"$W/err" &
pid=$!
i=0
while [ ! -e "$W/ready" ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
[ -e "$W/ready" ] || fail "the program did not reach its pause"
kill -USR1 $pid
sleep 0.5
touch "$W/go"
wait $pid
rc=$?
cat "$W/err"
[ $rc -eq 0 ] || fail "acltrace record exited $rc"
n=$(ls -d "$W"/t/snapshot-* 2>/dev/null | wc -l)
# SIGUSR1, the trigger on the first error finding (double-free), and the end.
[ "$n" -ge 3 ] || fail "expected at least 3 snapshots, found $n: $(ls "$W/t")"
for snap in "$W"/t/snapshot-*; do
	"$PY" "$TRACE_CHECK" stacks "$snap" || fail "snapshot $snap is not self-contained"
done
last=$(ls -d "$W"/t/snapshot-* | sort -t- -k2 -n | tail -n 1)
"$ACLTRACE" summary --format json "$last" >"$W/s.json" || fail "summary of $last"
"$PY" - "$W/s.json" <<'PYEOF' || fail "the last snapshot"
import json, sys
s = json.load(open(sys.argv[1]))
ev = s["events"]
# 2 threads x 400 rounds x 8 events do not fit a 64 KiB ring per CPU: only the end remains.
assert 0 < ev.get("acltrace:alloc", 0) < 3200, ev
assert s["findings"]["error"] >= 1, s
assert ev.get("lttng_ust_statedump:bin_info", 0) > 0, ev
PYEOF
check_clean "$pid"
echo ok
