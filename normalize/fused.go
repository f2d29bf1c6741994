package normalize

import (
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// The fused path runs a profile's rules and its form in one scan of each
// line, ICU's quick check widened to the rules. Lines that no stage can
// change (every code point a safe starter of the form that the cleaner
// copies as it is, no protected span, the spaces single and inside the
// line, nothing for the line rules) are skipped in one loop, at the cost
// of a table lookup a code point. A line with no protected span whose
// cleaning is local (a letter mapped, an invisible dropped, a ZWNJ
// between letters kept) is cleaned in the same scan, then given to the
// line rules when it is of Arabic script and to the form when it may
// change. Only the lines the scan cannot clean (trailing or doubled
// spaces, protected spans, controls, invalid UTF-8, presentation forms,
// ...) go through the stages one after the other (applyStages), in runs
// of such lines.
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
	// arabic is set when span steps over the letters of the Arabic
	// script too: the profile's line rules are among PunctSpacing,
	// PersianQuotes and ZWNJAffixes, which act only where span sees
	// what they act at (punctMayAt, a quote, mayJoinAt) on a line that
	// has a letter of the script (mayAct). joins, puncts and quotes tell
	// which of the three it has.
	arabic, joins, puncts, quotes bool
	// plainNumbers is set when the protection of a number in a line of
	// ASCII that line copies changes nothing: the cleaner copies its
	// digits and separators, and sees nothing else of it than that it is
	// no space; the rules of numbers (digits, PersianDecimal) act on
	// none of ASCII's but the ones the cleaner does not copy, which are
	// no fDigit; and the line rules act on no line of ASCII but with
	// TrimLeading or CollapseBlankLines. Then line copies the number.
	plainNumbers bool
	rules        RuleSet
	// zwnjs is set when the cleaner keeps a ZWNJ only between two
	// letters (ZWNJ), which span then steps over there.
	zwnjs bool
	// ascii is what the scan does with each ASCII byte; fStop for the
	// others, which start code points of two bytes or more.
	ascii [256]uint8
	// wordAfter is set for the ASCII bytes the cleaner copies (no space,
	// no control), after which a space is copied, and that span may step
	// over with it.
	wordAfter [256]bool
	// inert2 has a bit set for each code point of two bytes that span
	// steps over (inert, no numeral, of the Arabic script only when the
	// profile has no line rules), a word a lead byte.
	inert2 [0x800 / 64]uint64
	// inert2Form is inert2 with the code points only the form may
	// change, which span steps over with form set.
	inert2Form [0x800 / 64]uint64
	// spaceInert is set when a space inside a line before a code point
	// the cleaner copies is copied too (it is fSpace or fInert).
	spaceInert bool
	// other is 0 for the bytes span may step over eight at a time: the
	// inert ones, and the space and the line feed, whose places in the
	// eight it checks; 1 for the rest.
	other [256]uint8
	// run is the set of the ASCII bytes span's vector loop (asciiRun)
	// stops at: those of other but the digits and '.', whose neighbours
	// it checks itself.
	run *asciiRunSet
	// otherPlain and runPlain are other and run for a line with no
	// letter of the Arabic script's blocks (noArabicLetter), where the
	// line rules' marks and quotes and ArabicPunctuation's ", ; ?" are
	// copied: they stop at its line feed, after which that is not known.
	// hasPlain is set when they differ from other and run.
	otherPlain [256]uint8
	runPlain   *asciiRunSet
	hasPlain   bool
	// lowWrite is writeFlags for each code point of two bytes the
	// cleaner writes something else for: of every output it may have.
	lowWrite [0x800]uint8
	// low is what it does with each code point of two bytes.
	low [0x800]uint8
	// patch2 is, for each code point of two bytes that the cleaner
	// writes another of two bytes for (a letter or digit rule's) and
	// that span may write in place (patches), what it writes, its bytes
	// as a big-endian number; 0 for the rest. The code point and what is
	// written are safe starters of the form, nothing composes with what
	// is written (a mark after it that composes with the code point is a
	// stop of span's, as the form composes it), and what the line rules
	// act at stays (wTriggers).
	patch2 [0x800]inPlace
	// plain is the fused path of plainProfile, the profile without its
	// rules of the Arabic script, for the runs of lines that have none of
	// the code points of marks (see plainTwin); nil if there is no twin.
	plain        *fused
	plainProfile Profile
	marks        *arabicMarks
	// keep has a bit set for each code point of three bytes that the
	// cleaner copies as it is, except for the ones kindOf looks at;
	// safe for each that is a safe starter of the form.
	keep, safe [0x10000 / 64]uint64
}

// What the scan does with a byte or code point.
const (
	fInert   = iota // copied as it is (0, so that span ORs four lookups)
	fStop           // the stages must see the line
	fSpace          // a space: copied when single, inside the line
	fNewline        // LF: ends the line
	fDigit          // an ASCII digit: copied unless a separator is before it (a number)
	fDot            // '.': copied unless "www" is before it (a URL)
	fPunct          // , ; ?: copied unless after an Arabic letter (ArabicPunctuation)
	fReplace        // the cleaner writes op.repl instead (a letter map)
	fSpecial        // opUnlessHamza, opPositionalYeh: decided by what follows
	fDrop           // the cleaner drops it (tatweel, an invisible)
	fZWNJ           // kept only between two letters (ZWNJ)
	fMark           // copied, but PunctSpacing may act beside it: ! : ( ) [ ]
	fQuote          // copied, but PersianQuotes may act at it: "
	fKind    = 0x0F
	// Besides its kind, a code point of two bytes or more may be marked
	// (in low, or by line): fPunctuation, punctuation of PunctSpacing's
	// (، ؛ ؟ ۔ « »); fNumeral, a digit of protect's (Arabic-Indic or
	// Persian), a number after a separator; fArabic, of the Arabic script,
	// for the line rules; fUnsafe, no safe starter of the form.
	fPunctuation = 0x10
	fNumeral     = 0x20
	fArabic      = 0x40
	fUnsafe      = 0x80
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
	f, _ := fuseds.LoadOrStore(k, newFused(p))
	return f.(*fused)
}

