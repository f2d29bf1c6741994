package normalize

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// The fused path runs a profile's rules and its form in one scan of each
// line, ICU's quick check widened to the rules: a line that no stage can
// change (every code point a safe starter of the form that the cleaner
// copies as it is, no protected span, the spaces single and inside the
// line) is copied whole; only the lines that may change go through the
// stages one after the other (applyStages), in runs of such lines. On
// scraped text nearly every line is copied, at the cost of a table lookup
// a code point.
//
// It gives applyStages's output on any input (FuzzFused): every stage
// works a line at a time (the cleaner's state is that of a line's start
// after each line feed, protected spans never hold one, the line rules
// are rules of lines) and the form carries nothing across a line feed,
// so the text may be cut after any line feed and a line that no stage
// changes left out. The line rules (PunctSpacing, ZWNJAffixes, ...) are
// not in the scan: they run on each copied line of Arabic script, whose
// cleaner and protected spans they would have seen unchanged anyway.
//
// The table is built from the profile's rules at run time, not generated:
// a RuleSet is any of 2^38 sets, and the tables it is built from (the
// cleaner's, compiled from the rules, and the quick-check table of
// quickcheck.go, generated from Unicode's data) are the ones the stages
// use, so the scan and the stages agree by construction.
type fused struct {
	t     *table
	q     *fastForm
	lines bool // the profile has line rules
	rules RuleSet
	// ascii is what the scan does with each ASCII byte.
	ascii [utf8.RuneSelf]uint8
	// low is what it does with each code point of two bytes.
	low [0x800]uint8
	// bmp has a bit set for each code point of three bytes that is a
	// safe starter the cleaner copies, no ZWNJ the cleaner looks at.
	bmp [0x10000 / 64]uint64
	// zwnj is set when ZWNJ is kept only between letters (opZWNJ).
	zwnj bool
}

// What the scan does with a byte or code point.
const (
	fStop    = iota // the line may change
	fInert          // copied as it is
	fSpace          // a space: copied when single, inside the line
	fNewline        // LF: ends the line
	fDigit          // a digit: copied unless a separator is before it (a number)
	fDot            // '.': copied unless "www" is before it (a URL)
	fPunct          // , ; ?: copied unless after an Arabic letter (ArabicPunctuation)
	// fArabic marks (in low) a code point of the Arabic script, for the
	// line rules, besides one of the above.
	fArabic = 0x80
)

var fuseds sync.Map // fusedKey -> *fused

type fusedKey struct {
	rules RuleSet
	form  norm.Form
}

// fused returns the fused path of p, or nil when p has stages the scan
// does not know: repairs, a decomposition first, case or width folding,
// and CollapseBlankLines, which carries state from line to line.
func (p Profile) fused() *fused {
	rs := p.rules
	if rs == 0 || rs.Repairs() != 0 || rs&RuleSet(CaseFold|Width|CollapseBlankLines) != 0 {
		return nil
	}
	if _, ok := p.pre(); ok {
		return nil
	}
	k := fusedKey{rs, p.form}
	if f, ok := fuseds.Load(k); ok {
		return f.(*fused)
	}
	f, _ := fuseds.LoadOrStore(k, newFused(rs, p.form))
	return f.(*fused)
}

func newFused(rs RuleSet, form norm.Form) *fused {
	cr := rs &^ (RuleSet(Width|Mojibake|HTMLEntities|PersianDecimal) | lineRules)
	t := tableFor(cr)
	f := &fused{t: t, q: formOf(form), lines: rs&lineRules != 0, rules: rs}
	for b := range utf8.RuneSelf {
		c := byte(b)
		k := uint8(fStop)
		switch {
		case c == '\n':
			k = fNewline
		case strings.IndexByte("@/\\<`", c) >= 0:
			// What a URL, an e-mail address, a mention, a path, a tag
			// or code needs (see package protect); ASCII is safe in
			// every form.
		case c == ' ':
			if t.spaceStateful {
				k = fSpace
			} else if t.low[c] == 0 {
				k = fInert
			}
		case t.lookup(rune(c)).kind == opPunct:
			k = fPunct
		case !t.asciiKeep[c]:
		case c >= '0' && c <= '9':
			k = fDigit
		case c == '.':
			k = fDot
		default:
			k = fInert
		}
		f.ascii[b] = k
	}
	for r := rune(0x80); r < 0x800; r++ {
		k := uint8(fStop)
		switch {
		case !t.keeps(r) || !f.q.safe(r):
		case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
			k = fDigit // protect's digits
		default:
			k = fInert
		}
		if r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F {
			k |= fArabic // as hasArabicScript sees it
		}
		f.low[r] = k
	}
	f.zwnj = t.lookup(0x200C).kind == opZWNJ
	for r := rune(0x800); r < 0x10000; r++ {
		// The noncharacters U+FDD0..U+FDEF hold the placeholder of
		// protected spans; presentation forms are Arabic script to
		// the line rules, which the bits do not say.
		if t.keeps(r) && f.q.safe(r) && !(r >= 0xFDD0 && r <= 0xFDEF) && !(r >= 0xFB50 && r <= 0xFEFC) {
			f.bmp[r>>6] |= 1 << (r & 63)
		}
	}
	return f
}

