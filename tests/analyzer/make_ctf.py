#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes small CTF 1.8 traces for the analyzer's bad-input tests.

    make_ctf.py DIR valid       a well-formed trace of an unrelated provider (no acltrace events)
    make_ctf.py DIR random      valid metadata, a stream file of random bytes
    make_ctf.py DIR truncated   a valid trace whose stream file is cut inside an event
    make_ctf.py DIR metadata    metadata that is not TSDL
    make_ctf.py DIR acltrace    acltrace events whose stacks have no definition
"""
import os
import random
import struct
import sys

UUID = bytes(range(16))
UUID_TEXT = "00010203-0405-0607-0809-0a0b0c0d0e0f"

METADATA = """/* CTF 1.8 */
typealias integer { size = 8; align = 8; signed = false; } := uint8_t;
typealias integer { size = 16; align = 8; signed = false; } := uint16_t;
typealias integer { size = 32; align = 8; signed = false; } := uint32_t;
typealias integer { size = 32; align = 8; signed = true; } := int32_t;
typealias integer { size = 64; align = 8; signed = false; } := uint64_t;
trace {
	major = 1;
	minor = 8;
	uuid = "%s";
	byte_order = le;
	packet.header := struct { uint32_t magic; uint8_t uuid[16]; uint32_t stream_id; };
};
env { hostname = "synthetic"; domain = "ust"; tracer_name = "lttng-ust"; };
clock { name = "monotonic"; freq = 1000000000; offset = 0; };
typealias integer { size = 64; align = 8; signed = false; map = clock.monotonic.value; } := clk_t;
stream {
	id = 0;
	event.header := struct { uint32_t id; clk_t timestamp; };
	packet.context := struct { uint64_t content_size; uint64_t packet_size; };
	event.context := struct { int32_t vpid; int32_t vtid; };
};
event { name = "other:tick"; id = 0; stream_id = 0; fields := struct { uint32_t value; }; };
event { name = "acltrace:process"; id = 1; stream_id = 0;
	fields := struct { uint32_t run; uint16_t format; uint32_t generation; uint8_t mode;
		uint8_t bt_depth; int32_t pid; int32_t ppid; }; };
event { name = "acltrace:alloc"; id = 2; stream_id = 0;
	fields := struct { uint32_t run; uint8_t api; uint8_t pool; int32_t device; int32_t rc;
		uint64_t requested; uint64_t size; uint64_t addr; uint32_t stack; }; };
""" % UUID_TEXT


def packet(events):
    body = b"".join(events)
    header = struct.pack("<I16sI", 0xC1FC1FC1, UUID, 0)
    size_bits = (len(header) + 16 + len(body)) * 8
    return header + struct.pack("<QQ", size_bits, size_bits) + body


def tick(t, value):
    return struct.pack("<IQii", 0, t, 10, 10) + struct.pack("<I", value)


def acltrace_events():
    ev = [struct.pack("<IQii", 1, 1000, 10, 10) + struct.pack("<IHIBBii", 0, 1, 1, 0, 16, 10, 1)]
    for i in range(4):
        ev.append(struct.pack("<IQii", 2, 2000 + i, 10, 10) +
                  struct.pack("<IBBiiQQQI", 0, 0, 1, 0, 0, 64, 96, 0x1000 * (i + 1), 7))
    return ev


def main():
    out, kind = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    meta = METADATA if kind != "metadata" else "this is not TSDL {{{\n"
    with open(os.path.join(out, "metadata"), "w", encoding="ascii") as f:
        f.write(meta)
    rnd = random.Random(7)
    if kind == "random":
        data = bytes(rnd.getrandbits(8) for _ in range(4096))
    elif kind == "acltrace":
        data = packet(acltrace_events())
    else:
        data = packet([tick(1000 + i, i) for i in range(10)])
        if kind == "truncated":
            data = data[:len(data) - 10]
    with open(os.path.join(out, "chan_0"), "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
