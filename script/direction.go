package script

import "unicode/utf8"

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
		switch strongDirection(r) {
		case dirLTR:
			return LTR
		case dirRTL:
			return RTL
		}
	}
	return Neutral
}

// DirectionOf returns the direction of the first strong character of s:
// LTR for a character of Bidi_Class L (Latin, Cyrillic, Han letters...),
// RTL for R and AL (Hebrew, Arabic letters), and Neutral if s has none.
// Invalid UTF-8 bytes are neutral.
func DirectionOf(s string) Direction { return directionOf(s) }

// DirectionOfBytes is like DirectionOf for a byte slice.
func DirectionOfBytes(b []byte) Direction { return directionOf(b) }

// The strong directions of the generated direction table.
const (
	dirNone = iota
	dirLTR
	dirRTL
)

// strongDirection returns dirLTR for a character of Bidi_Class L, dirRTL
// for R and AL, and dirNone for the others, as golang.org/x/text's
// unicode/bidi gives them (the generator reads them from there).
func strongDirection(r rune) uint8 {
	if r < 0 || r > 0x10FFFF {
		return dirNone
	}
	i := int(r) >> 2
	b := uint8(dirTail)
	if i < dirEnd {
		b = dirBlocks[int(dirIndex[i>>dirShift])<<dirShift|i&dirMask]
	}
	return b >> (2 * (r & 3)) & 3
}