// line scans the line that starts at s[i]: it returns where it ends (after
// its LF, or at the end of s), whether no stage changes it, and whether it
// has Arabic script (for an unchanged line only).
func (f *fused) line(s string, i int) (end int, inert, arabic bool) {
	start := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch f.ascii[c] {
			case fInert:
				i++
				continue
			case fNewline:
				return i + 1, true, arabic
			case fSpace:
				// As the cleaner's span copies it: not at the line's
				// start, and before a rune it copies that is no space.
				if i > start && i+1 < len(s) && f.keptAt(s, i+1) {
					i++
					continue
				}
			case fDigit:
				if !afterSeparator(s, i) {
					i++
					continue
				}
			case fDot:
				if i < start+3 || !strings.EqualFold(s[i-3:i], "www") {
					i++
					continue
				}
			case fPunct:
				if !f.arabicBefore(s, start, i) {
					i++
					continue
				}
			}
			return f.skip(s, i), false, false
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			k := f.low[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)]
			arabic = arabic || k&fArabic != 0
			switch k &^ fArabic {
			case fInert:
				i += 2
				continue
			case fDigit:
				if !afterSeparator(s, i) {
					i += 2
					continue
				}
			}
			return f.skip(s, i), false, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case n == 1:
			// Invalid, or a two-byte sequence cut short.
		case r < 0x10000 && f.bmp[r>>6]&(1<<(r&63)) != 0:
			i += n
			continue
		case r == 0x200C && f.zwnj && f.zwnjKept(s, start, i):
			i += n
			continue
		case r >= 0x10000 && f.t.keeps(r) && f.q.safe(r):
			i += n
			continue
		}
		return f.skip(s, i), false, false
	}
	return i, true, arabic
}

// skip returns the end of the line s[i] is on.
func (f *fused) skip(s string, i int) int {
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return i + k + 1
	}
	return len(s)
}

// keptAt reports whether the cleaner copies the rune at s[i] as it is and
// it is no space (cleaner.keptAt).
func (f *fused) keptAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return f.t.asciiKeep[c]
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 1 && f.t.keeps(r)
}

// afterSeparator reports whether a separator of numbers (see protect:
// . , : / ٫ ٬) is right before s[i], a digit: the two may be a number, or
// a port after a domain name.
func afterSeparator(s string, i int) bool {
	if i == 0 {
		return false
	}
	switch s[i-1] {
	case '.', ',', ':', '/':
		return true
	case 0xAB, 0xAC:
		return i >= 2 && s[i-2] == 0xD9
	}
	return false
}

// arabicBefore reports what the cleaner's prevArabic is before s[i], the
// line s[start:i] copied as it is: whether the last letter before it that
// is no mark, space or tab is of the Arabic script.
func (f *fused) arabicBefore(s string, start, i int) bool {
	for i > start {
		r, n := utf8.DecodeLastRuneInString(s[start:i])
		i -= n
		if r == ' ' || r == '\t' || classOf(r)&classMark != 0 {
			continue
		}
		return classOf(r)&classArabicLetter != 0
	}
	return false
}

// zwnjKept reports whether the cleaner keeps the ZWNJ at s[i], after the
// line s[start:i] copied as it is: a letter or mark is on each side.
func (f *fused) zwnjKept(s string, start, i int) bool {
	if i == start {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[start:i])
	after, n := utf8.DecodeRuneInString(s[i+len("\u200C"):])
	valid := after != utf8.RuneError || n > 1
	return valid && classOf(before)&classLetterOrMark != 0 && classOf(after)&classLetterOrMark != 0
}

// apply returns s normalized with p, whose fused path f is.
func (f *fused) apply(p Profile, s string) string {
	var out []byte
	var o *orthoLines
	var edited []byte // a line the line rules changed
	copied := 0       // s[:copied] is in out, or unchanged when out is nil
	slow := -1        // the run of lines that may change starts here, if >= 0
	flush := func(at int) {
		if slow < 0 {
			return
		}
		if out == nil {
			out = make([]byte, 0, len(s)+len(s)/16+8)
		}
		out = append(out, s[copied:slow]...)
		out = append(out, p.applyStages(s[slow:at])...)
		copied, slow = at, -1
	}
	for i := 0; i < len(s); {
		end, inert, arabic := f.line(s, i)
		switch {
		case !inert:
			if slow < 0 {
				slow = i
			}
		case f.lines && (arabic || f.rules.Has(TrimLeading)):
			flush(i)
			if o == nil {
				o = &orthoLines{rules: f.rules, all: f.rules.Has(TrimLeading)}
			}
			line := unsafe.Slice(unsafe.StringData(s[i:end]), end-i)
			edited = o.into(edited[:0], line)
			if string(edited) != s[i:end] {
				if out == nil {
					out = make([]byte, 0, len(s)+len(s)/16+8)
				}
				out = append(out, s[copied:i]...)
				out = f.q.appendForm(out, unsafe.String(unsafe.SliceData(edited), len(edited)))
				copied = end
			}
		default:
			flush(i)
		}
		i = end
	}
	flush(len(s))
	if out == nil {
		return s
	}
	out = append(out, s[copied:]...)
	return unsafe.String(unsafe.SliceData(out), len(out))
}
