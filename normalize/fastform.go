package normalize

//go:generate go run gen_quickcheck.go

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// A fastForm is a Unicode normalization form with ICU's quick-check fast
// path (spanQuickCheckYes): stretches of safe starters (see
// gen_quickcheck.go) and the marks the form leaves after them, which are
// already in the form and across which the form carries nothing but from
// their last safe starter, are copied as they are. The stretches between
// them that may change, each from the safe starter before it to the next
// one after it, are reordered and composed by appendStretch, or by
// x/text's norm where that needs a decomposition. The output is x/text's,
// on any input and however the text is cut (FuzzFastForm); on scraped
// text, which is nearly all safe starters, it costs a table lookup a code
// point instead of x/text's per-character analysis.
type fastForm struct {
	f      norm.Form
	stage1 *[len(safeNFC)]uint16
	// marks and plains are stage 1 of the form's marks and plain code
	// points (gen_quickcheck.go); composes is set for NFC and NFKC.
	marks    *[len(markNFC)]uint16
	plains   *[len(plainNFC)]uint16
	composes bool
	// low is the safe starters below U+0800, a word a block of 64: those
	// of two bytes are looked up by their lead byte, without a decode.
	low [0x800 / 64]uint64
}

var fastForms = [...]fastForm{
	norm.NFC:  newFastForm(norm.NFC, &safeNFC, &markNFC, &plainNFC),
	norm.NFD:  newFastForm(norm.NFD, &safeNFD, &markNFD, &plainNFD),
	norm.NFKC: newFastForm(norm.NFKC, &safeNFKC, &markNFKC, &plainNFKC),
	norm.NFKD: newFastForm(norm.NFKD, &safeNFKD, &markNFKD, &plainNFKD),
}

func newFastForm(f norm.Form, safe *[len(safeNFC)]uint16, marks *[len(markNFC)]uint16, plains *[len(plainNFC)]uint16) fastForm {
	q := fastForm{f: f, stage1: safe, marks: marks, plains: plains, composes: f == norm.NFC || f == norm.NFKC}
	for blk := range q.low {
		q.low[blk] = safeWords[safe[blk]]
	}
	return q
}

// formOf returns the fast path of f.
func formOf(f norm.Form) *fastForm { return &fastForms[f] }

// safe reports whether r is a safe starter of the form.
func (q *fastForm) safe(r rune) bool {
	return safeWords[q.stage1[r>>6]]>>(uint(r)&63)&1 != 0
}

// markClass returns r's canonical combining class when r is a mark of the
// form that a span may step over (its class above 0, the form leaves it as
// it is, and nothing composes with it), 0 otherwise.
func (q *fastForm) markClass(r rune) uint8 {
	if r >= markLimit || safeWords[q.marks[r>>6]]>>(uint(r)&63)&1 == 0 {
		return 0
	}
	return cccOf(r)
}

// plain reports whether the form's decomposition leaves r as it is (a
// Hangul syllable too, when the form composes).
func (q *fastForm) plain(r rune) bool {
	return r >= plainLimit || safeWords[q.plains[r>>6]]>>(uint(r)&63)&1 != 0
}

// cccOf returns r's canonical combining class, from the generated table
// (TestCCCTable checks it against x/text on every code point).
func cccOf(r rune) uint8 {
	if r >= markLimit {
		return 0
	}
	return cccBlocks[cccStage1[r>>6]][r&63]
}

// maxMarks is the most marks in a row that a span steps over, and the
// most code points in a stretch that appendStretch composes: x/text puts
// a combining grapheme joiner after 30 non-starters in a row (the Stream-
// Safe Text Format), which is left to it. A safe starter ends such a run
// in x/text's count too (gen_quickcheck.go leaves out the ones whose
// compatibility decomposition starts with a non-starter, TestSafeStarters
// EndMarkRuns), and brings at most 3 of its own: 3 + 24 stays under 30.
const maxMarks = 24

// span returns the length of the longest prefix of s that is in the form
// and across whose end the form carries nothing but from its last safe
// starter: valid UTF-8 of safe starters, each followed by marks of the
// form in the order of their classes (ICU's spanQuickCheckYes).
func (q *fastForm) span(s string) int {
	m := markRun{end: -1}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(s) && load64(s, i)&0x8080808080808080 == 0 {
				i += 8
			} else {
				i++
			}
			continue
		}
		var r rune
		n := 2
		if c-0xC2 < 0xE0-0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Two bytes and three, decoded here: the scripts that
			// pay most for a decode. A safe starter of two bytes
			// is its lead byte's word and its trail byte's bit.
			if q.low[c&0x1F]>>(s[i+1]&0x3F)&1 != 0 {
				i += 2
				continue
			}
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
		} else if threeBytesAt(s, i) {
			// Three bytes, not overlong: the block is the lead byte
			// and the first trail byte, the bit the second.
			blk := uint(c&0x0F)<<6 | uint(s[i+1]&0x3F)
			if safeWords[q.stage1[blk]]>>(s[i+2]&0x3F)&1 != 0 {
				i += 3
				continue
			}
			r, n = rune(blk)<<6|rune(s[i+2]&0x3F), 3
		} else if r, n = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && n == 1 {
			return i
		}
		if !q.safe(r) && !m.step(q, s[:i], i, n, r) {
			return i
		}
		i += n
	}
	return len(s)
}

