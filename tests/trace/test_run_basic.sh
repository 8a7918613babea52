#!/bin/sh
# SPDX-License-Identifier: MIT
# `acltrace run` on a program with threads, a forked child and planted misuse: the trace holds
# exactly the allocations and frees the program made (same addresses, same APIs, same processes
# and threads), the preload's own counts, every stack defined, and the exit status follows
# --error-exitcode. Nothing is left behind.
. "$(dirname "$0")/trace_lib.sh"

ACLTRACE_LOG="$W/preload.%p.log" "$ACLTRACE" run -o "$W/t" --format json --report "$W/report.json" \
	--error-exitcode 7 -- "$TRACE_PROG" --threads 3 --iters 20 --fork --bad --ledger "$W/ledger" \
	2>"$W/err" &
apid=$!
wait $apid
rc=$?
cat "$W/err"
[ $rc -eq 7 ] || fail "exit status $rc, expected 7 (--error-exitcode with error findings)"
[ -s "$W/report.json" ] || fail "no report written"
preload_logs >"$W/preload.log"
"$PY" "$TRACE_CHECK" ledger "$W/t" "$W/ledger" "$W/preload.log" --threads 3 --processes 2 ||
	fail "the trace does not match the program"
check_clean $apid

# A correct program: the program's own exit status, and no error finding.
"$ACLTRACE" run -q -o "$W/t2" --error-exitcode 7 -- "$TRACE_PROG" --threads 1 --iters 3 \
	>"$W/out2" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$W/out2"; fail "exit status $rc for a correct program, expected 0"; }
"$ACLTRACE" summary --format json "$W/t2" >"$W/s2.json" || fail "summary failed"
"$PY" - "$W/s2.json" <<'PYEOF' || fail "summary of the correct program"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["findings"]["error"] == 0, s
assert s["events"]["acltrace:alloc"] == 12, s
assert s["unresolved_stacks"] == 0 and s["stack_references"] > 0, s
assert s["discarded_events"] == 0, s
assert s["events"].get("lttng_ust_statedump:bin_info", 0) > 0, s
PYEOF

# Children that exec other programs, one of them outliving its parent's shell: each is traced
# as itself, and acltrace waits for the orphan before it finishes the trace.
"$ACLTRACE" record -q -o "$W/t4" -- sh -c \
	"(sleep 0.3; exec '$TRACE_PROG' --threads 1 --iters 4) & exec '$TRACE_PROG' --threads 2 --iters 3" \
	>/dev/null 2>&1 || fail "recording exec'd children failed"
"$ACLTRACE" summary --format json "$W/t4" >"$W/s4.json" || fail "summary of exec'd children"
"$PY" - "$W/s4.json" <<'PYEOF' || fail "exec'd children"
import json, sys
s = json.load(open(sys.argv[1]))
# sh, then the two programs (sh loads the preload too, but allocates nothing).
assert s["events"]["acltrace:alloc"] == 1 * 4 * 4 + 2 * 3 * 4, s["events"]
assert s["processes"] == 3, s
assert s["unresolved_stacks"] == 0, s
PYEOF

# What a killed acltrace left (its private home) goes with the next run.
dead=$(sh -c 'echo $$')
mkdir -p "$TMPDIR/acltrace-home.$dead.AbCdEf/.lttng"
"$ACLTRACE" record -q -o "$W/t5" -- "$TRACE_PROG" --threads 1 --iters 1 >/dev/null 2>&1 ||
	fail "recording after a killed run failed"
[ ! -e "$TMPDIR/acltrace-home.$dead.AbCdEf" ] || fail "the home of a dead acltrace was not removed"

# The program's exit status passes through.
"$ACLTRACE" run -q -o "$W/t3" -- sh -c 'exit 42' >/dev/null 2>&1
rc=$?
[ $rc -eq 42 ] || fail "exit status $rc, expected PROGRAM's 42"
echo ok
