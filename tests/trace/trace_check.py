#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks an acltrace trace, read back with the babeltrace2 CLI, against what the traced program
did (its ledger of allocations and frees) and what the preload counted (its summary lines).

  trace_check.py ledger TRACE LEDGER LOG [--threads N] [--processes N] [--mid-run]
  trace_check.py runs TRACE RUN_ID          every acltrace event carries RUN_ID
  trace_check.py stacks TRACE               every stack reference resolves (and some exist)

Exits 1 with one line per failed check.
"""
import collections
import re
import subprocess
import sys

LINE = re.compile(r"^\[[^\]]*\] \([^)]*\) \S+ (?P<name>[\w:]+): (?P<rest>.*)$")
FIELD = re.compile(
    r'(\w+) = (\( "[^"]*" : container = (-?\d+) \)|0x[0-9A-Fa-f]+|-?\d+|"(?:[^"\\]|\\.)*"|\[ (?:\[\d+\] = (?:0x[0-9A-Fa-f]+|-?\d+)(?:, )?)* ?\])'
)


def value(raw, container):
    if container is not None:
        return int(container)
    if raw.startswith("0x"):
        return int(raw, 16)
    if raw.startswith('"'):
        return raw[1:-1]
    if raw.startswith("["):
        return [int(v, 0) for v in re.findall(r"\] = (0x[0-9A-Fa-f]+|-?\d+)", raw)]
    return int(raw)


def read_trace(path):
    out = subprocess.run(["babeltrace2", path], check=True, capture_output=True, text=True).stdout
    events = []
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        groups = m.group("rest").split("}, {")
        ev = {"event": m.group("name")}
        for g in groups[1:]:
            for f in FIELD.finditer(g):
                ev[f.group(1)] = value(f.group(2), f.group(3))
        ev.setdefault("vpid", 0)
        events.append(ev)
    return events


class Checker:
    def __init__(self):
        self.failures = []

    def expect(self, ok, msg):
        if not ok:
            self.failures.append(msg)

    def done(self):
        for f in self.failures:
            print("trace_check: FAIL: " + f)
        if not self.failures:
            print("trace_check: ok")
        return 1 if self.failures else 0


def acltrace_events(events):
    return [e for e in events if e["event"].startswith("acltrace:")]


def check_stacks(c, events):
    defined = set()
    refs = 0
    for e in acltrace_events(events):
        if e["event"] == "acltrace:stack":
            c.expect(len(e.get("frames", [])) > 0, "stack %d of pid %d has no frames" % (e["id"], e["vpid"]))
            defined.add((e["vpid"], e["id"]))
            continue
        for key in ("stack", "alloc_stack", "free_stack"):
            sid = e.get(key, 0)
            if sid:
                refs += 1
                c.expect((e["vpid"], sid) in defined,
                         "%s of pid %d references stack %d before any definition" % (e["event"], e["vpid"], sid))
    c.expect(refs > 0, "no event references a stack")
    return refs


def cmd_ledger(args):
    trace, ledger, log = args[0], args[1], args[2]
    opts = args[3:]
    threads = int(opts[opts.index("--threads") + 1]) if "--threads" in opts else 0
    nproc = int(opts[opts.index("--processes") + 1]) if "--processes" in opts else 1
    mid_run = "--mid-run" in opts
    c = Checker()
    events = read_trace(trace)
    ev = acltrace_events(events)
    c.expect(len(ev) > 0, "no acltrace events in " + trace)

    # API names per process, from the acltrace:api events.
    apis = {}
    for e in ev:
        if e["event"] == "acltrace:api":
            apis[(e["vpid"], e["id"])] = e["name"]
    procs = {}
    for e in ev:
        if e["event"] == "acltrace:process":
            procs.setdefault(e["vpid"], e)  # the first one tells how the process joined
    c.expect(len(procs) == nproc, "expected %d processes, trace has %d" % (nproc, len(procs)))
    for pid, p in procs.items():
        c.expect(p["pid"] == pid, "process event pid %d under vpid %d" % (p["pid"], pid))
        # A forked child continues its parent's generations; only the root process tells.
        if p["ppid"] not in procs:
            c.expect((p["generation"] > 1) == mid_run,
                     "process %d generation %d, mid-run expected: %s" % (pid, p["generation"], mid_run))
    if nproc == 2 and len(procs) == 2:
        a, b = sorted(procs.values(), key=lambda p: p["pid"])
        c.expect(b["ppid"] == a["pid"] or a["ppid"] == b["pid"], "the child's ppid is not its parent's pid")

    def api(e):
        return apis.get((e["vpid"], e["api"]), "?%d" % e["api"])

    trace_allocs = collections.Counter((e["vpid"], api(e), e["addr"]) for e in ev
                                       if e["event"] == "acltrace:alloc" and e["rc"] == 0)
    trace_frees = collections.Counter((e["vpid"], api(e), e["addr"]) for e in ev if e["event"] == "acltrace:free")
    led_allocs, led_frees = collections.Counter(), collections.Counter()
    with open(ledger) as f:
        for line in f:
            pid, what, name, addr = line.split()
            key = (int(pid), name, int(addr, 16))
            if what == "alloc":
                led_allocs[key] += 1
            else:
                led_frees[key] += 1
    c.expect(sum(led_allocs.values()) > 0, "empty ledger")
    c.expect(trace_allocs == led_allocs,
             "allocations differ: trace-only %s, ledger-only %s"
             % (list((trace_allocs - led_allocs).items())[:3], list((led_allocs - trace_allocs).items())[:3]))
    c.expect(trace_frees == led_frees,
             "frees differ: trace-only %s, ledger-only %s"
             % (list((trace_frees - led_frees).items())[:3], list((led_frees - trace_frees).items())[:3]))

    # The preload's own counters, from its summary lines (one per process).
    summary = re.compile(r"^==(\d+)== acltrace summary: (\d+) findings? .*; (\d+) allocations, (\d+) frees tracked")
    group = re.compile(r"^==(\d+)==   ([a-z-]+) x(\d+) ")
    pre_allocs, pre_frees, pre_findings = {}, {}, collections.Counter()
    with open(log) as f:
        for line in f:
            m = summary.match(line)
            if m:
                pid = int(m.group(1))
                pre_allocs[pid] = int(m.group(3))
                pre_frees[pid] = int(m.group(4))
                continue
            m = group.match(line)
            if m:
                pre_findings[(int(m.group(1)), m.group(2))] += int(m.group(3))
    c.expect(sorted(pre_allocs) == sorted(procs),
             "preload summaries for pids %s, trace processes %s" % (sorted(pre_allocs), sorted(procs)))
    kinds = ["mismatched-free", "double-free", "invalid-free", "misaligned-buffer", "leak", "pool-exhausted",
             "alloc-failed", "non-dvpp-buffer", "buffer-overflow", "use-after-free", "freed-while-in-use",
             "dvpp-pool-misuse", "unpinned-async-copy", "unchecked-failure"]
    for pid in pre_allocs:
        n_alloc = sum(1 for e in ev if e["vpid"] == pid and e["event"] == "acltrace:alloc" and e["rc"] == 0)
        n_free = sum(1 for e in ev if e["vpid"] == pid and e["event"] == "acltrace:free" and e["pool"] != 0)
        c.expect(n_alloc == pre_allocs[pid], "pid %d: trace has %d allocations, preload counted %d"
                 % (pid, n_alloc, pre_allocs[pid]))
        c.expect(n_free == pre_frees[pid], "pid %d: trace has %d frees of live memory, preload counted %d"
                 % (pid, n_free, pre_frees[pid]))
    trace_findings = collections.Counter((e["vpid"], kinds[e["kind"]]) for e in ev if e["event"] == "acltrace:finding")
    c.expect(trace_findings == pre_findings,
             "findings differ: trace %s, preload %s" % (dict(trace_findings), dict(pre_findings)))

    # Every process's exit is in the trace (written from the preload's destructor, last).
    for pid in procs:
        exits = [e for e in ev if e["event"] == "acltrace:lifecycle" and e["vpid"] == pid and e["op"] == 5]
        c.expect(len(exits) == 1, "process %d has %d exit events, expected 1" % (pid, len(exits)))
    if threads:
        main_pid = min(procs) if procs else 0
        tids = {e["vtid"] for e in ev if e["event"] == "acltrace:alloc" and e["vpid"] == main_pid}
        c.expect(len(tids) >= threads, "allocations from %d threads, expected at least %d" % (len(tids), threads))
    check_stacks(c, events)
    return c.done()


def cmd_runs(args):
    trace, run = args[0], int(args[1])
    c = Checker()
    ev = acltrace_events(read_trace(trace))
    c.expect(len(ev) > 0, "no acltrace events in " + trace)
    foreign = collections.Counter(e["run"] for e in ev if e["run"] != run)
    c.expect(not foreign, "events of other runs in %s: %s" % (trace, dict(foreign)))
    return c.done()


def cmd_stacks(args):
    c = Checker()
    events = read_trace(args[0])
    c.expect(any(e["event"] == "acltrace:process" for e in events), "no acltrace:process event")
    check_stacks(c, events)
    return c.done()


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    cmds = {"ledger": cmd_ledger, "runs": cmd_runs, "stacks": cmd_stacks}
    if sys.argv[1] not in cmds:
        print(__doc__)
        return 2
    return cmds[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
