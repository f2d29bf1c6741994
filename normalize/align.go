package normalize

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// A Piece says that the output bytes [OutStart, OutEnd) came from the input
// bytes [InStart, InEnd). Same is set when the two are equal byte for byte,
// so that offsets inside the piece map one to one.
type Piece struct {
	OutStart, OutEnd int
	InStart, InEnd   int
	Same             bool
}

// An Alignment maps byte offsets of a normalized text back to the text it
// came from, so that an annotation made on the normalized text (a match, an
// entity, a segment) can be shown on the original. It is made by
// [Profile.Align].
//
// The pieces of each normalization stage tile their input and output in
// order; Source walks the stages back from the output.
type Alignment struct {
	stages [][]Piece // first stage first
	outLen int
	inLen  int
}

// Source returns the span of the input that the output span [start, end)
// came from. Offsets are clamped to the output. Where a character was
// replaced (a ligature expanded, CR LF folded into LF), the span covers the
// whole of the input that it replaced.
func (a *Alignment) Source(start, end int) (inStart, inEnd int) {
	start = max(0, min(start, a.outLen))
	end = max(start, min(end, a.outLen))
	if start == end {
		p := start
		for i := len(a.stages) - 1; i >= 0; i-- {
			p = startOf(a.stages[i], p)
		}
		return p, p
	}
	for i := len(a.stages) - 1; i >= 0; i-- {
		start, end = startOf(a.stages[i], start), endOf(a.stages[i], end)
	}
	return start, end
}

// Offsets returns, for every byte offset of the output from 0 to its length,
// the input offset it maps to (the start of the input that produced it).
// The result has length OutLen()+1, is non-decreasing and ends at InLen().
func (a *Alignment) Offsets() []int {
	offs := make([]int, a.outLen+1)
	for i := range offs[:a.outLen] {
		offs[i], _ = a.Source(i, i+1)
	}
	offs[a.outLen] = a.inLen
	return offs
}

// OutLen returns the length of the normalized text.
func (a *Alignment) OutLen() int { return a.outLen }

// InLen returns the length of the input.
func (a *Alignment) InLen() int { return a.inLen }

// Pieces returns the pieces of a single-stage alignment, or nil when the
// profile ran more than one stage.
func (a *Alignment) Pieces() []Piece {
	if len(a.stages) != 1 {
		return nil
	}
	return a.stages[0]
}

func startOf(ps []Piece, x int) int {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].OutEnd > x })
	if i == len(ps) {
		if len(ps) == 0 {
			return 0
		}
		return ps[len(ps)-1].InEnd
	}
	p := ps[i]
	if p.Same && x >= p.OutStart {
		return p.InStart + x - p.OutStart
	}
	return p.InStart
}

func endOf(ps []Piece, x int) int {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].OutStart >= x })
	for i > 0 && ps[i-1].OutStart == ps[i-1].OutEnd {
		i-- // skip deletions at the end of the span
	}
	if i == 0 {
		return 0
	}
	p := ps[i-1]
	if p.Same && x <= p.OutEnd {
		return p.InStart + x - p.OutStart
	}
	return p.InEnd
}

// recorder collects the pieces of the cleaner stage.
type recorder struct {
	pieces []Piece
}

func (r *recorder) add(in0, in1, o0, o1 int, same bool) {
	if n := len(r.pieces); n > 0 && same {
		if p := &r.pieces[n-1]; p.Same && p.InEnd == in0 && p.OutEnd == o0 {
			p.InEnd, p.OutEnd = in1, o1
			return
		}
	}
	r.pieces = append(r.pieces, Piece{OutStart: o0, OutEnd: o1, InStart: in0, InEnd: in1, Same: same})
}

// finish puts the pieces in input order. Held-back whitespace, ZWNJ and
// punctuation are recorded when they are written, after any deletion that
// followed them; their output comes first all the same, so deletions take
// the output position of the piece before them.
func (r *recorder) finish() []Piece {
	ps := r.pieces
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].InStart < ps[j].InStart })
	out := 0
	for i := range ps {
		if ps[i].OutStart == ps[i].OutEnd {
			ps[i].OutStart, ps[i].OutEnd = out, out
		}
		out = ps[i].OutEnd
	}
	return ps
}

// formPieces aligns a Unicode normalization of s: norm.Iter yields the
// normalized text one segment at a time, each starting on a boundary of the
// input.
func formPieces(f norm.Form, s string) (string, []Piece) {
	if s == "" {
		return s, nil
	}
	if f.IsNormalString(s) {
		// What the loop would find, without a copy of s: a long line
		// is held once.
		return s, []Piece{{OutEnd: len(s), InEnd: len(s), Same: true}}
	}
	var it norm.Iter
	it.InitString(f, s)
	out := make([]byte, 0, len(s))
	var ps []Piece
	prev := 0
	for !it.Done() {
		seg := it.Next()
		pos := it.Pos()
		o := len(out)
		out = append(out, seg...)
		same := string(seg) == s[prev:pos]
		if n := len(ps); n > 0 && same && ps[n-1].Same {
			ps[n-1].OutEnd, ps[n-1].InEnd = len(out), pos
		} else {
			ps = append(ps, Piece{OutStart: o, OutEnd: len(out), InStart: prev, InEnd: pos, Same: same})
		}
		prev = pos
	}
	return string(out), ps
}

// runePieces aligns a transformer that maps each rune on its own (case
// folding, width folding) by applying it to one rune at a time.
func runePieces(t transform.Transformer, s string) (string, []Piece) {
	out := make([]byte, 0, len(s))
	var ps []Piece
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		t.Reset()
		mapped, _, err := transform.String(t, s[i:i+size])
		if err != nil {
			mapped = s[i : i+size]
		}
		o := len(out)
		out = append(out, mapped...)
		same := mapped == s[i:i+size]
		if n := len(ps); n > 0 && same && ps[n-1].Same {
			ps[n-1].OutEnd, ps[n-1].InEnd = len(out), i+size
		} else {
			ps = append(ps, Piece{OutStart: o, OutEnd: len(out), InStart: i, InEnd: i + size, Same: same})
		}
		i += size
	}
	return string(out), ps
}
