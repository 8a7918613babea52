#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One entry point for a fresh Debian 12 machine:
#   ./bootstrap.sh demo   install what is missing, build, install to ./_install, run the demo
#   ./bootstrap.sh test   the same set-up, then the whole test suite through ctest
#   ./bootstrap.sh deps | build | install   the individual steps
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${ACLTRACE_BUILD_DIR:-$root/_build}
prefix=${ACLTRACE_PREFIX:-$root/_install}
deps_dir=$root/_deps
jobs=$(nproc 2>/dev/null || echo 2)

packages=(
	build-essential cmake pkg-config git file binutils
	lttng-tools liblttng-ust-dev liblttng-ctl-dev babeltrace2 libbabeltrace2-dev
	libunwind-dev libdw-dev libelf-dev libjansson-dev libcmocka-dev
	libjpeg62-turbo-dev libjpeg-turbo-progs libpng-dev python3 clang libclang-rt-dev
)

log() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

is_installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

# LLVM's libunwind-14-dev ships the same libunwind.so/libunwind.h as libunwind-dev, so apt
# refuses to hold both. Remove it when nothing installed needs it; otherwise leave it alone
# and unpack libunwind-dev into _deps/ so only this build sees it.
resolve_libunwind_conflict() {
	is_installed libunwind-14-dev || return 0
	is_installed libunwind-dev && return 0
	local plan
	plan=$(as_root apt-get -s remove libunwind-14-dev 2>/dev/null | awk '/^Remv /{print $2}')
	if [ "$plan" = "libunwind-14-dev" ]; then
		log "removing libunwind-14-dev (conflicts with libunwind-dev; nothing depends on it)"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q libunwind-14-dev >/dev/null
		return 0
	fi
	log "libunwind-14-dev is needed by: $(echo "$plan" | grep -v '^libunwind-14-dev$' | tr '\n' ' ')"
	log "unpacking libunwind-dev into $deps_dir instead of installing it"
	mkdir -p "$deps_dir/debs"
	(cd "$deps_dir/debs" && apt-get download libunwind-dev >/dev/null)
	dpkg-deb -x "$deps_dir"/debs/libunwind-dev_*.deb "$deps_dir/root"
	local pc lib
	for pc in "$deps_dir"/root/usr/lib/*/pkgconfig/libunwind*.pc; do
		sed -i "s|^prefix=.*|prefix=$deps_dir/root/usr|" "$pc"
	done
	# The .so links point at runtime libraries that libunwind8 installed in the system
	# directory; the static archives must never be picked instead (they are not PIC).
	for lib in "$deps_dir"/root/usr/lib/*/libunwind*.so; do
		[ -e "$lib" ] || ln -sf "/usr/lib/$(basename "$(dirname "$lib")")/$(readlink "$lib")" "$lib"
	done
	rm -f "$deps_dir"/root/usr/lib/*/libunwind*.a
	skip_libunwind_dev=1
}

install_deps() {
	command -v apt-get >/dev/null || die "apt-get not found: acltrace's set-up supports Debian 12"
	skip_libunwind_dev=0
	local missing=() p
	for p in "${packages[@]}"; do
		is_installed "$p" || missing+=("$p")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		log "all packages present"
		return 0
	fi
	as_root apt-get update -q >/dev/null
	resolve_libunwind_conflict
	missing=()
	for p in "${packages[@]}"; do
		[ "$p" = libunwind-dev ] && [ "$skip_libunwind_dev" = 1 ] && continue
		is_installed "$p" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	log "installing: ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		"${missing[@]}" >/dev/null
}

configure_and_build() {
	local extra=("$@")
	if [ -d "$deps_dir/root" ]; then
		export PKG_CONFIG_PATH="$(echo "$deps_dir"/root/usr/lib/*/pkgconfig)${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
	fi
	cmake -S "$root" -B "$build_dir" -DCMAKE_INSTALL_PREFIX="$prefix" "${extra[@]}" >/dev/null
	cmake --build "$build_dir" -j "$jobs"
	cmake --install "$build_dir" >/dev/null
	log "installed to $prefix"
}

run_demo() {
	local demo=$prefix/share/acltrace/examples/run-demo.sh
	[ -x "$demo" ] || die "the demo is not installed ($demo)"
	"$demo"
}

run_tests() {
	ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 600
}

cmd=${1:-}
case "$cmd" in
deps) install_deps ;;
build) install_deps; configure_and_build ;;
demo) install_deps; configure_and_build; run_demo ;;
test)
	install_deps
	configure_and_build -DACLTRACE_WERROR=ON -DACLTRACE_SANITIZE=ON
	run_tests
	;;
*)
	echo "usage: $0 demo|test|deps|build" >&2
	exit 2
	;;
esac
