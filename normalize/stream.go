package normalize

import (
	"bytes"
	"io"
	"unsafe"

	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/internal/lines"
)

// The streams of a profile (Transformer, NewReader, NewWriter) take the
// path Apply takes. A profile's rules and its form work a line at a time
// and carry nothing across a line feed (see fused.go), so a stream gives
// each run of complete lines to Apply, the fused scan, as the text comes,
// and holds back only the start of a line not yet ended. The result is
// Apply's on the whole text, however the text is cut into writes or reads.
//
// A line longer than lines.Max goes to the stages one after the other
// instead (stagedTransformer), as a transform.Transformer, so that memory
// stays bounded whatever the input: the line stages cut such a line into
// pieces (see internal/lines), where protection and affixes exactly at a
// cut may differ from Apply's.
//
// Profiles the fused scan does not know (repairs, case and width folding,
// CollapseBlankLines, a decomposition first) stream through the stages
// alone.

// lineStream runs a profile over a stream: complete lines through Apply,
// lines longer than lines.Max through the stages.
type lineStream struct {
	p      Profile
	pend   []byte                // the start of a line not yet ended, at most lines.Max bytes
	long   transform.Transformer // the stages, made for the first long line
	inLong bool                  // inside a line longer than lines.Max
	longIn []byte                // input of that line the stages have not taken yet
	buf    []byte                // the stages' output
}

// streamsLines reports whether p's streams take Apply's path (lineStream).
func (p Profile) streamsLines() bool { return p.rules == 0 || p.fused() != nil }

// write runs the stream over b, giving emit the output as it comes; emit
// must not keep the slice. It holds back the start of an unended line.
func (l *lineStream) write(b []byte, emit func([]byte) error) error {
	for len(b) > 0 {
		if l.inLong {
			chunk, end := b, false
			if k := bytes.IndexByte(b, '\n'); k >= 0 {
				chunk, end = b[:k+1], true
			}
			b = b[len(chunk):]
			if err := l.stages(chunk, end, emit); err != nil {
				return err
			}
			if end {
				l.inLong = false
				l.long.Reset()
			}
			continue
		}
		if len(l.pend) > 0 {
			k := bytes.IndexByte(b, '\n')
			n := len(b)
			if k >= 0 {
				n = k
			}
			if len(l.pend)+n > lines.Max {
				// Too long for the scan: the stages take the line from
				// its start.
				// Its start, now the stages', is let go: long lines are
				// rare, and the scan's lines are short.
				l.startLong()
				pend := l.pend
				l.pend = nil
				if err := l.stages(pend, false, emit); err != nil {
					return err
				}
				continue
			}
			if k < 0 {
				l.pend = append(l.pend, b...)
				return nil
			}
			l.pend = append(l.pend, b[:k+1]...)
			b = b[k+1:]
			if err := l.scan(l.pend, emit); err != nil {
				return err
			}
			l.pend = l.pend[:0]
			continue
		}
		// b starts a line: its complete lines of at most lines.Max bytes
		// go to the scan together. The lines that end in a window of
		// lines.Max+1 bytes from a line's start are that short, so one
		// look from the window's end finds them all.
		end := 0
		for end < len(b) {
			k := bytes.LastIndexByte(b[end:min(len(b), end+lines.Max+1)], '\n')
			if k < 0 {
				break
			}
			end += k + 1
		}
		if end > 0 {
			if err := l.scan(b[:end], emit); err != nil {
				return err
			}
			b = b[end:]
			continue
		}
		if k := bytes.IndexByte(b, '\n'); k > lines.Max || k < 0 && len(b) > lines.Max {
			l.startLong()
			continue
		}
		l.pend = append(l.pend, b...)
		return nil
	}
	return nil
}

// close ends the stream: the line not yet ended, if any, is the last.
func (l *lineStream) close(emit func([]byte) error) error {
	if l.inLong {
		err := l.stages(nil, true, emit)
		l.inLong = false
		l.long.Reset()
		return err
	}
	if len(l.pend) > 0 {
		err := l.scan(l.pend, emit)
		l.pend = l.pend[:0]
		return err
	}
	return nil
}

func (l *lineStream) reset() {
	l.pend, l.longIn, l.inLong = l.pend[:0], l.longIn[:0], false
	if l.long != nil {
		l.long.Reset()
	}
}

func (l *lineStream) startLong() {
	l.inLong = true
	if l.long == nil {
		l.long = l.p.stagedTransformer()
		l.buf = make([]byte, 8<<10)
	}
}

// scan gives emit Apply's output for b, whole lines (the last may be the
// text's end without a line feed).
func (l *lineStream) scan(b []byte, emit func([]byte) error) error {
	out := l.p.Apply(unsafe.String(unsafe.SliceData(b), len(b)))
	return emit(unsafe.Slice(unsafe.StringData(out), len(out)))
}

