package detect_test

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/internal/benchtext"
)

// BenchmarkDetect compares language detection engines on the same text in
// one run, one sub-benchmark per corpus and engine:
//
//	go test -run XXX -bench Detect -cpu 1 -tags cld2,lingua ./detect
//
// prints BenchmarkDetect/<corpus>/<engine> for textnorm's segmentation
// (segments with languages, no normalization) and, with the build tags,
// CLD2 through cgo (cld2: bench_cld2_test.go) and lingua-go used directly
// (lingua: bench_lingua_test.go). MB/s is of the text given to the engine.
//
// The corpora (package benchtext) are:
//
//   - mixed: documents of 16 KB, English with inline phrases of Arabic,
//     Urdu, Persian, Russian, Chinese, Japanese, Hindi, French and German,
//     and paragraphs of each; 1 MB an iteration. Each engine segments each
//     document: Segments, CLD2's result chunks, lingua-go's
//     DetectMultipleLanguagesOf.
//   - lines: lines of one to five words in those languages, 256 KB an
//     iteration, each detected alone: Segments, CLD2's DetectLanguage,
//     lingua-go's DetectLanguageOf.
//   - real and real-lines: real text written by others, the strings of
//     testdata/langeval's measuring part in 84 languages (an eighth of
//     them an iteration, about 170 KB), as documents of 16 KB (paragraphs
//     of 8 strings) and each string alone. Its words are far more varied
//     than benchtext's, which repeats a small vocabulary (so textnorm's
//     word cache serves most of mixed's words).
//
// Each iteration reads the next of 8 variants of the corpus (the same
// kind of text, other words), and an engine first reads, untimed, a corpus
// of its own and the last variant, to load its models: so no engine's
// memory of answers for short texts decides the numbers (lingua-go's
// adapter in package engine/lingua has one; textnorm's default engine had
// one when it asked lingua-go), and no model loading is timed. An engine
// too slow for a whole corpus reads the first part of each (share): MB/s
// stays comparable.
//
// Besides MB/s, of wall time, MB/cpu-s is the throughput per second of the
// process's CPU time (user and system, where getrusage is), which a busy
// machine disturbs less; at -cpu 1 the two agree on an idle one. spans/MB
// counts the spans given a language (not und); a line has at most one.
//
// lingua-go's models, once loaded, stay in the heap (about a gigabyte), and
// every garbage collection after scans them: with -tags lingua the Go
// engines' benchmarks that run after lingua's first (lines/textnorm) are
// slower than alone. Take textnorm's numbers from a run without the tag.
func BenchmarkDetect(b *testing.B) {
	for _, c := range benchCorpora() {
		b.Run(c.name, func(b *testing.B) {
			for _, e := range benchEngines {
				b.Run(e.name, func(b *testing.B) { runDetect(b, c, e) })
			}
		})
	}
}

