#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""No source of the simulated libraries calls a public API function for its own work.

A call inside one library binds locally (-Bsymbolic), so nm cannot see it, but it still writes
an ASCEND_SIM_LOG line the program never caused (e.g. the model runtime reading a dataset with
aclGetDataBufferAddr). The public API is every acl*/hi_mpi_* function the installed headers
declare (preprocessed, so comments do not count); a call is such a name followed by "(" inside
a function body, with comments and string literals removed.
usage: internal_calls_test.py SIM_SOURCE_DIR INCLUDE_DIR C_COMPILER
"""
import glob
import os
import re
import subprocess
import sys

CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
API = re.compile(r"(?<![A-Za-z0-9_])((?:acl|hi_mpi_)[A-Za-z0-9_]*)\s*\(")


def public_api(inc, cc):
    names = set()
    for path in sorted(glob.glob(os.path.join(inc, "**", "*.h"), recursive=True)):
        rel = os.path.relpath(path, inc)
        p = subprocess.run([cc, "-E", "-P", "-DENABLE_DVPP_INTERFACE", "-I", inc, "-x", "c", "-"],
                           input='#include "%s"\n' % rel, capture_output=True, text=True,
                           check=False)
        if p.returncode != 0:
            sys.exit("internal calls test: cannot preprocess %s:\n%s" % (rel, p.stderr))
        names.update(API.findall(p.stdout))
    return names


def strip(src):
    """Comments and string/character literals blanked, line numbers kept."""
    src = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), src, flags=re.S)
    src = re.sub(r"//[^\n]*", "", src)
    src = re.sub(r'"(\\.|[^"\\\n])*"', '""', src)
    return re.sub(r"'(\\.|[^'\\\n])*'", "''", src)


def body_lines(src):
    """(line number, text) of the lines inside function bodies (brace depth > 0)."""
    depth = 0
    for number, line in enumerate(src.split("\n"), 1):
        if depth > 0:
            yield number, line
        depth += line.count("{") - line.count("}")


def main():
    sim, inc, cc = sys.argv[1:4]
    api = public_api(inc, cc)
    for canary in ("aclrtCreateStream", "aclGetDataBufferAddr", "hi_mpi_sys_init"):
        if canary not in api:
            print("internal calls test: %s missing from the %d names derived from %s" %
                  (canary, len(api), inc))
            return 1
    # The libraries' sources; tools/ holds host programs that are not loaded into programs.
    sources = sorted(p for p in glob.glob(os.path.join(sim, "*", "*.c"))
                     if os.path.basename(os.path.dirname(p)) != "tools")
    if not sources:
        print("internal calls test: no sources under %s" % sim)
        return 1
    bad = []
    for path in sources:
        with open(path, encoding="utf-8") as f:
            src = strip(f.read())
        for number, line in body_lines(src):
            for name in CALL.findall(line):
                if name in api:
                    bad.append("%s:%d: calls %s" % (os.path.relpath(path, sim), number, name))
    if bad:
        print("internal calls test: the simulator calls its public API for its own work:")
        print("\n".join(bad))
        return 1
    print("internal calls test: %d sources, %d public functions, no internal calls" %
          (len(sources), len(api)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