func newFused(p Profile) *fused {
	rs := p.rules
	t := tableFor(p.cleanerRules())
	f := &fused{t: t, q: formOf(p.form), lines: p.hasOrthography(), rules: rs}
	f.arabic = f.lines && rs&lineRules&^RuleSet(PunctSpacing|PersianQuotes|ZWNJAffixes) == 0
	f.plainNumbers = !rs.Has(TrimLeading) && !rs.Has(CollapseBlankLines)
	f.joins = f.arabic && rs.Has(ZWNJAffixes)
	f.puncts = f.arabic && rs.Has(PunctSpacing)
	f.quotes = f.arabic && rs.Has(PersianQuotes)
	f.zwnjs = f.kindOf('\u200c') == fZWNJ && f.q.safe('\u200c') && (!f.lines || f.arabic)
	for b := range 256 {
		c := byte(b)
		k := uint8(fStop)
		switch {
		case c >= utf8.RuneSelf:
		case c == '\n':
			k = fNewline
		case strings.IndexByte("@/\\<`", c) >= 0:
			// What a URL, an e-mail address, a mention, a path, a tag
			// or code needs (see package protect).
		case c == ' ':
			if t.spaceStateful {
				k = fSpace
			} else if t.low[c] == 0 {
				k = fInert
			}
		case t.lookup(rune(c)).kind == opPunct:
			k = fPunct
		case !t.asciiKeep[c]:
			// Controls (an ESC may start an ANSI sequence), and what
			// the digit rules map, which protected numbers keep.
		case c >= '0' && c <= '9':
			k = fDigit
		case c == '.':
			k = fDot
		case f.lines && strings.IndexByte("!:()[]", c) >= 0:
			k = fMark
		case f.lines && c == '"':
			k = fQuote
		default:
			k = fInert // ASCII is a safe starter in every form
		}
		f.ascii[b] = k
		// After a space, span steps over both; not over what the line
		// rules may act at beside it.
		f.wordAfter[b] = c < utf8.RuneSelf && t.asciiKeep[c] && !(f.arabic && (k == fMark || k == fQuote || k == fDot))
		if !(k == fInert && (c == ' ' || t.asciiKeep[c]) || k == fSpace || k == fNewline) {
			f.other[b] = 1
		}
	}
	f.spaceInert = f.ascii[' '] == fSpace || f.ascii[' '] == fInert
	f.run = newASCIIRunSet(func(c byte) bool {
		switch {
		case c >= '0' && c <= '9' && f.ascii[c] == fDigit:
			return false // but after '.', ',', ':' and '/' (afterSeparator)
		case c == '.' && f.ascii[c] == fDot && !f.puncts:
			return false // but after "w" (afterWWW)
		}
		return f.other[c] != 0
	})
	f.otherPlain = f.other
	inertOnPlain := func(c byte) bool { k := f.ascii[c]; return k == fMark || k == fQuote || k == fPunct }
	for c := range byte(utf8.RuneSelf) {
		if inertOnPlain(c) {
			f.otherPlain[c] = 0
			f.hasPlain = true
		}
	}
	f.otherPlain['\n'] = 1
	f.runPlain = newASCIIRunSet(func(c byte) bool {
		switch {
		case c == '\n':
			return true
		case c >= '0' && c <= '9' && f.ascii[c] == fDigit, inertOnPlain(c):
			return false
		case c == '.' && f.ascii[c] == fDot:
			return false // but after "w" (afterWWW)
		}
		return f.other[c] != 0
	})
	for r := rune(0x80); r < 0x800; r++ {
		k := f.kindOf(r)
		if r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9 {
			k |= fNumeral
		}
		switch r {
		case '،', '؛', '؟', '۔', '«', '»':
			k |= fPunctuation
		}
		if r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F {
			k |= fArabic // as hasArabicScript sees it
		}
		if !f.q.safe(r) {
			k |= fUnsafe
		}
		f.low[r] = k
		switch o := t.lookup(r); o.kind {
		case opPositionalYeh:
			f.lowWrite[r] = f.writeFlags(r, arabicYeh) & f.writeFlags(r, alefMaksura)
		default:
			f.lowWrite[r] = f.writeFlags(r, o.repl)
		}
		if k&fUnsafe == 0 && (k&fKind == fReplace || k&fKind == fSpecial) && (k&fArabic == 0 || !f.lines || f.arabic) &&
			f.lowWrite[r]&(wTriggers|wSafe) == wTriggers|wSafe {
			// what is written: of two bytes, nothing composing with it
			writable := func(repl string) bool {
				q, _ := utf8.DecodeRuneInString(repl)
				return len(repl) == 2 && !composesForward(q)
			}
			bytes := func(repl string) uint16 { return uint16(repl[0])<<8 | uint16(repl[1]) }
			switch o := t.lookup(r); {
			case o.kind == opPositionalYeh:
				if writable(arabicYeh) && writable(alefMaksura) {
					f.patch2[r] = inPlace{inPlaceAhead, o.kind, [2]uint16{bytes(alefMaksura), bytes(arabicYeh)}}
				}
			case !writable(o.repl):
			case o.kind == opUnlessHamza:
				f.patch2[r] = inPlace{inPlaceAhead, o.kind, [2]uint16{bytes(o.repl), 0}} // 0: before a hamza that composes
			case k&fNumeral != 0:
				f.patch2[r] = inPlace{inPlaceNumeral, o.kind, [2]uint16{bytes(o.repl)}}
			default:
				f.patch2[r] = inPlace{inPlaceAlways, o.kind, [2]uint16{bytes(o.repl)}}
			}
		}
		if k&^fPunctuation&^fArabic&^fUnsafe == fInert && (k&fArabic == 0 || !f.lines || f.arabic) && (k&fPunctuation == 0 || !f.arabic) {
			f.inert2Form[r>>6] |= 1 << (r & 63)
			if k&fUnsafe == 0 {
				f.inert2[r>>6] |= 1 << (r & 63)
			}
		}
	}
	for r := rune(0x800); r < 0x10000; r++ {
		// The noncharacters U+FDD0..U+FDEF hold the placeholder of
		// protected spans, and presentation forms are Arabic script
		// to the line rules: kindOf looks at both. Surrogates are no
		// code points: their bytes are invalid UTF-8, as line sees them.
		// '…' and the curly quotes are for line to look at when span
		// steps over Arabic letters.
		if t.keeps(r) && !(r >= 0xFB50 && r <= 0xFEFC) && !(r >= 0xD800 && r <= 0xDFFF) && !(f.arabic && (r == '…' || r == '“' || r == '”')) {
			f.keep[r>>6] |= 1 << (r & 63)
		}
		if f.q.safe(r) {
			f.safe[r>>6] |= 1 << (r & 63)
		}
	}
	if twin, marks, ok := plainTwin(rs, p.form); ok {
		f.plain, f.plainProfile, f.marks = twin.fused(), twin, marks
	}
	return f
}

// kindOf returns what the scan does with r, no ASCII: its cleaner op's.
func (f *fused) kindOf(r rune) uint8 {
	switch o := f.t.lookup(r); o.kind {
	case opKeep:
		if r >= 0xFDD0 && r <= 0xFDEF {
			return fStop // a placeholder, or what protectSpans takes for one
		}
		return fInert
	case opReplace:
		if o.repl != "" && o.repl[0] != ' ' {
			return fReplace
		}
	case opUnlessHamza, opPositionalYeh:
		return fSpecial
	case opDrop:
		if r >= 0xA0 {
			return fDrop // C1 controls may be ANSI sequences
		}
	case opZWNJ:
		return fZWNJ
	}
	return fStop
}

