package langid

import (
	"math"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/textnorm/textnorm/script"
)

// parityScorer is a cheap deterministic Scorer for fuzzing: it prefers the
// first candidate for texts with an even number of letters and the second
// otherwise, so spans of several languages and merges are exercised.
var parityScorer = ScorerFunc(func(text string, cands []string) []Score {
	if len(cands) < 2 {
		return nil
	}
	a, b := cands[0], cands[1]
	if LettersUpTo(text, math.MaxInt)%2 == 1 {
		a, b = b, a
	}
	return []Score{{Lang: a, P: 0.97}, {Lang: b, P: 0.03}}
})

func FuzzSpans(f *testing.F) {
	for _, s := range []string{
		"The train was late. Le train était en retard.",
		"این کتاب را خریدم. كان الجو حارا.",
		"a. b. c",
		"\xff\xfe. ok",
		"",
	} {
		f.Add(s, "Latn")
		f.Add(s, "Arab")
	}
	ids := []*Identifier{
		New(Options{Langs: []string{"en", "fr"}, Scorer: parityScorer}),
		New(Options{Scorer: parityScorer}),
	}
	f.Fuzz(func(t *testing.T, text, code string) {
		sc, _ := script.Parse(code)
		for _, id := range ids {
			ctx := NewContext()
			ctx.Observe(id.Analyze(text, sc))
			checkSpans(t, text, id.Spans(text, sc, ctx))
		}
	})
}

// checkSpans asserts the Span invariants: in order, non-overlapping, within
// text, non-empty, on UTF-8 boundaries, trimmed, only white space between
// spans, valid language and confidence.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %+v out of order or bounds (prev end %d, len %d)", i, s, prev, len(text))
		}
		if !boundary(text, s.Start) || !boundary(text, s.End) {
			t.Fatalf("span %d %+v not on UTF-8 boundaries of %q", i, s, text)
		}
		for _, r := range text[prev:s.Start] {
			if !unicode.IsSpace(r) {
				t.Fatalf("non-space %q between spans in %q: %+v", r, text, spans)
			}
		}
		first, _ := utf8.DecodeRuneInString(text[s.Start:])
		last, _ := utf8.DecodeLastRuneInString(text[:s.End])
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("span %d %+v not trimmed in %q", i, s, text)
		}
		if s.Lang == "" || !(s.Conf >= 0 && s.Conf <= 1) {
			t.Fatalf("span %d %+v: bad lang or conf", i, s)
		}
		if i > 0 && spans[i-1].Lang == s.Lang {
			t.Fatalf("adjacent spans %d, %d share language %s", i-1, i, s.Lang)
		}
		prev = s.End
	}
	for _, r := range text[prev:] {
		if !unicode.IsSpace(r) {
			t.Fatalf("non-space %q after the last span in %q: %+v", r, text, spans)
		}
	}
}

// boundary reports whether byte offset i of s is where forward decoding
// starts a rune (or the end).
func boundary(s string, i int) bool {
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return i == len(s)
}
