#!/bin/sh
# SPDX-License-Identifier: MIT
# The trace carries the pools the process knows, with their capacities: after aclrtSetDevice,
# ACLTRACE_DVPP_LIMIT for the device's DVPP pool (source limit) and the device memory the
# runtime reports (source runtime; the same total the runtime logged for the query).
. "$(dirname "$0")/trace_lib.sh"

ACLTRACE_DVPP_LIMIT=3M ASCEND_SIM_LOG="$W/sim.log" "$ACLTRACE" record -q -o "$W/t" -- \
	"$TRACE_PROG" --threads 1 --iters 2 >"$W/out" 2>&1 || { cat "$W/out"; fail "record failed"; }
babeltrace2 "$W/t" >"$W/events" || fail "babeltrace2 cannot read the trace"
"$PY" - "$W/events" "$W/sim.log" <<'PYEOF' || fail "pool events"
import re, sys
events = open(sys.argv[1]).read().splitlines()
pools = set()
for l in events:
    if " acltrace:pool: " not in l:
        continue
    m = re.search(r'device = (-?\d+), pool = \( "(\w+)" : container = \d+ \), '
                  r'capacity = (\d+), source = \( "(\w+)"', l)
    assert m, l
    pools.add((int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)))
devs = {int(m.group(1)) for l in events if " acltrace:lifecycle: " in l
        for m in [re.search(r'op = \( "set_device" : container = 2 \), device = (\d+), rc = 0', l)]
        if m}
assert devs, "no successful set_device in the trace"
totals = [int(m.group(1)) for l in open(sys.argv[2])
          for m in [re.match(r"aclrtGetMemInfo\(attr=\d+\) = 0 free=\d+ total=(\d+)", l)] if m]
assert totals and totals[0] > 0, "the runtime was not asked for the device memory"
want = {(d, "dvpp", 3 << 20, "limit") for d in devs} | {(d, "device", totals[0], "runtime")
                                                         for d in devs}
assert pools == want, "pools %s, expected %s" % (sorted(pools), sorted(want))
print("pools:", sorted(pools))
PYEOF
echo ok
