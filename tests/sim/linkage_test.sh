#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every simulated CANN library is linked like CANN's: -Bsymbolic (DT_FLAGS SYMBOLIC) and
# exporting only its API (acl*, aclvdec*/aclvenc*, hi_mpi_*, plus the simulator's ascendsim_*).
# Usage: linkage_test.sh LIB_DIR
set -euo pipefail
dir=$1
fail() { echo "linkage test: $*" >&2; exit 1; }
n=0
for lib in "$dir"/lib*.so; do
	[ -e "$lib" ] || continue
	n=$((n + 1))
	readelf -d "$lib" | grep -q 'SYMBOLIC' || fail "$(basename "$lib") is not linked -Bsymbolic"
	bad=$(nm -D --defined-only "$lib" | awk '{print $3}' |
		grep -Ev '^(acl|hi_mpi_|ascendsim_|_init$|_fini$)' || true)
	[ -z "$bad" ] || fail "$(basename "$lib") exports symbols outside its API: $bad"
done
[ "$n" -ge 2 ] || fail "no libraries found in $dir"
for sym in aclInit aclFinalize aclrtMalloc aclrtMallocAlign32 aclrtMallocCached aclrtFree \
	aclrtMallocHost aclrtFreeHost aclrtMemcpy aclrtMemcpyAsync aclrtMemset aclrtGetMemInfo \
	aclCreateDataBuffer ascendsim_dvpp_alloc ascendsim_mem_find; do
	nm -D --defined-only "$dir/libascendcl.so" | awk '{print $3}' | grep -qx "$sym" ||
		fail "libascendcl.so does not export $sym"
done
echo "linkage test: $n libraries checked"
