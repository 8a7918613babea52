#!/bin/sh
# SPDX-License-Identifier: MIT
# Test fixture: writes the model files the sim.model.* tests load, with ascendsim-mkmodel.
# usage: make_models.sh TOOL DIR IN0 IN0_DIMS IN1 OUT0 OUT1 CHANNELS WORK WEIGHT NOW_IN0 NOW_OUT0
#                       PIC_IN0 PIC_OUT0
set -eu
tool=$1 dir=$2
mkdir -p "$dir"
"$tool" -o "$dir/stats.om" -i "image:$3:$4" -i "extra:$5" -O "result:$6" -O "digest:$7" \
	-c "$8" -w "$9" -W "${10}" -s 7
"$tool" -o "$dir/noweights.om" -i "in:${11}" -O "out:${12}" -c 1
"$tool" -o "$dir/picture.om" -i "nv12:${13}:1x48x32" -O "stats:${14}" -c 1
"$tool" --info "$dir/stats.om"
