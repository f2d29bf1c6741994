package normalize

//go:generate go run gen_quickcheck.go

import (
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// A fastForm is a Unicode normalization form with ICU's quick-check fast
// path (spanQuickCheckYes): stretches of safe starters (see
// gen_quickcheck.go), which are already in the form and across which the
// form carries nothing, are copied as they are, and x/text's norm is
// called only on the stretches between them that may change, each from
// the safe starter before it to the next one after it. The output is
// x/text's, on any input and however the text is cut (FuzzFastForm); on
// scraped text, which is nearly all safe starters, it costs a table
// lookup a code point instead of x/text's per-character analysis.
type fastForm struct {
	f      norm.Form
	stage1 *[len(safeNFC)]uint16
}

var fastForms = [...]fastForm{
	norm.NFC:  {norm.NFC, &safeNFC},
	norm.NFD:  {norm.NFD, &safeNFD},
	norm.NFKC: {norm.NFKC, &safeNFKC},
	norm.NFKD: {norm.NFKD, &safeNFKD},
}

// formOf returns the fast path of f.
func formOf(f norm.Form) *fastForm { return &fastForms[f] }

// safe reports whether r is a safe starter of the form.
func (q *fastForm) safe(r rune) bool {
	return safeWords[q.stage1[r>>6]]>>(uint(r)&63)&1 != 0
}

// span returns the length of the longest prefix of s that is safe
// starters: valid UTF-8 whose every code point is one.
func (q *fastForm) span(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Two bytes, decoded here: the scripts that pay most for
			// a decode.
			if !q.safe(rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)) {
				return i
			}
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !q.safe(r) {
			return i
		}
		i += n
	}
	return len(s)
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
	p := q.span(s)
	if p == len(s) {
		return s
	}
	out := q.appendString(make([]byte, 0, len(s)+len(s)/16+8), s, p)
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// appendForm appends s in the form to dst.
func (q *fastForm) appendForm(dst []byte, s string) []byte {
	if p := q.span(s); p < len(s) {
		return q.appendString(dst, s, p)
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
	return q.appendString(make([]byte, 0, len(s)+len(s)/16+8), s, p)
}

// appendString appends s in the form to dst, s[:p] being safe starters
// and s[p] not one.
func (q *fastForm) appendString(dst []byte, s string, p int) []byte {
	start := 0
	for {
		// What may change is the code point at p with the safe starter
		// before it, which it may compose with, to the next safe starter.
		b := starterBefore(s, start, p)
		dst = append(dst, s[start:b]...)
		e := q.stretchEnd(s, p)
		dst = q.f.AppendString(dst, s[b:e])
		if e == len(s) {
			return dst
		}
		start = e
		if p = e + q.span(s[e:]); p == len(s) {
			return append(dst, s[start:]...)
		}
	}
}

// starterBefore returns where the safe starter before s[p] starts, s[from:p]
// being safe starters: the code point at p may compose with it, so what may
// change starts there. It is p when there is none (p == from).
func starterBefore(s string, from, p int) int {
	if p == from {
		return p
	}
	_, n := utf8.DecodeLastRuneInString(s[from:p])
	return p - n
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
				// Safe starters up to the edge of the room: copy them
				// but the last, which may compose with what follows.
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
