package normalize

import (
	"crypto/sha256"
	"hash"
	"io"
)

// A Deduper is a writer that passes text through to another writer but
// drops every paragraph that repeats one it has already written: scraped
// pages often carry a whole article twice. A paragraph is a run of lines
// that are not blank, between blank lines (lines of spaces, tabs and a
// carriage return at most); two paragraphs repeat each other when their
// lines are equal byte for byte, whatever ends them (LF, CR LF or the end
// of the text). A dropped paragraph goes with the blank lines before it.
//
// Run it after normalization, so that paragraphs that differ only in what
// normalization removes (no-break spaces, a CR, doubled spaces) compare
// equal: p.NewWriter(normalize.NewDeduper(w)).
//
// Memory is bounded: it remembers a 128-bit hash (SHA-256, truncated) of
// each paragraph written, and holds back one paragraph at a time, up to
// MaxParagraph bytes; a longer paragraph is written as it comes and never
// dropped (its hash is still remembered, for nothing).
type Deduper struct {
	w       io.Writer
	seen    map[[16]byte]struct{}
	blanks  []byte // blank lines before the paragraph
	para    []byte // the paragraph held back, its lines ended
	line    []byte // the line being read, not ended yet
	h       hash.Hash
	through bool // the paragraph is too long: written as it comes
	stream  bool // so is the line being read
	dropped int
	err     error
}

// MaxParagraph is the longest paragraph that a Deduper holds back and may
// drop.
const MaxParagraph = 1 << 20

// NewDeduper returns a Deduper writing to w.
func NewDeduper(w io.Writer) *Deduper {
	return &Deduper{w: w, seen: make(map[[16]byte]struct{}), h: sha256.New()}
}

// Dropped returns how many paragraphs were dropped so far.
func (d *Deduper) Dropped() int { return d.dropped }

// Write implements io.Writer.
func (d *Deduper) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && d.err == nil {
		i := 0
		for i < len(p) && p[i] != '\n' {
			i++
		}
		if i < len(p) {
			d.add(p[:i+1], true)
			p = p[i+1:]
		} else {
			d.add(p, false)
			p = nil
		}
	}
	if d.err != nil {
		return 0, d.err
	}
	return n, nil
}

// Close writes what is held back. It does not close the underlying writer.
func (d *Deduper) Close() error {
	if d.stream {
		d.stream = false
	} else if len(d.line) > 0 {
		d.endLine(d.line)
		d.line = d.line[:0]
	}
	d.finish()
	d.write(d.blanks)
	d.blanks = d.blanks[:0]
	return d.err
}

// add adds b, a line or the part of one; ended says b ends the line.
func (d *Deduper) add(b []byte, ended bool) {
	if d.stream {
		d.hashLine(b)
		d.write(b)
		d.stream = !ended
		return
	}
	d.line = append(d.line, b...)
	if ended {
		d.endLine(d.line)
		d.line = d.line[:0]
		return
	}
	if len(d.para)+len(d.line) > MaxParagraph || d.through && len(d.line) > 64<<10 {
		// Too long to hold: write the paragraph so far, and the rest
		// of it as it comes.
		d.write(d.blanks)
		d.write(d.para)
		d.hashLine(d.line)
		d.write(d.line)
		d.blanks, d.para, d.line = d.blanks[:0], d.para[:0], d.line[:0]
		d.through, d.stream = true, true
	}
}

// endLine takes a whole line.
func (d *Deduper) endLine(l []byte) {
	if isBlank(l) {
		d.finish()
		d.blanks = append(d.blanks, l...)
		if len(d.blanks) > MaxParagraph {
			d.write(d.blanks)
			d.blanks = d.blanks[:0]
		}
		return
	}
	d.hashLine(l)
	if l[len(l)-1] != '\n' {
		d.h.Write([]byte{'\n'}) // the last line, unended
	}
	if d.through {
		d.write(l)
		return
	}
	if len(d.para)+len(l) > MaxParagraph {
		d.write(d.blanks)
		d.write(d.para)
		d.write(l)
		d.blanks, d.para = d.blanks[:0], d.para[:0]
		d.through = true
		return
	}
	d.para = append(d.para, l...)
}

// finish decides the paragraph held back, if any.
func (d *Deduper) finish() {
	if !d.through && len(d.para) == 0 {
		return
	}
	var key [16]byte
	copy(key[:], d.h.Sum(nil))
	d.h.Reset()
	_, seen := d.seen[key]
	switch {
	case d.through:
		d.through = false
	case seen:
		d.dropped++
		d.blanks = d.blanks[:0]
	default:
		d.write(d.blanks)
		d.write(d.para)
		d.blanks = d.blanks[:0]
	}
	d.seen[key] = struct{}{}
	d.para = d.para[:0]
}

// hashLine adds a line to the paragraph's hash, without what ends it.
func (d *Deduper) hashLine(l []byte) {
	if n := len(l); n > 0 && l[n-1] == '\n' {
		l = l[:n-1]
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
		d.h.Write(l)
		d.h.Write([]byte{'\n'})
		return
	}
	d.h.Write(l)
}

func (d *Deduper) write(b []byte) {
	if d.err == nil && len(b) > 0 {
		_, d.err = d.w.Write(b)
	}
}

// isBlank reports whether a line holds only spaces, tabs and what ends it.
func isBlank(l []byte) bool {
	for _, b := range l {
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			return false
		}
	}
	return true
}
