#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Records a program with a deliberately tiny trace buffer so the tracer discards events, and
checks that the report says so: discarded events counted, every finding uncertain, and no
invalid-free (frees whose allocation events were lost are not invalid).

usage: discard_check.py --acltrace ACLTRACE --report REPORT -- PROGRAM ARGS...
Exit 77 (skip) when lttng is missing or the tracer happened to lose nothing.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--acltrace", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("program", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    prog = a.program[1:] if a.program[0] == "--" else a.program
    if not shutil.which("lttng-sessiond"):
        print("discard_check: SKIP, no lttng-sessiond")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="acltrace-discard-")
    try:
        env = dict(os.environ, LTTNG_HOME=tmp)
        trace = os.path.join(tmp, "trace")
        subprocess.run([a.acltrace, "record", "--buffer-size", "16K", "-o", trace, "--"] + prog,
                       env=env, capture_output=True, text=True, timeout=90)
        if not os.path.isdir(trace):
            sys.exit("discard_check: FAIL: no trace written")
        rep = subprocess.run([a.report, "--format", "json", "--no-progress", trace],
                             capture_output=True, text=True, timeout=90)
        if rep.returncode != 0:
            sys.exit("discard_check: FAIL: report exited with %d: %s" %
                     (rep.returncode, rep.stderr))
        r = json.loads(rep.stdout)
        lost = r["trace"]["discarded_events"]
        if lost == 0 and r["trace"]["discard_records"] == 0:
            print("discard_check: SKIP, the tracer lost nothing this time")
            sys.exit(77)
        bad = [f for f in r["findings"] if f["kind"] == "invalid-free"]
        if bad:
            sys.exit("discard_check: FAIL: invalid-free in a lossy trace:\n" +
                     json.dumps(bad, indent=1))
        certain = [f for f in r["findings"] if not f["uncertain"] and f["kind"] != "leak"]
        if certain:
            sys.exit("discard_check: FAIL: findings not marked uncertain:\n" +
                     json.dumps(certain, indent=1))
        unmatched = sum(p["unmatched_frees"] for p in r["processes"])
        print("discard_check: OK, %d events lost, %d findings (all uncertain), %d frees of "
              "unknown buffers not called invalid" % (lost, len(r["findings"]), unmatched))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
