package langid

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/textnorm/textnorm/engine/enginetest"
	linguaengine "github.com/textnorm/textnorm/engine/lingua"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

// accuracyLangs are the candidates of the accuracy test: the languages of
// its sentences and a few close neighbours, so that lingua loads only these.
var accuracyLangs = []string{"en", "fr", "de", "es", "it", "pt", "nl", "tr", "pl", "ru", "uk", "bg", "hi", "mr"}

// scriptOfText returns the script of the first Latin, Cyrillic or
// Devanagari letter of s.
func scriptOfText(s string) script.Script {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			return script.Latin
		case unicode.Is(unicode.Cyrillic, r):
			return script.Cyrillic
		case unicode.Is(unicode.Devanagari, r):
			return script.Devanagari
		}
	}
	return script.Common
}

// TestAccuracy compares lingua-go's engine and the n-gram scorer, the
// default, on the accuracy sentences and phrases: "top-1" is the
// Scorer's best candidate, "tagged" a single span of the right language from
// Identifier.Spans without context (short phrases then need a lead of
// shortMargin, so many are rightly und).
func TestAccuracy(t *testing.T) {
	scorers := []struct {
		name string
		s    Scorer
	}{
		{"lingua", linguaengine.Fast()},
		{"ngram", DefaultNgram()},
	}
	type acc struct{ top, tagged, n int }
	results := map[string][2]acc{}
	for _, sc := range scorers {
		id := New(Options{Langs: accuracyLangs, Scorer: sc.s})
		var r [2]acc
		for k, set := range [][]struct{ lang, text string }{accuracySentences, accuracyPhrases} {
			for _, c := range set {
				script := scriptOfText(c.text)
				r[k].n++
				if ps := sc.s.Scores(c.text, id.Candidates(script)); len(ps) > 0 && ps[0].Lang == c.lang {
					r[k].top++
				}
				if sp := id.Spans(c.text, script, nil); len(sp) == 1 && sp[0].Lang == c.lang {
					r[k].tagged++
				} else if testing.Verbose() {
					t.Logf("%s: %q (%s) tagged %+v", sc.name, c.text, c.lang, sp)
				}
			}
		}
		results[sc.name] = r
	}
	pct := func(a, n int) float64 { return 100 * float64(a) / float64(n) }
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-10s %22s %22s %22s\n", "scorer", "sentences top1/tagged", "phrases top1/tagged", "all top1/tagged")
	overall := map[string][2]float64{}
	for _, sc := range scorers {
		r := results[sc.name]
		n := r[0].n + r[1].n
		top, tagged := r[0].top+r[1].top, r[0].tagged+r[1].tagged
		overall[sc.name] = [2]float64{pct(top, n), pct(tagged, n)}
		fmt.Fprintf(&b, "%-10s %10.1f%% /%6.1f%% %10.1f%% /%6.1f%% %10.1f%% /%6.1f%%\n", sc.name,
			pct(r[0].top, r[0].n), pct(r[0].tagged, r[0].n),
			pct(r[1].top, r[1].n), pct(r[1].tagged, r[1].n),
			pct(top, n), pct(tagged, n))
	}
	t.Log(b.String())
	// The n-grams must rank as well as lingua-go; tagged without context,
	// a short phrase of theirs rightly stays und where lingua-go, which is
	// Standalone, names its best guess, so tagging is compared on
	// sentences.
	if ng, lin := overall["ngram"][0], overall["lingua"][0]; ng < lin-1 {
		t.Errorf("ngram top-1 accuracy %.1f%% < lingua's %.1f%% - 1", ng, lin)
	}
	if ng, lin := pct(results["ngram"][0].tagged, results["ngram"][0].n), pct(results["lingua"][0].tagged, results["lingua"][0].n); ng < lin-1 {
		t.Errorf("ngram tagged sentences %.1f%% < lingua's %.1f%% - 1", ng, lin)
	}
}

func TestNgramScorerContract(t *testing.T) {
	s := DefaultNgram()
	enginetest.Check(t, s)
	// Every registry language of the scripts that statistics decide, which
	// lingua-go knows (all but ps), opt-in ones (la) too.
	for _, l := range language.All() {
		if _, ok := linguaengine.Language(l.Code); !ok || !slices.ContainsFunc(statScripts, l.WrittenIn) {
			continue
		}
		code := l.Code
		if !s.Knows(code) {
			t.Errorf("n-gram model lacks %s", code)
		}
	}
}

func TestNgramScorerRanks(t *testing.T) {
	s := DefaultNgram()
	for _, c := range accuracySentences {
		cands := New(Options{Scorer: noScorer}).Candidates(scriptOfText(c.text))
		ll := s.LogLikelihoods(c.text, cands)
		if len(ll) < 2 || ll[0].Lang != c.lang {
			t.Errorf("%q: best %v, want %s", c.text, ll[:min(len(ll), 3)], c.lang)
		}
	}
}