func runDetect(b *testing.B, c *benchCorpus, e benchEngine) {
	detect := e.setup(b, c.kind)
	variants := c.variants
	if e.share > 1 {
		variants = make([][]string, len(c.variants))
		for i, v := range c.variants {
			variants[i] = share(v, e.share)
		}
	}
	// Models load on first use: read a corpus of its own, and the last
	// variant, which 7 others follow before its turn comes (a memory of
	// answers has forgotten it by then).
	warmOnce(e.name+"/"+c.name, func() {
		for _, t := range share(c.warm, max(e.share, 1)) {
			detect(t)
		}
		for _, t := range variants[len(variants)-1] {
			detect(t)
		}
	})
	total := 0
	for _, v := range variants {
		total += size(v)
	}
	b.SetBytes(int64(total / len(variants)))
	// The turn goes on from one run to the next (-count): a variant comes
	// back only after the 7 others.
	turn := turns[e.name+"/"+c.name]
	first, n, spans := true, 0, 0
	var cpu time.Duration
	for b.Loop() {
		if first {
			cpu, first = cpuTime(), false
		}
		v := variants[turn%len(variants)]
		turn++
		for _, t := range v {
			spans += detect(t)
			n += len(t)
		}
	}
	turns[e.name+"/"+c.name] = turn
	if cpu = cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(float64(n)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
	b.ReportMetric(float64(spans)/(float64(n)/1e6), "spans/MB")
}

// A corpusKind tells an engine how to read a corpus's texts.
type corpusKind int

const (
	documents corpusKind = iota // segment each text into spans of languages
	lines                       // the language of each text as a whole
)

type benchCorpus struct {
	name     string
	kind     corpusKind
	variants [][]string // an iteration's texts, in turn
	warm     []string   // read before the timing
}

var benchCorpora = sync.OnceValue(func() []*benchCorpus {
	mixed := &benchCorpus{name: "mixed", kind: documents, warm: benchtext.Documents(1000, 1<<20, 16<<10)}
	short := &benchCorpus{name: "lines", kind: lines, warm: benchtext.Lines(1000, 256<<10)}
	for seed := range uint64(8) {
		mixed.variants = append(mixed.variants, benchtext.Documents(1+seed<<10, 1<<20, 16<<10))
		short.variants = append(short.variants, benchtext.Lines(1+seed, 256<<10))
	}
	// Real text written by others: the strings of testdata/langeval (84
	// languages of gettext catalogs, fortunes and CLDR), far more varied
	// in words than benchtext's.
	real := &benchCorpus{name: "real", kind: documents, warm: realDocuments(readRealStrings("tune"))}
	realLines := &benchCorpus{name: "real-lines", kind: lines, warm: readRealStrings("tune")}
	measure := readRealStrings("measure")
	for v := range 8 {
		var part []string
		for i := v; i < len(measure); i += 8 {
			part = append(part, measure[i])
		}
		real.variants = append(real.variants, realDocuments(part))
		realLines.variants = append(realLines.variants, part)
	}
	return []*benchCorpus{mixed, short, real, realLines}
})

// readRealStrings returns the texts of part ("measure" or "tune") of
// testdata/langeval, in their order (by language).
func readRealStrings(part string) []string {
	b, err := os.ReadFile("../testdata/langeval/" + part + ".tsv")
	if err != nil {
		panic(err)
	}
	var out []string
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if f := strings.Split(line, "\t"); i > 0 && len(f) == 5 {
			out = append(out, f[4])
		}
	}
	return out
}

// realDocuments joins strings into documents of about 16 KB, paragraphs of
// 8 strings: most paragraphs are of one language, and a document holds a
// few languages, since the strings come by language.
func realDocuments(strs []string) []string {
	var docs []string
	var b strings.Builder
	for i, s := range strs {
		b.WriteString(s)
		switch {
		case b.Len() >= 16<<10:
			docs = append(docs, b.String())
			b.Reset()
		case i%8 == 7:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
	}
	if b.Len() > 0 {
		docs = append(docs, b.String())
	}
	return docs
}

// A benchEngine is a detector BenchmarkDetect runs. setup returns a
// function that detects a text of a corpus of the kind and returns how
// many spans it gave a language (for lines, 1 or 0).
type benchEngine struct {
	name  string
	share int // reads the first 1/share of a corpus; 0 or 1: all of it
	setup func(b *testing.B, kind corpusKind) func(text string) int
}

// benchEngines are the engines, in the order they print: textnorm's here,
// the peers' appended by the files of their build tags.
var benchEngines = []benchEngine{{name: "textnorm", setup: setupTextnorm}}

// setupTextnorm is textnorm's segmentation with its default engine, as a
// program calls it: Segments on each document, and on each line.
func setupTextnorm(b *testing.B, kind corpusKind) func(string) int {
	d, err := detect.NewDetector(detect.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return func(text string) int {
		n := 0
		for _, s := range d.Segments(text) {
			if s.Lang != detect.Und {
				n++
			}
		}
		return n
	}
}

var (
	warmed sync.Map           // engine/corpus -> *sync.Once
	turns  = map[string]int{} // engine/corpus -> the next variant; benchmarks run one at a time
)

// warmOnce runs warm the first time it is called with key in the process:
// models stay loaded across -count runs.
func warmOnce(key string, warm func()) {
	once, _ := warmed.LoadOrStore(key, new(sync.Once))
	once.(*sync.Once).Do(warm)
}

func size(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}

// share returns the first texts of at least 1/n of the bytes of texts.
func share(texts []string, n int) []string {
	total, sum := size(texts), 0
	for i, t := range texts {
		sum += len(t)
		if sum*n >= total {
			return texts[:i+1]
		}
	}
	return texts
}
