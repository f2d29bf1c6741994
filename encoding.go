package textnorm

import (
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/normalize"
)

// An InputMap maps byte offsets of text decoded from an input to the
// offsets of the same places in the input as it was, for JSONLine.Input,
// so that tag's byte offsets index the input as given: skip bytes (a
// byte-order mark), the bytes an encoding encodes the text in, and the
// invalid bytes that --invalid=replace wrote as U+FFFD, one byte each.
// The text is given a block at a time (see detect.Block), and offsets are
// asked for in order: each costs the text between it and the one before.
type InputMap struct {
	enc  transform.Transformer // nil for UTF-8
	b    detect.Block          // the block offsets are asked in
	d, n int                   // text[:d] is n bytes of input
	// repl holds the offsets in the text of the U+FFFDs that stand for
	// one invalid byte each (UTF-8 only), in order, from d on.
	repl []int
}

// NewInputMap returns the map of text decoded from e (UTF-8 with no
// other step if e is its zero value) after skip bytes of input.
func NewInputMap(e normalize.Encoding, skip int) *InputMap {
	return &InputMap{enc: e.Encoder(), n: skip}
}

// Replaced records that the U+FFFD at offset off of the text stands for
// one invalid byte of a UTF-8 input (normalize.UTF8Transformer's
// OnReplace tells); offsets must come in order. In another encoding, the
// decoder's U+FFFD is one byte already.
func (m *InputMap) Replaced(off int) {
	if m.enc == nil {
		m.repl = append(m.repl, off)
	}
}

// Block tells the block the next offsets are in: the one after the last.
func (m *InputMap) Block(b detect.Block) {
	m.walk(m.b.End()) // the rest of the block before
	m.b = b
}

// Offset returns the input's offset of byte off of the text, which must
// be in the last block given and not before the last offset asked.
func (m *InputMap) Offset(off int) int {
	m.walk(min(max(off, m.d), m.b.End()))
	return m.n
}

// walk moves d to off, in the block.
func (m *InputMap) walk(off int) {
	if m.enc == nil {
		for len(m.repl) > 0 && m.repl[0] < off {
			r := m.repl[0]
			m.repl = m.repl[1:]
			m.n += r - m.d + 1
			m.d = r + len("\uFFFD")
		}
		if off > m.d {
			m.n += off - m.d
			m.d = off
		}
		return
	}
	var buf [16]byte
	for m.d < off {
		_, size := utf8.DecodeRuneInString(m.b.Text[m.d-m.b.Start : off-m.b.Start])
		m.enc.Reset()
		k, _, err := m.enc.Transform(buf[:], []byte(m.b.Text[m.d-m.b.Start:m.d-m.b.Start+size]), true)
		if err != nil || k == 0 {
			k = 1 // a character e cannot encode: U+FFFD for a byte that was not e's
		}
		m.n += k
		m.d += size
	}
}

// InputOffsets returns a function that maps a byte offset of text, decoded
// from e, to the offset of the same place in the input as it was (see
// InputMap), for a whole text at once: offsets may come in any order,
// though in order they cost only the text between them. Replaced are the
// offsets in text, in order, of the U+FFFDs that stand for one invalid
// byte each of a UTF-8 input (--invalid=replace; InputMap.Replaced). nil
// for UTF-8 without a mark or a replacement.
func InputOffsets(text string, e normalize.Encoding, skip int, replaced ...int) func(off int) int {
	if e.IsUTF8() && skip == 0 && len(replaced) == 0 {
		return nil
	}
	var m *InputMap
	last := -1
	return func(off int) int {
		off = min(max(off, 0), len(text))
		if m == nil || off < last {
			m = NewInputMap(e, skip)
			for _, r := range replaced {
				m.Replaced(r)
			}
			m.Block(detect.Block{Text: text, Last: true})
		}
		last = off
		return m.Offset(off)
	}
}
