#!/bin/sh
# SPDX-License-Identifier: MIT
# docs/trace-format.md documents exactly the events and fields a real trace declares: the CTF
# metadata of a fresh trace (babeltrace2 --output-format=ctf-metadata) against the page's tables.
. "$(dirname "$0")/trace_lib.sh"

"$ACLTRACE" record -q -o "$W/t" -- "$TRACE_PROG" --threads 1 --iters 1 >"$W/out" 2>&1 ||
	{ cat "$W/out"; fail "record failed"; }
meta=$(find "$W/t" -name metadata | head -n 1)
[ -n "$meta" ] || fail "no metadata in the trace"
babeltrace2 --output-format=ctf-metadata "$(dirname "$meta")" >"$W/metadata.tsdl" ||
	fail "babeltrace2 cannot print the metadata"
"$PY" "$(dirname "$0")/doc_schema.py" "$(dirname "$0")/../../docs/trace-format.md" \
	"$W/metadata.tsdl" || fail "docs/trace-format.md differs from the trace"