// span returns where the first line from s[i] (a line's start) that the
// scan cannot skip starts, or len(s): the lines before it are copied as
// they are. With stops not nil it also steps over what only the form may
// change, and appends to *stops where each such code point is that the
// form's own span would stop at: the lines before it then go through the
// form alone, at those stops (fastForm.appendStops), in the same scan.
// With patches not nil it also steps over the code points of two bytes
// the cleaner writes others of two bytes for (patch2), and appends to
// *patches where each is and what is written there: the lines before it
// are then copied with those bytes written in place (fusedRun.patch),
// and with both, composed at the stops after (fusedRun.patchStops).
func (f *fused) span(s string, i int, stops *[]int, patches *[]uint64) int {
	if f.rules.Has(TrimLeading) {
		return i // every line goes to the line rules
	}
	start := i
	a := &f.ascii
	m := markRun{end: -1}
	lm := lineMemo{-1, -1}
	runFrom := 0
	form := stops != nil
	protected := -1 // the start of the line last found to have a protected span
	inert2 := &f.inert2
scan:
	for i < len(s) {
		c := s[i]
		if c == ' ' && f.joins && mayJoinNear(s, i) && mayJoinAt(s, i) && f.mayAct(s, start, &lm) {
			return start
		}
		if c == ' ' && f.spaceInert && i > start && i+2 < len(s) {
			// A space between words of two-byte letters: inside the
			// line and before a code point the cleaner copies.
			if n := s[i+1]; n-0xC2 < 0xE0-0xC2 && s[i+2]&0xC0 == 0x80 && inert2[n&0x1F]>>(s[i+2]&0x3F)&1 != 0 {
				i += 3
				continue
			}
		}
		if c >= utf8.RuneSelf {
			if c-0xC2 < 0xE0-0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 && inert2[c&0x1F]>>(s[i+1]&0x3F)&1 != 0 {
				// Two bytes the scan copies, looked up by the lead
				// byte's word and the trail byte's bit; and the
				// letters and marks after them, a word's, with the
				// ones written in place.
				i += 2
				patching := patches != nil && protected != start
				for i+1 < len(s) {
					c := s[i]
					if c-0xC2 >= 0xE0-0xC2 || s[i+1]&0xC0 != 0x80 {
						break
					}
					if inert2[c&0x1F]>>(s[i+1]&0x3F)&1 == 0 {
						if !patching {
							break
						}
						p := f.patchAt(s, i)
						if p < 0 {
							break
						}
						if p > 0 {
							*patches = append(*patches, uint64(i)<<16|uint64(p))
						}
					}
					i += 2
				}
				continue
			}
			if form && c-0xC2 < 0xE0-0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 && f.inert2Form[c&0x1F]>>(s[i+1]&0x3F)&1 != 0 {
				// What only the form may change: a mark the form
				// leaves where it is, as its span steps over it, or a
				// stop.
				if !m.step(f.q, s[start:i], i, 2, rune(c&0x1F)<<6|rune(s[i+1]&0x3F)) {
					*stops = append(*stops, i)
				}
				i += 2
				continue
			}
			if threeBytesAt(s, i) {
				// Three bytes, not overlong: the word is the lead byte
				// and the first trail byte, the bit the second.
				w := uint(c&0x0F)<<6 | uint(s[i+1]&0x3F)
				if (f.keep[w]&f.safe[w])>>(s[i+2]&0x3F)&1 != 0 {
					// And the ones after it, a word of Han or kana.
					for i += 3; i < len(s) && threeBytesAt(s, i); i += 3 {
						w := uint(s[i]&0x0F)<<6 | uint(s[i+1]&0x3F)
						if (f.keep[w]&f.safe[w])>>(s[i+2]&0x3F)&1 == 0 {
							break
						}
					}
					continue
				}
				if form && f.keep[w]>>(s[i+2]&0x3F)&1 != 0 {
					if !m.step(f.q, s[start:i], i, 3, rune(w)<<6|rune(s[i+2]&0x3F)) {
						*stops = append(*stops, i)
					}
					i += 3
					continue
				}
				if f.zwnjs && c == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x8C && f.zwnjKept(s[start:i], s, i+3) {
					// A ZWNJ between two letters, which ZWNJ keeps and
					// the line rules act beside only at a space.
					i += 3
					continue
				}
				return start
			}
		}
		// Eight bytes a step where they are inert ASCII bytes, single
		// spaces inside a line before another and line feeds.
		for i+8 <= len(s) && s[i] < utf8.RuneSelf {
			w := s[i : i+8]
			x := load64(w, 0)
			if x&0x8080808080808080 != 0 {
				break
			}
			o := &f.other
			if f.hasPlain && lm.latin == start {
				o = &f.otherPlain
			}
			if o[w[0]]|o[w[1]]|o[w[2]]|o[w[3]]|o[w[4]]|o[w[5]]|o[w[6]]|o[w[7]] != 0 {
				break
			}
			sp, lf := bytesEqual(x, ' '), bytesEqual(x, '\n')
			// A space last, before a space or a line feed, or at the
			// line's start, is for the byte loop: the bytes before the
			// first go.
			bad := sp&(0x80<<56) | sp&((sp|lf)>>8) | sp&(lf<<8)
			if i == start {
				bad |= sp & 0x80
			}
			n := 8
			if bad != 0 {
				n = bits.TrailingZeros64(bad) / 8
				lf &= 1<<(8*n) - 1
			}
			if lf != 0 {
				start = i + (63-bits.LeadingZeros64(lf))/8 + 1
			}
			i += n
			if n < 8 {
				break
			}
			if f.run != nil && i >= runFrom && i+64 <= len(s) {
				// A long run of ASCII: 32 bytes a step, and not again
				// before the block it stopped at is behind.
				set := f.run
				if f.hasPlain && lm.latin == start {
					set = f.runPlain
				}
				k, lf := asciiRun(set, s, i)
				if lf > 0 {
					start = i + lf
				}
				i += k
				runFrom = i + 32
			}
		}
		// The loop of words of ASCII: its letters, and a space inside
		// the line before an ASCII byte the cleaner copies, which is
		// then inert too (no separator, no "www" before it); after the
		// space, eight bytes a step again.
		for i < len(s) {
			if k := a[s[i]]; k == fInert {
				i++
			} else if k == fSpace && i > start && i+1 < len(s) && f.wordAfter[s[i+1]] {
				if patches != nil && protectStart[s[i+1]] && !noPatches(*patches, start, &protected) {
					return start
				}
				i += 2
				if i+8 <= len(s) {
					continue scan
				}
			} else {
				break
			}
		}
		if i >= len(s) {
			break
		}
		c = s[i]
		if c < utf8.RuneSelf {
			switch a[c] {
			case fInert:
				i++
				continue
			case fMark:
				if !(f.puncts && punctMayAt(s, i, 1, c == '(' || c == '[') && f.mayAct(s, start, &lm)) {
					i++
					continue
				}
			case fQuote:
				if !(f.quotes && f.mayAct(s, start, &lm)) {
					i++
					continue
				}
			case fNewline:
				i++
				start = i
				continue
			case fSpace:
				// As the cleaner's span copies it: not at the line's
				// start, and before a rune it copies that is no space.
				// Before an ASCII one, that one is inert too (no
				// separator, no "www" before it): both go.
				if f.joins && mayJoinNear(s, i) && mayJoinAt(s, i) && f.mayAct(s, start, &lm) {
					return start
				}
				if i > start && i+1 < len(s) {
					if n := s[i+1]; f.wordAfter[n] {
						if patches != nil && protectStart[n] && !noPatches(*patches, start, &protected) {
							return start
						}
						i += 2
						continue
					}
					if k, n := f.lowAt(s, i+1); n != 0 {
						// Kept when the cleaner writes a letter for
						// what follows at once (emitsAt): what follows
						// is then for the scan to step over or stop at.
						if k := k & fKind; k == fInert || k == fReplace || k == fSpecial {
							i++
							continue
						}
					} else if f.keptAt(s, i+1) {
						i++
						continue
					}
				}
			case fDigit:
				if !afterSeparator(s, i) {
					i++
					continue
				}
			case fPunct:
				// Copied unless after an Arabic letter: on a line
				// that has none, as most lines of other scripts.
				if noArabicLetter(s, start, &lm) {
					i++
					continue
				}
			case fDot:
				if !afterWWW(s, start, i) && !(f.puncts && punctMayAt(s, i, 1, false) && f.mayAct(s, start, &lm)) {
					i++
					continue
				}
			}
			return start
		}
		if k, n := f.lowAt(s, i); n != 0 {
			if k&fPunctuation != 0 && f.puncts && punctMayAt(s, i, 2, s[i+1] == 0xAB) && f.mayAct(s, start, &lm) {
				return start // 0xAB: «
			}
			// Only a line of Arabic script goes to the line rules.
			k &^= fPunctuation
			if !f.lines || f.arabic {
				k &^= fArabic
			}
			if k == fInert || k == fInert|fNumeral && !afterSeparator(s, i) {
				i += 2
				continue
			}
			if patches != nil && k&fKind >= fReplace && protected != start {
				if p := f.patchAt(s, i); p >= 0 {
					if p > 0 {
						*patches = append(*patches, uint64(i)<<16|uint64(p))
					}
					i += 2
					continue
				}
			}
			// A mark the form leaves where it is, as its span steps
			// over it; with form, any other it may change is a stop.
			if k == fUnsafe && m.step(f.q, s[start:i], i, 2, rune(s[i]&0x1F)<<6|rune(s[i+1]&0x3F)) {
				i += 2
				continue
			}
			if k == fUnsafe && form {
				*stops = append(*stops, i)
				i += 2
				continue
			}
			return start
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		keep := n > 1 && r < 0x10000 && f.keep[r>>6]&(1<<(r&63)) != 0 || n == 4 && f.t.keeps(r) // n == 4: an emoji, a historic script, as line sees it
		if keep && (r < 0x10000 && f.safe[r>>6]&(1<<(r&63)) != 0 || r >= 0x10000 && f.q.safe(r)) {
			i += n
			continue
		}
		if keep && form {
			if !m.step(f.q, s[start:i], i, n, r) {
				*stops = append(*stops, i)
			}
			i += n
			continue
		}
		return start
	}
	return len(s)
}

// A lineMemo keeps what span found of the lines it looked at: the start
// of the last line found to have no letter of the Arabic script (plain,
// for mayAct) and of the last found to have no byte of the blocks of its
// letters (latin, for noArabicLetter), which is plain too.
type lineMemo struct{ plain, latin int }

// mayAct reports whether the line rules may act on the line from s[start],
// where span found what one of them acts at: whether the line has a letter
// of the Arabic script, as hasArabicScript says.
func (f *fused) mayAct(s string, start int, lm *lineMemo) bool {
	if lm.plain == start || noArabicLetter(s, start, lm) {
		return false
	}
	end := len(s)
	if k := strings.IndexByte(s[start:], '\n'); k >= 0 {
		end = start + k
	}
	if hasArabicScript(s[start:end]) {
		return true
	}
	lm.plain = start
	return false
}

// lowAt returns what the scan does with the code point of two bytes at
// s[i], and 2; or 0, 0 when there is none there.
func (f *fused) lowAt(s string, i int) (uint8, int) {
	if c := s[i]; c-0xC2 < 0xE0-0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return f.low[uint(c&0x1F)<<6|uint(s[i+1]&0x3F)], 2
	}
	return 0, 0
}

