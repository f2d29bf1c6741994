package normalize

import (
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"
)

// maxPending bounds the whitespace held back while the cleaner waits to see
// whether a line ends (trailing spaces are dropped) or goes on. Past it the
// whitespace is written out, so memory stays bounded on hostile input. A run
// of spaces that CollapseSpaces collapses is held as one space, so only
// runs of more than maxPending bytes of indentation, of uncollapsed spaces
// or of spaces and tabs mixed escape trimming.
const maxPending = 64 << 10

// cleaner applies a compiled RuleSet in one pass. Rules that depend on the
// next character (trailing spaces, ZWNJ, Arabic punctuation) hold a little
// state instead of looking ahead, so the cleaner streams with a bounded
// lookahead of a few marks.
//
// Output goes to out first and is copied to the caller's dst; whatever does
// not fit waits in out for the next call.
type cleaner struct {
	t   *table
	out []byte
	// outPos is how much of out the caller has been given.
	outPos int

	lineStart  bool // nothing but whitespace written on this line
	prevLetter bool // last written rune is a letter or mark
	prevArabic bool // last written letter (marks skipped) is Arabic script

	pend      []byte // held-back spaces and tabs
	pendStart int    // input span of the held-back whitespace
	pendEnd   int
	lastStart int // input offset of the last byte of pend

	zwnj      bool // a ZWNJ is held back
	zwnjStart int

	punct      rune // an ASCII punctuation mark held back, or 0
	punctRepl  string
	punctStart int

	rec    *recorder // alignment; nil unless asked for
	inBase int       // input offset of the next byte run will see

	// The invalid bytes written last, so that two of them that were not
	// adjacent in the input do not join into a valid rune.
	flushed   int     // bytes of out given to the caller, in all
	rawOutEnd int     // output offset after the last invalid byte written
	rawEnd    int     // input offset after it
	rawTail   [3]byte // the last invalid bytes written, up to 3
	rawLen    int
}

func newCleaner(t *table) *cleaner {
	c := &cleaner{t: t}
	c.Reset()
	return c
}

// Reset implements transform.Transformer.
func (c *cleaner) Reset() {
	*c = cleaner{t: c.t, out: c.out[:0], pend: c.pend[:0], rec: c.rec, lineStart: true}
}

// Transform implements transform.Transformer.
func (c *cleaner) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for {
		nDst += c.flushTo(dst[nDst:])
		if c.outPos < len(c.out) {
			return nDst, nSrc, transform.ErrShortDst
		}
		if nSrc == len(src) && !atEOF {
			return nDst, nSrc, nil
		}
		if nSrc == len(src) && atEOF && c.idle() {
			return nDst, nSrc, nil
		}
		// Work on as much input as the room left for output, so that out
		// stays small when the caller streams.
		chunk := len(dst) - nDst
		if chunk < 256 {
			chunk = 256
		}
		end := min(len(src), nSrc+chunk)
		eof := atEOF && end == len(src)
		n, short := c.run(src[nSrc:end], src[nSrc:], eof, atEOF)
		nSrc += n
		if short {
			nDst += c.flushTo(dst[nDst:])
			if c.outPos < len(c.out) {
				return nDst, nSrc, transform.ErrShortDst
			}
			return nDst, nSrc, transform.ErrShortSrc
		}
	}
}

// idle reports whether nothing is held back or waiting to be copied out.
func (c *cleaner) idle() bool {
	return c.outPos == len(c.out) && len(c.pend) == 0 && !c.zwnj && c.punct == 0
}

func (c *cleaner) flushTo(dst []byte) int {
	n := copy(dst, c.out[c.outPos:])
	c.outPos += n
	c.flushed += n
	if c.outPos == len(c.out) {
		c.out, c.outPos = c.out[:0], 0
	}
	return n
}

