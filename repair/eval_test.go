package repair

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

var evalPart = flag.String("repair.part", "measure", "part of testdata/repair's sets to score: measure or tune")

// readTSV reads a gzipped TSV of testdata/repair (see gen.py), without its
// header.
func readTSV(t testing.TB, name string, cols int) [][]string {
	t.Helper()
	f, err := os.Open("../testdata/repair/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 1<<20)
	for i := 0; sc.Scan(); i++ {
		if i == 0 {
			continue
		}
		r := strings.Split(sc.Text(), "\t")
		if len(r) != cols {
			t.Fatalf("%s:%d: %d columns", name, i+1, len(r))
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestRestoration repairs the mojibake of testdata/repair/damaged.tsv.gz,
// made from real text by Python's codecs, and wants at least 99% of it
// restored exactly in each code page, number of times and kind (whole
// string, or a run between two clean strings).
func TestRestoration(t *testing.T) {
	type cell struct{ ok, n int }
	cells := map[string]*cell{}
	langs := map[string]bool{}
	var fails []string
	for _, r := range readTSV(t, "damaged.tsv.gz", 7) {
		part, lang, cp, times, kind, damaged, want := r[0], r[1], r[2], r[3], r[4], r[5], r[6]
		if part != *evalPart {
			continue
		}
		langs[lang] = true
		k := cp + " ×" + times + " " + kind
		if cells[k] == nil {
			cells[k] = &cell{}
		}
		c := cells[k]
		c.n++
		if got := Fix(damaged, Mojibake); got == want {
			c.ok++
		} else if len(fails) < 40 {
			fails = append(fails, fmt.Sprintf("%s %s: %q\n\tgot  %q\n\twant %q", lang, k, damaged, got, want))
		}
	}
	if len(langs) < 12 {
		t.Fatalf("%d languages, want 12 or more", len(langs))
	}
	var keys []string
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	total := cell{}
	for _, k := range keys {
		c := cells[k]
		total.ok += c.ok
		total.n += c.n
		pct := 100 * float64(c.ok) / float64(c.n)
		t.Logf("%-32s %5d of %5d restored (%.2f%%)", k, c.ok, c.n, pct)
		if pct < 99 {
			t.Errorf("%s: %.2f%% restored, want at least 99%%", k, pct)
		}
	}
	t.Logf("all: %d of %d restored (%.2f%%) in %d languages", total.ok, total.n, 100*float64(total.ok)/float64(total.n), len(langs))
	for _, f := range fails {
		t.Log(f)
	}
}

// TestNoFalsePositives repairs clean real text, which must come out as it
// went in: iso-codes' catalogs (testdata/repair/clean.tsv.gz) and the
// strings of testdata/langeval.
func TestNoFalsePositives(t *testing.T) {
	var texts []string
	locales := map[string]bool{}
	for _, r := range readTSV(t, "clean.tsv.gz", 4) {
		texts = append(texts, r[3])
		locales[r[2]] = true
	}
	for _, part := range []string{"tune", "measure"} {
		b, err := os.ReadFile("../testdata/langeval/" + part + ".tsv")
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			if f := strings.Split(line, "\t"); i > 0 && len(f) == 5 {
				texts = append(texts, f[4])
				locales[f[0]] = true
			}
		}
	}
	size, changed := 0, 0
	for _, s := range texts {
		size += len(s)
		got := Fix(s, Mojibake|Entities)
		if want, ok := damagedInSource[s]; ok {
			if got != want {
				t.Errorf("%q, mojibake in its catalog: repaired to %q, want %q", s, got, want)
			}
			continue
		}
		if got != s {
			changed++
			if changed <= 30 {
				t.Errorf("changed %q\n\tto %q", s, got)
			}
		}
	}
	t.Logf("%d of %d clean strings changed (%.1f MB, %d locales and languages; %d strings damaged in their catalogs repaired)",
		changed, len(texts), float64(size)/1e6, len(locales), len(damagedInSource))
	if size < 5e6 || len(locales) < 100 {
		t.Errorf("%.1f MB in %d locales: want at least 5 MB in 100", float64(size)/1e6, len(locales))
	}
}

// damagedInSource are strings of the clean sets that are mojibake in the
// catalogs they come from (the Turkish translation of bison in
// testdata/langeval: UTF-8 read as Windows-1252, checked by hand), with
// their repair.
var damagedInSource = map[string]string{
	"Ã¶nceki tanÄ±m":                                          "önceki tanım",
	"girdi gramer iÃ§inde kural yok":                          "girdi gramer içinde kural yok",
	"Sabit simgeler, iÃ§inde geÃ§tikleri kurallarla birlikte": "Sabit simgeler, içinde geçtikleri kurallarla birlikte",
	"Uzun seÃ§enekler iÃ§in zorunlu olan argÃ¼manlar kÄ±sa seÃ§enekler iÃ§in de zorunludur.": "Uzun seçenekler için zorunlu olan argümanlar kısa seçenekler için de zorunludur.",
}
