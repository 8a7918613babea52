#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs a program under libacltrace.so and checks its findings against expectations.

Expectations come from annotations in the program's sources, on the line the reported stack must
point at (the call of the allocating or freeing function):

    aclrtFree(p); // acltrace-expect: double-free
    aclrtMalloc(&q, 64, 0); // acltrace-expect: leak x3
    hi_mpi_dvpp_free(p); // acltrace-expect: mismatched-free warning

Each annotation is a finding kind, an optional severity and an optional count (default 1). The
checker reads the summary the library prints at exit (one line per kind and stack with its
count and innermost frame), symbolizes each frame with addr2line and requires exactly the
annotated (kind, file:line, count) set, and a report block for every kind reported.
With --expect-none the program must run with the library active and produce no finding.
"""
import argparse
import os
import re
import subprocess
import sys

ANNOT = re.compile(r"acltrace-expect:\s*([a-z-]+)(?:\s+(error|warning))?(?:\s+x(\d+))?")
SUMMARY = re.compile(r"^==(\d+)== acltrace summary: (\d+) finding.*; (\d+) allocations, (\d+) frees")
GROUP = re.compile(r"^==(\d+)==   ([a-z-]+) x(\d+) \((error|warning), (\w+)\) at (.*)$")
BLOCK = re.compile(r"^==(\d+)==(ERROR|WARNING): acltrace: ([a-z-]+)")
LOCATION = re.compile(r"\(([^()]+)\+0x([0-9a-f]+)\)\s*$")


def fail(msg, output=None):
    sys.stderr.write("acltrace_check: FAIL: %s\n" % msg)
    if output is not None:
        sys.stderr.write("---- program output ----\n%s\n------------------------\n" % output)
    sys.exit(1)


def read_expectations(sources):
    expected = {}
    for src in sources:
        with open(src, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                for m in ANNOT.finditer(line):
                    key = (m.group(1), os.path.basename(src), lineno)
                    count = int(m.group(3) or 1)
                    sev = m.group(2)
                    prev = expected.get(key, (0, sev))
                    expected[key] = (prev[0] + count, sev or prev[1])
    return expected


def symbolize(module, offset):
    """file basename and line of a return address (module offset), via addr2line."""
    if offset == 0:
        return ("?", 0)
    out = subprocess.run(["addr2line", "-e", module, "0x%x" % (offset - 1)],
                         capture_output=True, text=True, check=False).stdout.strip()
    m = re.match(r"(.*):(\d+)", out)
    if not m:
        return ("?", 0)
    return (os.path.basename(m.group(1)), int(m.group(2)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preload", required=True, help="LD_PRELOAD value (libacltrace.so first or not)")
    ap.add_argument("--source", action="append", default=[], help="annotated source")
    ap.add_argument("--expect-none", action="store_true")
    ap.add_argument("--kinds-only", action="store_true",
                    help="check kinds and counts, not lines (callers without line info)")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the program")
    ap.add_argument("--processes", type=int, default=1, help="summaries expected (fork)")
    ap.add_argument("--exit-code", type=int, default=0,
                    help="expected exit status; negative: killed by that signal")
    ap.add_argument("--own-summary", action="store_true",
                    help="one summary must come from the started process itself")
    ap.add_argument("--totals", help="ALLOCS:FREES the summary must report (summed)")
    ap.add_argument("--expect-text", action="append", default=[],
                    help="text that must appear in the output")
    ap.add_argument("--reject-text", action="append", default=[],
                    help="text that must not appear in the output")
    ap.add_argument("--expect", action="append", default=[],
                    help="KIND[:COUNT] expected anywhere (with --kinds-only)")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.command[1:] if args.command and args.command[0] == "--" else args.command
    if not cmd:
        fail("no program given")

    env = dict(os.environ)
    for k in [k for k in env if k.startswith("ACLTRACE_")]:
        del env[k]
    env["LD_PRELOAD"] = args.preload
    for kv in args.env:
        k, _, v = kv.partition("=")
        env[k] = v
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        out_text, err_text = proc.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        fail("program did not finish within %d s: %s" % (args.timeout, cmd))
    output = out_text + err_text
    if proc.returncode != args.exit_code:
        fail("exit status %d, expected %d" % (proc.returncode, args.exit_code), output)
    for text in args.expect_text:
        if text not in output:
            fail("expected text not found: %r" % text, output)
    for text in args.reject_text:
        if text in output:
            fail("unexpected text found: %r" % text, output)

    summaries, groups, blocks, pids = [], [], [], []
    for line in err_text.splitlines():
        m = SUMMARY.match(line)
        if m:
            summaries.append((int(m.group(3)), int(m.group(4))))
            pids.append(int(m.group(1)))
            continue
        m = GROUP.match(line)
        if m:
            groups.append(m)
            continue
        m = BLOCK.match(line)
        if m:
            blocks.append((m.group(3), m.group(2).lower()))
    if len(summaries) != args.processes:
        fail("%d summaries printed, expected %d (is the library loaded?)"
             % (len(summaries), args.processes), output)
    if args.own_summary and proc.pid not in pids:
        fail("no summary from the program's own process %d (summaries from %s)"
             % (proc.pid, pids), output)
    if args.totals:
        want = tuple(int(x) for x in args.totals.split(":"))
        got = (sum(s[0] for s in summaries), sum(s[1] for s in summaries))
        if got != want:
            fail("tracked allocations:frees %d:%d, expected %d:%d" % (got + want), output)

    actual = {}
    for g in groups:
        kind, count, sev, where = g.group(2), int(g.group(3)), g.group(4), g.group(6)
        if args.kinds_only:
            key = (kind, "", 0)
        else:
            loc = LOCATION.search(where)
            if not loc:
                fail("no module+offset in summary line: %r" % g.group(0), output)
            f, l = symbolize(loc.group(1), int(loc.group(2), 16))
            key = (kind, f, l)
        prev = actual.get(key, (0, sev))
        if prev[1] != sev:
            fail("kind %s reported with severities %s and %s" % (kind, prev[1], sev), output)
        actual[key] = (prev[0] + count, sev)
        if (kind, sev) not in blocks:
            fail("summary lists %s (%s) but no report block was printed" % (kind, sev), output)
    # Deduplication: exactly one report block per summary group.
    for kind in {g.group(2) for g in groups}:
        nblocks = sum(1 for k, _ in blocks if k == kind)
        ngroups = sum(1 for g in groups if g.group(2) == kind)
        if nblocks != ngroups:
            fail("%d %s report blocks for %d groups (deduplication)" % (nblocks, kind, ngroups),
                 output)

    expected = {} if args.expect_none else read_expectations(args.source)
    for e in args.expect:
        kind, _, count = e.partition(":")
        expected[(kind, "", 0)] = (int(count or 1), None)
    if args.kinds_only:
        merged = {}
        for (k, _, _), (c, s) in expected.items():
            prev = merged.get((k, "", 0), (0, s))
            merged[(k, "", 0)] = (prev[0] + c, s or prev[1])
        expected = merged
    if not args.expect_none and not expected:
        fail("no acltrace-expect annotations found in %s" % args.source)
    problems = []
    for key, (count, sev) in sorted(expected.items()):
        got = actual.get(key)
        where = "%s:%d" % (key[1], key[2]) if key[2] else "anywhere"
        if not got:
            problems.append("missing %s at %s (expected x%d)" % (key[0], where, count))
        elif got[0] != count:
            problems.append("%s at %s reported x%d, expected x%d" % (key[0], where, got[0], count))
        elif sev and got[1] != sev:
            problems.append("%s at %s has severity %s, expected %s" % (key[0], where, got[1], sev))
    for key, (count, sev) in sorted(actual.items()):
        if key not in expected:
            where = "%s:%d" % (key[1], key[2]) if key[2] else "anywhere"
            problems.append("unexpected %s x%d (%s) at %s" % (key[0], count, sev, where))
    if problems:
        fail("; ".join(problems), output)
    print("acltrace_check: ok (%d finding groups, %d processes)" % (len(actual), len(summaries)))


if __name__ == "__main__":
    main()
