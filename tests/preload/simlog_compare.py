#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Observe mode changes nothing the runtime receives: runs a program with ASCEND_SIM_LOG, once
without and once with libacltrace.so preloaded, and requires identical call logs, standard
output (return codes and errno the program saw) and exit status.
simlog_compare.py PRELOAD PROGRAM [ARGS...]
"""
import os
import re
import subprocess
import sys
import tempfile


def run(cmd, preload, log):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACLTRACE_", "LD_PRELOAD"))}
    env["ASCEND_SIM_LOG"] = log
    if preload:
        env["LD_PRELOAD"] = preload
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    with open(log, encoding="utf-8") as f:
        lines = f.read().splitlines()
    # Host addresses (heap, stack, program data) move with ASLR between runs; simulated device
    # and DVPP addresses do not. Everything else must match exactly.
    # The queries the library may add: a device's memory size and the SoC name, asked at
    # aclrtSetDevice while a trace records pool events (another session on the machine may), and
    # the SoC name the use-site rules need; set aside.
    lines = [l for l in lines if not l.startswith(("aclrtGetMemInfo(", "aclrtGetSocName("))]
    lines += ["stdout: " + l for l in p.stdout.splitlines()]
    return p.returncode, [HEX.sub(normalize, l) for l in lines], p.stderr


HEX = re.compile(r"0x[0-9a-fA-F]+")


def normalize(m):
    # Program, heap, mmap and stack addresses (0x5..., 0x7...) are placed by ASLR.
    return "0x<host>" if int(m.group(0), 16) >= 0x500000000000 else m.group(0)


def main():
    preload, cmd = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as d:
        rc0, plain, _ = run(cmd, None, os.path.join(d, "plain.log"))
        rc1, traced, err = run(cmd, preload, os.path.join(d, "traced.log"))
    if "acltrace summary" not in err:
        print("the preload did not run (no summary on stderr):\n" + err)
        return 1
    if not plain:
        print("the runtime logged nothing: is ASCEND_SIM_LOG supported?")
        return 1
    if rc0 != rc1:
        print("exit status differs: %d without, %d with the preload" % (rc0, rc1))
        return 1
    if plain != traced:
        for i, (a, b) in enumerate(zip(plain + [""] * len(traced), traced + [""] * len(plain))):
            if a != b:
                print("first difference at call %d:\n  without: %s\n  with:    %s" % (i + 1, a, b))
                break
        return 1
    print("ok: %d calls identical" % len(plain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
