#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A trace that starts while the program runs (the lttng CLI, as a user would): the report must
say the trace started mid-run, must not call frees of buffers allocated before it invalid, and
must still find the double free the program commits once traced.

usage: midrun_check.py --report REPORT --preload LIBACLTRACE --source SRC -- PROGRAM
A session daemon is started only when none runs, and then stopped again; exit 77 (skip) when
lttng is missing.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def lttng(env, *args):
    return subprocess.run(["lttng"] + list(args), env=env, capture_output=True, text=True,
                          timeout=60)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", required=True)
    ap.add_argument("--preload", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("program", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    prog = a.program[1:] if a.program[0] == "--" else a.program
    if not shutil.which("lttng") or not shutil.which("lttng-sessiond"):
        print("midrun_check: SKIP, no lttng")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="acltrace-midrun-")
    env = dict(os.environ, LTTNG_HOME=tmp)
    started_daemon = None
    session = "acltrace_midrun_%d_%d" % (os.getpid(), random.randrange(1 << 30))
    run_id = str(random.randrange(1, 1 << 31))
    child = None
    try:
        if subprocess.run(["pgrep", "-x", "lttng-sessiond"], capture_output=True).returncode:
            subprocess.run(["lttng-sessiond", "--daemonize", "--no-kernel"], env=env, check=True,
                           timeout=30)
            out = subprocess.run(["pgrep", "-x", "-n", "lttng-sessiond"], capture_output=True,
                                 text=True).stdout.split()
            started_daemon = int(out[0]) if out else None
        ready, go = os.path.join(tmp, "ready"), os.path.join(tmp, "go")
        penv = dict(env, ACLTRACE_RUN_ID=run_id,
                    LD_PRELOAD=a.preload + ":liblttng-ust-fork.so.1:liblttng-ust-dl.so.1")
        child = subprocess.Popen(prog + [ready, go], env=penv, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        for _ in range(3000):
            if os.path.exists(ready) or child.poll() is not None:
                break
            time.sleep(0.01)
        if not os.path.exists(ready):
            sys.exit("midrun_check: FAIL: the program did not get ready")
        trace = os.path.join(tmp, "trace")
        steps = [("create", session, "--output=" + trace),
                 ("enable-event", "-s", session, "-u", "acltrace:*", "--filter",
                  "run == %s" % run_id),
                 ("enable-event", "-s", session, "-u", "lttng_ust_statedump:*,lttng_ust_dl:*"),
                 ("add-context", "-s", session, "-u", "-t", "vpid", "-t", "vtid"),
                 ("start", session)]
        for step in steps:
            r = lttng(env, *step)
            if r.returncode != 0:
                sys.exit("midrun_check: FAIL: lttng %s: %s" % (step[0], r.stderr))
        open(go, "w").close()
        child.wait(timeout=60)
        lttng(env, "stop", session)
        lttng(env, "destroy", session)
        rep = subprocess.run([a.report, "--format", "json", "--no-progress", trace],
                             capture_output=True, text=True, timeout=120)
        if rep.returncode != 0:
            sys.exit("midrun_check: FAIL: report exited with %d: %s" %
                     (rep.returncode, rep.stderr))
        r = json.loads(rep.stdout)
        dump = json.dumps(r["findings"], indent=1)
        if not r["trace"]["started_mid_run"]:
            sys.exit("midrun_check: FAIL: the report does not say the trace started mid-run")
        if [f for f in r["findings"] if f["kind"] == "invalid-free"]:
            sys.exit("midrun_check: FAIL: invalid-free for buffers older than the trace\n" + dump)
        doubles = [f for f in r["findings"] if f["kind"] == "double-free"]
        line = next(n for n, l in enumerate(open(a.source, encoding="utf-8"), 1)
                    if "acltrace-expect: double-free" in l)
        if len(doubles) != 1 or not any(fr.get("line") == line for fr in doubles[0]["stack"]):
            sys.exit("midrun_check: FAIL: expected one double-free at line %d\n%s" % (line, dump))
        unmatched = sum(p["unmatched_frees"] for p in r["processes"])
        if unmatched != 8:
            sys.exit("midrun_check: FAIL: %d frees of older buffers, expected 8" % unmatched)
        print("midrun_check: OK, mid-run trace, 8 older buffers freed, no invalid-free, "
              "the double free found")
    finally:
        if child and child.poll() is None:
            child.kill()
        lttng(env, "destroy", session)
        if started_daemon:
            os.kill(started_daemon, signal.SIGTERM)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
