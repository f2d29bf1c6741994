package detect

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	linguaengine "github.com/textnorm/textnorm/engine/lingua"
)

var baseline = flag.Bool("baseline", false, "also score lingua-go used directly on the evaluation set (loads many models: slow, over 1 GB)")

// evalDoc is a document of testdata/eval with the true language of every
// byte ("" for bytes that are not letters).
type evalDoc struct {
	name string
	text string
	gold []string
}

// readEvalDoc parses the format of testdata/eval/README.md: "LANG<TAB>TEXT"
// lines, "#" comments, and inline spans ⟦xx|text⟧.
func readEvalDoc(t testing.TB, path string) evalDoc {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := evalDoc{name: filepath.Base(path)}
	var text strings.Builder
	var gold []string
	add := func(s, lang string) {
		for _, r := range s {
			n := utf8.RuneLen(r)
			text.WriteRune(r)
			l := ""
			if unicode.IsLetter(r) {
				l = lang
			}
			for range n {
				gold = append(gold, l)
			}
		}
	}
	first := true
	for i, line := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if !first {
			add("\n", "")
		}
		first = false
		if line == "" {
			continue
		}
		lang, body, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab", path, i+1)
		}
		for body != "" {
			open := strings.Index(body, "⟦")
			if open < 0 {
				add(body, lang)
				break
			}
			add(body[:open], lang)
			body = body[open+len("⟦"):]
			closeAt := strings.Index(body, "⟧")
			bar := strings.Index(body, "|")
			if closeAt < 0 || bar < 0 || bar > closeAt {
				t.Fatalf("%s:%d: bad span", path, i+1)
			}
			add(body[bar+1:closeAt], body[:bar])
			body = body[closeAt+len("⟧"):]
		}
	}
	d.text = text.String()
	d.gold = gold
	return d
}

func readEvalSet(t testing.TB) []evalDoc { return readEvalDir(t, "../testdata/eval") }

func readEvalDir(t testing.TB, dir string) []evalDoc {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) < 20 {
		t.Fatalf("evaluation set: %v (%d files)", err, len(paths))
	}
	var docs []evalDoc
	for _, p := range paths {
		docs = append(docs, readEvalDoc(t, p))
	}
	return docs
}

// evalScore accumulates per-letter accuracy by true language and the
// precision and recall of language boundaries between letters of a line.
type evalScore struct {
	letters, correct  map[string]int // by true language
	tp, fp, fn        int            // language boundaries
	confusion         map[[2]string]int
	total, totalRight int
	perDoc            map[string][2]int // letters, right
}

func newEvalScore() *evalScore {
	return &evalScore{letters: map[string]int{}, correct: map[string]int{}, confusion: map[[2]string]int{}, perDoc: map[string][2]int{}}
}

// add scores pred, the predicted language of every byte of d.text.
func (e *evalScore) add(d evalDoc, pred []string) {
	var prevGold, prevPred string
	dr := e.perDoc[d.name]
	for i, g := range d.gold {
		if d.text[i] == '\n' {
			prevGold, prevPred = "", ""
			continue
		}
		if g == "" || !utf8.RuneStart(d.text[i]) {
			continue
		}
		p := pred[i]
		e.letters[g]++
		e.total++
		dr[0]++
		if p == g {
			e.correct[g]++
			e.totalRight++
			dr[1]++
		} else {
			e.confusion[[2]string{g, p}]++
		}
		gb := prevGold != "" && g != prevGold
		pb := prevPred != "" && p != prevPred
		switch {
		case gb && pb:
			e.tp++
		case pb:
			e.fp++
		case gb:
			e.fn++
		}
		prevGold, prevPred = g, p
	}
	e.perDoc[d.name] = dr
}

func (e *evalScore) accuracy(lang string) float64 {
	if lang == "" {
		return float64(e.totalRight) / float64(max(e.total, 1))
	}
	return float64(e.correct[lang]) / float64(max(e.letters[lang], 1))
}

func (e *evalScore) f1() float64 {
	p := float64(e.tp) / float64(max(e.tp+e.fp, 1))
	r := float64(e.tp) / float64(max(e.tp+e.fn, 1))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (e *evalScore) report(t *testing.T, name string) {
	var langs []string
	for l := range e.letters {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: per-letter accuracy %.2f%%, boundary F1 %.3f (tp %d fp %d fn %d)\n", name, 100*e.accuracy(""), e.f1(), e.tp, e.fp, e.fn)
	for _, l := range langs {
		fmt.Fprintf(&b, "  %-3s %6d letters %7.2f%%\n", l, e.letters[l], 100*e.accuracy(l))
	}
	type conf struct {
		k [2]string
		n int
	}
	var cs []conf
	for k, n := range e.confusion {
		cs = append(cs, conf{k, n})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].n > cs[j].n })
	for _, c := range cs[:min(len(cs), 12)] {
		fmt.Fprintf(&b, "  confused %s -> %q: %d letters\n", c.k[0], c.k[1], c.n)
	}
	var docs []string
	for name, dr := range e.perDoc {
		if dr[1] < dr[0] {
			docs = append(docs, fmt.Sprintf("  %s: %.1f%%", name, 100*float64(dr[1])/float64(dr[0])))
		}
	}
	sort.Strings(docs)
	fmt.Fprintf(&b, "documents below 100%%:\n%s", strings.Join(docs, "\n"))
	t.Log(b.String())
}