// run cleans src into c.out. more is src followed by the rest of the input
// the caller has, for lookahead. At eof the held-back state is settled. It
// returns how much of src it used, and whether it stopped for want of input.
func (c *cleaner) run(src, more []byte, eof, moreEOF bool) (n int, short bool) {
	t := c.t
	base := c.inBase
	defer func() { c.inBase += n }()
	for n < len(src) {
		at := base + n
		if c.quiet() {
			if k := c.span(src[n:], more[n:], moreEOF); k > 0 {
				c.emitCopy(src[n:n+k], at)
				n += k
				continue
			}
		}
		// Decode from more: a rune may straddle the end of src.
		r, size := utf8.DecodeRune(more[n:])
		if r == utf8.RuneError && size <= 1 {
			if !moreEOF && !utf8.FullRune(more[n:]) {
				return n, true
			}
			// An invalid byte is kept as it is: reporting it is the
			// caller's business, losing it is nobody's.
			c.emitRaw(src[n:n+1], at)
			n++
			continue
		}
		o := t.lookup(r)
		switch o.kind {
		case opKeep:
			c.emit(r, at, at+size)
		case opDrop:
			c.record(at, at+size)
		case opReplace:
			c.emitString(o.repl, at, at+size)
		case opLineBreak:
			if r == '\r' {
				if n+1 == len(more) && !moreEOF {
					return n, true
				}
				if n+1 < len(more) && more[n+1] == '\n' {
					size = 2
				}
			}
			c.newline(at, at+size, false)
		case opNewline:
			c.newline(at, at+size, true)
		case opEndLine:
			c.endLine()
			o := len(c.out)
			c.out = append(c.out, more[n:n+size]...)
			c.recordOut(at, at+size, o, len(c.out), true)
			c.lineStart, c.prevLetter, c.prevArabic = true, false, false
		case opSpace:
			c.space(' ', at, at+size)
		case opTab:
			c.space('\t', at, at+size)
		case opZWNJ:
			c.holdZWNJ(at, at+size)
		case opPunct:
			c.holdPunct(r, o.repl, at, at+size)
		case opUnlessHamza, opPositionalYeh:
			next, ok := c.t.lookahead(o.kind, "", more[n+size:], moreEOF)
			if !ok {
				return n, true
			}
			c.special(r, o, next, at, at+size)
		case opExpand:
			if !c.expandReady(o.repl, more[n+size:], moreEOF) {
				return n, true
			}
			c.expand(o.repl, more[n+size:], moreEOF, at, at+size)
		}
		n += size
	}
	if eof {
		c.endLine()
	}
	return n, false
}

// quiet reports whether nothing is held back, so input can be copied.
func (c *cleaner) quiet() bool {
	return len(c.pend) == 0 && !c.zwnj && c.punct == 0
}

