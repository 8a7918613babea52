#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Observe mode forwards every use-site call unchanged: runs a program with ASCEND_SIM_LOG, once
without and once with libacltrace.so, and requires the same call log, standard output and exit
status. The only calls the library adds are the documented queries it makes of the runtime
(the target SoC, a device's memory size while a trace records pool events, and model
datasets read through their getters); they are set aside, and must be queries only.
simlog_same.py PRELOAD [--env K=V]... -- PROGRAM [ARGS...]
"""
import os
import re
import subprocess
import sys
import tempfile

QUERIES = ("aclrtGetSocName", "aclrtGetMemInfo", "aclmdlGetDatasetNumBuffers",
           "aclmdlGetDatasetBuffer", "aclGetDataBufferAddr", "aclGetDataBufferSizeV2",
           "acldvppGetPicDesc", "aclvencGetFrameConfigEos")
QUERY = re.compile(r"^(%s)\(" % "|".join(QUERIES))
# Program, heap, mmap and stack addresses (0x5... to 0x7...) move with ASLR.
HOST = re.compile(r"0x[5-7][0-9a-f]{11}\b")


def run(cmd, envs, preload, log):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACLTRACE_", "LD_PRELOAD"))}
    env.update(envs)
    env["ASCEND_SIM_LOG"] = log
    if preload:
        env["LD_PRELOAD"] = preload
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    with open(log, encoding="utf-8") as f:
        lines = f.read().splitlines()
    added = [l for l in lines if QUERY.match(l)]
    kept = [HOST.sub("0x<host>", l) for l in lines if not QUERY.match(l)]
    kept += ["stdout: " + HOST.sub("0x<host>", l) for l in p.stdout.splitlines()]
    return p.returncode, kept, added, p.stderr


def main():
    argv = sys.argv[1:]
    preload, argv = argv[0], argv[1:]
    envs = {}
    while argv and argv[0] == "--env":
        k, _, v = argv[1].partition("=")
        envs[k] = v
        argv = argv[2:]
    cmd = argv[1:] if argv and argv[0] == "--" else argv
    with tempfile.TemporaryDirectory() as d:
        rc0, plain, q0, _ = run(cmd, envs, None, os.path.join(d, "plain.log"))
        rc1, traced, q1, err = run(cmd, envs, preload, os.path.join(d, "traced.log"))
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
    print("ok: %d calls identical; %d queries added by acltrace" % (len(plain), len(q1) - len(q0)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