// protectStart is set for the bytes that may start a protected span, which
// span steps over after a space when the cleaner copies them as they are:
// a mention, a path, a tag, code.
var protectStart = [256]bool{'@': true, '/': true, '\\': true, '<': true, '`': true}

// noPatches reports whether span wrote nothing in place on the line that
// starts at s[start], where it found what may start a protected span (so
// noted in *protected): it writes nothing there, as the cleaner does not.
func noPatches(patches []uint64, start int, protected *int) bool {
	*protected = start
	return len(patches) == 0 || int(patches[len(patches)-1]>>16) < start
}

// An inPlace is what span writes in place of a code point of two bytes
// (patch2): the bytes of another, as a big-endian number, or 0 for none.
type inPlace struct {
	how  inPlaceHow
	kind opKind // for inPlaceAhead
	// out[0] is what is written, but for inPlaceAhead: out[next], of
	// what table.lookahead says of the code points after.
	out [2]uint16
}

type inPlaceHow uint8

const (
	inPlaceNever   inPlaceHow = iota // span may not step over it
	inPlaceAlways                    // a letter rule's
	inPlaceNumeral                   // a digit rule's: but not in a number, which protect keeps
	inPlaceAhead                     // opUnlessHamza, opPositionalYeh: by what follows
)

// patchAt returns what span writes in place of the code point of two
// bytes at s[i]: its bytes (as patch2 has them), 0 when it stays as it is
// (an opUnlessHamza before a hamza), or -1 when span may not step over it.
func (f *fused) patchAt(s string, i int) int {
	e := &f.patch2[rune(s[i]&0x1F)<<6|rune(s[i+1]&0x3F)]
	switch e.how {
	case inPlaceNever:
		return -1
	case inPlaceNumeral:
		if afterSeparator(s, i) {
			return -1
		}
	case inPlaceAhead:
		if d := f.t.aheadAt(e.kind, s, i+2); d != 0 {
			return int(e.out[d-1]) // a letter or space after it, most often
		}
		return int(e.out[f.t.lookaheadAt(e.kind, s, i+2)])
	}
	return int(e.out[0])
}

// bytesEqual returns the bytes of x equal to c, each as its high bit, with
// no false positives (the zero-byte test of "Bit Twiddling Hacks" that
// carries nothing from byte to byte).
func bytesEqual(x uint64, c byte) uint64 {
	const lo7, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	v := x ^ (hi / 0x80 * uint64(c))
	return ^((v&lo7 + lo7) | v) & hi
}

