#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs acltrace_bench_use without and with libacltrace.so and checks the speed budget of the
use-site checks: at most 30 ns added per checked call at 100,000 live buffers, at most 60 ns at
1,000,000, for a program that reuses its buffers ("hot"). The "scattered" pattern, every call on
another of the live buffers, is printed for reference: there each check misses the caches, and
a miss alone costs more than the budget on small machines. Medians of REPEAT runs.
run_bench.py BENCH PRELOAD [--calls N] [--repeat N]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

LINE = re.compile(r"live=(\d+) hot_start_ns=([\d.]+) hot_interior_ns=([\d.]+) "
                  r"scattered_start_ns=([\d.]+) scattered_interior_ns=([\d.]+) "
                  r"churn_before_ns=([\d.]+) churn_after_ns=([\d.]+)")
BUDGET = {100000: 30.0, 1000000: 60.0}


def run(bench, preload, live, calls, repeat):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACLTRACE_", "LD_PRELOAD"))}
    if preload:
        env.update(LD_PRELOAD=preload, ACLTRACE_BT_DEPTH="0", ACLTRACE_SUMMARY="0",
                   ACLTRACE_LEAKS="0")
    rows = []
    for _ in range(repeat):
        out = subprocess.run([bench, str(live), str(calls)], env=env, capture_output=True,
                             text=True, check=True).stdout
        m = LINE.search(out)
        if not m:
            sys.exit("unexpected benchmark output: %r" % out)
        rows.append(tuple(float(m.group(i)) for i in range(2, 8)))
    return [statistics.median(c) for c in zip(*rows)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bench")
    ap.add_argument("preload")
    ap.add_argument("--calls", type=int, default=2000000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    ok = True
    for live, budget in sorted(BUDGET.items()):
        base = run(a.bench, None, live, a.calls, a.repeat)
        traced = run(a.bench, a.preload, live, a.calls, a.repeat)
        for i, what in enumerate(("hot start", "hot interior", "scattered start",
                                  "scattered interior")):
            added = traced[i] - base[i]
            if i < 2:
                verdict = "ok" if added <= budget else "OVER BUDGET"
                ok &= added <= budget
            else:
                verdict = "(reference)"
            print("%8d live, %-18s: %6.1f ns without, %6.1f ns with: +%5.1f ns (budget %.0f) %s"
                  % (live, what, base[i], traced[i], added, budget, verdict))
        for i, what in ((4, "before the first check"), (5, "after it")):
            print("%8d live, free + allocation %-22s: %6.1f ns without, %6.1f ns with: +%5.1f ns"
                  % (live, what, base[i], traced[i], traced[i] - base[i]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
