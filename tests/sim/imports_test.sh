#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No simulated library calls a public API function of another one. CANN's DVPP libraries create
# streams and subscribe callback threads inside the toolkit; if ours called aclrtCreateStream &c.
# through the dynamic linker, ASCEND_SIM_LOG and an LD_PRELOAD interposer would see calls the
# program never made. The public API is derived from the installed headers (every acl*/hi_mpi_*
# function they declare, after preprocessing), not from a hand-kept list.
# Usage: imports_test.sh LIB_DIR INCLUDE_DIR C_COMPILER
set -euo pipefail
dir=$1 inc=$2 cc=$3
fail() { echo "imports test: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Public functions: identifiers acl*/hi_mpi_* followed by "(" in the preprocessed headers.
(cd "$inc" && find . -name '*.h' | sed 's|^\./||' | sort) >"$tmp/headers"
[ -s "$tmp/headers" ] || fail "no headers under $inc"
while read -r h; do
	printf '#include "%s"\n' "$h" |
		"$cc" -E -P -DENABLE_DVPP_INTERFACE -I "$inc" -x c - >>"$tmp/pp" ||
		fail "cannot preprocess $h"
done <"$tmp/headers"
grep -oE '(^|[^A-Za-z0-9_])(acl|hi_mpi_)[A-Za-z0-9_]*[[:space:]]*\(' "$tmp/pp" |
	sed -E 's/^[^A-Za-z0-9_]//; s/[[:space:](]+$//' | sort -u >"$tmp/public"

# The derivation must be complete: every API symbol a library exports is declared in a header.
n=0
: >"$tmp/exported"
for lib in "$dir"/lib*.so; do
	[ -e "$lib" ] || continue
	n=$((n + 1))
	nm -D --defined-only "$lib" | awk '{print $3}' >"$tmp/defined.$(basename "$lib")"
	grep -E '^(acl|hi_mpi_)' "$tmp/defined.$(basename "$lib")" >>"$tmp/exported" || true
done
[ "$n" -ge 3 ] || fail "expected libascendcl.so and the DVPP libraries in $dir, found $n libraries"
sort -u -o "$tmp/exported" "$tmp/exported"
missing=$(comm -23 "$tmp/exported" "$tmp/public")
[ -z "$missing" ] || fail "exported but not found in the headers (header parsing broken?): $missing"
npublic=$(wc -l <"$tmp/public")
grep -qx aclrtCreateStream "$tmp/public" && grep -qx hi_mpi_sys_init "$tmp/public" ||
	fail "the header-derived API ($npublic names) lacks aclrtCreateStream or hi_mpi_sys_init"

status=0
for lib in "$dir"/lib*.so; do
	[ -e "$lib" ] || continue
	name=$(basename "$lib")
	nm -D --undefined-only "$lib" | awk '{print $2}' | sed 's/@.*//' | sort -u >"$tmp/undef"
	# 1. No public API function, whichever library defines it.
	bad=$(comm -12 "$tmp/undef" "$tmp/public" | tr '\n' ' ')
	if [ -n "$bad" ]; then
		echo "imports test: $name imports public API functions: $bad" >&2
		status=1
	fi
	# 2. From a sibling library, only the private ascendsim_* contract.
	for other in "$dir"/lib*.so; do
		[ "$other" = "$lib" ] && continue
		from=$(sort -u "$tmp/defined.$(basename "$other")" | comm -12 "$tmp/undef" - |
			grep -v '^ascendsim_' | tr '\n' ' ' || true)
		if [ -n "$from" ]; then
			echo "imports test: $name imports from $(basename "$other"): $from" >&2
			status=1
		fi
	done
	if [ -z "$bad" ]; then
		echo "$name: no public API imported ($(grep -c '^ascendsim_' "$tmp/undef" || true)" \
			"ascendsim_* symbols)"
	fi
done
[ "$status" -eq 0 ] || exit 1
echo "imports test: $n libraries checked against $npublic public functions"