// segmentLabels returns the language of every byte under segs.
func segmentLabels(text string, segs []Segment) []string {
	pred := make([]string, len(text))
	for _, s := range segs {
		for i := s.Start; i < s.End; i++ {
			pred[i] = s.Lang
		}
	}
	return pred
}

// TestEvaluation scores the detector on the hand-labelled documents of
// testdata/eval: per-letter accuracy (the share of letters whose segment has
// their true language) and the F1 of language boundaries within lines.
func TestEvaluation(t *testing.T) {
	docs := readEvalSet(t)
	score := newEvalScore()
	d := mustDetector(t, Options{})
	for _, doc := range docs {
		score.add(doc, segmentLabels(doc.text, d.Segments(doc.text)))
	}
	score.report(t, "textnorm")
	if acc := score.accuracy(""); acc < 0.98 {
		t.Errorf("per-letter accuracy %.2f%%, want >= 98%%", 100*acc)
	}
	for _, l := range []string{"fa", "ar", "ur", "ps"} {
		if acc := score.accuracy(l); acc < 0.95 {
			t.Errorf("%s per-letter accuracy %.2f%%, want >= 95%%", l, 100*acc)
		}
	}
}

// TestEvaluationHoldout scores the detector on testdata/eval-holdout, a set
// written apart from the one the detector was tuned on, messier, like
// scraped pages: it tells how the accuracy carries over to text nobody
// tuned for. Its bars are lower than TestEvaluation's and guard against
// regressions.
func TestEvaluationHoldout(t *testing.T) {
	docs := readEvalDir(t, "../testdata/eval-holdout")
	score := newEvalScore()
	d := mustDetector(t, Options{})
	for _, doc := range docs {
		score.add(doc, segmentLabels(doc.text, d.Segments(doc.text)))
	}
	score.report(t, "textnorm on the held-out set")
	if acc := score.accuracy(""); acc < holdoutOverall {
		t.Errorf("per-letter accuracy %.2f%%, want >= %.0f%%", 100*acc, 100*holdoutOverall)
	}
	for _, l := range []string{"fa", "ar", "ur", "ps"} {
		if acc := score.accuracy(l); acc < holdoutArabicScript {
			t.Errorf("%s per-letter accuracy %.2f%%, want >= %.0f%%", l, 100*acc, 100*holdoutArabicScript)
		}
	}
}

const (
	holdoutOverall      = 0.95
	holdoutArabicScript = 0.90
)

// TestEvaluationLinguaBaseline scores lingua-go used directly on the same
// set: DetectLanguageOf on every line, and DetectMultipleLanguagesOf on
// every document, both with every language of the set that lingua has, on
// both evaluation sets.
// It loads many models, so it runs only with -baseline.
func TestEvaluationLinguaBaseline(t *testing.T) {
	if !*baseline {
		t.Skip("run with -baseline")
	}
	for _, set := range []string{"../testdata/eval", "../testdata/eval-holdout"} {
		t.Run(filepath.Base(set), func(t *testing.T) { linguaBaseline(t, readEvalDir(t, set)) })
	}
}

func linguaBaseline(t *testing.T, docs []evalDoc) {
	var langs []lingua.Language
	seen := map[string]bool{}
	for _, d := range docs {
		for _, g := range d.gold {
			if g != "" && !seen[g] {
				seen[g] = true
				if l, ok := linguaengine.Language(g); ok {
					langs = append(langs, l)
				}
			}
		}
	}
	det := lingua.NewLanguageDetectorBuilder().FromLanguages(langs...).Build()
	code := func(l lingua.Language, ok bool) string {
		if !ok || l == lingua.Unknown {
			return Und
		}
		return linguaengine.Code(l)
	}
	perLine, multi := newEvalScore(), newEvalScore()
	for _, doc := range docs {
		pred := make([]string, len(doc.text))
		start := 0
		for _, line := range strings.SplitAfter(doc.text, "\n") {
			l := code(det.DetectLanguageOf(line))
			for i := start; i < start+len(line); i++ {
				pred[i] = l
			}
			start += len(line)
		}
		perLine.add(doc, pred)

		pred = make([]string, len(doc.text))
		for _, r := range det.DetectMultipleLanguagesOf(doc.text) {
			l := code(r.Language(), true)
			for i := r.StartIndex(); i < r.EndIndex(); i++ {
				pred[i] = l
			}
		}
		multi.add(doc, pred)
	}
	perLine.report(t, "lingua DetectLanguageOf per line")
	multi.report(t, "lingua DetectMultipleLanguagesOf per document")
}
