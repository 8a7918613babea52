#!/bin/sh
# SPDX-License-Identifier: MIT
# A deliberately tiny buffer under a flood of events: the lost events are counted by the session,
# reported on stderr and present in the trace (the summary reads them back), and the program is
# never stopped by it. With --no-loss the same tiny buffer loses nothing: the program waits.
. "$(dirname "$0")/trace_lib.sh"

"$ACLTRACE" run --buffer-size 16K --format json --report "$W/report.json" -o "$W/t" -- \
	"$TRACE_PROG" --flood 300000 >"$W/out" 2>"$W/err"
rc=$?
cat "$W/err"
[ $rc -eq 0 ] || fail "exit status $rc"
grep -q "events (.* packets) were lost" "$W/err" || fail "no warning about lost events on stderr"
"$ACLTRACE" summary --format json "$W/t" >"$W/s2.json" || fail "summary"
"$PY" - "$W/s2.json" <<'PYEOF' || fail "discarded events are not in the trace"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["discarded_events"] > 0, s
assert s["events"].get("acltrace:alloc", 0) > 0, s
PYEOF
"$ACLTRACE" record --no-loss --buffer-size 16K -o "$W/t3" -- \
	"$TRACE_PROG" --flood 3000 >"$W/out3" 2>"$W/err3"
rc=$?
[ $rc -eq 0 ] || fail "--no-loss: exit status $rc: $(cat "$W/err3")"
grep -q "were lost" "$W/err3" && fail "--no-loss: the session lost events: $(cat "$W/err3")"
"$ACLTRACE" summary --format json "$W/t3" >"$W/s3.json" || fail "summary"
"$PY" - "$W/s3.json" "$W/out3" <<'PYEOF' || fail "--no-loss lost events"
import json, re, sys
s = json.load(open(sys.argv[1]))
n = int(re.search(r"spin: (\d+) events", open(sys.argv[2]).read()).group(1))
assert s["discarded_events"] == 0, s
assert s["events"]["acltrace:alloc"] + s["events"]["acltrace:free"] == n, (s["events"], n)
PYEOF
check_clean zzzz
echo ok
