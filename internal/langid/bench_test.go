package langid

import (
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/pemistahl/lingua-go"

	linguaengine "github.com/textnorm/textnorm/engine/lingua"
	"github.com/textnorm/textnorm/script"
)

// newsText is a small Persian/English news page written for these
// benchmarks: English paragraphs, Persian captions and one mixed line.
var newsText = strings.Join([]string{
	"The city council approved a new budget on Tuesday after a long debate about public transport and housing.",
	"Officials said the plan would add three bus lines and repair more than forty kilometres of roads before winter.",
	"تصویر: شهروندان در ایستگاه اتوبوس مرکزی تهران منتظر ماندند.",
	"Critics argued that the money should have gone to schools, which have waited years for new buildings.",
	"The mayor told reporters that the council would review the school programme in the spring.",
	"شورای شهر اعلام کرد که طرح جدید حمل‌ونقل عمومی از ماه آینده اجرا می‌شود و هزینه بلیت افزایش نمی‌یابد.",
	"Residents interviewed near the central station were divided. Some welcomed the buses; others doubted the timetable.",
	"A spokesperson for the transport union said drivers had not been consulted. She asked for a meeting next week.",
	"عکس: خیابان ولیعصر پس از بارش باران دیروز",
	"The caption reads «مردم در صف نانوایی» and shows a queue outside a bakery in the morning.",
	"Economists expect the changes to cost less than one percent of the annual budget, according to a report published last month.",
	"به گفته کارشناسان، هزینه این طرح کمتر از یک درصد بودجه سالانه شهر است.",
}, "\n")

// run is a single-script piece of a line, as detect would pass it.
type run struct {
	text   string
	script script.Script
}

// scriptRuns splits text into lines and lines into Arabic- and Latin-script
// runs; neutral characters stay with the run before them.
func scriptRuns(text string) []run {
	var runs []run
	for _, line := range strings.Split(text, "\n") {
		start, cur := 0, script.Common
		for i, r := range line {
			sc := script.Common
			switch {
			case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
				sc = script.Arabic
			case unicode.Is(unicode.Latin, r):
				sc = script.Latin
			}
			if sc == script.Common || sc == cur {
				continue
			}
			if cur != script.Common {
				runs = append(runs, run{line[start:i], cur})
			}
			start, cur = i, sc
		}
		if cur != script.Common {
			runs = append(runs, run{line[start:], cur})
		}
	}
	return runs
}

// tagDocument is the two-pass use detect makes of the package.
func tagDocument(id *Identifier, runs []run) int {
	ctx := NewContext()
	as := make([]*Analysis, len(runs))
	for i, r := range runs {
		as[i] = id.Analyze(r.text, r.script)
		ctx.Observe(as[i])
	}
	n := 0
	for _, a := range as {
		n += len(a.Spans(ctx))
	}
	return n
}

// uncachedLingua is lingua-go's engine remembering no answers, so that a
// benchmark's repetitions measure lingua, not the cache.
func uncachedLingua() *linguaengine.Engine {
	s := linguaengine.New()
	s.AnswerCache = 0
	return s
}

func BenchmarkSpans(b *testing.B) {
	runs := scriptRuns(newsText)
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"all-latin-candidates", Options{}}, // the default: n-grams
		{"all-latin-candidates/lingua-only", Options{Scorer: uncachedLingua()}},
		{"langs=en,fa,ar,ur,ps", Options{Langs: []string{"en", "fa", "ar", "ur", "ps"}}},
		{"langs=en,fr,de,es,fa,ar,ur,ps", Options{Langs: []string{"en", "fr", "de", "es", "fa", "ar", "ur", "ps"}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			id := New(bc.opts)
			tagDocument(id, runs) // load models outside the timing
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			b.SetBytes(int64(len(newsText)))
			b.ResetTimer()
			for range b.N {
				tagDocument(id, runs)
			}
			b.ReportMetric(float64(m.HeapAlloc>>20), "heapMB")
		})
	}
}

// BenchmarkLinguaBaseline is lingua-go used directly: DetectLanguageOf per
// run, with a detector of all lingua's languages of the run's script.
func BenchmarkLinguaBaseline(b *testing.B) {
	runs := scriptRuns(newsText)
	dets := map[script.Script]lingua.LanguageDetector{
		script.Latin:  lingua.NewLanguageDetectorBuilder().FromAllLanguagesWithLatinScript().Build(),
		script.Arabic: lingua.NewLanguageDetectorBuilder().FromAllLanguagesWithArabicScript().Build(),
	}
	detect := func() {
		for _, r := range runs {
			dets[r.script].DetectLanguageOf(r.text)
		}
	}
	detect()
	b.SetBytes(int64(len(newsText)))
	b.ResetTimer()
	for range b.N {
		detect()
	}
}

// BenchmarkScorers is each Scorer alone on the accuracy sentences with all
// of their script's candidates.
func BenchmarkScorers(b *testing.B) {
	id := New(Options{Scorer: noScorer})
	size := 0
	for _, c := range accuracySentences {
		size += len(c.text)
	}
	for _, sc := range []struct {
		name string
		s    Scorer
	}{{"ngram", DefaultNgram()}, {"lingua", uncachedLingua()}} {
		b.Run(sc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for range b.N {
				for _, c := range accuracySentences {
					sc.s.Scores(c.text, id.Candidates(scriptOfText(c.text)))
				}
			}
		})
	}
}

// BenchmarkArabicEvidence is the orthographic model alone on Persian text.
func BenchmarkArabicEvidence(b *testing.B) {
	var sb strings.Builder
	for _, r := range scriptRuns(newsText) {
		if r.script == script.Arabic {
			sb.WriteString(r.text + " ")
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for range b.N {
		scoreArabic(text)
	}
}

// TestNewsTags checks the benchmark text is tagged sensibly and logs the
// heap once lingua's models for the languages it needed are loaded.
func TestNewsTags(t *testing.T) {
	id := New(Options{Langs: []string{"en", "fa", "ar", "ur", "ps"}})
	for _, r := range scriptRuns(newsText) {
		want := map[script.Script]string{script.Latin: "en", script.Arabic: "fa"}[r.script]
		for _, s := range id.Spans(r.text, r.script, nil) {
			if s.Lang != want {
				t.Errorf("%q: %+v, want %s", r.text[s.Start:s.End], s, want)
			}
		}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("heap after lingua models for the languages used so far: %d MB in use, %d MB from OS",
		m.HeapAlloc>>20, m.Sys>>20)
}
