package normalize

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// benchCorpora are raw text written by others, as it came (not normalized
// first), of at least 1 MB each: the strings of testdata/langeval (gettext
// catalogs, fortunes, CLDR) and of iso-codes' catalogs
// (testdata/repair/clean.tsv.gz) in Persian, Arabic, Russian, Chinese and
// English, repeated to 1 MB, and their lines interleaved for "mixed"; and
// each in NFD ("fa-nfd", ...), the worst case of composed forms.
var benchCorpora = sync.OnceValue(func() []benchCorpus {
	langs := []string{"fa", "ar", "ru", "zh", "en"}
	lines := map[string][]string{}
	read := func(path string, gz bool, lang, text int) {
		f, err := os.Open(path)
		if err != nil {
			return
		}
		defer f.Close()
		var sc *bufio.Scanner
		if gz {
			z, err := gzip.NewReader(f)
			if err != nil {
				return
			}
			sc = bufio.NewScanner(z)
		} else {
			sc = bufio.NewScanner(f)
		}
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			r := strings.Split(sc.Text(), "\t")
			if len(r) > text {
				lines[r[lang]] = append(lines[r[lang]], r[text])
			}
		}
	}
	read("../testdata/langeval/tune.tsv", false, 0, 4)
	read("../testdata/langeval/measure.tsv", false, 0, 4)
	read("../testdata/repair/clean.tsv.gz", true, 2, 3)
	var out []benchCorpus
	var mixed strings.Builder
	for k := 0; mixed.Len() < 1<<20 && len(lines) > 0; k++ { // none: run from elsewhere than the package's directory
		for _, l := range langs {
			if ls := lines[l]; len(ls) > 0 {
				mixed.WriteString(ls[k%len(ls)])
				mixed.WriteString("\n")
			}
		}
	}
	for _, l := range langs {
		var b strings.Builder
		for b.Len() < 1<<20 && len(lines[l]) > 0 {
			for _, s := range lines[l] {
				b.WriteString(s)
				b.WriteString("\n")
			}
		}
		out = append(out, benchCorpus{l, b.String()})
	}
	out = append(out, benchCorpus{"mixed", mixed.String()})
	for _, c := range out[:len(out):len(out)] {
		out = append(out, benchCorpus{c.name + "-nfd", norm.NFD.String(c.text)})
	}
	return out
})

type benchCorpus struct{ name, text string }

// icuNormalize is ICU's NFC of a text, in a build with -tags icu
// (bench_icu_test.go); nil otherwise.
var icuNormalize func(s []byte) []byte

// BenchmarkNormalize runs, on each corpus, raw x/text's NFC, ICU's (with
// -tags icu), and the profiles none, default and fa, in one run:
//
//	go test -run XXX -bench Normalize -cpu 1 -tags icu ./normalize
func BenchmarkNormalize(b *testing.B) {
	for _, c := range benchCorpora() {
		if len(c.text) < 1<<20 {
			b.Fatalf("%s: %d bytes, want 1 MB", c.name, len(c.text))
		}
		run := func(name string, f func()) {
			b.Run(c.name+"/"+name, func(b *testing.B) {
				b.SetBytes(int64(len(c.text)))
				for b.Loop() {
					f()
				}
			})
		}
		run("x-text", func() { norm.NFC.String(c.text) })
		if icuNormalize != nil {
			in := []byte(c.text)
			run("icu", func() { icuNormalize(in) })
		}
		for _, p := range []Profile{None, Default, Persian} {
			run(p.Name(), func() { p.Apply(c.text) })
		}
	}
}
