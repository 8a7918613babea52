#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Records a program with `acltrace record`, analyses the trace with the analyzer and checks the
JSON report against the program's annotations.

Annotations sit on the line the finding's innermost frame in that source must point at:

    aclrtFree(p); // acltrace-expect: double-free error x2

(kind, optional severity, optional count). The report must hold exactly the annotated
(kind, file:line, count) set, each finding's preload cross-check must agree, and nothing may be
uncertain. With --expect-none the program must produce no finding at all.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ANNOT = re.compile(r"acltrace-expect:\s*([a-z-]+)(?:\s+(error|warning))?(?:\s+x(\d+))?")


def fail(msg, extra=None):
    sys.stderr.write("report_check: FAIL: %s\n" % msg)
    if extra:
        sys.stderr.write(extra + "\n")
    sys.exit(1)


def expectations(sources):
    exp = {}
    for src in sources:
        with open(src, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                for m in ANNOT.finditer(line):
                    key = (m.group(1), os.path.basename(src), lineno)
                    n, sev = exp.get(key, (0, None))
                    exp[key] = (n + int(m.group(3) or 1), m.group(2) or sev)
    return exp


def location(finding, basenames):
    """The innermost frame in one of the annotated sources: (basename, line)."""
    for frame in finding.get("stack") or []:
        if frame.get("file") and os.path.basename(frame["file"]) in basenames:
            return (os.path.basename(frame["file"]), frame["line"])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--acltrace", required=True, help="the acltrace command (record)")
    ap.add_argument("--report", required=True, help="acltrace-report")
    ap.add_argument("--source", action="append", default=[])
    ap.add_argument("--expect-none", action="store_true")
    ap.add_argument("--report-arg", action="append", default=[])
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--end-of-trace-leaks", action="store_true",
                    help="accept leaks found live when the trace ended (uncertain)")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the program")
    ap.add_argument("program", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    prog = a.program[1:] if a.program and a.program[0] == "--" else a.program
    if not prog:
        fail("no program given")

    if not shutil.which("lttng-sessiond"):
        print("report_check: SKIP, no lttng-sessiond")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="acltrace-rc-")
    try:
        env = dict(os.environ)
        env["LTTNG_HOME"] = tmp
        for kv in a.env:
            name, _, value = kv.partition("=")
            env[name] = value
        trace = os.path.join(tmp, "trace")
        try:
            rec = subprocess.run([a.acltrace, "record", "-o", trace, "--"] + prog, env=env,
                                 capture_output=True, text=True, timeout=90)
        except subprocess.TimeoutExpired:
            fail("acltrace record did not finish within 90 s")
        if not os.path.isdir(trace):
            fail("acltrace record wrote no trace (status %d)" % rec.returncode, rec.stderr)
        rep = subprocess.run([a.report, "--format", "json", "--no-progress"] + a.report_arg +
                             [trace], capture_output=True, text=True, timeout=90)
        if rep.returncode != 0:
            fail("acltrace-report exited with %d" % rep.returncode, rep.stderr)
        try:
            report = json.loads(rep.stdout)
        except ValueError as e:
            fail("the report is not JSON: %s" % e, rep.stdout[:2000])
        if report.get("schema") != "acltrace-report/1":
            fail("unexpected schema %r" % report.get("schema"))
        findings = report["findings"]
        dump = json.dumps([{k: f[k] for k in ("kind", "severity", "count", "cross_check",
                                              "message", "uncertain")} | {
                               "at": location(f, {os.path.basename(s) for s in a.source})}
                           for f in findings], indent=1)
        if a.expect_none:
            if findings:
                fail("%d findings in a correct program" % len(findings), dump)
            print("report_check: OK, no findings")
            return
        exp = expectations(a.source)
        if not exp:
            fail("no acltrace-expect annotations in %s" % a.source)
        got = {}
        basenames = {os.path.basename(s) for s in a.source}
        for f in findings:
            loc = location(f, basenames)
            if loc is None:
                fail("finding %s has no frame in %s" % (f["kind"], sorted(basenames)), dump)
            eot = f["kind"] == "leak" and f.get("leak_when") == "end-of-trace"
            if f["uncertain"] and not (eot and a.end_of_trace_leaks):
                fail("finding %s at %s:%d is uncertain in a complete trace" % ((f["kind"],) + loc),
                     dump)
            if f["cross_check"] not in ("confirmed", "no-preload-findings"):
                fail("finding %s at %s:%d: preload cross-check %s" %
                     ((f["kind"],) + loc + (f["cross_check"],)), dump)
            key = (f["kind"],) + loc
            n, sev = got.get(key, (0, None))
            got[key] = (n + f["count"], f["severity"])
        for key, (n, sev) in exp.items():
            if key not in got:
                fail("expected %s at %s:%d is missing" % key, dump)
            if got[key][0] != n:
                fail("%s at %s:%d: count %d, expected %d" % (key + (got[key][0], n)), dump)
            if sev and got[key][1] != sev:
                fail("%s at %s:%d: severity %s, expected %s" % (key + (got[key][1], sev)), dump)
        for key in got:
            if key not in exp:
                fail("unexpected %s at %s:%d" % key, dump)
        print("report_check: OK, %d findings as annotated" % len(findings))
    finally:
        if a.keep:
            sys.stderr.write("report_check: kept %s\n" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
