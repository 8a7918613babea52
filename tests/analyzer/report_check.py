#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Records a program with `acltrace record`, analyses the trace with the analyzer and checks the
JSON report against the program's annotations. With --run the program runs under
`acltrace run --format json` instead, and the report it prints is checked.

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
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the program")
    ap.add_argument("--mode", help="observe or enforce (acltrace --mode)")
    ap.add_argument("--run", action="store_true",
                    help="use `acltrace run --format json` instead of record + report")
    ap.add_argument("--expect", action="append", default=[],
                    help="KIND:COUNT the report must hold (summed over sites), instead of "
                    "annotations")
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
        mode = ["--mode", a.mode] if a.mode else []
        if a.run:
            out = os.path.join(tmp, "report.json")
            try:
                rep = subprocess.run([a.acltrace, "run"] + mode + ["--format", "json",
                                      "--report", out, "-o", trace, "--"] + prog, env=env,
                                     capture_output=True, text=True, timeout=120)
            except subprocess.TimeoutExpired:
                fail("acltrace run did not finish within 120 s")
            if not os.path.isfile(out):
                fail("acltrace run wrote no report (status %d)" % rep.returncode, rep.stderr)
            with open(out, encoding="utf-8") as f:
                rep = subprocess.CompletedProcess(rep.args, 0, f.read(), rep.stderr)
        else:
            try:
                rec = subprocess.run([a.acltrace, "record"] + mode + ["-o", trace, "--"] + prog,
                                     env=env, capture_output=True, text=True, timeout=90)
            except subprocess.TimeoutExpired:
                fail("acltrace record did not finish within 90 s")
            if not os.path.isdir(trace):
                fail("acltrace record wrote no trace (status %d)" % rec.returncode,
                     rec.stderr)
            rep = subprocess.run([a.report, "--format", "json", "--no-progress"] +
                                 a.report_arg + [trace], capture_output=True, text=True,
                                 timeout=90)
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
        if a.expect:
            want = {}
            for e in a.expect:
                kind, _, n = e.partition(":")
                want[kind] = want.get(kind, 0) + int(n or 1)
            have = {}
            for f in findings:
                if f["uncertain"]:
                    fail("finding %s is uncertain in a complete trace" % f["kind"], dump)
                have[f["kind"]] = have.get(f["kind"], 0) + f["count"]
            if have != want:
                fail("findings by kind %s, expected %s" % (have, want), dump)
            print("report_check: OK, %s" % want)
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
            # the exit event is in the trace: a leak is never "live when the trace ended"
            if f["uncertain"] or f.get("leak_when") == "end-of-trace":
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
