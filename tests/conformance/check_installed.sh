#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the conformance sources against the installed simulated CANN tree, as C and as C++,
# exactly as a user would (-I runtime/include -L runtime/lib64 -l...), runs them, and checks the
# installed libraries' exports against the installed headers.
# usage: check_installed.sh SIM_ROOT SRC_DIR WORK_DIR CC CXX PYTHON NAME:LIBFILE:HEADERS...
set -eu
root=$1 src=$2 work=$3 cc=$4 cxx=$5 python=$6
shift 6
inc=$root/runtime/include
lib=$root/runtime/lib64
[ -f "$inc/acl/acl.h" ] || { echo "FAIL: no installed headers under $inc" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
pairs=""
for part in "$@"; do
	name=${part%%:*}
	rest=${part#*:}
	libfile=${rest%%:*}
	headers=${rest#*:}
	l=${libfile#lib}
	l=${l%.so}
	"$cc" -std=c11 -Wall -Wextra -Werror -DENABLE_DVPP_INTERFACE -I "$inc" -I "$src" \
		"$src/conformance_$name.c" -L "$lib" -Wl,-rpath-link,"$lib" -l"$l" \
		-o "$work/conformance_${name}_c"
	"$cxx" -std=c++17 -Wall -Wextra -Werror -DENABLE_DVPP_INTERFACE -I "$inc" -I "$src" \
		"$src/conformance_$name.cpp" -L "$lib" -Wl,-rpath-link,"$lib" -l"$l" \
		-o "$work/conformance_${name}_cxx"
	LD_LIBRARY_PATH=$lib "$work/conformance_${name}_c"
	LD_LIBRARY_PATH=$lib "$work/conformance_${name}_cxx"
	pairs="$pairs $lib/$libfile=$headers:conformance_$name.c"
done
# shellcheck disable=SC2086 # pairs holds space-free words
"$python" "$src/check_exports.py" --cc "$cc" --include "$inc" --conformance-dir "$src" $pairs