// A lineOut is what the scan made of a line.
type lineOut struct {
	end     int    // where the line ends: after its LF, or at the end of s
	ok      bool   // the scan cleaned it; else the stages must
	changed bool   // the cleaner changed it: out holds what it wrote
	out     []byte // what the cleaner wrote of the line, when changed
	form    bool   // the form may change it
	arabic  bool   // the line rules may change it
	// What the line rules may act at in the line as it came, when
	// unchanged or changed only in letters (letters): PunctSpacing's
	// punctuation (punctMayAt), PersianQuotes' quotes, and ZWNJAffixes'
	// spaces (mayJoinAt).
	punct, quote, join bool
	letters            bool
	// safe is set when what the cleaner wrote in place of code points
	// are safe starters of the form: then a line of safe starters (form
	// not set) is still in the form.
	safe bool
}

// What the cleaner's writing in place of a code point keeps (fused.lowWrite,
// fused.writeFlags).
const (
	wTriggers = 1 << iota // what the line rules may act at (sameTriggers)
	wSafe                 // the form: it writes safe starters
)

// writeFlags returns what writing repl in place of r keeps; an empty repl
// (a code point dropped) keeps the form but may bring together what the
// line rules act at.
func (f *fused) writeFlags(r rune, repl string) uint8 {
	var w uint8
	if f.sameTriggers(r, repl) {
		w |= wTriggers
	}
	w |= wSafe
	for _, q := range repl {
		if !f.q.safe(q) {
			w &^= wSafe
		}
	}
	return w
}

// sameTriggers reports whether the cleaner's writing repl for r, a code
// point for another, leaves what the line rules may act at where it was
// (lineOut.punct, quote, join): a letter of the Arabic script for another,
// or a digit for another, as the letter and digit rules write them. For
// ZWNJAffixes, whose prefixes and clitics mayJoinAt finds by their bytes,
// only Arabic yeh, alef maksura and kaf, which mayJoinAt takes for what
// they become.
func (f *fused) sameTriggers(r rune, repl string) bool {
	q, m := utf8.DecodeRuneInString(repl)
	if m != len(repl) || m == 0 {
		return false
	}
	if '٠' <= r && r <= '٩' || '۰' <= r && r <= '۹' {
		return '٠' <= q && q <= '٩' || '۰' <= q && q <= '۹'
	}
	if !isArabicLetter(r) || !isArabicLetter(q) {
		return false
	}
	// Not f.joins: a profile whose scan does not step over the script's
	// letters (PersianHamzeh, TrimLeading) has ZWNJAffixes too, and
	// SearchLetters writes the alef and heh of its suffixes and clitics.
	return !f.rules.Has(ZWNJAffixes) || r == 'ي' || r == 'ى' || r == 'ك' || r == 'ک'
}

// line cleans the line that starts at s[start] as the cleaner and the
// masking of protected spans would, into dst when it changes.
func (f *fused) line(dst []byte, s string, start int) lineOut {
	lo := lineOut{out: dst[:0]}
	copied := start // s[start:copied] is in lo.out, when changed
	// patched is set while what the cleaner wrote is as long as what it
	// read: lo.out then holds the whole line, each code point written in
	// place, as the letter and digit rules mostly write them (a line of
	// Arabic with a Persian profile has one every few letters).
	patched := false
	// written returns what the cleaner wrote of the line before s[i].
	written := func(i int) string {
		if !lo.changed {
			return s[start:i]
		}
		if patched {
			return unsafe.String(unsafe.SliceData(lo.out), i-start)
		}
		lo.out = append(lo.out, s[copied:i]...)
		copied = i
		return unsafe.String(unsafe.SliceData(lo.out), len(lo.out))
	}
	// write puts repl in place of s[i:i+n], the code point r.
	lo.letters, lo.safe = true, true
	write := func(i, n int, r rune, repl string) {
		var w uint8
		if r < 0x800 {
			w = f.lowWrite[r]
		} else {
			w = f.writeFlags(r, repl)
		}
		lo.letters = lo.letters && w&wTriggers != 0
		lo.safe = lo.safe && w&wSafe != 0
		switch {
		case patched && len(repl) == n:
			copy(lo.out[i-start:], repl)
			return
		case patched:
			lo.out, patched = lo.out[:i-start], false
		case !lo.changed && len(repl) == n:
			lo.changed, patched = true, true
			lo.out = append(lo.out, s[start:f.skip(s, i)]...)
			copy(lo.out[i-start:], repl)
			return
		case !lo.changed:
			lo.changed = true
			lo.out = append(lo.out, s[start:i]...)
		default:
			lo.out = append(lo.out, s[copied:i]...)
		}
		lo.out = append(lo.out, repl...)
		copied = i + n
	}
	ascii := 0 // asciiLine's memo: 1 if the line is all ASCII, -1 if not
	i := start
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch f.ascii[c] {
			case fInert:
				i++
				continue
			case fNewline:
				i++
				goto done
			case fSpace:
				if len(written(i)) > 0 && i+1 < len(s) && f.emitsAt(s, i+1) {
					lo.join = lo.join || mayJoinAt(s, i)
					i++
					continue
				}
			case fMark:
				lo.punct = lo.punct || punctMayAt(s, i, 1, c == '(' || c == '[')
				i++
				continue
			case fQuote:
				lo.quote = true
				i++
				continue
			case fDigit:
				if !afterSeparator(s, i) || f.plainNumbers && asciiLine(s, start, &ascii) {
					i++
					continue
				}
			case fDot:
				if !afterWWW(s, start, i) {
					lo.punct = lo.punct || punctMayAt(s, i, 1, false)
					i++
					continue
				}
			case fPunct:
				if !arabicLast(written(i)) {
					i++
					continue
				}
				// Held by the cleaner until what follows decides; but
				// where a ZWNJ that no rule holds stands between, which
				// the cleaner takes for no letter and arabicLast skips,
				// for the stages.
				if digit, ok := f.digitNext(s, i+1); ok && (f.kindOf('\u200c') == fZWNJ || !strings.Contains(written(i), "\u200c")) {
					if !digit {
						write(i, 1, rune(c), f.t.lookup(rune(c)).repl)
					}
					i++
					continue
				}
			}
			return lineOut{end: f.skip(s, i)}
		}
		var r rune
		var n int
		var k uint8
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
			k = f.low[r]
			if k&^fArabic == fInert {
				// The letters of a word, most of a line of the Arabic
				// script: no more to look at.
				ar := k
				for i += 2; i+1 < len(s); i += 2 {
					c := s[i]
					if c-0xC2 >= 0xE0-0xC2 || s[i+1]&0xC0 != 0x80 {
						break
					}
					k := f.low[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)]
					if k&^fArabic != fInert {
						break
					}
					ar |= k
				}
				lo.arabic = lo.arabic || ar != 0
				continue
			}
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			switch {
			case n == 1:
				return lineOut{end: f.skip(s, i)} // invalid
			case r < 0x10000 && f.keep[r>>6]&(1<<(r&63)) != 0:
				k = fInert
			default:
				k = f.kindOf(r)
				if r >= 0xFB50 && r <= 0xFEFC {
					k |= fArabic
				}
			}
			switch r {
			case '…':
				lo.punct = lo.punct || punctMayAt(s, i, n, false)
			case '“', '”':
				lo.quote = true
			}
			if r >= 0x10000 && !f.q.safe(r) || r < 0x10000 && f.safe[r>>6]&(1<<(r&63)) == 0 {
				k |= fUnsafe
			}
		}
		lo.arabic = lo.arabic || k&fArabic != 0
		lo.form = lo.form || k&fUnsafe != 0
		lo.punct = lo.punct || k&fPunctuation != 0 && punctMayAt(s, i, n, r == '«')
		if k&fNumeral != 0 && afterSeparator(s, i) {
			return lineOut{end: f.skip(s, i)}
		}
		switch k & fKind {
		case fInert:
		case fReplace:
			write(i, n, r, f.t.lookup(r).repl)
		case fSpecial:
			o := f.t.lookup(r)
			next := f.t.lookaheadAt(o.kind, s, i+n)
			if repl, same := specialOut(o, next); !same {
				write(i, n, r, repl)
			}
		case fDrop:
			write(i, n, r, "")
		case fZWNJ:
			if w := written(i); !f.zwnjKept(w, s, i+n) {
				if !f.zwnjDropped(w, s, i+n) {
					return lineOut{end: f.skip(s, i)}
				}
				write(i, n, r, "")
			}
		default:
			repl, ok := f.expandAt(s, i+n, r)
			if !ok {
				return lineOut{end: f.skip(s, i)}
			}
			write(i, n, r, repl)
		}
		i += n
	}
