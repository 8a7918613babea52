#!/bin/sh
# SPDX-License-Identifier: MIT
# Two `acltrace run`s at once on one machine, their programs running at the same time: each
# trace holds only its own run id and its own program, with all of its allocations.
. "$(dirname "$0")/trace_lib.sh"

for n in a b; do
	"$ACLTRACE" record -o "$W/t$n" -- "$TRACE_PROG" --threads 2 --iters 30 \
		--pause "$W/ready$n" "$W/go" --ledger "$W/ledger$n" 2>"$W/err$n" &
	eval "pid$n=\$!"
done
i=0
while { [ ! -e "$W/readya" ] || [ ! -e "$W/readyb" ]; } && [ $i -lt 400 ]; do
	sleep 0.05
	i=$((i + 1))
done
[ -e "$W/readya" ] && [ -e "$W/readyb" ] || fail "the programs did not both reach their pause"
touch "$W/go"
wait "$pida" || fail "run a failed: $(cat "$W/erra")"
wait "$pidb" || fail "run b failed: $(cat "$W/errb")"

for n in a b; do
	prog=$(sed -n 's/.*recording .* (pid \([0-9]*\)).*/\1/p' "$W/err$n")
	[ -n "$prog" ] || fail "run $n did not say which pid it recorded"
	"$ACLTRACE" summary --format json "$W/t$n" >"$W/s$n.json" || fail "summary of run $n"
	"$PY" - "$W/s$n.json" "$W/ledger$n" "$prog" <<'PYEOF' || fail "run $n saw foreign events"
import json, sys
s = json.load(open(sys.argv[1]))
pids = {int(l.split()[0]) for l in open(sys.argv[2])}
allocs = sum(1 for l in open(sys.argv[2]) if l.split()[1] == "alloc")
assert len(s["runs"]) == 1, "run ids in the trace: %s" % s["runs"]
assert s["processes"] == 1, s
assert pids == {int(sys.argv[3])}, (pids, sys.argv[3])
assert s["events"]["acltrace:alloc"] == allocs, (s["events"], allocs)
PYEOF
	"$PY" "$TRACE_CHECK" runs "$W/t$n" "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["runs"][0])' "$W/s$n.json")" ||
		fail "run $n"
done
check_clean "$pida"
check_clean "$pidb"
echo ok
