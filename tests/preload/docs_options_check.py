#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The option table of docs/preload.md lists every option of preload/acltrace_options.def with
its default, and nothing else. docs_options_check.py OPTIONS_DEF PRELOAD_MD
"""
import re
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        code = {m.group(1): m.group(2) for m in
                re.finditer(r'ACLTRACE_OPTION\((\w+),\s*\w+,\s*"([^"]*)"', f.read())}
    with open(sys.argv[2], encoding="utf-8") as f:
        docs = {m.group(1): m.group(2) for m in
                re.finditer(r"^\| `ACLTRACE_(\w+)` \| `([^`]*)`", f.read(), re.M)}
    problems = []
    for name, default in sorted(code.items()):
        shown = docs.get(name)
        if shown is None:
            problems.append("ACLTRACE_%s is not documented" % name)
        elif shown.strip('"') != default:
            problems.append("ACLTRACE_%s: documented default %r, code default %r"
                            % (name, shown, default))
    for name in sorted(set(docs) - set(code)):
        problems.append("ACLTRACE_%s is documented but not an option" % name)
    if len(code) < 5:
        problems.append("could not read the option table (%d options)" % len(code))
    for p in problems:
        print(p)
    if not problems:
        print("ok: %d options" % len(code))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
