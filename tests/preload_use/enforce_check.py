#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Proves with the simulated runtime's call log (ASCEND_SIM_LOG) which calls reached the runtime.

enforce_check.py --preload LIB [--env K=V]... [--calls API:N]... [--observe-calls API:N]...
                 [--stdout TEXT]... [--observe-stdout TEXT]... [--exit-code N] -- PROGRAM [ARGS]

Runs PROGRAM with LIB preloaded and ACLTRACE_MODE=enforce: the log must hold exactly N calls of
each --calls API, and the program's standard output each --stdout TEXT. Then runs it in observe
mode, where the --observe-calls counts and --observe-stdout texts must hold: the same program
without enforcement does send those calls, so a missing call in enforce mode is acltrace's doing.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def run(cmd, preload, mode, envs, log):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACLTRACE_", "LD_PRELOAD"))}
    for kv in envs:
        k, _, v = kv.partition("=")
        env[k] = v
    env["ASCEND_SIM_LOG"] = log
    env["LD_PRELOAD"] = preload
    env["ACLTRACE_MODE"] = mode
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    try:
        with open(log, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        lines = []
    return p, lines


def count(lines, api):
    pat = re.compile(r"^%s\(" % re.escape(api))
    return sum(1 for l in lines if pat.match(l))


def check(tag, p, lines, calls, texts, exit_code):
    problems = []
    if "acltrace summary" not in p.stderr:
        problems.append("the preload did not run (no summary on stderr)")
    if not lines:
        problems.append("the runtime logged nothing: is ASCEND_SIM_LOG supported?")
    if p.returncode != exit_code:
        problems.append("exit status %d, expected %d" % (p.returncode, exit_code))
    for spec in calls:
        api, _, n = spec.rpartition(":")
        got = count(lines, api)
        if got != int(n):
            problems.append("%s: the runtime received %s %d times, expected %s"
                            % (tag, api, got, n))
    for t in texts:
        if t not in p.stdout:
            problems.append("%s: program output lacks %r" % (tag, t))
    if problems:
        sys.stderr.write("enforce_check: FAIL (%s mode): %s\n---- stdout ----\n%s\n---- stderr "
                         "----\n%s\n---- runtime log ----\n%s\n"
                         % (tag, "; ".join(problems), p.stdout, p.stderr, "\n".join(lines)))
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preload", required=True)
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--calls", action="append", default=[])
    ap.add_argument("--observe-calls", action="append", default=[])
    ap.add_argument("--stdout", action="append", default=[])
    ap.add_argument("--observe-stdout", action="append", default=[])
    ap.add_argument("--exit-code", type=int, default=0)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command and a.command[0] == "--" else a.command
    with tempfile.TemporaryDirectory() as d:
        p, lines = run(cmd, a.preload, "enforce", a.env, os.path.join(d, "enforce.log"))
        check("enforce", p, lines, a.calls, a.stdout, a.exit_code)
        if a.observe_calls or a.observe_stdout:
            p, lines = run(cmd, a.preload, "observe", a.env, os.path.join(d, "observe.log"))
            check("observe", p, lines, a.observe_calls, a.observe_stdout, a.exit_code)
    print("enforce_check: ok")


if __name__ == "__main__":
    main()
