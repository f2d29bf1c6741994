package textnorm

import (
	"unicode/utf8"

	"github.com/textnorm/textnorm/normalize"
)

// InputOffsets returns a function that maps a byte offset of text, decoded
// from e, to the offset of the same place in the input as it was: skip
// bytes (a byte-order mark) and the bytes e encodes text[:off] in. It is
// for JSONLine.Input, so that tag's byte offsets index the input as given.
// Offsets asked for in order cost the text between them; a character e
// cannot encode (U+FFFD for a byte that was not e's) counts one byte. nil
// for UTF-8 without a mark.
func InputOffsets(text string, e normalize.Encoding, skip int) func(off int) int {
	if e.IsUTF8() && skip == 0 {
		return nil
	}
	enc := e.Encoder()
	d, n := 0, skip // text[:d] is n bytes of input
	var buf [16]byte
	return func(off int) int {
		off = min(max(off, 0), len(text))
		if off < d {
			d, n = 0, skip
		}
		if enc == nil {
			n += off - d
			d = off
			return n
		}
		for d < off {
			_, size := utf8.DecodeRuneInString(text[d:off])
			enc.Reset()
			m, _, err := enc.Transform(buf[:], []byte(text[d:d+size]), true)
			if err != nil || m == 0 {
				m = 1
			}
			n += m
			d += size
		}
		return n
	}
}