// A markRun is the run of marks a span has stepped over last: where it
// ends, the class of its last mark and how many it has. A code point that
// is no mark ends it, and the next mark starts another.
type markRun struct {
	end  int
	prev uint8
	n    int
}

// step reports whether a span may step over r, which is no safe starter,
// at s[i:i+n] after before (what the span stepped over on the line), and
// takes note of it: a mark of the form, or a second that stays
// (secondStays), in the order of classes, and no more than maxMarks in a
// row.
func (m *markRun) step(q *fastForm, before string, i, n int, r rune) bool {
	if m.end != i {
		m.prev, m.n = 0, 0
	}
	cc := q.markClass(r)
	if cc == 0 && q.secondStays(before, r, m.prev, m.n) {
		cc = cccOf(r)
	}
	if cc == 0 || cc < m.prev || m.n == maxMarks {
		return false
	}
	m.prev, m.n, m.end = cc, m.n+1, i+n
	return true
}

// threeBytesAt reports whether a code point of three bytes that is not
// overlong starts at s[i] (a surrogate's bytes pass: the tables the spans
// look it up in have none).
func threeBytesAt(s string, i int) bool {
	c := s[i]
	return c-0xE0 < 0x10 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && (c != 0xE0 || s[i+1] >= 0xA0)
}

// load64 returns the 8 bytes of s from i, the first the lowest: the
// compiler makes it one load (a []byte conversion would copy them to a
// cleared buffer first).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// secondStays reports whether r, which composes with some code point
// before it and is no mark of the form only for that, stays as it is
// after s, what a span stepped over, whose last marks (marks of them, the
// last of class prev) are in the order of classes: it is a plain code point
// of a class above 0 and the starter before it in s, which the form's
// decomposition leaves as it is, does not compose with it or is blocked
// from it. In Persian text a hamza above (U+0654) after a
// heh, which NFC leaves, is the common case.
func (q *fastForm) secondStays(s string, r rune, prev uint8, marks int) bool {
	cc := cccOf(r)
	if !q.composes || cc == 0 || !q.plain(r) || cc < prev {
		return false
	}
	for j := len(s); j > 0; {
		l, n := utf8.DecodeLastRuneInString(s[:j])
		if j -= n; l >= utf8.RuneSelf && cccOf(l) != 0 {
			continue
		}
		// A starter that decomposes (Ḋ, D and a dot above) may take r
		// in between.
		if !q.plain(l) || l >= hangulBase && l < hangulBase+jamoLCount*jamoVCount*jamoTCount {
			return false
		}
		if marks > 0 && prev >= cc {
			return true // blocked by the mark before it
		}
		_, ok := composePair(l, r)
		return !ok
	}
	return false
}

