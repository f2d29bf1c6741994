// Package lines is a transformer that hands the text through it to a
// function a line at a time: the one home of the line-buffered stages of
// package repair and package normalize, whose rules need a whole line to
// decide.
package lines

import (
	"bytes"

	"golang.org/x/text/transform"
)

// Max is the longest line a Transformer holds: a longer one goes to Into
// in pieces, cut after a space in the piece's second half where there is
// one, else before its last character.
const Max = 64 << 10

// A Transformer calls Into with each line of the text (its line feed
// included; the last line may have none) and writes what Into appends to
// dst. OnReset, if not nil, is called by Reset, for the state Into keeps
// between lines.
type Transformer struct {
	Into    func(dst, line []byte) []byte
	OnReset func()

	line    []byte // the line read so far
	pending []byte // what Into made of it, not yet written
}

// Reset implements transform.Transformer.
func (t *Transformer) Reset() {
	t.line, t.pending = t.line[:0], t.pending[:0]
	if t.OnReset != nil {
		t.OnReset()
	}
}

// Transform implements transform.Transformer.
func (t *Transformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for {
		if len(t.pending) > 0 {
			n := copy(dst[nDst:], t.pending)
			nDst += n
			t.pending = t.pending[:copy(t.pending, t.pending[n:])]
			if len(t.pending) > 0 {
				return nDst, nSrc, transform.ErrShortDst
			}
		}
		rest := src[nSrc:]
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			t.line = append(t.line, rest[:i+1]...)
			nSrc += i + 1
			t.flush(len(t.line))
			continue
		}
		t.line = append(t.line, rest...)
		nSrc = len(src)
		switch {
		case atEOF && len(t.line) > 0:
			t.flush(len(t.line))
			continue
		case len(t.line) >= Max:
			t.flush(cut(t.line))
			continue
		}
		return nDst, nSrc, nil
	}
}

// flush hands the first n bytes of the line read to Into.
func (t *Transformer) flush(n int) {
	t.pending = t.Into(t.pending, t.line[:n])
	t.line = t.line[:copy(t.line, t.line[n:])]
}

// cut returns where to cut a long line (see Max).
func cut(b []byte) int {
	for i := len(b) - 1; i > len(b)/2; i-- {
		if b[i] == ' ' {
			return i + 1
		}
	}
	for i := len(b) - 1; i > 0; i-- {
		if b[i]&0xC0 != 0x80 {
			return i
		}
	}
	return len(b)
}
