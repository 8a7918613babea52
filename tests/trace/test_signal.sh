#!/bin/sh
# SPDX-License-Identifier: MIT
# SIGTERM (and SIGINT) sent to acltrace reach PROGRAM; the capture is still finalised: the trace
# is complete up to that point, the exit status is PROGRAM's death by the signal, and nothing
# is left behind.
. "$(dirname "$0")/trace_lib.sh"

for sig in TERM INT; do
	rm -f "$W/ready"
	"$ACLTRACE" run -o "$W/t$sig" -- "$TRACE_PROG" --threads 1 --iters 5 \
		--pause "$W/ready" "$W/never" >"$W/out$sig" 2>"$W/err$sig" &
	pid=$!
	i=0
	while [ ! -e "$W/ready" ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
	[ -e "$W/ready" ] || fail "the program did not reach its pause"
	kill -$sig $pid
	wait $pid
	rc=$?
	case $sig in TERM) want=143 ;; INT) want=130 ;; esac
	[ $rc -eq $want ] || fail "SIG$sig: exit status $rc, expected $want: $(cat "$W/err$sig")"
	"$PY" "$TRACE_CHECK" stacks "$W/t$sig" || fail "SIG$sig: the trace is not complete"
	[ -s "$W/out$sig" ] || fail "SIG$sig: no report printed after the signal"
	check_clean "$pid"
done
echo ok