// heapDocument is a Persian/English/Arabic document: the benchmark news page
// and the Arabic-script test sentences.
func heapDocument() string {
	var parts []string
	parts = append(parts, newsText)
	for _, c := range arabicCases {
		parts = append(parts, c.text)
	}
	return strings.Join(parts, "\n")
}

// TestDocumentHeap tags a Persian/English/Arabic document with the default
// Identifier (all Latin-script candidates) in a fresh process, so that models
// loaded by other tests do not count, and checks the heap it needs.
func TestDocumentHeap(t *testing.T) {
	if os.Getenv("LANGID_HEAP_CHILD") == "1" {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		id := New(Options{})
		n := tagDocument(id, scriptRuns(heapDocument()))
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("HEAP %d %d %d %d\n", n, m.HeapInuse, m.HeapSys, m.Sys)
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDocumentHeap$", "-test.count=1")
	cmd.Env = append(os.Environ(), "LANGID_HEAP_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var spans int
	var inuse, heapSys, sys uint64
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) == 5 && f[0] == "HEAP" {
			spans, _ = strconv.Atoi(f[1])
			inuse, _ = strconv.ParseUint(f[2], 10, 64)
			heapSys, _ = strconv.ParseUint(f[3], 10, 64)
			sys, _ = strconv.ParseUint(f[4], 10, 64)
		}
	}
	if spans == 0 {
		t.Fatalf("child reported nothing:\n%s", out)
	}
	t.Logf("Persian/English/Arabic document (%d bytes, %d spans): HeapInuse %d MB, HeapSys %d MB, Sys %d MB",
		len(heapDocument()), spans, inuse>>20, heapSys>>20, sys>>20)
	if inuse >= 300<<20 {
		t.Errorf("HeapInuse %d MB, want < 300 MB", inuse>>20)
	}
}

// TestSortTop checks that sortTop puts the k best first as sortScores
// orders them, ties included, and keeps every score.
func TestSortTop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := 1 + rng.IntN(50)
		s := make([]Score, n)
		for i := range s {
			// Few distinct values, so that ties are common.
			s[i] = Score{Lang: string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26))), P: float64(rng.IntN(5))}
		}
		want := slices.Clone(s)
		sortScores(want)
		k := rng.IntN(n + 1) // 0 chooses none
		got := slices.Clone(s)
		sortTop(got, k)
		if !slices.Equal(got[:k], want[:k]) {
			t.Fatalf("sortTop(%v, %d) = %v, want first %v", s, k, got[:k], want[:k])
		}
		sortScores(got)
		if !slices.Equal(got, want) {
			t.Fatalf("sortTop(%v, %d) lost or changed scores: %v", s, k, got)
		}
	}
}

// TestRuneClasses checks the table of isLetter, isMn and isCap against
// package unicode on every code point.
func TestRuneClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := isLetter(r), unicode.IsLetter(r); got != want {
			t.Errorf("isLetter(%U) = %v, want %v", r, got, want)
		}
		if got, want := isMn(r), unicode.Is(unicode.Mn, r); got != want {
			t.Errorf("isMn(%U) = %v, want %v", r, got, want)
		}
		if got, want := isCap(r), unicode.IsUpper(r) || unicode.IsTitle(r); got != want {
			t.Errorf("isCap(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestToLower checks toLower against unicode.ToLower on every code point.
func TestToLower(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := toLower(r), unicode.ToLower(r); got != want {
			t.Errorf("toLower(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestDecodeRune checks decodeRune against utf8.DecodeRuneInString on
// every one- and two-byte string and on the edges of the longer forms.
func TestDecodeRune(t *testing.T) {
	check := func(s string) {
		for i := range len(s) {
			r, n := decodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %U, %d, want %U, %d", s, i, r, n, wr, wn)
			}
		}
	}
	for a := range 256 {
		check(string([]byte{byte(a)}))
		for b := range 256 {
			check(string([]byte{byte(a), byte(b)}))
			check(string([]byte{byte(a), byte(b), 0x80}))
		}
	}
	check("\u0800\uFFFF\U00010000\U0010FFFF\xed\xa0\x80\xf4\x90\x80\x80")
}

// TestLettersUpTo checks LettersUpTo against counting unicode.IsLetter
// rune by rune, with and without a bound.
func TestLettersUpTo(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "Z", " ", "1", "д", "خ", "\u064b", "中", "ア", "\xff", "\xd9", "😀", "ǅ", "-"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				want++
			}
		}
		if got := LettersUpTo(s, math.MaxInt); got != want {
			t.Fatalf("LettersUpTo(%q) = %d, want %d", s, got, want)
		}
		if most := rng.IntN(10); LettersUpTo(s, most) != min(want, most) {
			t.Fatalf("LettersUpTo(%q, %d) = %d, want %d", s, most, LettersUpTo(s, most), min(want, most))
		}
	}
}
