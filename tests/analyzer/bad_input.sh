#!/bin/sh
# SPDX-License-Identifier: MIT
# Bad input gives one clear line on stderr naming the file and the problem, a non-zero exit
# below 128 (no crash of the report), and never a hang (the test's timeout catches that).
# usage: bad_input.sh REPORT MAKE_CTF CASE [GOOD_TRACE]
set -u
report=$1 make_ctf=$2 case=$3 good=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
expect=""
set --
case $case in
missing)   dir=$tmp/does-not-exist; expect="does-not-exist: no such file" ;;
empty)     dir=$tmp/empty; mkdir "$dir"; expect="no CTF trace found" ;;
not-dir)   dir=$tmp/file; echo x > "$dir"; expect="not a directory" ;;
unrelated) dir=$tmp/t; python3 "$make_ctf" "$dir" valid; expect="no acltrace events" ;;
random)    dir=$tmp/t; python3 "$make_ctf" "$dir" random; expect="chan_0" ;;
truncated) dir=$tmp/t; python3 "$make_ctf" "$dir" truncated; expect="chan_0" ;;
metadata)  dir=$tmp/t; python3 "$make_ctf" "$dir" metadata; expect="metadata: not CTF metadata" ;;
no-stack-definitions)
	dir=$tmp/t; python3 "$make_ctf" "$dir" acltrace; expect="have no definition" ;;
decoder-crash)
	# the decoder is made to crash: the report says so instead of crashing
	dir=$tmp/t; python3 "$make_ctf" "$dir" valid; expect="trace decoder"
	export ACLTRACE_ANALYZER_TEST_DECODER_FAULT=crash ASAN_OPTIONS=handle_segv=0 ;;
decoder-hang)
	dir=$tmp/t; python3 "$make_ctf" "$dir" valid; expect="no progress for 1 s"
	export ACLTRACE_ANALYZER_TEST_DECODER_FAULT=hang
	set -- --stall-timeout 1 ;;
error-exitcode)
	# not bad input: an error finding (the leak) with --error-exitcode 9 exits 9
	dir=$tmp/t; python3 "$make_ctf" "$dir" acltrace
	"$report" --no-progress --error-exitcode 9 "$dir" > "$tmp/out" 2> /dev/null
	rc=$?
	[ "$rc" -eq 9 ] || { echo "FAIL: exit status $rc, expected 9"; exit 1; }
	grep -q "ERROR: acltrace: leak" "$tmp/out" || { echo "FAIL: no leak block"; exit 1; }
	"$report" --no-progress "$dir" > /dev/null 2>&1
	rc=$?
	[ "$rc" -eq 1 ] || { echo "FAIL: without the option, exit status $rc, expected 1"; exit 1; }
	echo "OK"; exit 0 ;;
*) echo "unknown case $case"; exit 2 ;;
esac
"$report" --no-progress "$@" "$dir" > "$tmp/out" 2> "$tmp/err"
rc=$?
lines=$(wc -l < "$tmp/err")
if [ "$rc" -eq 0 ] || [ "$rc" -ge 128 ]; then
	echo "FAIL: exit status $rc"; cat "$tmp/err"; exit 1
fi
if [ "$lines" -ne 1 ]; then
	echo "FAIL: $lines lines on stderr, expected one"; cat "$tmp/err"; exit 1
fi
if ! grep -q -- "$expect" "$tmp/err"; then
	echo "FAIL: stderr lacks '$expect'"; cat "$tmp/err"; exit 1
fi
echo "OK ($rc): $(cat "$tmp/err")"
