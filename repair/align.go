package repair

import "sort"

// An Alignment maps offsets of a repaired text back to the text it was
// repaired from, so that what is found in the repaired text (a segment, a
// match) can be shown on the input. It is made by [Align].
type Alignment struct {
	passes [][]piece // first pass first
}

// A piece of a pass: in[inStart:inEnd] became out[outStart:outEnd]; same
// pieces are copies, the others steps.
type piece struct {
	inStart, inEnd, outStart, outEnd int
	same                             bool
}

// Align returns s repaired, as Fix returns it, and its alignment with s.
func Align(s string, fixes Fixes) (string, *Alignment) {
	outs, steps := Passes(s, fixes)
	a := &Alignment{}
	in := s
	for k, out := range outs {
		var ps []piece
		at, o := 0, 0
		same := func(end int) {
			if end > at {
				ps = append(ps, piece{at, end, o, o + end - at, true})
				o += end - at
			}
		}
		for _, st := range steps[k] {
			same(st.Start)
			ps = append(ps, piece{st.Start, st.End, o, o + len(st.After), false})
			o += len(st.After)
			at = st.End
		}
		same(len(in))
		a.passes = append(a.passes, ps)
		in = out
	}
	if len(outs) == 0 {
		return s, a
	}
	return outs[len(outs)-1], a
}

// Source returns the span of the input that the span [start, end) of the
// repaired text came from; a span that begins or ends inside a repaired
// run takes all of that run's input.
func (a *Alignment) Source(start, end int) (int, int) {
	for k := len(a.passes) - 1; k >= 0; k-- {
		start, end = back(a.passes[k], start, false), back(a.passes[k], end, true)
	}
	return start, end
}

// back maps offset o of a pass's output to its input: inside a copied
// piece exactly, else to the start (or, for an end, the end) of the step
// it falls in.
func back(ps []piece, o int, isEnd bool) int {
	if len(ps) == 0 {
		return o
	}
	i := sort.Search(len(ps), func(i int) bool { return ps[i].outEnd > o })
	if isEnd {
		// An end at a piece's start belongs to the piece before.
		i = sort.Search(len(ps), func(i int) bool { return ps[i].outEnd >= o })
	}
	if i == len(ps) {
		return ps[len(ps)-1].inEnd
	}
	p := ps[i]
	switch {
	case p.same:
		return p.inStart + o - p.outStart
	case isEnd && o > p.outStart:
		return p.inEnd
	}
	return p.inStart
}
