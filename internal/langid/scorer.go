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

// sortTop moves the k best of s, as sortScores orders them, to its front
// in that order, and leaves the rest in any order: a sentence keeps only
// its few best, and sorting all of a script's candidates costs more than
// choosing them.
func sortTop(s []Score, k int) {
	switch {
	case k <= 0:
		return
	case k >= len(s)/2:
		sortScores(s)
		return
	}
	before := func(a, b Score) bool { return a.P > b.P || a.P == b.P && a.Lang < b.Lang }
	chooseTop(s[:k], k, before)
	// chooseTop's second loop, with the common case (worse than the k-th,
	// by P alone) compared in line: a call through before for every
	// candidate of a script of dozens was a twentieth of detection.
	for j := k; j < len(s); j++ {
		if s[j].P < s[k-1].P || !before(s[j], s[k-1]) {
			continue
		}
		s[j], s[k-1] = s[k-1], s[j]
		for i := k - 1; i > 0 && before(s[i], s[i-1]); i-- {
			s[i], s[i-1] = s[i-1], s[i]
		}
	}
}

// chooseTop moves the k (0 < k <= len(s)) first of s by before to its
// front, in that order, in one pass; the rest are left in any order.
func chooseTop[E any](s []E, k int, before func(a, b E) bool) {
	for i := 1; i < k; i++ { // s[:k] sorted
		for j := i; j > 0 && before(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	for j := k; j < len(s); j++ { // each better one takes the k-th's place
		if before(s[j], s[k-1]) {
			s[j], s[k-1] = s[k-1], s[j]
			for i := k - 1; i > 0 && before(s[i], s[i-1]); i-- {
				s[i], s[i-1] = s[i-1], s[i]
			}
		}
	}
}

// The general categories of the runes of the BMP that the scorers ask
// about, from unicode's own tables (64 KB): unicode.IsLetter searches a
// table of ranges, and a sentence asks it of every rune several times.
const (
	classLetter = 1 << iota // L
	classMn                 // Mn
	classCap                // Lu or Lt
	classCased              // in one of unicode.CaseRanges: ToLower may change it
	classBound  = 0x10000
)

var runeClasses = func() *[classBound]uint8 {
	var c [classBound]uint8
	for _, t := range []struct {
		table *unicode.RangeTable
		class uint8
	}{{unicode.Letter, classLetter}, {unicode.Mn, classMn}, {unicode.Upper, classCap}, {unicode.Title, classCap}} {
		for _, r := range t.table.R16 {
			for x := int(r.Lo); x <= int(r.Hi) && x < classBound; x += int(r.Stride) {
				c[x] |= t.class
			}
		}
		for _, r := range t.table.R32 {
			for x := int(r.Lo); x <= int(r.Hi) && x < classBound; x += int(r.Stride) {
				c[x] |= t.class
			}
		}
	}
	for _, r := range unicode.CaseRanges {
		for x := int(r.Lo); x <= int(r.Hi) && x < classBound; x++ {
			c[x] |= classCased
		}
	}
	return &c
}()

// toLower is unicode.ToLower.
func toLower(r rune) rune {
	if uint32(r) < classBound && runeClasses[r]&classCased == 0 {
		return r
	}
	return unicode.ToLower(r)
}

// IsLetter is unicode.IsLetter, from a table in the BMP.
func IsLetter(r rune) bool { return isLetter(r) }

// isLetter is unicode.IsLetter.
func isLetter(r rune) bool {
	if uint32(r) < classBound {
		return runeClasses[r]&classLetter != 0
	}
	return unicode.IsLetter(r)
}

// isMn reports whether r is a nonspacing mark (Mn).
func isMn(r rune) bool {
	if uint32(r) < classBound {
		return runeClasses[r]&classMn != 0
	}
	return unicode.Is(unicode.Mn, r)
}

// isCap is unicode.IsUpper(r) || unicode.IsTitle(r).
func isCap(r rune) bool {
	if uint32(r) < classBound {
		return runeClasses[r]&classCap != 0
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), with the two-byte runes
// of most alphabets (Cyrillic, Greek, Arabic, Hebrew) decoded inline.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(s) {
		if c1 := s[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if isLetter(r) {
			return true
		}
	}
	return false
}

// LettersUpTo counts the letters of s, up to most.
func LettersUpTo(s string, most int) int {
	n := 0
	for i := 0; i < len(s) && n < most; {
		if b := s[i]; b < utf8.RuneSelf {
			if b|0x20 >= 'a' && b|0x20 <= 'z' {
				n++
			}
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if isLetter(r) {
			n++
		}
		i += size
	}
	return n
}
