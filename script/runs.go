package script

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// A Run is a span of text in one script, as found by Runs.
type Run struct {
	Start, End int       // byte offsets of the run in the text, End exclusive
	Script     Script    // the resolved script of the run
	Dir        Direction // the direction of the first strong character of the run
}

// Runs returns an iterator over the script runs of s: the spans of
// s that are in one script, in order, covering s exactly.
//
// Runs are resolved the UAX #24 way, with the script of every character
// from Of and ExtensionsOf:
//
//   - A character of Common or Inherited script (spaces, punctuation,
//     digits, symbols, emoji, ZWNJ, combining marks) takes the script of
//     the run it is in. Where it has Script_Extensions, it stays in the run
//     only if the run's script is among them: U+060C ARABIC COMMA, U+0640
//     ARABIC TATWEEL and U+061F ARABIC QUESTION MARK join Arabic text,
//     U+3001 IDEOGRAPHIC COMMA joins Han, kana or Hangul text, and the same
//     holds for letters and digits of one script used with others (the
//     Arabic-Indic digits with Thaana).
//   - Characters of Common script at the start of a run take the script of
//     the first letter that follows them on the line, so that an opening
//     quotation mark or a number before a word is part of the word's run.
//     A run with no letters is Common (Zyyy).
//   - Brackets (the Bidi_Paired_Bracket pairs of Unicode) and quotation
//     marks (" « » ‘ ’ ‚ “ ” „ ‹ › and their CJK forms) are paired, as in
//     ICU: a closing mark takes the script of its opening mark, so it ends
//     the run of the enclosed text if that is in another script. Opening
//     marks that end a run (with only Common characters after them) move to
//     the next run, so that quoted or parenthesized text in another script
//     is one run with its marks: "Hello «سلام» world" is the runs
//     "Hello " (Latn), "«سلام» " (Arab) and "world" (Latn). Up to 64
//     unclosed marks are remembered; beyond that the oldest are forgotten.
//   - Han mixed with Hiragana or Katakana is Japanese (Jpan), Han mixed with
//     Hangul is Korean (Kore), and Hiragana mixed with Katakana is Japanese:
//     runs of Han alone, kana alone or Hangul alone keep their own script.
//   - Combining marks (general category M) and Inherited characters never
//     start a run: they stay in the run of the character they follow, even
//     in another script.
//   - A mandatory line break (LF, VT, FF, CR, CR LF, NEL U+0085, LS U+2028 or
//     PS U+2029) ends the run it is in: it is the last character of its run,
//     so no run crosses a line break, and each line's runs depend on that
//     line only (pairs of marks are forgotten at line breaks).
//   - Characters of Unknown script (unassigned and private-use code points)
//     form runs of Unknown (Zzzz) script.
//   - Invalid UTF-8 is read as utf8.DecodeRuneInString does: each invalid
//     byte is a one-byte U+FFFD REPLACEMENT CHARACTER, of Common script, so
//     it joins the run around it. Run offsets are always on the boundaries
//     of these characters.
//
// Each run's Dir is the direction of its first strong character: RTL for
// Arabic or Hebrew letters, LTR for Latin or Han ones, Neutral in a run
// with no strong character.
func Runs(s string) iter.Seq[Run] {
	return func(yield func(Run) bool) {
		sc := scanner[string]{s: s}
		for {
			r, ok := sc.next()
			if !ok || !yield(r) {
				return
			}
		}
	}
}

// RunsBytes is like Runs for a byte slice.
func RunsBytes(b []byte) iter.Seq[Run] {
	return func(yield func(Run) bool) {
		sc := scanner[[]byte]{s: b}
		for {
			r, ok := sc.next()
			if !ok || !yield(r) {
				return
			}
		}
	}
}

// AppendRuns appends the script runs of s, as returned by Runs,
// to dst and returns the extended slice.
func AppendRuns(dst []Run, s string) []Run {
	sc := scanner[string]{s: s}
	for r, ok := sc.next(); ok; r, ok = sc.next() {
		dst = append(dst, r)
	}
	return dst
}

// AppendRunsBytes is like AppendRuns for a byte slice.
func AppendRunsBytes(dst []Run, b []byte) []Run {
	sc := scanner[[]byte]{s: b}
	for r, ok := sc.next(); ok; r, ok = sc.next() {
		dst = append(dst, r)
	}
	return dst
}

