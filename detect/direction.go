package detect

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// Direction is the writing direction of a run of text.
type Direction uint8

const (
	// Neutral is the direction of text without strong characters, such
	// as digits and punctuation: it takes the direction of its context.
	Neutral Direction = iota
	// LTR is left-to-right, as in Latin, Cyrillic or Han text.
	LTR
	// RTL is right-to-left, as in Arabic or Hebrew text.
	RTL
)

// String returns "ltr", "rtl" or "neutral".
func (d Direction) String() string {
	switch d {
	case LTR:
		return "ltr"
	case RTL:
		return "rtl"
	}
	return "neutral"
}

// directionOf returns the direction of the first strong character of s:
// LTR for Bidi_Class L, RTL for R and AL, and Neutral if s has none.
func directionOf[T string | []byte](s T) Direction {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				return LTR
			}
			i++
			continue
		}
		r, n := decodeRune(s, i)
		i += n
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return LTR
		case bidi.R, bidi.AL:
			return RTL
		}
	}
	return Neutral
}
