#!/bin/sh
# SPDX-License-Identifier: MIT
# ascendsim-mkmodel: what it writes is what --info reads back, and bad arguments are refused.
# usage: mkmodel_cli.sh TOOL WORKDIR
set -u
tool=$1 dir=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$dir" || fail "cannot create $dir"

"$tool" -o "$dir/cli.om" -i "a:100:10x10" -i "b:7" -O "y:33" -c 2 -w 4096 -W 50 ||
	fail "a valid description was refused"
info=$("$tool" --info "$dir/cli.om") || fail "--info failed on a fresh file"
echo "$info"
echo "$info" | grep -qx "version=1 compute=1 channels=2" || fail "header fields"
echo "$info" | grep -qx "work_size=4096 weight_size=50 file_size=$((64 + 3 * 128 + 50))" ||
	fail "sizes"
echo "$info" | grep -qx "input 0: name=a size=100 dims=10x10" || fail "input 0"
echo "$info" | grep -qx "input 1: name=b size=7 dims=-" || fail "input 1"
echo "$info" | grep -qx "output 0: name=y size=33 dims=-" || fail "output 0"
size=$(wc -c <"$dir/cli.om")
[ "$size" -eq $((64 + 3 * 128 + 50)) ] || fail "file is $size bytes"

# Weights from a file end up verbatim at the end of the model.
printf 'WEIGHTS-PAYLOAD' >"$dir/w.bin"
"$tool" -o "$dir/w.om" -i "a:1" -O "y:1" -f "$dir/w.bin" || fail "weights file refused"
[ "$(tail -c 15 "$dir/w.om")" = "WEIGHTS-PAYLOAD" ] || fail "weights payload not at the end"

# A corrupted byte is detected.
cp "$dir/cli.om" "$dir/bad.om"
printf 'Z' | dd of="$dir/bad.om" bs=1 seek=100 conv=notrunc 2>/dev/null
"$tool" --info "$dir/bad.om" 2>/dev/null && fail "--info accepted a corrupt file"

refuse() {
	"$tool" "$@" 2>/dev/null && fail "accepted: $*"
	return 0
}
refuse -o "$dir/x.om" -O "y:1"                      # no input
refuse -o "$dir/x.om" -i "a:1"                      # no output
refuse -o "$dir/x.om" -i "a:0" -O "y:1"             # empty tensor
refuse -o "$dir/x.om" -i ":5" -O "y:1"              # no name
refuse -o "$dir/x.om" -i "a:5:2xq" -O "y:1"         # bad dims
refuse -o "$dir/x.om" -i "a:5" -O "y:1" -c 0        # no channels
refuse -o "$dir/x.om" -i "a:5" -O "y:1" -c 65       # too many channels
refuse -o "$dir/x.om" -i "a:5" -O "y:1" -w 4        # work below the result record
refuse -o "$dir/x.om" -i "a:5" -O "y:1" -W -3       # negative size
refuse -o "$dir/x.om" -i "a:5" -O "y:1" -f "$dir/missing.bin"
refuse --info "$dir/missing.om"
echo "PASS"
