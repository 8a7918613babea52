#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs acltrace_bench_alloc without and with libacltrace.so and checks the speed budget:
at 100,000 live buffers, BT_DEPTH=0 adds at most 50 ns per allocation or free; BT_DEPTH=16 adds
at most 50 ns plus unw_backtrace of that depth (measured in the same run); two threads scale at
least 0.9x as well as without the preload. Each preloaded configuration runs twice: as is, and
with the use-site checks active (one aclrtMemset before the timed rounds), which is how the
complete library runs in a DVPP or model program; the budget applies to both. Medians of REPEAT
runs.
run_bench.py BENCH PRELOAD [--live N] [--rounds N] [--repeat N]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

LINE = re.compile(r"threads=(\d+) alloc_ns=([\d.]+) free_ns=([\d.]+) pairs_per_s=(\d+) unw_ns=([\d.]+)")


def run(bench, preload, threads, live, rounds, depth, repeat, use=False):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACLTRACE_", "LD_PRELOAD"))}
    if preload:
        env["LD_PRELOAD"] = preload
        env["ACLTRACE_BT_DEPTH"] = str(depth)
        env["ACLTRACE_SUMMARY"] = "0"
        env["ACLTRACE_LEAKS"] = "0"
    rows = []
    for _ in range(repeat):
        out = subprocess.run([bench, str(threads), str(live), str(rounds), str(depth or 16),
                              "1" if use else "0"],
                             env=env, capture_output=True, text=True, check=True).stdout
        m = LINE.search(out)
        if not m:
            sys.exit("unexpected benchmark output: %r" % out)
        rows.append([float(x) for x in m.groups()[1:]])
    return [statistics.median(col) for col in zip(*rows)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bench")
    ap.add_argument("preload")
    ap.add_argument("--live", type=int, default=100000)
    ap.add_argument("--rounds", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    r = {}
    for threads in (1, 2):
        r[("bare", threads)] = run(a.bench, None, threads, a.live, a.rounds, 16, a.repeat)
        r[("d0", threads)] = run(a.bench, a.preload, threads, a.live, a.rounds, 0, a.repeat)
        r[("d16", threads)] = run(a.bench, a.preload, threads, a.live, a.rounds, 16, a.repeat)
        r[("u0", threads)] = run(a.bench, a.preload, threads, a.live, a.rounds, 0, a.repeat, True)
        r[("u16", threads)] = run(a.bench, a.preload, threads, a.live, a.rounds, 16, a.repeat,
                                  True)
    labels = {"bare": "no preload", "d0": "preload, BT_DEPTH=0", "d16": "preload, BT_DEPTH=16",
              "u0": "use sites on, BT_DEPTH=0", "u16": "use sites on, BT_DEPTH=16"}
    order = list(labels)
    print("%-36s %10s %10s %14s %8s" % ("configuration", "alloc ns", "free ns", "pairs/s", "unw ns"))
    for (name, threads), v in sorted(r.items(), key=lambda kv: (kv[0][1], order.index(kv[0][0]))):
        label = labels[name]
        print("%-36s %10.1f %10.1f %14.0f %8.1f" % ("%s, %d thread%s" % (label, threads,
              "s" if threads > 1 else ""), v[0], v[1], v[2], v[3]))
    bare = r[("bare", 1)]
    checks = []
    for d0, d16, what in (("d0", "d16", ""), ("u0", "u16", ", use sites on")):
        z, s = r[(d0, 1)], r[(d16, 1)]
        unw = s[3]  # unw_backtrace of the same depth, measured in the same process
        checks += [
            ("BT_DEPTH=0%s alloc <= +50 ns" % what, z[0] - bare[0], 50),
            ("BT_DEPTH=0%s free <= +50 ns" % what, z[1] - bare[1], 50),
            ("BT_DEPTH=16%s alloc <= +50 ns + unw_backtrace" % what, s[0] - bare[0], 50 + unw),
            ("BT_DEPTH=16%s free <= +50 ns + unw_backtrace" % what, s[1] - bare[1], 50 + unw),
        ]
    ok = True
    print()
    for name, value, limit in checks:
        good = value <= limit
        ok &= good
        print("%-56s %8.1f ns (limit %.1f) %s" % (name, value, limit, "ok" if good else "OVER"))
    bare_scale = r[("bare", 2)][2] / r[("bare", 1)][2]
    for name in ("d0", "d16", "u0", "u16"):
        scale = r[(name, 2)][2] / r[(name, 1)][2]
        rel = scale / bare_scale
        good = rel >= 0.9
        ok &= good
        print("%-56s %8.2fx (bare %.2fx; relative %.2f, limit 0.90) %s"
              % ("2-thread scaling, %s" % name, scale, bare_scale, rel, "ok" if good else "UNDER"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
