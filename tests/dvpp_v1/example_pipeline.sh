#!/bin/sh
# SPDX-License-Identifier: MIT
# The shipped example pipeline runs end to end on the simulated runtime, and its planted misuses
# really happen (read back from ASCEND_SIM_LOG): per frame one DVPP buffer released with
# aclrtFree (mismatched-free) and one never released (leak); --clean has neither.
# usage: example_pipeline.sh PIPELINE IMAGE MODEL
set -eu

pipeline=$1 image=$2 model=$3
log=$(mktemp)
trap 'rm -f "$log"' EXIT
fail() {
	echo "example_pipeline: FAIL: $*" >&2
	exit 1
}

# Counts over one run's log: DVPP allocations, acldvppFree calls, aclrtFree of DVPP pointers.
count() {
	dvpp_ptrs=$(sed -n 's/^acldvppMalloc(size=[0-9]*) = 0 devPtr=\(0x[0-9a-f]*\)$/\1/p' "$log" |
		sort -u)
	mallocs=$(grep -c '^acldvppMalloc(size=[0-9]*) = 0 ' "$log" || true)
	frees=$(grep -c '^acldvppFree(devPtr=0x[0-9a-f]*) = 0$' "$log" || true)
	rt_frees=0
	for p in $dvpp_ptrs; do
		n=$(grep -c "^aclrtFree(devPtr=$p) = 0\$" "$log" || true)
		rt_frees=$((rt_frees + n))
	done
}

frames=2
: >"$log"
out=$(ASCEND_SIM_LOG="$log" "$pipeline" --frames $frames "$image" "$model")
echo "$out"
echo "$out" | grep -q "frame 1: model [0-9]* ran on the DVPP output" || fail "no model output"
echo "$out" | grep -q "pipeline: done" || fail "pipeline did not finish"
count
echo "example_pipeline: $mallocs acldvppMalloc, $frees acldvppFree, $rt_frees aclrtFree of DVPP"
[ "$rt_frees" -eq $frames ] || fail "expected $frames DVPP buffers freed by aclrtFree"
[ $((mallocs - frees - rt_frees)) -eq $frames ] || fail "expected $frames leaked DVPP buffers"

: >"$log"
ASCEND_SIM_LOG="$log" "$pipeline" --clean --frames $frames "$image" "$model" >/dev/null
count
echo "example_pipeline: clean run: $mallocs acldvppMalloc, $frees acldvppFree, $rt_frees aclrtFree"
[ "$rt_frees" -eq 0 ] || fail "clean run freed DVPP memory with aclrtFree"
[ "$mallocs" -eq "$frees" ] || fail "clean run leaked DVPP memory"
echo "example_pipeline: ok"
