# SPDX-License-Identifier: MIT
# Shared by the trace tests: a private work directory (kept when the test fails, or with
# TRACE_KEEP=1), failure reporting, and a check that a capture left nothing behind (sessions,
# buffer files, private homes; each test points TMPDIR into its work directory).
set -u
: "${ACLTRACE:?}" "${ACLTRACE_PRELOAD:?}" "${TRACE_PROG:?}" "${TRACE_CHECK:?}" "${TRACE_WORK:?}"
mkdir -p "$TRACE_WORK"
W=$(mktemp -d "$TRACE_WORK/$(basename "$0" .sh).XXXXXX")
export LTTNG_HOME="$W/home" TMPDIR="$W/tmp"
mkdir -p "$LTTNG_HOME" "$TMPDIR"
# A passing test removes its work directory; a failing one keeps it for a look.
trace_lib_exit() {
	rc=$?
	[ $rc -eq 0 ] && [ -z "${TRACE_KEEP:-}" ] && rm -rf "$W"
	return $rc
}
trap trace_lib_exit EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# $1: pid of an acltrace that finished: its session, private home and buffer files are gone.
check_clean() {
	if lttng --no-sessiond list 2>/dev/null | grep -q "acltrace-[0-9a-f]*-$1 "; then
		fail "the session of acltrace pid $1 still exists"
	fi
	for d in /tmp/acltrace-home."$1".* "$TMPDIR"/acltrace-home."$1".* \
		/var/tmp/acltrace-shm."$1".*; do
		[ -e "$d" ] && fail "acltrace pid $1 left $d behind"
	done
	[ -z "$(ls -A "$TMPDIR")" ] || fail "left behind in TMPDIR: $(ls -A "$TMPDIR")"
}

# Concatenated preload reports of every process (ACLTRACE_LOG=$W/preload.%p.log).
preload_logs() {
	cat "$W"/preload.*.log 2>/dev/null
}
