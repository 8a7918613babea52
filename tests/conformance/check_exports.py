#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Each simulated CANN library exports every function its headers declare.

The declared names come from the headers themselves: each header is run through the C
preprocessor (with ENABLE_DVPP_INTERFACE) and the function declarations of the files that
belong to that library are collected; nothing is listed by hand. The names the conformance
sources check (CONF_FN / CONF_EXISTS) must be among them, so the parser cannot silently miss
the documented surface.

usage: check_exports.py --cc CC --include DIR --conformance-dir DIR
                        LIB=HEADER[,HEADER...]:SOURCE ...
  LIB     path of the shared library
  HEADER  header (relative to --include) whose declarations LIB must export
  SOURCE  conformance source naming that library's functions (file name in --conformance-dir)
"""
import argparse
import os
import re
import subprocess
import sys

LINEMARKER = re.compile(r'^# (\d+) "([^"]*)"')
IDENT = re.compile(r"[A-Za-z_]\w*$")
CONF_NAME = re.compile(r"CONF_FN\(\s*[^,]+,\s*(\w+)\s*,|CONF_EXISTS\(\s*(\w+)\s*\)")


def preprocess(cc, include, header):
    """Preprocessed text of header, split by the file each line comes from."""
    src = f"#include <{header}>\n"
    out = subprocess.run([cc, "-E", "-std=c11", "-DENABLE_DVPP_INTERFACE", "-I", include, "-x",
                          "c", "-"], input=src, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"check_exports: preprocessing {header} failed:\n{out.stderr}")
    by_file = {}
    current = None
    for line in out.stdout.splitlines():
        m = LINEMARKER.match(line)
        if m:
            current = os.path.realpath(m.group(2)) if m.group(2)[0] != "<" else None
            continue
        if current is not None:
            by_file.setdefault(current, []).append(line)
    return {f: "\n".join(lines) for f, lines in by_file.items()}


def strip_attributes(text):
    """Removes __attribute__((...)) and __extension__ so declarations read plainly."""
    out, i = [], 0
    while True:
        j = text.find("__attribute__", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        k = text.find("(", j)
        depth = 0
        while k < len(text):
            depth += {"(": 1, ")": -1}.get(text[k], 0)
            k += 1
            if depth == 0:
                break
        i = k
    return "".join(out).replace("__extension__", "")


def declared_functions(text):
    """Names of the functions declared at file scope (no typedefs, no static inlines)."""
    text = strip_attributes(text)
    statements, current, depth = [], [], 0
    for ch in text:
        if ch == "{":
            depth += 1
            continue
        if ch == "}":
            depth -= 1
            continue
        if depth:
            continue
        if ch == ";":
            statements.append(" ".join("".join(current).split()))
            current = []
        else:
            current.append(ch)
    names = set()
    for st in statements:
        first = st.split(" ", 1)[0] if st else ""
        if first in ("typedef", "static", "struct", "enum", "union") and "(" not in st:
            continue
        if first in ("typedef", "static"):
            continue
        paren = st.find("(")
        if paren <= 0 or "=" in st[:paren]:
            continue
        head = st[:paren].rstrip()
        m = re.search(r"([A-Za-z_]\w*)$", head)
        if m and IDENT.match(m.group(1)):
            names.add(m.group(1))
    return names


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True,
                         check=False)
    if out.returncode != 0:
        sys.exit(f"check_exports: nm failed on {lib}:\n{out.stderr}")
    names = set()
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] in ("T", "W", "i"):
            names.add(parts[2].split("@")[0])
    return names


def conformance_names(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return {a or b for a, b in CONF_NAME.findall(text)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--include", required=True)
    ap.add_argument("--conformance-dir", required=True)
    ap.add_argument("pairs", nargs="+")
    args = ap.parse_args()

    include = os.path.realpath(args.include)
    failures = 0
    for pair in args.pairs:
        lib, rest = pair.split("=", 1)
        headers, source = rest.rsplit(":", 1)
        own_files = {os.path.realpath(os.path.join(include, h)) for h in headers.split(",")}
        declared = set()
        for header in headers.split(","):
            for path, text in preprocess(args.cc, include, header).items():
                # A library answers for its own headers; acl_dvpp.h includes acl.h, and the
                # hi_dvpp sub-headers are the ones hi_dvpp.h pulls in from its folder.
                in_folder = os.path.dirname(path) == os.path.dirname(
                    os.path.realpath(os.path.join(include, header)))
                if path in own_files or (header.endswith("hi_dvpp.h") and in_folder):
                    declared |= declared_functions(text)
        checked = conformance_names(os.path.join(args.conformance_dir, source))
        have = exported(lib)
        name = os.path.basename(lib)
        unparsed = sorted(checked - declared)
        missing = sorted(declared - have)
        print(f"{name}: {len(declared)} functions declared by {headers}, "
              f"{len(have)} exported, {len(checked)} named by {source}")
        for n in unparsed:
            print(f"  {source} checks {n}, but no declaration of it was found in {headers}")
        for n in missing:
            print(f"  declared but not exported by {name}: {n}")
        if not declared or unparsed or missing:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
