#!/bin/sh
# SPDX-License-Identifier: MIT
# Test fixture for the trace tests.
#   start STATE  use the running root lttng-sessiond, or start one (its pid goes to STATE); then
#                create an idle "hold" session, so that an `acltrace` of someone else that
#                started the daemon does not stop it under our tests (acltrace stops a daemon it
#                started only when no session remains)
#   stop STATE   destroy the hold session; when no session remains, stop the daemon if this
#                fixture started it or an acltrace did (its pid is in acltrace's lock file); when
#                others still record, hand a daemon we started to acltrace's lock file, so the
#                last acltrace to finish stops it. A daemon started by anyone else is never
#                stopped.
# LTTNG_HOME is private so the lttng client leaves no .lttngrc behind.
set -u
cmd=${1:?start|stop}
state=${2:?state file}
# Homes of fixtures that were killed before their cleanup ran.
for d in "${TMPDIR:-/tmp}"/acltrace-fixture-home.*; do
	[ -d "$d" ] && [ -O "$d" ] && ! [ -d "/proc/${d##*.}" ] && rm -rf "$d"
done
LTTNG_HOME=${TMPDIR:-/tmp}/acltrace-fixture-home.$$
export LTTNG_HOME
mkdir -p "$LTTNG_HOME"
trap 'rm -rf "$LTTNG_HOME"' EXIT
L="lttng --no-sessiond"
lock=/tmp/acltrace-sessiond-$(id -u).lock

is_sessiond() {
	[ -n "$1" ] && [ "$(cat "/proc/$1/comm" 2>/dev/null)" = lttng-sessiond ] &&
		! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

alive() {
	[ -d "/proc/$1" ] && ! grep -q '^State:[[:space:]]*[ZX]' "/proc/$1/status" 2>/dev/null
}

# Stops a daemon and waits for its consumer and run-as helpers too: they clean the run
# directory up after the daemon is gone and would delete a newer daemon's sockets.
stop_daemon() {
	helpers=$(for c in $(pgrep -P "$1"); do echo "$c"; pgrep -P "$c"; done)
	kill -TERM "$1"
	i=0
	while [ $i -lt 100 ]; do
		busy=
		for p in "$1" $helpers; do alive "$p" && busy=1; done
		[ -z "$busy" ] && break
		sleep 0.1
		i=$((i + 1))
	done
	if [ -n "$busy" ]; then
		echo "sessiond_fixture: lttng-sessiond $1 did not stop" >&2
		return 1
	fi
	echo "sessiond_fixture: stopped lttng-sessiond (pid $1)"
}

# Helpers of a daemon going away (ours or another run's) must be gone before a new one starts.
wait_no_helpers() {
	i=0
	while [ $i -lt 50 ]; do
		busy=
		for p in $(pgrep -u 0 -x lttng-sessiond) $(pgrep -u 0 -x lttng-consumerd) \
			$(pgrep -u 0 -x lttng-runas); do
			alive "$p" && busy=1
		done
		[ -z "$busy" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
}

case "$cmd" in
start)
	echo "none" >"$state"
	if [ "$(id -u)" -ne 0 ]; then
		echo "sessiond_fixture: not root; acltrace starts a private daemon per run"
		exit 0
	fi
	# Serialized with acltrace's own start and stop of daemons (same lock).
	exec 9<>"$lock"
	flock -x 9
	if ! $L list >/dev/null 2>&1; then
		wait_no_helpers
		if lttng-sessiond --daemonize --no-kernel >/dev/null 2>&1; then
			pid=$(cat /var/run/lttng/lttng-sessiond.pid 2>/dev/null)
			if ! is_sessiond "$pid"; then
				echo "sessiond_fixture: no pid for the started lttng-sessiond" >&2
				exit 1
			fi
			echo "$pid" >"$state"
			echo "sessiond_fixture: started lttng-sessiond (pid $pid)"
		else
			# Someone else is starting one at the same moment: use it, never stop it.
			i=0
			while ! $L list >/dev/null 2>&1 && [ $i -lt 50 ]; do
				sleep 0.1
				i=$((i + 1))
			done
		fi
	else
		echo "sessiond_fixture: using the running lttng-sessiond"
	fi
	# One per build tree: concurrent test runs of other trees hold their own.
	hold="acltrace-fixture-hold-$(printf %s "$state" | cksum | cut -d' ' -f1)-$(id -u)"
	$L create "$hold" --no-output >/dev/null || {
		echo "sessiond_fixture: no session daemon answers" >&2
		exit 1
	}
	echo "$hold" >"$state.hold"
	flock -u 9
	;;
stop)
	pid=$(cat "$state" 2>/dev/null || echo none)
	hold=$(cat "$state.hold" 2>/dev/null)
	rm -f "$state" "$state.hold"
	[ -n "$hold" ] && timeout 30 $L destroy "$hold" >/dev/null 2>&1
	[ "$(id -u)" -eq 0 ] || exit 0
	exec 9<>"$lock"
	flock -x 9
	sessions=$($L list 2>/dev/null | grep '^ *[0-9]*) ')
	if [ "$pid" != none ] && is_sessiond "$pid"; then
		if [ -z "$sessions" ]; then
			stop_daemon "$pid"
			exit $?
		fi
		# Others record through it right now: the last acltrace to finish stops it.
		echo "$pid" >"$lock"
		echo "sessiond_fixture: lttng-sessiond $pid still in use; left to the last acltrace"
		exit 0
	fi
	# A daemon an acltrace started and left to the last one out: that is us now.
	owner=$(cat "$lock" 2>/dev/null)
	if is_sessiond "$owner" && [ -z "$sessions" ]; then
		stop_daemon "$owner" && : >"$lock"
	fi
	exit 0
	;;
*)
	echo "usage: $0 start|stop STATE" >&2
	exit 2
	;;
esac
