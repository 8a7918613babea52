#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the simulated toolkit from a build tree, builds a CANN-style program against the
# installed tree only, the way users do, runs it with set_env.sh sourced, and checks what it
# printed. Then moves the tree and runs again: set_env.sh must find it where it now lies.
# Usage: install_test.sh BUILD_DIR C_COMPILER SAMPLE_SOURCE
set -euo pipefail

build=$1 cc=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" --component ascendsim >/dev/null ||
	fail "cmake --install of the ascendsim component failed"
P=$work/prefix/share/acltrace/ascend-sim
for f in set_env.sh runtime/include/acl/acl.h runtime/include/acl/acl_base.h \
	runtime/include/acl/acl_rt.h runtime/include/acl/acl_mdl.h \
	runtime/include/acl/error_codes/rt_error_codes.h runtime/lib64/libascendcl.so \
	runtime/lib64/libacl_cblas.so; do
	[ -e "$P/$f" ] || fail "missing from the installed tree: $f"
done
[ -e "$P/runtime/include/ascendsim.h" ] && fail "the private header ascendsim.h was installed"

libs=(-lascendcl)
defs=()
if [ -e "$P/runtime/lib64/libacl_dvpp.so" ] && [ -e "$P/runtime/include/acl/ops/acl_dvpp.h" ]; then
	libs+=(-lacl_dvpp)
	defs+=(-DENABLE_DVPP_INTERFACE -DSAMPLE_WITH_DVPP_V1)
fi
if [ -e "$P/runtime/lib64/libacl_dvpp_mpi.so" ] && [ -e "$P/runtime/include/acl/dvpp/hi_dvpp.h" ]; then
	libs+=(-lacl_dvpp_mpi)
	defs+=(-DSAMPLE_WITH_DVPP_V2)
fi

# Exactly what a user's build line looks like: nothing from the source or build tree.
"$cc" -std=c11 "${defs[@]}" -I "$P/runtime/include" "$src" -L "$P/runtime/lib64" "${libs[@]}" \
	-o "$work/sample" || fail "the sample does not build against the installed tree"

# Sample build files link against the stubs in runtime/lib64/stub.
[ -d "$P/runtime/lib64/stub" ] || fail "missing from the installed tree: runtime/lib64/stub"
"$cc" -std=c11 "${defs[@]}" -I "$P/runtime/include" "$src" -L "$P/runtime/lib64/stub" \
	"${libs[@]}" -o "$work/sample_stub" || fail "the sample does not link against the stubs"

check_run() {
	local home=$1 prog=$2 out
	out=$(env -u LD_LIBRARY_PATH bash -c '. "$1/set_env.sh" &&
		[ "$ASCEND_HOME_PATH" = "$1" ] || { echo "ASCEND_HOME_PATH=$ASCEND_HOME_PATH"; exit 1; }
		[ "$DDK_PATH" = "$1" ] || { echo "DDK_PATH=$DDK_PATH"; exit 1; }
		[ "$NPU_HOST_LIB" = "$1/runtime/lib64" ] || { echo "NPU_HOST_LIB=$NPU_HOST_LIB"; exit 1; }
		"$2"' _ "$home" "$work/$prog") || fail "the sample failed under $home: $out"
	for want in "soc Ascend310P3" "run mode host" "device memory 64-byte aligned: yes" \
		"round trip intact: yes" "device memory in use: 1056" "done"; do
		grep -qxF "$want" <<<"$out" || fail "missing line '$want' in: $out"
	done
	for want in "${defs[@]}"; do
		case $want in
		-DSAMPLE_WITH_DVPP_V1) grep -qxF "dvpp v1 128-byte aligned: yes" <<<"$out" ||
			fail "V1 DVPP line missing in: $out" ;;
		-DSAMPLE_WITH_DVPP_V2) grep -qxF "dvpp v2 128-byte aligned: yes" <<<"$out" ||
			fail "V2 DVPP line missing in: $out" ;;
		esac
	done
}

check_run "$(cd "$P" && pwd)" sample
check_run "$(cd "$P" && pwd)" sample_stub
mv "$work/prefix" "$work/moved"
check_run "$(cd "$work/moved/share/acltrace/ascend-sim" && pwd)" sample
echo "install test: passed (${libs[*]})"
