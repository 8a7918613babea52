#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The acceptance test of the simulated runtime, used the way an Ascend developer uses a toolkit:
# install it, source its set_env.sh, build a CANN-style program against the installed tree only,
# run it. Steps (each one ctest entry):
#   accept.sh install BUILD_DIR PREFIX
#   accept.sh build   PREFIX SRC_DIR WORK_DIR CC CXX   input picture, model, C and C++ binaries
#   accept.sh run     PREFIX WORK_DIR SOC [VAR=VALUE...]  both binaries on one SoC
#   accept.sh faults  PREFIX SRC_DIR WORK_DIR CC       each planted fault fails its own check
set -euo pipefail

fail() {
	echo "acceptance: $*" >&2
	exit 1
}

sim_root() { echo "$1/share/acltrace/ascend-sim"; }

# The installed toolkit's environment, and nothing from the build or source tree.
enter_toolkit() {
	local root
	root=$(sim_root "$1")
	[ -f "$root/set_env.sh" ] || fail "no installed toolkit under $1 (missing set_env.sh)"
	unset LD_LIBRARY_PATH ASCEND_HOME_PATH DDK_PATH NPU_HOST_LIB
	# shellcheck disable=SC1091 # generated at install time
	. "$root/set_env.sh"
	[ "$ASCEND_HOME_PATH" = "$(cd "$root" && pwd)" ] ||
		fail "set_env.sh set ASCEND_HOME_PATH=$ASCEND_HOME_PATH, expected $root"
}

# What an Ascend sample's build line looks like, plus libjpeg for the program's own reference.
compile() {
	local compiler=$1 out=$2 src=$3
	shift 3
	"$compiler" "$@" -DENABLE_DVPP_INTERFACE -I"$ASCEND_HOME_PATH/runtime/include" \
		"$src/accept_app.c" "$src/accept_ref.c" -L"$ASCEND_HOME_PATH/runtime/lib64" \
		-lascendcl -lacl_dvpp -lacl_dvpp_mpi -ljpeg -lm -pthread -o "$out"
}

# A picture with edges, rings and fine detail, so that a wrong resample or a shifted decode
# shows; written as a plain PPM and encoded by libjpeg's cjpeg (4:2:0, the usual camera JPEG).
make_picture() {
	awk -v w=600 -v h=338 'BEGIN {
		print "P3"; print w, h; print 255
		for (y = 0; y < h; y++)
			for (x = 0; x < w; x++) {
				r = int(128 + 100 * sin(x * 0.21) * cos(y * 0.17))
				g = ((int(x / 9) + int(y / 7)) % 2) ? 215 : 35
				disc = ((x - 300) ^ 2 + (y - 170) ^ 2 < 8100) ? 100 : 0
				b = int(150 * x / (w - 1)) + disc
				printf "%d %d %d\n", r, g, b
			}
	}' >"$1.ppm"
	cjpeg -quality 90 -sample 2x2 "$1.ppm" >"$1" || fail "cjpeg failed"
	rm -f "$1.ppm"
}

do_install() {
	local build=$1 prefix=$2
	rm -rf "$prefix"
	cmake --install "$build" --prefix "$prefix" --component ascendsim >/dev/null ||
		fail "cmake --install $build --component ascendsim failed"
}

do_build() {
	local prefix=$1 src=$2 work=$3 cc=$4 cxx=$5 tool
	enter_toolkit "$prefix"
	rm -rf "$work"
	mkdir -p "$work"
	make_picture "$work/picture.jpg"
	tool=$ASCEND_HOME_PATH/tools/ascendsim-mkmodel
	[ -x "$tool" ] || fail "the installed toolkit has no $tool"
	# One input: the resized 224x224 NV12 picture; outputs: the stats record and a longer one
	# that holds it repeated and cut.
	"$tool" -o "$work/model.om" -i picture:75264:1x336x224 -O stats:20 -O tiled:90 \
		-c 3 -W 4096 -s 11 >/dev/null || fail "ascendsim-mkmodel failed"
	compile "$cc" "$work/accept_c" "$src" -std=c11 -Wall -Wextra -Wshadow -Wformat=2 \
		-Wmissing-prototypes -Wstrict-prototypes -Werror ||
		fail "the program does not build as C against the installed tree"
	compile "$cxx" "$work/accept_cxx" "$src" -x c++ -std=c++17 -Wall -Wextra -Wshadow \
		-Wformat=2 -Werror || fail "the same source does not build as C++"
}

# Every check the program must have passed: a step that silently did nothing would miss one.
required_checks=(decode.geometry decode.size decode.psnr decode.content resize.v1 resize.v2
	resize.v1_vs_v2 model.sync.no_copy model.sync model.async.no_copy model.async.callback
	model.async vdec.v1.callback vdec.v1.geometry vdec.v1.pixels vdec.v1.eos vdec.v2.frame
	vdec.v2.pixels vdec.v2.eos)

do_run() {
	local prefix=$1 work=$2 soc=$3 bin lang out status check
	shift 3
	enter_toolkit "$prefix"
	for bin in accept_c accept_cxx; do
		lang=C
		[ "$bin" = accept_cxx ] && lang=C++
		status=0
		out=$(cd "$work" &&
			env "$@" ASCEND_SIM_SOC="$soc" "./$bin" picture.jpg model.om 2>&1) ||
			status=$?
		printf '%s\n' "$out"
		[ "$status" -eq 0 ] || fail "$bin exited with $status on $soc"
		grep -qxF "acceptance: built as $lang, fault 0" <<<"$out" ||
			fail "$bin was not built as $lang"
		grep -qF "acceptance: soc $soc," <<<"$out" || fail "$bin did not run on $soc"
		! grep -q "^acceptance: FAIL" <<<"$out" || fail "$bin reported a failed check"
		for check in "${required_checks[@]}"; do
			grep -q "^acceptance: PASS $check: " <<<"$out" ||
				fail "$bin on $soc: check $check did not run"
		done
		[ "$(tail -n 1 <<<"$out")" = "acceptance: all checks passed" ] ||
			fail "$bin on $soc did not finish"
	done
	echo "acceptance: C and C++ builds passed on $soc $*"
}

# fault number and the exact set of checks it must fail (accept_app.c's FAULT_*).
faults=("1:decode.psnr" "2:resize.v1 resize.v2" "3:model.async.no_copy model.sync.no_copy"
	"4:vdec.v1.pixels vdec.v2.pixels" "5:model.async model.sync")

do_faults() {
	local prefix=$1 src=$2 work=$3 cc=$4 entry n want got out status
	enter_toolkit "$prefix"
	for entry in "${faults[@]}"; do
		n=${entry%%:*}
		want=${entry#*:}
		compile "$cc" "$work/accept_fault$n" "$src" -std=c11 -DACCEPTANCE_FAULT="$n" ||
			fail "fault $n does not build"
		status=0
		out=$(cd "$work" && "./accept_fault$n" picture.jpg model.om 2>&1) || status=$?
		[ "$status" -eq 1 ] || fail "fault $n: exit status $status, expected 1: $out"
		got=$(sed -n 's/^acceptance: FAIL \([^:]*\):.*/\1/p' <<<"$out" |
			LC_ALL=C sort -u | xargs)
		[ "$got" = "$want" ] ||
			fail "fault $n: failed checks '$got', expected '$want': $out"
		echo "acceptance: fault $n caught by: $got"
	done
}

step=${1:-}
shift || true
case $step in
install) do_install "$@" ;;
build) do_build "$@" ;;
run) do_run "$@" ;;
faults) do_faults "$@" ;;
*) fail "usage: $0 install|build|run|faults ARGS..." ;;
esac