// span returns the length of the prefix of src that is copied unchanged:
// runes that no rule touches, and single spaces between two of them.
func (c *cleaner) span(src, more []byte, moreEOF bool) int {
	t := c.t
	i := 0
	for i < len(src) {
		b := src[i]
		if b < utf8.RuneSelf {
			if t.asciiKeep[b] {
				i++
				continue
			}
			if b == ' ' && (!t.spaceStateful || (i > 0 || !c.lineStart) && c.keptAt(more, i+1) > 0) {
				i++
				continue
			}
			break
		}
		if b >= 0xC2 && b < 0xE0 && i+1 < len(src) && src[i+1]&0xC0 == 0x80 {
			// Two bytes (Arabic, Cyrillic, Greek, Hebrew, Latin
			// accents), decoded here: utf8.DecodeRune's slow path is
			// most of the span's cost on such text.
			if t.low[rune(b&0x1F)<<6|rune(src[i+1]&0x3F)] != 0 {
				break
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if size == 1 || !t.keeps(r) {
			break
		}
		i += size
	}
	return i
}

// keptAt returns the size of the rune at src[i] if it is copied unchanged
// and is not a space, or 0.
func (c *cleaner) keptAt(src []byte, i int) int {
	if i >= len(src) {
		return 0
	}
	if b := src[i]; b < utf8.RuneSelf {
		if c.t.asciiKeep[b] {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRune(src[i:])
	if size == 1 || !c.t.keeps(r) {
		return 0
	}
	return size
}

// lookahead finds what an op needs to know about the text after its rune,
// which is rest followed by more: for opUnlessHamza whether a HAMZA ABOVE
// composes with it (1) or not (0); for opPositionalYeh whether a letter
// that it joins follows (1) or not (0). ok is false when the input ends
// before that is known and more will come.
func (t *table) lookahead(kind opKind, rest string, more []byte, moreEOF bool) (next int, ok bool) {
	marks := 0
	for i := 0; i < len(rest) && marks < maxLookahead; marks++ {
		r, size := utf8.DecodeRuneInString(rest[i:])
		i += size
		if next, done := t.decides(kind, r); done {
			return next, true
		}
	}
	for i := 0; marks < maxLookahead; marks++ {
		if i == len(more) || !utf8.FullRune(more[i:]) {
			if moreEOF {
				return 0, true
			}
			return 0, false
		}
		r, size := utf8.DecodeRune(more[i:])
		i += size
		if next, done := t.decides(kind, r); done {
			return next, true
		}
	}
	return 0, true
}

// lookaheadAt is lookahead for the op of the rune before s[i], all of
// the input being s: at once when the rune at s[i] decides.
func (t *table) lookaheadAt(kind opKind, s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if d := t.aheadAt(kind, s, i); d != 0 {
		return int(d - 1)
	}
	// Far enough to decide (a line feed is no mark: the line's end
	// decides as in the whole text).
	more := s[i:min(len(s), i+(maxLookahead+1)*utf8.UTFMax)]
	next, _ := t.lookahead(kind, "", unsafe.Slice(unsafe.StringData(more), len(more)), i+len(more) == len(s))
	return next
}

// aheadAt is what the code point of one byte or two at s[i] decides for
// lookahead, as table.ahead has it: 0 when it does not, or when there is
// none there.
func (t *table) aheadAt(kind opKind, s string, i int) uint8 {
	if i >= len(s) {
		return 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return t.ahead[kind-opUnlessHamza][c]
	}
	if i+1 < len(s) && c-0xC2 < 0xE0-0xC2 && s[i+1]&0xC0 == 0x80 {
		return t.ahead[kind-opUnlessHamza][rune(c&0x1F)<<6|rune(s[i+1]&0x3F)]
	}
	return 0
}

// decides looks at rune r for lookahead: done is false when r is skipped
// (a mark, or a rune that the rules drop).
func (t *table) decides(kind opKind, r rune) (next int, done bool) {
	if t.lookup(r).kind == opDrop {
		return 0, false
	}
	if classOf(r)&classMark == 0 {
		// TATWEEL and ZWJ join like letters.
		if kind == opPositionalYeh && (classOf(r)&classArabicLetter != 0 || r == 0x0640 || r == 0x200D) {
			return 1, true
		}
		return 0, true
	}
	if kind == opUnlessHamza {
		if r == hamzaAbove {
			return 1, true
		}
		if cccOf(r) >= cccOf(hamzaAbove) {
			return 0, true // blocked: the hamza cannot compose
		}
	}
	return 0, false
}

// expandReady reports whether the input after a presentation form whose
// decomposition is s is long enough to decide the runes of s that look
// ahead.
func (c *cleaner) expandReady(s string, more []byte, moreEOF bool) bool {
	for i, r := range s {
		if k := c.t.lookup(r).kind; k == opUnlessHamza || k == opPositionalYeh {
			if _, ok := c.t.lookahead(k, s[i+utf8.RuneLen(r):], more, moreEOF); !ok {
				return false
			}
		}
	}
	return true
}

// special handles the ops that depend on what follows.
func (c *cleaner) special(r rune, o op, next int, start, end int) {
	if repl, same := specialOut(o, next); same {
		c.emit(r, start, end)
	} else {
		c.emitString(repl, start, end)
	}
}

// specialOut returns what a rune of an op that depends on what follows
// becomes, next being what lookahead found: the rune itself (same), or
// repl.
func specialOut(o op, next int) (repl string, same bool) {
	switch o.kind {
	case opUnlessHamza:
		return o.repl, next == 1
	case opPositionalYeh:
		if next == 1 {
			return arabicYeh, false
		}
		return alefMaksura, false
	}
	return "", true
}

// expand cleans the runes of a presentation form's decomposition as if they
// stood in the input, followed by more. The first carries the form's input
// span; the others are insertions at its end, so alignment maps them all to
// the one form.
func (c *cleaner) expand(s string, more []byte, moreEOF bool, start, end int) {
	for i, r := range s {
		if i > 0 {
			start = end
		}
		switch o := c.t.lookup(r); o.kind {
		case opDrop:
			c.record(start, end)
		case opSpace:
			c.space(' ', start, end)
		case opUnlessHamza, opPositionalYeh:
			next, _ := c.t.lookahead(o.kind, s[i+utf8.RuneLen(r):], more, moreEOF)
			c.special(r, o, next, start, end)
		case opReplace:
			c.emitString(o.repl, start, end)
		default:
			c.emitString(string(r), start, end)
		}
	}
}

// settle decides what held-back characters become now that rune r (or the
// end of a line, r < 0) follows them.
func (c *cleaner) settle(r rune) {
	cls := uint8(0)
	if r >= 0 {
		cls = classOf(r)
	}
	if c.punct != 0 {
		o := len(c.out)
		if cls&classDigit != 0 {
			c.out = utf8.AppendRune(c.out, c.punct)
		} else {
			c.out = append(c.out, c.punctRepl...)
		}
		c.recordOut(c.punctStart, c.punctStart+1, o, len(c.out), cls&classDigit != 0)
		c.punct = 0
		c.prevLetter, c.prevArabic = false, false
	}
	if c.zwnj {
		c.zwnj = false
		if cls&classLetterOrMark != 0 {
			c.out = append(c.out, "\u200C"...)
			c.recordOut(c.zwnjStart, c.zwnjStart+3, len(c.out)-3, len(c.out), true)
		} else {
			c.recordOut(c.zwnjStart, c.zwnjStart+3, len(c.out), len(c.out), false)
		}
	}
}

// flushPend writes held-back whitespace before a visible rune.
func (c *cleaner) flushPend() {
	if len(c.pend) == 0 {
		return
	}
	o := len(c.out)
	if c.lineStart || !c.t.rules.Has(CollapseSpaces) {
		c.out = append(c.out, c.pend...)
	} else {
		for i, b := range c.pend {
			if b != ' ' || i == 0 || c.pend[i-1] != ' ' {
				c.out = append(c.out, b)
			}
		}
	}
	c.recordOut(c.pendStart, c.pendEnd, o, len(c.out), false)
	c.pend = c.pend[:0]
}

// visible updates the line and letter state after writing rune r.
func (c *cleaner) visible(r rune) {
	c.lineStart = false
	cls := classOf(r)
	c.prevLetter = cls&classLetterOrMark != 0
	// Spaces and tabs do not change prevArabic, as when held back: an
	// Arabic letter, a space, then a comma makes an Arabic comma.
	if cls&classMark == 0 && r != ' ' && r != '\t' {
		c.prevArabic = cls&classArabicLetter != 0
	}
}

// emit writes r unchanged, from input [start, end).
func (c *cleaner) emit(r rune, start, end int) {
	c.settle(r)
	c.flushPend()
	o := len(c.out)
	c.out = utf8.AppendRune(c.out, r)
	c.recordOut(start, end, o, len(c.out), true)
	c.visible(r)
}

// emitString writes s in place of input [start, end).
func (c *cleaner) emitString(s string, start, end int) {
	r, _ := utf8.DecodeRuneInString(s)
	c.settle(r)
	c.flushPend()
	o := len(c.out)
	c.out = append(c.out, s...)
	c.recordOut(start, end, o, len(c.out), false)
	last, _ := utf8.DecodeLastRuneInString(s)
	c.visible(last)
}

// emitCopy writes src, runes that no rule changes, from input offset start.
func (c *cleaner) emitCopy(src []byte, start int) {
	o := len(c.out)
	c.out = append(c.out, src...)
	c.recordOut(start, start+len(src), o, len(c.out), true)
	c.lineStart = false
	if c.t.tracksLetters {
		// The last rune decides prevLetter, the last that is not a
		// mark (or a space) prevArabic, as if each were emitted.
		for i := len(src); i > 0; {
			r, size := utf8.DecodeLastRune(src[:i])
			i -= size
			if i+size == len(src) {
				c.prevLetter = classOf(r)&classLetterOrMark != 0
			}
			if classOf(r)&classMark == 0 && r != ' ' && r != '\t' {
				c.prevArabic = classOf(r)&classArabicLetter != 0
				break
			}
		}
	}
}

// emitRaw writes an invalid byte as it is; but when what the rules dropped
// stood between it and the invalid bytes written before, and they would
// join into a valid rune that the input did not have (U+0668 from "\xd9",
// NUL, "\xa8"; a bidi override from its three bytes split by controls), it
// writes U+FFFD instead.
func (c *cleaner) emitRaw(b []byte, start int) {
	c.settle(utf8.RuneError)
	c.flushPend()
	o := len(c.out)
	if c.flushed+len(c.out)-c.outPos != c.rawOutEnd {
		c.rawLen = 0 // something valid was written since
	}
	same := true
	if c.rawLen > 0 && c.rawEnd != start && b[0]&0xC0 == 0x80 && joins(c.rawTail[:c.rawLen], b[0]) {
		c.out = append(c.out, "\uFFFD"...)
		same = false
		c.rawLen = 0
	} else {
		c.out = append(c.out, b...)
		if c.rawLen == len(c.rawTail) {
			copy(c.rawTail[:], c.rawTail[1:])
			c.rawLen--
		}
		c.rawTail[c.rawLen] = b[0]
		c.rawLen++
	}
	c.recordOut(start, start+len(b), o, len(c.out), same)
	c.rawOutEnd, c.rawEnd = c.flushed+len(c.out)-c.outPos, start+len(b)
	c.lineStart, c.prevLetter, c.prevArabic = false, false, false
}

// joins reports whether the continuation byte b, written after tail, would
// complete or extend the start of a valid UTF-8 sequence.
func joins(tail []byte, b byte) bool {
	i := len(tail) - 1
	for i >= 0 && tail[i]&0xC0 == 0x80 {
		i--
	}
	if i < 0 {
		return false
	}
	seq := append(append([]byte(nil), tail[i:]...), b)
	if !utf8.FullRune(seq) {
		return true // a prefix of a valid sequence
	}
	r, size := utf8.DecodeRune(seq)
	return r != utf8.RuneError || size > 1
}

func (c *cleaner) space(b byte, start, end int) {
	c.settle(' ')
	c.prevLetter = false
	if len(c.pend) == 0 {
		c.pendStart = start
	}
	c.pendEnd = end
	if b == ' ' && len(c.pend) > 0 && c.pend[len(c.pend)-1] == ' ' && !c.lineStart && c.t.rules.Has(CollapseSpaces) {
		return // collapsed already: a run of spaces is held as one
	}
	c.pend = append(c.pend, b)
	c.lastStart = start
	if len(c.pend) >= maxPending {
		// Write out all but the last, which stays held so that a run of
		// spaces that goes on still collapses into it.
		last := c.pend[len(c.pend)-1]
		c.pend = c.pend[:len(c.pend)-1]
		pendEnd := c.pendEnd
		c.pendEnd = c.lastStart
		c.flushPend()
		c.pend = append(c.pend, last)
		c.pendStart, c.pendEnd = c.lastStart, pendEnd
	}
}

func (c *cleaner) holdZWNJ(start, end int) {
	c.settle(0x200C)
	if !c.prevLetter || len(c.pend) > 0 || c.zwnj {
		c.record(start, end) // at a word's edge, or doubled
		return
	}
	c.zwnj, c.zwnjStart = true, start
}

func (c *cleaner) holdPunct(r rune, repl string, start, end int) {
	if !c.prevArabic {
		c.emit(r, start, end)
		return
	}
	c.settle(r)
	c.flushPend()
	c.lineStart = false
	c.punct, c.punctRepl, c.punctStart = r, repl, start
}

// newline ends a line: held-back spaces go, and an LF is written.
func (c *cleaner) newline(start, end int, same bool) {
	c.endLine()
	o := len(c.out)
	c.out = append(c.out, '\n')
	c.recordOut(start, end, o, len(c.out), same)
	c.lineStart, c.prevLetter, c.prevArabic = true, false, false
}

// endLine settles what is held back at the end of a line or of the input.
func (c *cleaner) endLine() {
	c.settle(-1)
	if len(c.pend) > 0 {
		if c.t.rules.Has(TrimTrailing) {
			c.recordOut(c.pendStart, c.pendEnd, len(c.out), len(c.out), false)
			c.pend = c.pend[:0]
		} else {
			c.flushPend()
		}
	}
}

// record notes that input [start, end) was dropped.
func (c *cleaner) record(start, end int) {
	c.recordOut(start, end, len(c.out), len(c.out), false)
}

// recordOut notes that out[o0:o1] came from input [in0, in1), and whether
// it is that input unchanged.
func (c *cleaner) recordOut(in0, in1, o0, o1 int, same bool) {
	if c.rec != nil {
		c.rec.add(in0, in1, o0, o1, same)
	}
}
