// Package enginetest checks that an engine.Engine keeps the contract of
// the interface, as testing/fstest does for file systems: a test of an
// engine calls Check.
package enginetest

import (
	"math"
	"slices"
	"testing"

	"github.com/textnorm/textnorm/engine"
)

// Check checks what every Engine promises: one score for
// each candidate it knows (none when it knows fewer than two, or the text
// has no letters), sorted, summing to 1.
func Check(t testing.TB, s engine.Engine) {
	t.Helper()
	tests := []struct {
		text  string
		cands []string
		want  []string // languages expected in the result, any order
	}{
		{"The weather is lovely today in the park.", []string{"en", "fr"}, []string{"en", "fr"}},
		{"این کتاب را خریدم", []string{"fa", "ar", "ps"}, []string{"fa", "ar"}}, // no ps model
		{"whatever", []string{"en", "ps"}, nil},                                 // one known: no opinion
		{"12345 !!", []string{"en", "fr"}, nil},                                 // no letters
		{"\xff\xfe", []string{"en", "fr"}, nil},                                 // invalid UTF-8
		{"Grüße aus Köln", []string{"en", "de", "de", "xx"}, []string{"en", "de"}},
	}
	for _, tc := range tests {
		got := s.Scores(tc.text, tc.cands)
		var langs []string
		sum := 0.0
		for i, sc := range got {
			langs = append(langs, sc.Lang)
			sum += sc.P
			if i > 0 && got[i-1].P < sc.P {
				t.Errorf("%q: scores not sorted: %v", tc.text, got)
			}
		}
		slices.Sort(langs)
		if want := slices.Sorted(slices.Values(tc.want)); !slices.Equal(langs, want) {
			t.Errorf("%q: langs %v, want %v", tc.text, langs, want)
		}
		if len(got) > 0 && math.Abs(sum-1) > 1e-9 {
			t.Errorf("%q: sum %v, want 1", tc.text, sum)
		}
	}
}