// stretchEnd returns where the stretch that may change, which starts with
// the code point at s[p] that is no safe starter, ends: at the next safe
// starter, or the end of s. x/text reads up to utf8.UTFMax bytes from an
// invalid byte to decide how much of it is one, so the stretch goes at
// least that far past each, lest x/text see a shorter text than in the
// whole and decide otherwise.
func (q *fastForm) stretchEnd(s string, p int) int {
	r, n := utf8.DecodeRuneInString(s[p:])
	least := 0 // the stretch ends no sooner
	if r == utf8.RuneError && n == 1 {
		least = p + utf8.UTFMax
	}
	for i := p + n; i < len(s); {
		if s[i] < utf8.RuneSelf {
			if i >= least {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		invalid := r == utf8.RuneError && n == 1
		if !invalid && q.safe(r) && i >= least {
			return i
		}
		if invalid {
			least = i + utf8.UTFMax
		}
		i += n
	}
	return len(s)
}

// String returns s in the form: s itself, with no allocation, when it is
// safe starters only.
func (q *fastForm) String(s string) string {
	out, _ := q.stringValid(s)
	return out
}

// stringValid is String, and reports whether s is valid UTF-8 (see
// appendString).
func (q *fastForm) stringValid(s string) (string, bool) {
	p := q.span(s)
	if p == len(s) {
		return s, true
	}
	out, valid := q.appendString(newOutput(outCap(len(s))), s, p)
	return unsafe.String(unsafe.SliceData(out), len(out)), valid
}

// appendForm appends s in the form to dst.
func (q *fastForm) appendForm(dst []byte, s string) []byte {
	if p := q.span(s); p < len(s) {
		dst, _ = q.appendString(dst, s, p)
		return dst
	}
	return append(dst, s...)
}

// Bytes returns b in the form, in a new slice.
func (q *fastForm) Bytes(b []byte) []byte {
	s := unsafe.String(unsafe.SliceData(b), len(b))
	p := q.span(s)
	if p == len(s) {
		return append([]byte(nil), b...)
	}
	out, _ := q.appendString(make([]byte, 0, outCap(len(s))), s, p)
	return out
}

// appendString appends s in the form to dst, s[:p] being what span
// steps over and s[p] not, and reports whether s is valid UTF-8 (found on
// the way: span and the composer check it as they go).
func (q *fastForm) appendString(dst []byte, s string, p int) ([]byte, bool) {
	start := 0
	valid := true
	for {
		// What may change is the code point at p with the safe starter
		// before it, which it may compose with, to the next safe starter.
		b := starterBefore(s, start, p)
		dst = append(dst, s[start:b]...)
		e := q.stretchEnd(s, p)
		var ok bool
		dst, ok = q.appendStretch(dst, s[b:e])
		valid = valid && ok
		if e == len(s) {
			return dst, valid
		}
		start = e
		if p = e + q.span(s[e:]); p == len(s) {
			return append(dst, s[start:]...), valid
		}
	}
}

// appendStops appends s[from:to] in the form to dst, stops being where in
// s (in order; those from to on are left out) the code points are that
// span would stop at on the way, found by another scan (fused.span):
// appendString's work without its spans, each stretch composed once. A
// stop in a stretch composed before is passed over; one that span would
// have stepped over gives a stretch already in the form, which comes out
// as it was.
func (q *fastForm) appendStops(dst []byte, s string, from, to int, stops []int) []byte {
	start := from
	for _, p := range stops {
		if p >= to {
			break // on the line the scan stopped in
		}
		if p < start {
			continue
		}
		b := starterBefore(s, start, p)
		dst = append(dst, s[start:b]...)
		e := q.stretchEnd(s[:to], p)
		dst, _ = q.appendStretch(dst, s[b:e])
		start = e
	}
	return append(dst, s[start:to]...)
}

// appendStretch appends s in the form to dst, s being a stretch from a safe
// starter (or the start of the text) to the next (or the end). It
// reorders and composes s itself when every code point is one the form's
// decomposition leaves as it is, s has no more than maxMarks code points,
// and the UTF-8 is valid, which is nearly always the case in scraped text (a
// letter and its marks, a text in NFD); x/text does the rest. It reports
// whether s is valid UTF-8.
func (q *fastForm) appendStretch(dst []byte, s string) ([]byte, bool) {
	var rs [maxMarks]rune
	var cs [maxMarks]uint8
	n := 0
	for i := 0; i < len(s); n++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		if n == maxMarks || r == utf8.RuneError && w == 1 || !q.plain(r) {
			return q.f.AppendString(dst, s), utf8.ValidString(s)
		}
		rs[n], cs[n] = r, cccOf(r)
		i += w
	}
	// The canonical order: each run of marks sorted by class, stably.
	for i := 1; i < n; i++ {
		r, c := rs[i], cs[i]
		if c == 0 {
			continue
		}
		j := i
		for ; j > 0 && cs[j-1] > c; j-- {
			rs[j], cs[j] = rs[j-1], cs[j-1]
		}
		rs[j], cs[j] = r, c
	}
	if q.composes {
		n = compose(rs[:n], cs[:n])
	}
	for _, r := range rs[:n] {
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

// compose composes rs, in the canonical order with cs their classes, as
// Unicode's canonical composition algorithm does, and returns how many
// code points are left at the start of rs.
func compose(rs []rune, cs []uint8) int {
	k := 0
	starter := -1 // where in rs[:k] the last starter is
	last := -1    // the class of rs[k-1] when it is no starter, -1 when it is
	for i, r := range rs {
		c := cs[i]
		// r is blocked from the starter by a code point between whose
		// class is 0 or not below its own.
		if starter >= 0 && (last < 0 || int(c) > last) {
			if p, ok := composePair(rs[starter], r); ok {
				rs[starter] = p
				continue
			}
		}
		if c == 0 {
			starter, last = k, -1
		} else {
			last = int(c)
		}
		rs[k] = r
		k++
	}
	return k
}

// The Hangul syllables are composed by their formula (Unicode 3.12).
const (
	hangulBase                         = 0xAC00
	jamoL, jamoV, jamoT                = 0x1100, 0x1161, 0x11A7
	jamoLCount, jamoVCount, jamoTCount = 19, 21, 28
)

// composePair returns the canonical composition of a and b, if they have
// one.
func composePair(a, b rune) (rune, bool) {
	if a >= jamoL && a < jamoL+jamoLCount && b >= jamoV && b < jamoV+jamoVCount {
		return hangulBase + ((a-jamoL)*jamoVCount+b-jamoV)*jamoTCount, true
	}
	if s := a - hangulBase; s >= 0 && s < jamoLCount*jamoVCount*jamoTCount && s%jamoTCount == 0 && b > jamoT && b < jamoT+jamoTCount {
		return a + b - jamoT, true
	}
	key := uint64(a)<<21 | uint64(b)
	lo, hi := 0, len(compositions)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if compositions[m]>>21 < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(compositions) && compositions[lo]>>21 == key {
		return rune(compositions[lo] & (1<<21 - 1)), true
	}
	return 0, false
}

// composesForward reports whether r composes with a code point after it
// (it is the first of a pair of compositions).
func composesForward(r rune) bool {
	if r >= jamoL && r < jamoL+jamoLCount || r >= hangulBase && r < hangulBase+jamoLCount*jamoVCount*jamoTCount {
		return true
	}
	k := uint64(r)
	i, _ := slices.BinarySearchFunc(compositions[:], k, func(e, k uint64) int { return cmp.Compare(e>>42, k) })
	return i < len(compositions) && compositions[i]>>42 == k
}

// outCap is the capacity of a new output for n bytes of input: what
// changes mostly grows a little (a mark split off, a space or ZWNJ put
// in), and one allocation should nearly always hold it.
func outCap(n int) int { return n + n/16 + 8 }

// newOutput returns an empty slice with room for n bytes that are not
// cleared first, for an output that becomes a string: what is written is
// all that is read. make clears them, which costs as much as a tenth of
// the work on a megabyte of text; strings.Builder's Grow does not, and the
// first byte written gives the address of its buffer. Never for a slice
// handed to the caller, whose bytes past its length could be read.
func newOutput(n int) []byte {
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0)
	return unsafe.Slice(unsafe.StringData(b.String()), n)[:0]
}

// starterBefore returns where the safe starter before s[p] starts, s[from:p]
// being what span steps over: the code point at p may compose with it or
// reorder among its marks, so what may change starts there. It is from
// when there is none.
func starterBefore(s string, from, p int) int {
	for p > from {
		r, n := utf8.DecodeLastRuneInString(s[from:p])
		p -= n
		if r < utf8.RuneSelf || cccOf(r) == 0 {
			return p
		}
	}
	return p
}

// transformer returns a transformer of the form with the fast path: it
// keeps no state, like norm.Form's.
func (q *fastForm) transformer() transform.Transformer { return fastTransformer{q} }

type fastTransformer struct{ q *fastForm }

func (fastTransformer) Reset() {}

func (t fastTransformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	q := t.q
	s := unsafe.String(unsafe.SliceData(src), len(src))
	for nSrc < len(s) {
		// Look no further than dst has room for: a short dst must not
		// make each call span the whole of a long src again.
		if room := len(dst) - nDst; len(s)-nSrc > room+utf8.UTFMax {
			lim := nSrc + room
			p := nSrc + q.span(s[nSrc:lim])
			if p == lim || !utf8.FullRuneInString(s[p:lim]) {
				// Safe starters (and their marks) up to the edge of the
				// room: copy them but the last and its marks, which
				// may compose or reorder with what follows.
				b := starterBefore(s, nSrc, p)
				nDst += copy(dst[nDst:], s[nSrc:b])
				return nDst, b, transform.ErrShortDst
			}
		}
		p := nSrc + q.span(s[nSrc:])
		b := starterBefore(s, nSrc, p)
		if p == len(s) {
			// Safe starters to the end, but the last may compose with
			// what comes next, unless this is the end.
			if atEOF {
				b = p
			}
		}
		n := copy(dst[nDst:], s[nSrc:b])
		nDst += n
		nSrc += n
		if nSrc < b {
			return nDst, nSrc, transform.ErrShortDst
		}
		if p == len(s) && atEOF {
			return nDst, nSrc, nil
		}
		e := len(s)
		if p < len(s) {
			e = q.stretchEnd(s, p)
		}
		if e == len(s) && !atEOF {
			// The stretch may go on in the next src: x/text takes it from
			// here, as far as it can.
			nd, ns, err := q.f.Transform(dst[nDst:], src[nSrc:], false)
			return nDst + nd, nSrc + ns, err
		}
		nd, ns, err := q.f.Transform(dst[nDst:], src[nSrc:e], true)
		nDst += nd
		nSrc += ns
		if err != nil {
			return nDst, nSrc, err
		}
	}
	return nDst, nSrc, nil
}
