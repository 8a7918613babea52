#!/bin/sh
# SPDX-License-Identifier: MIT
# Bad command lines give exit status 2 and exactly one line on stderr; --help documents every
# option.
. "$(dirname "$0")/trace_lib.sh"

bad() {
	"$ACLTRACE" "$@" >"$W/out" 2>"$W/err"
	rc=$?
	[ $rc -eq 2 ] || fail "acltrace $* exited $rc, expected 2"
	[ "$(wc -l <"$W/err")" -eq 1 ] || fail "acltrace $*: expected one line, got: $(cat "$W/err")"
}

bad
bad bogus
bad run
bad run --
bad record -o
bad run --format xml -- true
bad run --mode strict -- true
bad run --bt-depth 99 -- true
bad run --bt-depth x -- true
bad run --snapshot=abc -- true
bad run --buffer-size 1 -- true
bad run --error-exitcode 300 -- true
bad run --no-such-option -- true
bad run --snapshot --no-loss -- true
bad record --report r.txt -- true
bad summary
bad summary --format xml x

"$ACLTRACE" run --format xml -- true 2>"$W/err"
grep -q "format must be text, json or html" "$W/err" || fail "no explanation for a bad --format"

"$ACLTRACE" --help >"$W/help" || fail "--help failed"
for opt in -o --format --report --mode --bt-depth --no-loss --snapshot --error-exitcode \
	--buffer-size --shm-path "acltrace run" "acltrace record" "acltrace report" "Exit status"; do
	grep -q -- "$opt" "$W/help" || fail "--help does not document $opt"
done
"$ACLTRACE" run --help >/dev/null || fail "run --help failed"
echo ok
