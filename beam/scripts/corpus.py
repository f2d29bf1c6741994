#!/usr/bin/env python3
"""Writes a measurement corpus of JSON Lines files: records {"id","text"}
made of the sentences of testdata/langeval/measure.tsv, a few to a record,
with ids that vary, until SIZE_MB megabytes; for the README's measurement
only, in a temporary directory (never in the repository).

usage: corpus.py OUTDIR [SIZE_MB] [FILES]
"""
import json, os, random, sys

out = sys.argv[1]
size = int(sys.argv[2]) * 1000 * 1000 if len(sys.argv) > 2 else 100 * 1000 * 1000
files = int(sys.argv[3]) if len(sys.argv) > 3 else 20
here = os.path.dirname(os.path.abspath(__file__))
texts = []
with open(os.path.join(here, "..", "..", "testdata", "langeval", "measure.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 5 and cols[1] in ("sentence", "medium"):
            texts.append(cols[4])
rng = random.Random(1)
os.makedirs(out, exist_ok=True)
written, n = 0, 0
outs = [open(os.path.join(out, "part-%03d.jsonl" % i), "w", encoding="utf-8") for i in range(files)]
while written < size:
    rec = json.dumps({"id": "r%d" % n, "text": "\n".join(rng.choice(texts) for _ in range(rng.randint(1, 6)))}, ensure_ascii=False) + "\n"
    outs[n % files].write(rec)
    written += len(rec.encode("utf-8"))
    n += 1
for o in outs:
    o.close()
print("%d records, %d bytes in %d files" % (n, written, files))
