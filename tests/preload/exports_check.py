#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks dynamic symbols with readelf.

exports_check.py LIB HOOKS_DEF: LIB defines exactly the symbols named in HOOKS_DEF plus dlsym and
dlvsym in versions GLIBC_2.2.5 and GLIBC_2.34 (nothing else leaks out of the library).
exports_check.py --needs SYM@VER ... BINARY: BINARY references each SYM@VER.
"""
import re
import subprocess
import sys


def dynsyms(path):
    out = subprocess.run(["readelf", "--dyn-syms", "-W", path], capture_output=True, text=True,
                         check=True).stdout
    syms = []
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 8 and f[0].endswith(":") and f[0] != "Num:" and f[4] != "LOCAL":
            syms.append((f[6] != "UND", f[7]))
    return syms


def main():
    argv = sys.argv[1:]
    if argv and argv[0] == "--needs":
        needs = []
        while argv and argv[0] == "--needs":
            needs.append(argv[1])
            argv = argv[2:]
        refs = {name for defined, name in dynsyms(argv[0]) if not defined}
        missing = [n for n in needs if n not in refs and n.replace("@", "@@") not in refs]
        if missing:
            print("not referenced by %s: %s (references: %s)" % (argv[0], missing, sorted(refs)))
            return 1
        print("ok")
        return 0
    lib, hooks = argv
    want = set()
    with open(hooks, encoding="utf-8") as f:
        for m in re.finditer(r"^HOOK(?:_NORET)?\((?:[^,]+,\s*)?(\w+),", f.read(), re.M):
            want.add(m.group(1))
    if "aclrtMalloc" not in want or "_exit" not in want:
        print("could not read the hook table %s: %s" % (hooks, sorted(want)))
        return 1
    want |= {"dlsym@GLIBC_2.2.5", "dlsym@@GLIBC_2.34", "dlvsym@GLIBC_2.2.5", "dlvsym@@GLIBC_2.34"}
    got = set()
    for defined, name in dynsyms(lib):
        if not defined:
            continue
        base = re.sub(r"@@(ACLTRACE_1|GLIBC_2\.2\.5)$", "", name)
        if base in ("ACLTRACE_1", "GLIBC_2.2.5", "GLIBC_2.34"):
            continue
        got.add(base)
    if got != want:
        print("exported symbols differ: extra %s, missing %s" % (sorted(got - want),
                                                               sorted(want - got)))
        return 1
    print("ok: %d symbols" % len(got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