// stages gives the stages the next piece of a long line, eof when it ends
// the line (or the text), and emit their output; what they cannot take yet
// (a character cut in two, spaces whose line has not ended) is kept for
// the next piece.
func (l *lineStream) stages(piece []byte, eof bool, emit func([]byte) error) error {
	in := piece
	if len(l.longIn) > 0 {
		l.longIn = append(l.longIn, piece...)
		in = l.longIn
	}
	for {
		nDst, nSrc, err := l.long.Transform(l.buf, in, eof)
		if nDst > 0 {
			if err := emit(l.buf[:nDst]); err != nil {
				return err
			}
		}
		in = in[nSrc:]
		switch {
		case err == transform.ErrShortDst && (nDst > 0 || nSrc > 0):
			continue
		case err == transform.ErrShortSrc && !eof:
			l.longIn = append(l.longIn[:0], in...)
			return nil
		case err != nil:
			return err
		case len(in) == 0:
			l.longIn = l.longIn[:0]
			return nil
		}
	}
}

// transformPiece is how much of its input a streamTransformer gives the
// line stream at a time.
const transformPiece = 16 << 10

// streamTransformer is a profile's Transformer on Apply's path.
type streamTransformer struct {
	l    lineStream
	out  []byte // output that did not fit in dst, from out[at:]
	at   int
	dst  []byte // the dst of the call under way, filled to n
	n    int
	emit func([]byte) error
}

func newStreamTransformer(p Profile) *streamTransformer {
	t := &streamTransformer{l: lineStream{p: p}}
	t.emit = t.put
	return t
}

// put copies b into dst, and what does not fit into out.
func (t *streamTransformer) put(b []byte) error {
	if len(t.out) == 0 {
		n := copy(t.dst[t.n:], b)
		t.n += n
		b = b[n:]
	}
	t.out = append(t.out, b...)
	return nil
}

func (t *streamTransformer) Reset() {
	t.l.reset()
	t.out, t.at = t.out[:0], 0
}

func (t *streamTransformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if t.at < len(t.out) {
		nDst = copy(dst, t.out[t.at:])
		t.at += nDst
		if t.at < len(t.out) {
			return nDst, 0, transform.ErrShortDst
		}
		t.out, t.at = t.out[:0], 0
	}
	t.dst, t.n = dst, nDst
	defer func() { t.dst = nil }()
	// src a piece at a time, until dst is full: what does not fit waits
	// in out, which stays small. Inside a long line, once the stages hold
	// its start, they write into dst themselves.
	for nSrc < len(src) && len(t.out) == 0 {
		if t.l.inLong && len(t.l.longIn) == 0 {
			in, end := src[nSrc:], false
			if k := bytes.IndexByte(in, '\n'); k >= 0 {
				in, end = in[:k+1], true
			}
			nd, ns, err := t.l.long.Transform(dst[t.n:], in, end || atEOF && nSrc+len(in) == len(src))
			t.n += nd
			nSrc += ns
			if err != nil {
				return t.n, nSrc, err
			}
			if end && ns == len(in) {
				t.l.inLong = false
				t.l.long.Reset()
			}
			continue
		}
		piece := src[nSrc:min(len(src), nSrc+transformPiece)]
		if err := t.l.write(piece, t.emit); err != nil {
			return t.n, nSrc, err
		}
		nSrc += len(piece)
	}
	if nSrc < len(src) {
		return t.n, nSrc, transform.ErrShortDst
	}
	if atEOF {
		if t.l.inLong && len(t.l.longIn) == 0 {
			nd, _, err := t.l.long.Transform(dst[t.n:], nil, true)
			t.n += nd
			if err != nil {
				return t.n, nSrc, err
			}
			t.l.inLong = false
			t.l.long.Reset()
		}
		if err := t.l.close(t.emit); err != nil {
			return t.n, nSrc, err
		}
	}
	if len(t.out) > 0 {
		return t.n, nSrc, transform.ErrShortDst
	}
	return t.n, nSrc, nil
}

// streamWriter is a profile's NewWriter on Apply's path: it writes Apply's
// output for each run of complete lines it is given straight to w.
type streamWriter struct {
	l    lineStream
	w    io.Writer
	emit func([]byte) error
}

func newStreamWriter(p Profile, w io.Writer) *streamWriter {
	sw := &streamWriter{l: lineStream{p: p}, w: w}
	sw.emit = sw.put
	return sw
}

func (w *streamWriter) put(b []byte) error {
	_, err := w.w.Write(b)
	return err
}

func (w *streamWriter) Write(b []byte) (int, error) {
	if err := w.l.write(b, w.emit); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Close writes the end of the text; it does not close the writer below.
func (w *streamWriter) Close() error { return w.l.close(w.emit) }