done:
	lo.end, lo.ok = i, true
	if lo.changed && !patched {
		lo.out = append(lo.out, s[copied:i]...)
	}
	return lo
}

// noArabicLetter reports whether the line that starts at s[start] has no
// letter the cleaner takes for one of the Arabic script (classArabicLetter:
// unicode.Arabic's, in U+0600..U+08FF, U+FB50..U+FEFF and above U+FFFF)
// from its bytes: no lead byte of those blocks. Such a line has no letter
// hasArabicScript finds either.
func noArabicLetter(s string, start int, lm *lineMemo) bool {
	if lm.latin == start {
		return true
	}
	for i := start; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				break
			}
			// Eight bytes a step while they are ASCII, with no line feed.
			for i+9 <= len(s) {
				x := load64(s, i+1)
				if x&0x8080808080808080 != 0 || bytesEqual(x, '\n') != 0 {
					break
				}
				i += 8
			}
		} else if c >= 0xD8 && c <= 0xE0 || c >= 0xEF {
			return false
		}
	}
	lm.latin, lm.plain = start, start
	return true
}

// asciiLine reports whether the line that starts at s[start] is all
// ASCII, memoized in *memo (0 before the first call).
func asciiLine(s string, start int, memo *int) bool {
	if *memo == 0 {
		*memo = 1
		for i := start; i < len(s) && s[i] != '\n'; i++ {
			if s[i] >= utf8.RuneSelf {
				*memo = -1
				break
			}
		}
	}
	return *memo > 0
}

// punctMayAt reports whether PunctSpacing may act at the punctuation
// s[i:i+n] of an unchanged line, from its neighbours: at an opening mark
// (opening: ( [ «), only if a space or tab follows it (padding inside);
// at closing punctuation, if spaces or tabs are before it after a letter
// or mark of the Arabic script, » or ')' (they go), or
// what it acts at is after it: a second '.' after a '.', or what it puts
// a space before (a letter of the Arabic script, « or '('). A mark with
// white space after it and none before, as text mostly has it, or before
// a closing mark, more punctuation or a Latin letter, is left as it is.
// The line is one the cleaner leaves as it is, or changes only in letters
// and digits written for others (lineOut.letters), which leaves the
// letters after the marks letters and the rest as it is.
func punctMayAt(s string, i, n int, opening bool) bool {
	next := byte('\n')
	if i+n < len(s) {
		next = s[i+n]
	}
	if opening {
		return next == ' ' || next == '\t'
	}
	if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		// The spaces go after a letter or mark of the Arabic script, »
		// or ')'.
		j := i - 1
		for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
			j--
		}
		if j > 0 && s[j-1] == ')' || j >= 2 && s[j-2] == 0xC2 && s[j-1] == 0xBB || arabicLetterOrMarkBefore(s, j) {
			return true
		}
	}
	switch {
	case next == '(', next == '.' && s[i] == '.':
		return true
	case next == 0xC2:
		return i+n+1 < len(s) && s[i+n+1] == 0xAB // «
	case next >= 0xD8 && next <= 0xDD:
		return i+n+1 < len(s) && s[i+n+1]&0xC0 == 0x80 && isArabicLetter(rune(next&0x1F)<<6|rune(s[i+n+1]&0x3F))
	}
	return false
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

// emitsAt reports whether the cleaner writes the rune at s[i] at once,
// and no space: after a space, which it then writes before it as it is.
func (f *fused) emitsAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		// A mark ArabicPunctuation holds writes the space first too.
		return f.t.asciiKeep[c] || f.ascii[c] == fPunct
	}
	if strings.HasPrefix(s[i:], "\u200c") && f.kindOf('\u200c') == fZWNJ {
		// A ZWNJ after a space, which the cleaner drops: what follows
		// it decides.
		return i+3 < len(s) && f.emitsAt(s, i+3)
	}
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		switch f.low[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)] & fKind {
		case fInert, fReplace, fSpecial:
			return true
		}
		return false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if n == 1 {
		return false
	}
	switch f.kindOf(r) {
	case fInert, fReplace, fSpecial:
		return true
	}
	if o := f.t.lookup(r); o.kind == opExpand {
		// A presentation form, whose decomposition's first code point
		// is written at once (cleaner.expand), as in a word of them.
		if q, _ := utf8.DecodeRuneInString(o.repl); q >= 0x80 && q < 0x800 {
			switch f.low[q] & fKind {
			case fInert, fReplace, fSpecial:
				return true
			}
		}
	}
	return false
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

// afterWWW reports whether "www" (in any case) is right before s[i], on
// the line that starts at s[start]: a URL may start there.
func afterWWW(s string, start, i int) bool {
	return i >= start+3 && strings.EqualFold(s[i-3:i], "www")
}

// arabicLast reports what the cleaner's prevArabic is after writing w, a
// line's start: whether its last letter that is no mark, space, tab or
// ZWNJ (which, with the ZWNJ rule, the cleaner writes when it settles, as
// it does spaces; without it, the cleaner drops prevArabic at a ZWNJ and
// the scan sends the line to the stages, which is slower, not wrong) is of
// the Arabic script.
func arabicLast(w string) bool {
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		w = w[:len(w)-n]
		if r == ' ' || r == '\t' || r == '\u200c' || classOf(r)&classMark != 0 {
			continue
		}
		return classOf(r)&classArabicLetter != 0
	}
	return false
}