// maxOpen is the number of unclosed brackets and quotation marks the
// scanner remembers.
const maxOpen = 64

// An openMark is an unclosed opening bracket or quotation mark.
type openMark struct {
	r      rune
	script Script // the script of its run, Common while not resolved
	pos    int    // its byte offset
}

// scanner splits a text into script runs.
type scanner[T string | []byte] struct {
	s     T
	pos   int // start of the next run
	open  [maxOpen]openMark
	nopen int
}

// next returns the run that starts at sc.pos and advances past it.
func (sc *scanner[T]) next() (Run, bool) {
	s, start := sc.s, sc.pos
	if start >= len(s) {
		return Run{}, false
	}
	script := Common  // the script of the run; Common while not resolved
	cand := anyScript // while script is Common, the scripts the run may take
	moveFrom := -1    // the offset of opening marks to move to the next run, or -1
	end := len(s)     // the end of the run
scan:
	for i := start; i < len(s); {
		if c := asciiClass[s[i]]; c != 0 {
			// Most of a text: the body below would only step past these.
			if c == asciiNeutral {
				i++
				continue
			}
			if script == Latin {
				for i < len(s) && asciiClass[s[i]] == asciiLatin {
					i++
				}
				moveFrom = -1
				continue
			}
		}
		r, n := decodeRune(s, i)
		p := charProps[lookup(r)]
		sx := p.script // the script the character counts as
		closing := -1  // the index in sc.open of the mark r closes, or -1
		if p.kind != 0 {
			if p.kind&kindLineBreak != 0 {
				end = i + n
				if r == '\r' && end < len(s) && s[end] == '\n' {
					end++
				}
				sc.nopen = 0
				break scan
			}
			if p.kind&kindClose != 0 {
				closing = sc.closes(r)
				if closing >= 0 && sc.open[closing].script != Common {
					sx = sc.open[closing].script
				}
			}
		}

		// Does the character join the run, and is it neutral (joining any)?
		joins, neutral := true, false
		switch {
		case sx == script && sx != Common: // the usual case: a letter of the run's script
		case sx != Common && sx != Inherited: // a letter, or a closing mark of a resolved pair
			if script == Common {
				if cand.has(sx) || cand.intersects(&scxMasks[p.scx]) {
					script = sx
					sc.resolve(start, script)
				} else {
					joins = isMark(r)
				}
			} else if ns, ok := narrow(script, &singleMasks[sx]); ok {
				script = ns
			} else if ns, ok := narrow(script, &scxMasks[p.scx]); ok {
				script = ns
			} else {
				joins = isMark(r)
			}
		case p.scx != 0: // Common or Inherited, with Script_Extensions
			if script == Common {
				if m := cand.and(&scxMasks[p.scx]); !m.empty() {
					cand = m
				} else {
					joins = sx == Inherited || isMark(r)
				}
			} else if ns, ok := narrow(script, &scxMasks[p.scx]); ok {
				script = ns
			} else {
				joins = sx == Inherited || isMark(r)
			}
		default:
			neutral = true
		}
		if !joins {
			end = i
			if moveFrom >= 0 {
				end = moveFrom
			}
			// Forget the marks that the next run will read again.
			for sc.nopen > 0 && sc.open[sc.nopen-1].pos >= end {
				sc.nopen--
			}
			break scan
		}

		switch {
		case closing >= 0:
			sc.nopen = closing
			moveFrom = -1
		case p.kind&kindOpen != 0:
			sc.push(openMark{r, script, i})
			if neutral && script != Common && moveFrom < 0 {
				moveFrom = i
			}
		}
		if !neutral {
			moveFrom = -1
		}
		i += n
	}
	sc.pos = end
	return Run{start, end, script, directionOf(s[start:end])}, true
}

// The ASCII bytes next may step past without the body of its loop:
// asciiNeutral, a character of no script, pair or break, without
// Script_Extensions (the space, the digits); asciiLatin, a Latin letter,
// which joins a Latin run and ends the neutral stretch before it.
const (
	asciiNeutral = 1 + iota
	asciiLatin
)

var asciiClass = func() (t [256]uint8) {
	for b := range utf8.RuneSelf {
		switch p := charProps[lookup(rune(b))]; {
		case p.kind != 0 || p.scx != 0:
		case p.script == Common && (b == ' ' || '0' <= b && b <= '9'):
			t[b] = asciiNeutral
		case p.script == Latin:
			t[b] = asciiLatin
		}
	}
	return t
}()

