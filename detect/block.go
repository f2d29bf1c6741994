package detect

import (
	"errors"
	"io"
	"iter"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// A document is segmented a block at a time, so that memory follows the
// block, not the document. The blocks are found in the text itself, never
// in how it was read: Blocks of a whole text and ReadBlocks of a reader of
// it give the same blocks, whatever the reader's buffer, and so the same
// segments.
//
// A block is at least BlockSize bytes (the last one may be shorter) and
// ends after the first line break past that, so that segments, which
// never cross a line break, never cross a block either. A line longer
// than MaxBlock - BlockSize bytes past a block's start is cut instead, at
// the last space or tab before MaxBlock bytes (one that no combining mark
// follows), else at the last grapheme cluster boundary before it, else
// (in a cluster over a kilobyte long) between two code points: a segment
// is never longer than MaxBlock bytes.
const (
	BlockSize = 1 << 20
	MaxBlock  = 2 * BlockSize
)

// blockLookahead is how many bytes past MaxBlock the end of a block may
// depend on: the rune after a space, the LF after a CR.
const blockLookahead = utf8.UTFMax + 1

// A Block is a piece of a document that is segmented as a whole.
type Block struct {
	Text  string // the block's text
	Start int    // its offset in the document
	// Last is set on the document's last block.
	Last bool
	// MidLine is set when the block starts inside a line, the one before
	// having been cut (see MaxBlock).
	MidLine bool
}

// End returns the offset in the document after the block.
func (b Block) End() int { return b.Start + len(b.Text) }

// Blocks returns the blocks of text, in order.
func Blocks(text string) iter.Seq[Block] { return blocks(text, BlockSize, MaxBlock) }

// blocks is Blocks with blocks of size and most bytes, which tests make
// small.
func blocks(text string, size, most int) iter.Seq[Block] {
	return func(yield func(Block) bool) {
		mid := false
		for start := 0; start < len(text); {
			n, cut := blockLen(text[start:], true, size, most)
			b := Block{Text: text[start : start+n], Start: start, Last: start+n == len(text), MidLine: mid}
			if !yield(b) {
				return
			}
			start, mid = start+n, cut
		}
	}
}

// ReadBlocks returns the blocks of the document r reads, in order, the
// same as Blocks of the whole of it; it holds at most MaxBlock bytes and
// a few more at a time. A read error ends the sequence, with the error
// and the block it cut short, if it did, not yielded.
func ReadBlocks(r io.Reader) iter.Seq2[Block, error] {
	return readBlocks(r, BlockSize, MaxBlock)
}

// readBlocks is ReadBlocks with blocks of size and most bytes, which
// tests make small. Its buffer grows as the input does, so that a short
// input costs what it holds, not a block's worth.
func readBlocks(r io.Reader, size, most int) iter.Seq2[Block, error] {
	return func(yield func(Block, error) bool) {
		want := most + blockLookahead
		var buf []byte
		atEOF := false
		start, mid := 0, false
		for {
			for len(buf) < want && !atEOF {
				if len(buf) == cap(buf) {
					buf = slices.Grow(buf, min(max(2*cap(buf), 4<<10), want)-len(buf))
				}
				n, err := r.Read(buf[len(buf):cap(buf)])
				buf = buf[:len(buf)+n]
				switch {
				case errors.Is(err, io.EOF):
					atEOF = true
				case err != nil:
					yield(Block{}, err)
					return
				}
			}
			if len(buf) == 0 {
				return
			}
			n, cut := blockLen(string(buf), atEOF, size, most)
			b := Block{Text: string(buf[:n]), Start: start, MidLine: mid, Last: atEOF && n == len(buf)}
			buf = buf[:copy(buf, buf[n:])]
			if !b.Last && atEOF && len(buf) == 0 {
				b.Last = true
			}
			if !b.Last && !atEOF {
				// Whether any text follows: a read, at most.
				for len(buf) == 0 && !atEOF {
					n, err := r.Read(buf[:cap(buf)])
					buf = buf[:n]
					switch {
					case errors.Is(err, io.EOF):
						atEOF = true
					case err != nil:
						if !yield(b, nil) {
							return
						}
						yield(Block{}, err)
						return
					}
				}
				b.Last = len(buf) == 0 && atEOF
			}
			if !yield(b, nil) || b.Last {
				return
			}
			start, mid = start+n, cut
		}
	}
}

// blockLen returns the length of the block at the start of text, of at
// least size bytes and at most most, and whether it cuts a line. Unless
// atEOF, text holds at least most + blockLookahead bytes, and what follows
// them does not matter.
func blockLen(text string, atEOF bool, size, most int) (n int, cut bool) {
	if len(text) <= size && atEOF {
		return len(text), false
	}
	limit := min(len(text), most)
	for i := size; i < limit; i++ {
		switch text[i] {
		case '\n':
			return i + 1, false
		case '\r':
			if i+1 == len(text) || text[i+1] != '\n' {
				return i + 1, false
			}
		}
	}
	if len(text) <= most && atEOF {
		return len(text), false
	}
	return cutLine(text, size, most), true
}

// cutLine returns where to cut a line that runs on past text[hi]: after
// the last space or tab of text[lo:hi] that no combining mark follows,
// else at the last grapheme cluster boundary before hi, else at the last
// code point boundary before hi.
func cutLine(text string, lo, hi int) int {
	if i := cutAtSpace(text, lo, hi); i >= 0 {
		return i + 1
	}
	// The clusters of text[from:hi], from a code point boundary a
	// kilobyte back: a cluster that began before from is seen in part,
	// so its first boundary is not trusted.
	from := runeStart(text, max(lo, hi-1024))
	last := -1
	for i, state, first := from, -1, true; i < hi; first = false {
		c, _, _, st := uniseg.FirstGraphemeClusterInString(text[i:], state)
		if i+len(c) > hi {
			break
		}
		i, state = i+len(c), st
		if !first {
			last = i
		}
	}
	if last > lo && last <= hi {
		return last
	}
	return runeStart(text, hi)
}

// cutAtSpace returns the offset of the last space or tab of text[lo:hi]
// that no combining mark (or ZWJ, ZWNJ) follows, or -1.
func cutAtSpace(text string, lo, hi int) int {
	for i := hi - 1; i >= lo; i-- {
		if c := text[i]; c == ' ' || c == '\t' {
			if r, _ := utf8.DecodeRuneInString(text[i+1:]); !unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) && r != '\u200d' && r != '\u200c' {
				return i
			}
		}
	}
	return -1
}

// runeStart returns i moved back to the start of the code point that
// holds it (at most three bytes back: invalid bytes are one each).
func runeStart(text string, i int) int {
	for k := 0; k < utf8.UTFMax-1 && i > 0 && !utf8.RuneStart(text[i]); k++ {
		i--
	}
	return i
}
