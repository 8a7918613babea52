#!/bin/sh
# SPDX-License-Identifier: MIT
# ASCEND_SIM_LOG records every model call the runtime receives, with its arguments and result.
# usage: model_log.sh TEST_PROGRAM MODEL_DIR LOG_FILE
set -u
prog=$1 dir=$2 log=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -f "$log"
ASCEND_SIM_LOG=$log "$prog" "$dir" >/dev/null 2>&1 || fail "$prog failed"
[ -s "$log" ] || fail "no log written to $log"
expect() {
	grep -Eq "$1" "$log" || fail "no line matching: $1"
}
expect '^aclmdlLoadFromFile\(modelPath=[^,]*/stats\.om, modelId=0x[0-9a-f]+\) = 0$'
expect '^aclmdlLoadFromFile\(modelPath=[^,]*/missing\.om, modelId=0x[0-9a-f]+\) = 100014$'
expect '^aclmdlLoadFromFileWithMem\(.*workSize=[0-9]+, weightPtr=.*\) = 145007$'
expect '^aclmdlQuerySize\(fileName=[^,]*/stats\.om, workSize=0x[0-9a-f]+, weightSize=0x[0-9a-f]+\) = 0$'
expect '^aclmdlExecute\(modelId=[0-9]+, input=0x[0-9a-f]+, output=0x[0-9a-f]+\) = 0$'
expect '^aclmdlExecute\(modelId=[0-9]+, input=0x[0-9a-f]+, output=0x[0-9a-f]+\) = 100017$'
expect '^aclmdlExecute\(modelId=[0-9]+, input=0x[0-9a-f]+, output=0x[0-9a-f]+\) = 100018$'
expect '^aclmdlUnload\(modelId=[0-9]+\) = 100011$'
expect '^aclmdlGetDesc\(modelDesc=0x[0-9a-f]+, modelId=[0-9]+\) = 0$'
expect '^aclmdlAddDatasetBuffer\(dataset=0x[0-9a-f]+, dataBuffer=0x[0-9a-f]+\) = 0$'
echo "PASS: $(grep -c '^aclmdl' "$log") model calls logged"
