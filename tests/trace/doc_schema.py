#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""docs/trace-format.md against a real trace: every acltrace event of the trace's CTF metadata
must have a section in the page, with exactly its fields, in order, with the documented types
(integer size, signedness, hex display) and, for enumerations, exactly the documented values.
doc_schema.py DOC METADATA_TSDL   (the output of babeltrace2 --output-format=ctf-metadata)
"""
import re
import sys

INT = re.compile(r"integer \{ ([^}]*) \}")


def int_type(spec):
    attrs = dict(kv.split(" = ") for kv in (a.strip() for a in spec.split(";")) if kv)
    t = ("int" if attrs["signed"] in ("1", "true") else "uint") + attrs["size"]
    return t + (" (hex)" if attrs.get("base") in ("16", "x", "hex") else "")


def parse_metadata(text):
    """{event: [(field, type, {value: label})]} for the acltrace events."""
    events = {}
    for m in re.finditer(r'event \{\s*name = "([^"]+)";(.*?)\n\};', text, re.S):
        name, body = m.group(1), m.group(2)
        if not name.startswith("acltrace:"):
            continue
        body = body[body.index("fields := struct {") + len("fields := struct {"):]
        fields = []
        for fm in re.finditer(r"(enum : )?integer \{ ([^}]*) \}(\s*\{(.*?)\})?\s*([\w]+)"
                              r"(\[ (\w+) \])?;|string(\s*\{[^}]*\})?\s*(\w+);", body, re.S):
            if fm.group(9):
                fields.append((fm.group(9)[1:], "string", None))
                continue
            t, fname = int_type(fm.group(2)), fm.group(5)
            if fm.group(6):  # a sequence: its length field came just before it
                ln, lt, _ = fields.pop()
                assert ln == fm.group(7)[1:], (name, ln, fm.group(7))
                fields.append((fname[1:], "sequence of %s, length `%s` %s" % (t, ln, lt), None))
            elif fm.group(1):
                labels = {int(v): l for l, v in re.findall(r'"([^"]+)" = (\d+)', fm.group(4))}
                fields.append((fname[1:], "enum " + t, labels))
            else:
                fields.append((fname[1:], t, None))
        events[name] = fields
    return events


def parse_doc(text):
    """{event: [(field, type, {value: label})]} from the `### acltrace:...` sections' tables."""
    events = {}
    for sec in re.split(r"\n(?=### )", text):
        head = sec.splitlines()[0]
        names = re.findall(r"`(acltrace:\w+)`", head) if head.startswith("### ") else []
        if not names:
            continue
        fields = []
        for row in re.findall(r"^\| `(\w+)` \| ([^|]+) \| (.*) \|$", sec, re.M):
            fname, dtype, meaning = row[0], row[1].strip(), row[2]
            labels = None
            em = re.match(r"enum (u?int\d+) `\w+`$", dtype)
            if em:
                dtype = "enum " + em.group(1)
                labels = {int(v): l for v, l in re.findall(r"(\d+) `([^`]+)`", meaning)}
            fields.append((fname, dtype, labels))
        for n in names:
            events[n] = fields
    return events


def main():
    doc = parse_doc(open(sys.argv[1], encoding="utf-8").read())
    meta = parse_metadata(open(sys.argv[2], encoding="utf-8").read())
    errors = []
    if not meta:
        errors.append("no acltrace event in the metadata")
    for name in sorted(set(meta) - set(doc)):
        errors.append("%s is in the trace but has no section in the page" % name)
    for name in sorted(set(doc) - set(meta)):
        errors.append("%s is documented but not in the trace" % name)
    for name in sorted(set(meta) & set(doc)):
        real = meta[name]
        if not real or real[0][:2] != ("run", "uint32"):
            errors.append("%s does not begin with run (uint32): %s" % (name, real[:1]))
        real = real[1:]  # `run` is documented once for all events
        if [f[0] for f in real] != [f[0] for f in doc[name]]:
            errors.append("%s fields: trace %s, page %s" %
                          (name, [f[0] for f in real], [f[0] for f in doc[name]]))
            continue
        for (f, t, lab), (_, dt, dlab) in zip(real, doc[name]):
            if t != dt:
                errors.append("%s.%s: type %r in the trace, %r in the page" % (name, f, t, dt))
            if lab != dlab:
                errors.append("%s.%s: values %s in the trace, %s in the page" %
                              (name, f, sorted(lab.items()) if lab else lab,
                               sorted(dlab.items()) if dlab else dlab))
    for e in errors:
        print("doc_schema: " + e)
    if errors:
        return 1
    print("doc_schema: ok, %d events, %d fields as documented" %
          (len(meta), sum(len(f) for f in meta.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