// zwnjKept reports whether the cleaner keeps a ZWNJ written after w, a
// line's start, and before s[i]: a letter or mark is on each side (the
// one after written at once, not dropped).
func (f *fused) zwnjKept(w string, s string, i int) bool {
	if n := len(w); n >= 2 && i+1 < len(s) && w[n-2]-0xC2 < 0xE0-0xC2 && w[n-1]&0xC0 == 0x80 && s[i]-0xC2 < 0xE0-0xC2 && s[i+1]&0xC0 == 0x80 {
		// Between two code points of two bytes, as in a word of
		// Persian: their table entries say it, with no decode.
		before := rune(w[n-2]&0x1F)<<6 | rune(w[n-1]&0x3F)
		after := rune(s[i]&0x1F)<<6 | rune(s[i+1]&0x3F)
		if k := f.low[after] & fKind; k == fInert || k == fSpecial {
			return lowClass[before]&lowClass[after]&classLetterOrMark != 0
		}
	}
	before, _ := utf8.DecodeLastRuneInString(w)
	if w == "" || classOf(before)&classLetterOrMark == 0 || i >= len(s) {
		return false
	}
	after, n := utf8.DecodeRuneInString(s[i:])
	if n == 1 && after >= utf8.RuneSelf {
		return false
	}
	if after < utf8.RuneSelf {
		return f.t.asciiKeep[after] && classOf(after)&classLetterOrMark != 0
	}
	switch f.kindOf(after) {
	case fInert, fSpecial: // what opSpecial writes is a letter too
		return classOf(after)&classLetterOrMark != 0
	case fReplace:
		first, _ := utf8.DecodeRuneInString(f.t.lookup(after).repl)
		return classOf(first)&classLetterOrMark != 0
	}
	return false
}

// expandAt returns what the cleaner writes for r, before s[i], when it is
// a presentation form whose decomposition is of code points of two bytes
// (letters and marks, no space) that it copies, replaces, drops or decides by what follows
// (cleaner.expand): ok is false for the rest, which the stages clean.
func (f *fused) expandAt(s string, i int, r rune) (repl string, ok bool) {
	o := f.t.lookup(r)
	if o.kind != opExpand {
		return "", false
	}
	var out []byte
	for k, q := range o.repl {
		if q < 0x80 || q >= 0x800 {
			return "", false // a space: the cleaner's, held
		}
		switch f.low[q] & fKind {
		case fInert:
			out = utf8.AppendRune(out, q)
		case fReplace:
			out = append(out, f.t.lookup(q).repl...)
		case fDrop:
		case fSpecial:
			qo := f.t.lookup(q)
			more := s[i:min(len(s), i+(maxLookahead+1)*utf8.UTFMax)]
			next, _ := f.t.lookahead(qo.kind, o.repl[k+utf8.RuneLen(q):], unsafe.Slice(unsafe.StringData(more), len(more)), i+len(more) == len(s))
			if w, same := specialOut(qo, next); same {
				out = utf8.AppendRune(out, q)
			} else {
				out = append(out, w...)
			}
		default:
			return "", false
		}
	}
	return string(out), true
}

// zwnjDropped reports whether the cleaner drops a ZWNJ written after w, a
// line's start, and before s[i]: no letter or mark before it, or no letter
// or mark after it that the cleaner writes at once (a space, the line's
// end, ASCII it keeps or holds). Where neither this nor zwnjKept says
// so, the stages decide.
func (f *fused) zwnjDropped(w, s string, i int) bool {
	if before, _ := utf8.DecodeLastRuneInString(w); w == "" || classOf(before)&classLetterOrMark == 0 {
		return true
	}
	if i >= len(s) {
		return true
	}
	c := s[i]
	return c == ' ' || c == '\n' || c < utf8.RuneSelf && (f.t.asciiKeep[c] && classOf(rune(c))&classLetterOrMark == 0 || f.ascii[c] == fPunct)
}

// digitNext reports whether the cleaner writes a digit first for the code
// point at s[i], which decides a punctuation mark it holds before it
// (ArabicPunctuation): not when a space, the line's end or the text's
// follows. ok is false when what follows is for the stages to decide (a
// code point it drops or holds, one of three bytes or four).
func (f *fused) digitNext(s string, i int) (digit, ok bool) {
	if i >= len(s) {
		return false, true
	}
	c := s[i]
	switch {
	case c >= '0' && c <= '9':
		return true, true // a protected number's placeholder, when there are separators, is a digit too
	case c < utf8.RuneSelf:
		return false, c == ' ' || c == '\n' || f.t.asciiKeep[c]
	}
	k, n := f.lowAt(s, i)
	if n == 0 {
		return false, false
	}
	r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
	switch k & fKind {
	case fInert:
	case fReplace:
		r, _ = utf8.DecodeRuneInString(f.t.lookup(r).repl)
	case fSpecial:
		return false, true // a yeh, or an alef maksura
	default:
		return false, false
	}
	return classOf(r)&classDigit != 0, true
}

// apply returns s normalized with p, whose fused path f is.
func (f *fused) apply(p Profile, s string) string {
	out, _ := f.applyValid(p, s)
	return out
}

// applyValid is apply, and reports whether s is valid UTF-8: the lines the
// scan steps over or cleans are (it stops at an invalid byte), and those
// it leaves to the stages are checked apart.
func (f *fused) applyValid(p Profile, s string) (string, bool) {
	r := fusedRun{s: s, valid: true}
	if f.plain == nil {
		f.applyLines(&r, &r.o, p, 0, len(s))
		return r.result()
	}
	m := nextMarked(f.marks, s, 0)
	for i := 0; i < len(s); {
		// s[i:j], the lines before the one m is on, go to the twin.
		j := len(s)
		if m < len(s) {
			j = strings.LastIndexByte(s[i:m], '\n') + 1 + i
		}
		if j > i {
			f.plain.applyLines(&r, &r.plainO, f.plainProfile, i, j)
		}
		if j == len(s) {
			break
		}
		// s[j:k], the lines from it on that have a marked code point,
		// to the profile's own scan, with the few lines between two of
		// them (a going to and fro that would cost more than it saves);
		// once a few dozen lines have had one, the lines of the next 4 KB
		// too, unlooked at, and twice as much each time after, so that
		// text all of the script costs no look at every line.
		k := len(s)
		for lines, skip := 0, 4<<10; ; lines++ {
			if lines == 32 {
				lines = 0
				if m += skip; m >= len(s) {
					k = len(s)
					break
				}
				skip = min(2*skip, 1<<20) // and further while it lasts
			}
			e := strings.IndexByte(s[m:], '\n')
			if e < 0 {
				k = len(s)
				break
			}
			k = m + e + 1
			if k < len(s) && s[k] >= 0xD8 && s[k] <= 0xDB {
				m = k // a letter of the script first: marked
				continue
			}
			if m = nextMarked(f.marks, s, k); m == len(s) || m-k > 256 && strings.IndexByte(s[k:m], '\n') >= 0 {
				break
			}
		}
		f.applyLines(&r, &r.o, p, j, k)
		i = k
	}
	return r.result()
}

