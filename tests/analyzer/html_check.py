#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Records a program, writes the JSON and the HTML report of the same trace, and checks the HTML
against the JSON: every finding (kind, count, message, innermost frame of its stack) and every
pool (peak, capacity, a bar as wide as the peak's share of the capacity) appears, and the page
is self-contained (no script, no stylesheet or image fetched from anywhere).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser


def fail(msg):
    sys.stderr.write("html_check: FAIL: %s\n" % msg)
    sys.exit(1)


class Page(HTMLParser):
    """Collects finding and pool blocks (their attributes and text) and external references."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # [attrs, text, [fill widths]]
        self.depth = 0
        self.open_at = None
        self.external = []
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if tag == "script" or (tag == "link" and "stylesheet" in (a.get("rel") or "")):
            self.external.append(tag)
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append("%s %s=%s" % (tag, key, a[key]))
        if tag == "div":
            self.depth += 1
            cls = (a.get("class") or "").split()
            if self.open_at is None and ("finding" in cls or "pool" in cls):
                self.blocks.append([a, "", []])
                self.open_at = self.depth
            elif self.open_at is not None and "fill" in cls:
                m = re.search(r"width:([0-9.]+)%", a.get("style") or "")
                self.blocks[-1][2].append(float(m.group(1)) if m else None)

    def handle_endtag(self, tag):
        if tag == "div":
            if self.open_at == self.depth:
                self.open_at = None
            self.depth -= 1

    def handle_data(self, data):
        if self.open_at is not None:
            self.blocks[-1][1] += data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--acltrace", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--report-arg", action="append", default=[])
    ap.add_argument("--min-findings", type=int, default=1)
    ap.add_argument("program", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    prog = a.program[1:] if a.program and a.program[0] == "--" else a.program
    if not shutil.which("lttng-sessiond"):
        print("html_check: SKIP, no lttng-sessiond")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="acltrace-html-")
    try:
        env = dict(os.environ, LTTNG_HOME=tmp)
        trace = os.path.join(tmp, "trace")
        subprocess.run([a.acltrace, "record", "-o", trace, "--"] + prog, env=env,
                       capture_output=True, text=True, timeout=90)
        if not os.path.isdir(trace):
            fail("acltrace record wrote no trace")
        out = {}
        for fmt in ("json", "html"):
            r = subprocess.run([a.report, "--format", fmt, "--no-progress"] + a.report_arg +
                               [trace], capture_output=True, text=True, timeout=90)
            if r.returncode != 0:
                fail("acltrace-report --format %s exited with %d: %s" %
                     (fmt, r.returncode, r.stderr))
            out[fmt] = r.stdout
        report = json.loads(out["json"])
        page = Page()
        page.feed(out["html"])
        page.close()
        if not out["html"].lstrip().lower().startswith("<!doctype html>"):
            fail("the page does not start with <!DOCTYPE html>")
        if "style" not in page.tags:
            fail("no inline stylesheet")
        if page.external:
            fail("the page is not self-contained: %s" % page.external)
        findings = [b for b in page.blocks if "finding" in (b[0].get("class") or "").split()]
        pools = [b for b in page.blocks if "pool" in (b[0].get("class") or "").split()]
        if len(report["findings"]) < a.min_findings:
            fail("only %d findings in the JSON report" % len(report["findings"]))
        if len(findings) != len(report["findings"]):
            fail("%d findings in the page, %d in the JSON report" %
                 (len(findings), len(report["findings"])))
        unmatched = list(findings)
        for f in report["findings"]:
            frame = next((fr for fr in f["stack"] if fr.get("file")), None)
            loc = "%s:%d" % (frame["file"], frame["line"]) if frame else None
            hit = None
            for b in unmatched:
                if (b[0].get("data-kind") == f["kind"] and
                        b[0].get("data-count") == str(f["count"]) and f["message"] in b[1] and
                        (loc is None or loc in b[1])):
                    hit = b
                    break
            if hit is None:
                fail("finding %s x%d (%s) at %s is not in the page" %
                     (f["kind"], f["count"], f["message"], loc))
            unmatched.remove(hit)
        for p in report["pools"]:
            hit = [b for b in pools if b[0].get("data-pool") == p["name"] and
                   b[0].get("data-device") == str(p["device"] if p["device"] is not None
                                                  else -1) and
                   b[0].get("data-peak") == str(p["peak_bytes"])]
            if len(hit) != 1:
                fail("pool %s of device %s (peak %d) is not in the page once" %
                     (p["name"], p["device"], p["peak_bytes"]))
            widths = hit[0][2]
            if len(widths) != 1 or widths[0] is None:
                fail("pool %s: no bar" % p["name"])
            cap = p["capacity_bytes"]
            want = 100.0 if not cap else min(
                100.0, 100.0 * (p["peak_bytes"] + p["reserved_bytes"]) / cap)
            if abs(widths[0] - want) > 0.06:
                fail("pool %s: bar %.1f%%, expected %.1f%%" % (p["name"], widths[0], want))
        print("html_check: OK, %d findings and %d pools in the page" %
              (len(findings), len(pools)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
