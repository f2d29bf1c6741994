#!/usr/bin/env python3
"""Writes the legacy-encoding fixtures of cmd/textnorm's TestEncodings with
Python's codecs (not x/text's, which the command decodes with):

    python3 testdata/encodings/gen.py

From testdata/langeval's measuring part: the first 20 Persian, Arabic and
Urdu strings that Windows-1256 can hold (Persian's and Urdu's FARSI YEH
U+06CC, which Windows-1256 lacks, written as ARABIC YEH U+064A, as Windows
keyboards of the time did), one a line, as LANG.windows-1256.txt and their
UTF-8 as LANG.utf-8.txt; and the Persian strings as UTF-16LE and UTF-16BE
with a byte-order mark (fa.utf-16le.txt, fa.utf-16be.txt)."""
import codecs

DIR = "testdata/encodings"
by_lang = {"fa": [], "ar": [], "ur": []}
with open("testdata/langeval/measure.tsv", encoding="utf-8") as f:
    next(f)
    for line in f:
        lang, bucket, source, locale, text = line.rstrip("\n").split("\t")
        if lang in by_lang and len(by_lang[lang]) < 20 and bucket != "short":
            text = text.replace("\u06cc", "\u064a")
            try:
                text.encode("cp1256")
            except UnicodeEncodeError:
                continue
            by_lang[lang].append(text)
for lang, texts in by_lang.items():
    body = "\n".join(texts) + "\n"
    open(f"{DIR}/{lang}.windows-1256.txt", "wb").write(body.encode("cp1256"))
    open(f"{DIR}/{lang}.utf-8.txt", "wb").write(body.encode("utf-8"))
fa = "\n".join(by_lang["fa"]) + "\n"
open(f"{DIR}/fa.utf-16le.txt", "wb").write(codecs.BOM_UTF16_LE + fa.encode("utf-16-le"))
open(f"{DIR}/fa.utf-16be.txt", "wb").write(codecs.BOM_UTF16_BE + fa.encode("utf-16-be"))
