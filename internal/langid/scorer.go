package langid

import (
	"unicode"
	"unicode/utf8"

	"github.com/textnorm/textnorm/engine"
)

// Score is the probability P that a text is in language Lang.
type Score = engine.Score

// Scorer scores a text against candidate languages with statistical
// models: an engine.Engine (see there for the contract).
type Scorer = engine.Engine

// ScorerFunc adapts a function to the [Scorer] interface.
type ScorerFunc = engine.Func

// sortScores sorts s by descending P, ties by language code for determinism.
func sortScores(s []Score) { engine.SortScores(s) }

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// letterCount returns the number of letters in s.
func letterCount(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) {
			n++
		}
		s = s[size:]
	}
	return n
}
