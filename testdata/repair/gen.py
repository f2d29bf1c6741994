#!/usr/bin/env python3
"""Builds the evaluation sets of package repair from real text written by others.

    python3 testdata/repair/gen.py [--cache DIR]

Run from the repository's root on a Debian machine (apt-get, dpkg-deb). It reads:

- testdata/langeval/{tune,measure}.tsv: gettext, fortune and CLDR strings in 91
  languages (see testdata/langeval/README.md for their sources and licences);
- Debian's iso-codes package (version ISO_CODES below, LGPL-2.1-or-later): the
  msgstr strings of its gettext catalogs, country, language, currency and script
  names in 160-odd locales (the first PER_CATALOG of each
  catalog, by msgid).

and writes, into testdata/repair:

- clean.tsv.gz: iso-codes' strings (part, domain, locale, text), split by domain:
  iso_3166-1 and iso_3166-2 are the tuning part, the other domains the measuring
  part. TestNoFalsePositives repairs these and langeval's strings, which must come
  out unchanged.
- damaged.tsv.gz: langeval strings of the languages of DAMAGED made into mojibake
  by Python's own codecs, not x/text's: UTF-8 bytes decoded with each code page
  of CODEPAGES, once and twice over, alone (whole) and between two clean strings
  of the same language on one line (partial). Bytes a code page leaves unassigned
  are decoded as the C1 control of the same number, as browsers (WHATWG) and
  careless converters do. Its tune part comes from langeval's tune part, its
  measure part from langeval's measure part. Columns: part, lang, codepage,
  times, kind, damaged, want.

The output depends only on its inputs: the same inputs give the same bytes.
"""
import argparse, codecs, gettext, glob, gzip, hashlib, io, os, subprocess, sys, tarfile

ISO_CODES = "4.15.0-1"
DAMAGED = "fa ar ur ps ru uk fr de tr vi pl cs zh ja el es".split()
PER_LANG = 24
PER_CATALOG = 300  # strings kept of each catalog (iso_639-3 has 7,000 and more)
CODEPAGES = [("windows-1252", "cp1252"), ("iso-8859-1", "latin-1"), ("windows-1256", "cp1256"),
             ("windows-1251", "cp1251"), ("windows-1250", "cp1250"), ("macintosh", "mac_roman")]
OUT = "testdata/repair"


def c1(err):
    # An unassigned byte decoded as the C1 control of the same number.
    return chr(err.object[err.start]), err.start + 1


codecs.register_error("c1", c1)


def wrong(s, codec):
    return s.encode("utf-8").decode(codec, errors="c1")


def read_tsv(part):
    rows = []
    with open(f"testdata/langeval/{part}.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            lang, bucket, source, locale, text = line.rstrip("\n").split("\t")
            rows.append((lang, bucket, text))
    return rows


def gz_write(path, header, rows):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(("\t".join(header) + "\n").encode())
        for r in rows:
            g.write(("\t".join(r) + "\n").encode())
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def iso_codes(cache):
    deb = os.path.join(cache, f"iso-codes_{ISO_CODES}_all.deb")
    if not os.path.exists(deb):
        subprocess.run(["apt-get", "download", "-q", f"iso-codes={ISO_CODES}"], cwd=cache, check=True)
    x = os.path.join(cache, "iso-codes")
    if not os.path.isdir(x):
        subprocess.run(["dpkg-deb", "-x", deb, x], check=True)
    rows = []
    for mo in sorted(glob.glob(os.path.join(x, "usr/share/locale/*/LC_MESSAGES/*.mo"))):
        locale = mo.split("/locale/")[1].split("/")[0]
        domain = os.path.basename(mo)[:-3]
        part = "tune" if domain in ("iso_3166-1", "iso_3166-2") else "measure"
        with open(mo, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
        seen = set()
        for msgid, msgstr in sorted(cat.items(), key=lambda kv: str(kv[0])):
            if not isinstance(msgid, str) or not msgid or msgstr == msgid:
                continue
            for line in msgstr.split("\n"):
                line = line.strip().replace("\t", " ")
                if line and line not in seen and len(seen) < PER_CATALOG:
                    seen.add(line)
                    rows.append((part, domain, locale, line))
    return rows, hashlib.sha256(open(deb, "rb").read()).hexdigest()


def damaged(part):
    by_lang = {}
    for lang, bucket, text in read_tsv(part):
        if lang in DAMAGED and bucket != "short" and any(ord(c) > 127 for c in text) and len(text) < 200:
            by_lang.setdefault(lang, []).append(text)
    rows = []
    for lang in DAMAGED:
        texts = by_lang.get(lang, [])
        step = max(1, len(texts) // PER_LANG)
        picked = texts[::step][:PER_LANG]
        for i, s in enumerate(picked):
            left, right = picked[(i + 1) % len(picked)], picked[(i + 2) % len(picked)]
            for name, codec in CODEPAGES:
                once = wrong(s, codec)
                for times, d in ((1, once), (2, wrong(once, codec))):
                    if "\t" in d or "\n" in d or "\r" in d or any(0x2028 <= ord(c) <= 0x2029 or ord(c) == 0x85 for c in d):
                        continue  # a line break in the damage: not one line any more
                    rows.append((part, lang, name, str(times), "whole", d, s))
                    rows.append((part, lang, name, str(times), "partial", f"{left} {d} {right}", f"{left} {s} {right}"))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "textnorm-repair-cache"))
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    clean, sha = iso_codes(args.cache)
    gz_write(f"{OUT}/clean.tsv.gz", ["part", "domain", "locale", "text"], clean)
    gz_write(f"{OUT}/damaged.tsv.gz", ["part", "lang", "codepage", "times", "kind", "damaged", "want"],
             damaged("tune") + damaged("measure"))
    print(f"iso-codes {ISO_CODES} sha256 {sha}: {len(clean)} clean strings", file=sys.stderr)


if __name__ == "__main__":
    main()
