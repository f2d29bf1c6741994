package normalize

import (
	"math/bits"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Lines with no code point of the Arabic script are most of what a Persian
// or Arabic profile sees in a mixed document, and all of it in English or
// Russian text. The Arabic script's rules do nothing there: the letter,
// digit, tatweel and presentation-form maps only touch code points of the
// script; ArabicPunctuation acts only after one of its letters; the line
// rules (PunctSpacing, PersianQuotes, ZWNJAffixes, ...) only on a line
// that hasArabicScript. Yet the scan of such a profile stops at every
// comma, colon, quote and bracket to ask whether the line is of the
// script. So a profile with those rules keeps beside its scan the fused
// path of the same profile without them (its plain twin), and gives the
// runs of lines with none of the code points that make them differ to the
// twin, whose scan steps over them at the default profile's speed.

// arabicRules are the rules that act only on code points of the Arabic
// script, or on lines that have one; plainTwin checks the cleaner's side of
// that on every code point.
const arabicRules = RuleSet(PersianLetters|ArabicLetters|UrduLetters|PashtoLetters|PresentationForms|
	Tatweel|DigitsPersian|DigitsArabic|ZWNJ|ArabicPunctuation) | lineRules&^RuleSet(TrimLeading|CollapseBlankLines)

// plainTwin returns the profile of rules rs and form without arabicRules,
// and the code points below U+10000, other than ASCII, that the two treat
// differently or that make a line one of the Arabic script (its marks). ok is false when the twin is not worth it
// (rs has none of the rules) or has no fused path.
func plainTwin(rs RuleSet, form norm.Form) (twin Profile, marks *arabicMarks, ok bool) {
	prs := rs &^ arabicRules
	if prs == rs || prs == 0 {
		return Profile{}, nil, false
	}
	twin = Profile{name: "plain", form: form, rules: prs}
	if twin.fused() == nil {
		return Profile{}, nil, false
	}
	t, pt := tableFor(Profile{form: form, rules: rs}.cleanerRules()), tableFor(twin.cleanerRules())
	// The script's blocks, the placeholders U+FDD0..U+FDEF among them.
	script := func(r rune) bool { return r >= 0x0600 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFEFF }
	marks = new(arabicMarks)
	for r := rune(0); r < 0x10000; r++ {
		mark := r >= 0x80 && script(r)
		if !mark {
			o, po := t.lookup(r), pt.lookup(r)
			mark = o.kind != po.kind || o.repl != po.repl
			// A twin that writes the script where the text has none
			// (DigitsPersianAll's ۱ for 1) would make a line of it
			// that the profile's line rules look at: no twin.
			if !mark && strings.ContainsFunc(po.repl, script) {
				return Profile{}, nil, false
			}
		}
		// ASCII is not marked: the two differ only at ArabicPunctuation's
		// , ; ?, which it writes after a letter of the script only.
		if mark && r >= 0x80 {
			marks.bits[r>>6] |= 1 << (r & 63)
		}
	}
	marks.cjk = true
	for c := range marks.lead3 {
		w := (0xE3 + c - 0xE0) << 6 // the words of the code points of lead byte E3+c
		marks.lead3[c] = !slices.ContainsFunc(marks.bits[w:w+64], func(b uint64) bool { return b != 0 })
		marks.cjk = marks.cjk && marks.lead3[c]
	}
	return twin, marks, true
}

// arabicMarks is what nextMarked looks at: a bit for each code point below
// U+10000 that is marked, a word per 64 code points, for the lead bytes
// E3..EE whether none of theirs is, and whether that holds for all
// twelve (cjk).
type arabicMarks struct {
	bits  [0x10000 / 64]uint64
	lead3 [0xEF - 0xE3]bool
	cjk   bool
}

// nextMarked returns where the first of these starts in s[i:], or len(s):
// a code point in marks; one above U+FFFF (the Arabic mathematical
// letters, the Rumi numerals; and emoji, left to the profile's own scan
// with them); a lead byte D8..DF or F0..FF, in invalid UTF-8 too, since
// the line rules take D8..DB for the script's (hasArabicScript), and one
// of E0..EF without its two trail bytes where its code points are not
// all unmarked (E3..EE are stepped over by their lead byte alone when
// they are). Other invalid UTF-8 (trail bytes alone, the three bytes of a
// surrogate) the two profiles clean alike.
func nextMarked(marks *arabicMarks, s string, i int) int {
	for i < len(s) {
		// Eight bytes a step while none is a lead byte that may start a
		// marked code point: D8..FF, or D8..E2 and EF..FF when no code
		// point of E3..EE's is marked (continuation bytes are under D8).
		for i+8 <= len(s) {
			x := load64(s, i)
			if x&0x8080808080808080 == 0 {
				// ASCII: 32 bytes a step while it lasts.
				for i += 8; i+32 <= len(s) && (load64(s, i)|load64(s, i+8)|load64(s, i+16)|load64(s, i+24))&0x8080808080808080 == 0; {
					i += 32
				}
				continue
			}
			stop := bytesAtLeast(x, 0xD8)
			if stop != 0 && marks.cjk {
				stop &^= bytesAtLeast(x, 0xE3) &^ bytesAtLeast(x, 0xEF)
			}
			if stop != 0 {
				i += bits.TrailingZeros64(stop) / 8
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < 0xD8 || c >= 0xE3 && c <= 0xEE && marks.lead3[c-0xE3] {
			i++ // stepped over, as above
			continue
		}
		if c >= 0xE0 && c < 0xF0 && threeBytesAt(s, i) {
			// Three bytes: the word of the marks is the lead byte and
			// the first trail byte, the bit the second.
			if marks.bits[uint(c&0x0F)<<6|uint(s[i+1]&0x3F)]>>(s[i+2]&0x3F)&1 == 0 {
				i += 3
				continue
			}
		}
		// D8..DF start the code points of U+0600..U+07FF, all marked;
		// F0..F4 those above U+FFFF; the rest here are invalid.
		return i
	}
	return len(s)
}

// bytesAtLeast returns the high bit of each byte of x that is c or more,
// c at least 0x80.
func bytesAtLeast(x uint64, c byte) uint64 {
	const lo, hi = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	return x & (x&lo + uint64(0x80-c&0x7F)*0x0101010101010101) & hi
}