// scanWindow is how much text applyLines gives span at a time, to the end
// of a line.
const scanWindow = 256 << 10

// A fusedRun is the output of applyValid as its runs of lines are written.
type fusedRun struct {
	s         string
	out       []byte // nil while s[:copied] is unchanged
	copied    int    // s[:copied] is in out, or unchanged when out is nil
	valid     bool
	o, plainO *orthoLines // the line rules of the profile and of its twin
	buf       []byte      // the scan's output for a line
	ebuf      []byte      // the line rules' output for a line
	stops     []int       // where the form's span stops in lines only it changes
	patches   []uint64    // where span writes two bytes in place, and them
	pbuf      []byte      // the input with the patches in place, for patchStops
}

// patch writes r.s[r.copied:to] to the output with the bytes of r.patches
// before to in place, if any is.
func (r *fusedRun) patch(to int) {
	if len(r.patches) == 0 || int(r.patches[0]>>16) >= to {
		return
	}
	r.grow()
	base := len(r.out) - r.copied
	r.out = append(r.out, r.s[r.copied:to]...)
	for _, p := range r.patches {
		at := int(p >> 16)
		if at >= to {
			break // on the line span stopped in
		}
		r.out[base+at], r.out[base+at+1] = byte(p>>8), byte(p)
	}
	r.copied = to
}

// patchStops writes r.s[from:to], a run of lines span stepped over with
// stops and patches, to the output: with the bytes of r.patches in place,
// and then in the form at r.stops, as the stages put the cleaner's output
// in the form. A patch is of a safe starter for another that composes
// with nothing, so the stops are where they were.
func (r *fusedRun) patchStops(q *fastForm, from, to int) {
	if len(r.stops) == 0 {
		r.patch(to)
		return
	}
	r.grow()
	r.out = append(r.out, r.s[r.copied:from]...)
	if len(r.patches) == 0 {
		r.out = q.appendStops(r.out, r.s, from, to, r.stops)
		r.copied = to
		return
	}
	r.pbuf = append(r.pbuf[:0], r.s[from:to]...)
	for _, p := range r.patches {
		at := int(p>>16) - from
		if at >= len(r.pbuf) {
			break
		}
		r.pbuf[at], r.pbuf[at+1] = byte(p>>8), byte(p)
	}
	for k := range r.stops {
		r.stops[k] -= from
	}
	r.out = q.appendStops(r.out, unsafe.String(unsafe.SliceData(r.pbuf), len(r.pbuf)), 0, len(r.pbuf), r.stops)
	r.copied = to
}

func (r *fusedRun) grow() {
	if r.out == nil {
		r.out = newOutput(outCap(len(r.s)))
	}
}

func (r *fusedRun) result() (string, bool) {
	if r.out == nil {
		return r.s, r.valid
	}
	out := append(r.out, r.s[r.copied:]...)
	return unsafe.String(unsafe.SliceData(out), len(out)), r.valid
}

// applyLines writes to r the lines s[from:to] of r.s (from a line's
// start to one's, or the end) normalized with p, whose fused path f is;
// *o is its line rules, made on first use.
func (f *fused) applyLines(r *fusedRun, o **orthoLines, p Profile, from, to int) {
	s := r.s[:to]
	buf, ebuf := r.buf, r.ebuf
	slow := -1 // the run of lines the stages must see starts here
	flush := func(at int) {
		if slow < 0 {
			return
		}
		in := s[slow:at]
		st := p.applyStages(in)
		r.valid = r.valid && utf8.ValidString(in)
		if st == in {
			// The stages changed nothing either (a number after a
			// separator, left as it was): s[r.copied:at] is still
			// the output, to be copied with what follows.
			slow = -1
			return
		}
		r.grow()
		r.out = append(r.out, s[r.copied:slow]...)
		r.out = append(r.out, st...)
		r.copied, slow = at, -1
	}
	for i := from; i < len(s); {
		if slow < 0 {
			// The lines the scan steps over: as they are, with the
			// letters written in place, and where the form may change
			// them (text in NFD, a letter and the mark it composes
			// with), composed at the stops.
			// A window of lines at a time, so that the patches and
			// stops of one are few and in the cache, and the slices
			// that hold them do not grow with the text.
			w := len(s)
			if i+scanWindow < len(s) {
				if k := strings.IndexByte(s[i+scanWindow:], '\n'); k >= 0 {
					w = i + scanWindow + k + 1
				}
			}
			r.stops, r.patches = r.stops[:0], r.patches[:0]
			e := f.span(s[:w], i, &r.stops, &r.patches)
			r.patchStops(f.q, i, e)
			if i = e; i == len(s) {
				break
			}
		}
		lo := f.line(buf, s, i)
		if lo.changed {
			buf = lo.out
		}
		if !lo.ok {
			if slow < 0 {
				slow = i
			}
			i = lo.end
			continue
		}
		flush(i)
		cur := s[i:lo.end]
		if lo.changed {
			cur = unsafe.String(unsafe.SliceData(lo.out), len(lo.out))
		}
		ruled := false // the line rules changed the line
		if f.lines && (lo.arabic || lo.changed || f.rules.Has(TrimLeading)) {
			if *o == nil {
				*o = &orthoLines{rules: f.rules, all: f.rules.Has(TrimLeading)}
			}
			// Into ebuf, not buf, which cur may be.
			// The rules the line has no trigger for are left out: but
			// PersianQuotes writes « », where PunctSpacing acts, and a
			// letter RepeatedLetters removes may stand before a space.
			rules := f.rules
			if !lo.changed || lo.letters {
				if !lo.quote {
					rules &^= RuleSet(PersianQuotes)
				}
				if !lo.punct && !lo.quote {
					rules &^= RuleSet(PunctSpacing)
				}
				if !lo.join && f.ascii[' '] == fSpace && !rules.Has(RepeatedLetters) {
					rules &^= RuleSet(ZWNJAffixes) // every space was looked at
				}
			}
			if rules&lineRules != 0 { // else none has what it acts at
				edited := (*o).intoRules(ebuf[:0], unsafe.Slice(unsafe.StringData(cur), len(cur)), rules)
				ebuf = edited
				if e := unsafe.String(unsafe.SliceData(edited), len(edited)); e != cur {
					cur, lo.changed, ruled = e, true, true
				}
			}
		}
		if lo.changed || lo.form {
			r.grow()
			r.out = append(r.out, s[r.copied:i]...)
			if lo.form || !lo.safe || ruled {
				r.out = f.q.appendForm(r.out, cur)
			} else {
				r.out = append(r.out, cur...) // safe starters all: in the form already
			}
			r.copied = lo.end
		}
		i = lo.end
	}
	flush(len(s))
	r.buf, r.ebuf = buf, ebuf
}
