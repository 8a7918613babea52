#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""ACLTRACE_LOG=FILE with %p: the report goes to FILE (pid substituted), not to stderr; a
forked child writes its own file.
options_log_check.py PRELOAD PROGRAM [PROCESSES] (a program with findings; PROCESSES files)
"""
import os
import re
import subprocess
import sys
import tempfile


def main():
    preload, prog = sys.argv[1], sys.argv[2]
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    with tempfile.TemporaryDirectory() as d:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ACLTRACE_")}
        env.update(LD_PRELOAD=preload, ACLTRACE_LOG=os.path.join(d, "report.%p.txt"))
        p = subprocess.Popen([prog], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
        out, err = p.communicate(timeout=120)
        if p.returncode != 0:
            print("program failed with %d: %s" % (p.returncode, err))
            return 1
        if "acltrace" in err:
            print("report still on stderr:\n" + err)
            return 1
        path = os.path.join(d, "report.%d.txt" % p.pid)
        if not os.path.exists(path):
            print("no %s; directory holds %s" % (path, os.listdir(d)))
            return 1
        with open(path, encoding="utf-8") as f:
            text = f.read()
        files = sorted(os.listdir(d))
        others = ""
        for name in files:
            with open(os.path.join(d, name), encoding="utf-8") as f:
                others += f.read()
    if len(files) != processes:
        print("%d log files, expected %d: %s" % (len(files), processes, files))
        return 1
    if "acltrace summary" not in text or not re.search(r"==(ERROR|WARNING): acltrace: ", others):
        print("log files lack the report:\n" + others)
        return 1
    if others.count("acltrace summary") != processes:
        print("expected one summary per process file:\n" + others)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