// closes returns the index in sc.open of the innermost mark that r closes,
// or -1.
func (sc *scanner[T]) closes(r rune) int {
	for k := sc.nopen - 1; k >= 0; k-- {
		if isPair(sc.open[k].r, r) {
			return k
		}
	}
	return -1
}

// push remembers an opening mark, forgetting the oldest if there are too
// many.
func (sc *scanner[T]) push(m openMark) {
	if sc.nopen == maxOpen {
		copy(sc.open[:], sc.open[1:])
		sc.nopen--
	}
	sc.open[sc.nopen] = m
	sc.nopen++
}

// resolve gives script to the marks opened in the run starting at start
// while the run's script was unresolved.
func (sc *scanner[T]) resolve(start int, script Script) {
	for k := sc.nopen - 1; k >= 0 && sc.open[k].pos >= start; k-- {
		sc.open[k].script = script
	}
}

// isPair reports whether open and close are an opening and a closing mark
// of the same pair.
func isPair(open, close rune) bool {
	lo, hi := 0, len(pairs)
	for lo < hi { // find the first pair with an opening mark >= open
		m := int(uint(lo+hi) >> 1)
		if pairs[m][0] < open {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for ; lo < len(pairs) && pairs[lo][0] == open; lo++ {
		if pairs[lo][1] == close {
			return true
		}
	}
	return false
}

// isMark reports whether r is a combining mark, which never starts a run.
func isMark(r rune) bool {
	return unicode.Is(unicode.M, r)
}

// narrow returns the script of a run in script cur after a character
// whose scripts are set: cur if it is in set, or Japanese and Korean for
// Han, kana and Hangul together. It reports false if the character does not
// belong in the run.
func narrow(cur Script, set *scriptSet) (Script, bool) {
	if set.has(cur) {
		return cur, true
	}
	switch cur {
	case Han, Hiragana, Katakana, Japanese:
		if set.intersects(&japaneseMask) {
			return Japanese, true
		}
	}
	switch cur {
	case Han, Hangul, Korean:
		if set.intersects(&koreanMask) {
			return Korean, true
		}
	}
	return cur, false
}

// decodeRune decodes the character at s[i:] as utf8.DecodeRuneInString
// does, with fast paths for the one-, two- and three-byte sequences of
// most text.
func decodeRune[T string | []byte](s T, i int) (rune, int) {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return rune(c), 1
	case 0xC2 <= c && c <= 0xDF && i+1 < len(s):
		if c1 := s[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	case 0xE1 <= c && c <= 0xEF && c != 0xED && i+2 < len(s):
		// E0 and ED have narrower second bytes; leave them to utf8.
		if c1, c2 := s[i+1], s[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	// Converting at most utf8.UTFMax bytes does not allocate.
	return utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
}

// A scriptSet is a set of scripts.
type scriptSet [(numScripts + 63) / 64]uint64

func (s *scriptSet) has(x Script) bool { return s[x/64]&(1<<(x%64)) != 0 }

func (s *scriptSet) add(x Script) { s[x/64] |= 1 << (x % 64) }

func (s *scriptSet) and(t *scriptSet) (u scriptSet) {
	for i := range s {
		u[i] = s[i] & t[i]
	}
	return u
}

func (s *scriptSet) intersects(t *scriptSet) bool {
	u := s.and(t)
	return !u.empty()
}

func (s *scriptSet) empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

var (
	// anyScript holds every script.
	anyScript = func() (s scriptSet) {
		for x := range Script(numScripts) {
			s.add(x)
		}
		return s
	}()

	// singleMasks holds the set {s} at index s.
	singleMasks = func() (m [numScripts]scriptSet) {
		for x := range Script(numScripts) {
			m[x].add(x)
		}
		return m
	}()

	// scxMasks holds the Script_Extensions sets of scxSets.
	scxMasks = func() (m [len(scxSets)]scriptSet) {
		for i, b := range scxSets[1:] {
			for _, x := range scxData[b[0]:b[1]] {
				m[i+1].add(x)
			}
		}
		return m
	}()

	japaneseMask = scriptSet{}.with(Han, Hiragana, Katakana, Japanese)
	koreanMask   = scriptSet{}.with(Han, Hangul, Korean)
)

func (s scriptSet) with(x ...Script) scriptSet {
	for _, x := range x {
		s.add(x)
	}
	return s
}
