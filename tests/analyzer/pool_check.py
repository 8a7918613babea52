#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Records pool_peak and checks the DVPP pool of the report against the analytically known peak.

usage: pool_check.py --acltrace ACLTRACE --report REPORT --source pool_peak.c
                     [--capacity BYTES] -- pool_peak A SA B SB [fork]
Peak requested bytes = A*SA + B*SB, A+B buffers, live set = the two sites (marked "site-A" and
"site-B" in the source) with A and B buffers. With --capacity below the peak (rounded to 2 MiB
huge pages) the report must predict pool-exhausted; above it, no finding at all and the headroom
capacity - peak.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def fail(msg, extra=None):
    sys.stderr.write("pool_check: FAIL: %s\n" % msg)
    if extra:
        sys.stderr.write(extra + "\n")
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--acltrace", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--capacity", type=int, default=0)
    ap.add_argument("program", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    prog = a.program[1:] if a.program[0] == "--" else a.program
    na, sa, nb, sb = (int(x) for x in prog[1:5])
    forking = len(prog) > 5 and prog[5] == "fork"
    lines = {}
    with open(a.source, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            for tag in ("site-A", "site-B"):
                if "// " + tag in line:
                    lines[tag] = no
    if not shutil.which("lttng-sessiond"):
        print("pool_check: SKIP, no lttng-sessiond")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="acltrace-pool-")
    try:
        env = dict(os.environ, LTTNG_HOME=tmp)
        trace = os.path.join(tmp, "trace")
        rec = subprocess.run([a.acltrace, "record", "-o", trace, "--"] + prog, env=env,
                             capture_output=True, text=True, timeout=90)
        if rec.returncode != 0 or not os.path.isdir(trace):
            fail("acltrace record failed (%d)" % rec.returncode, rec.stderr)
        args = [a.report, "--format", "json", "--no-progress"]
        if a.capacity:
            args += ["--pool-capacity", "dvpp=%d" % a.capacity]
        rep = subprocess.run(args + [trace], capture_output=True, text=True, timeout=90)
        if rep.returncode != 0:
            fail("report exited with %d" % rep.returncode, rep.stderr)
        r = json.loads(rep.stdout)
        dvpp = [p for p in r["pools"] if p["name"] == "dvpp" and p["device"] == 0]
        if len(dvpp) != 1:
            fail("expected one dvpp pool of device 0", json.dumps(r["pools"], indent=1))
        p = dvpp[0]
        dump = json.dumps(p, indent=1)
        if p["peak_requested_bytes"] != na * sa + nb * sb:
            fail("peak requested %d, expected %d" % (p["peak_requested_bytes"], na * sa + nb * sb),
                 dump)
        if p["peak_buffers"] != na + nb:
            fail("peak buffers %d, expected %d" % (p["peak_buffers"], na + nb), dump)
        if p["live_bytes_at_end"] != 0:
            fail("live bytes at the end %d" % p["live_bytes_at_end"], dump)
        sites = {}
        for s in p["top_sites_at_peak"]:
            frames = [f for f in s["stack"] if f.get("file", "") and
                      os.path.basename(f["file"]) == os.path.basename(a.source)]
            if not frames:
                fail("a site at the peak has no frame in %s" % a.source, dump)
            sites[frames[0]["line"]] = (s["buffers"], s["pid"])
        want = {lines["site-A"]: na, lines["site-B"]: nb}
        if {k: v[0] for k, v in sites.items()} != want:
            fail("live set at the peak %s, expected %s (line: buffers)" % (sites, want), dump)
        if forking and sites[lines["site-A"]][1] == sites[lines["site-B"]][1]:
            fail("with fork, the two sites must come from two processes", dump)
        if not forking and len(r["processes"]) != 1:
            fail("expected one process", json.dumps(r["processes"]))
        findings = r["findings"]
        peak_pages = (p["peak_bytes"] + (2 << 20) - 1) // (2 << 20) * (2 << 20)
        if a.capacity and peak_pages > a.capacity:
            if [f["kind"] for f in findings] != ["pool-exhausted"] or not findings[0]["predicted"]:
                fail("expected one predicted pool-exhausted", json.dumps(findings, indent=1))
            if p["fits"] is not False:
                fail("the pool should not fit", dump)
        else:
            if findings:
                fail("unexpected findings", json.dumps(findings, indent=1))
            if a.capacity and p["headroom_bytes"] != a.capacity - p["peak_bytes"]:
                fail("headroom %d, expected %d" % (p["headroom_bytes"],
                                                   a.capacity - p["peak_bytes"]), dump)
        print("pool_check: OK, peak %d bytes requested in %d buffers" %
              (p["peak_requested_bytes"], p["peak_buffers"]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
