#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""make_jpeg.py OUT.jpg W H: writes a W x H test picture (a gradient) as JPEG with cjpeg."""
import subprocess
import sys

out, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ppm = b"P6\n%d %d\n255\n" % (w, h) + bytes(
    v for y in range(h) for x in range(w) for v in ((x * 2) & 255, (y * 2) & 255, (x + y) & 255))
with open(out, "wb") as f:
    subprocess.run(["cjpeg", "-quality", "90"], input=ppm, stdout=f, check=True)
