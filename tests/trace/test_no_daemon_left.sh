#!/bin/sh
# SPDX-License-Identifier: MIT
# `acltrace record` that had to start the session daemon leaves nothing running: a run alone,
# and several overlapping runs (the last one to finish stops it). As root the check runs in
# private mount and pid namespaces (private /var/run/lttng, /dev/shm and /tmp), so the machine's
# shared daemon neither hides nor disturbs it; elsewhere it runs on the machine itself and skips
# (77) when a daemon already runs there. /tmp stays shared (the source and build trees may
# live there); the private homes go to a private TMPDIR instead.
set -u
if [ -z "${ACLTRACE_TEST_NS:-}" ] && [ "$(id -u)" -eq 0 ] &&
	unshare -m -p -f --mount-proc true 2>/dev/null; then
	ns_tmp=$(mktemp -d /tmp/acltrace-ndl.XXXXXX) || exit 1
	ACLTRACE_TEST_NS=1 TMPDIR=$ns_tmp unshare -m -p -f --mount-proc sh -c '
		for d in /var/run/lttng /dev/shm; do
			mkdir -p "$d" && mount -t tmpfs acltrace-test "$d" || exit 1
		done
		exec "$0"' "$0"
	rc=$?
	rm -rf "$ns_tmp"
	exit $rc
fi
. "$(dirname "$0")/trace_lib.sh"

lttng_procs() {
	for c in lttng-sessiond lttng-consumerd lttng-runas; do pgrep -x "$c"; done
}
if [ -n "$(lttng_procs)" ]; then
	echo "SKIP: a session daemon already runs here"
	exit 77
fi

# $1: name; the rest: PROGRAM [ARGS]. The trace must hold the program's metadata.
record() {
	name=$1
	shift
	"$ACLTRACE" record -q -o "$W/$name" -- "$@" >"$W/$name.out" 2>&1 ||
		fail "acltrace record $name exited with $?: $(cat "$W/$name.out")"
	[ -n "$(find "$W/$name" -name metadata)" ] || fail "no trace written for $name"
}

record alone /bin/true
left=$(lttng_procs)
[ -z "$left" ] || fail "after one acltrace record, still running: $(ps -o pid,comm -p $left)"

# Overlapping runs: the first finishes while the others still record, the last one is not
# the one that started the daemon.
record first sleep 1 &
a=$!
sleep 0.3
record short /bin/true &
b=$!
record last sleep 2 &
c=$!
for p in $a $b $c; do
	wait $p || fail "an overlapping acltrace record failed"
done
left=$(lttng_procs)
[ -z "$left" ] || fail "after overlapping runs, still running: $(ps -o pid,comm -p $left)"
where="this machine"
[ -n "${ACLTRACE_TEST_NS:-}" ] && where="private namespaces"
echo "ok: no session daemon left ($where)"
