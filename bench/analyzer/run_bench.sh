#!/bin/sh
# SPDX-License-Identifier: MIT
# Analyzer speed and memory: `acltrace-report` against `babeltrace2 TRACE -c sink.utils.dummy`
# (decoding alone) on the same trace, side by side, and the report's peak RSS for two traces of
# the same workload whose event counts differ by 5x.
# usage: run_bench.sh BUILD_DIR [EVENTS] [REPS]
# BUILD_DIR should be a build without sanitizers (-DACLTRACE_SANITIZE=OFF, Release).
set -eu
build=$1 events=${2:-5000000} reps=${3:-3}
acltrace=$build/cli/acltrace
report=$build/analyzer/acltrace-report
workload=$build/bench/analyzer/acltrace_bench_analyzer_workload
for f in "$acltrace" "$report" "$workload"; do
	[ -x "$f" ] || { echo "missing $f (build the project first)"; exit 1; }
done
work=$(mktemp -d /tmp/acltrace-bench-analyzer.XXXXXX)
trap 'rm -rf "$work"' EXIT
export LTTNG_HOME=$work

record() { # ITER DIR
	"$acltrace" record --no-loss --buffer-size 16M -o "$2" -- "$workload" "$1" > /dev/null 2>&1
}

seconds() { # prints wall seconds and max RSS (KiB) of a command
	/usr/bin/time -f "%e %M" "$@" 2>&1 > /dev/null | tail -1
}

iter=$((events / 2))
small_iter=$((iter / 5))
echo "recording $events events ($iter alloc/free pairs)..."
record "$iter" "$work/big"
record "$small_iter" "$work/small"
du -sh "$work/big" | sed 's/^/trace size: /'
n=$("$report" --format json --no-progress "$work/big" | python3 -c \
	'import json,sys; print(json.load(sys.stdin)["trace"]["events"])')
echo "events decoded by the report: $n"

# Side by side, alternating, REPS times; the best run of each counts (the machine is shared).
best() { sort -n | head -1; }
: > "$work/dummy" ; : > "$work/json" ; : > "$work/inproc"
i=0
while [ $i -lt "$reps" ]; do
	seconds babeltrace2 "$work/big" -c sink.utils.dummy | cut -d' ' -f1 >> "$work/dummy"
	seconds "$report" --no-progress --format json -o /dev/null "$work/big" | cut -d' ' -f1 \
		>> "$work/json"
	seconds "$report" --no-progress --in-process --format json -o /dev/null "$work/big" |
		cut -d' ' -f1 >> "$work/inproc"
	i=$((i + 1))
done
d=$(best < "$work/dummy") j=$(best < "$work/json") p=$(best < "$work/inproc")
printf '%-52s %8s s\n' "babeltrace2 TRACE -c sink.utils.dummy (best of $reps)" "$d"
printf '%-52s %8s s  (%.2fx the speed of dummy)\n' "acltrace-report --format json (best of $reps)" "$j" \
	"$(echo "$d / $j" | bc -l)"
printf '%-52s %8s s  (%.2fx)\n' "acltrace-report --in-process (best of $reps)" "$p" \
	"$(echo "$d / $p" | bc -l)"
echo "all runs (s): dummy $(tr '\n' ' ' < "$work/dummy"); report $(tr '\n' ' ' < "$work/json");" \
	"in-process $(tr '\n' ' ' < "$work/inproc")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
set -- $(seconds "$report" --no-progress -o /dev/null "$work/small")
echo "memory: $((events / 5)) events: $2 KiB max RSS"
set -- $(seconds "$report" --no-progress -o /dev/null "$work/big")
echo "memory: $events events: $2 KiB max RSS"
