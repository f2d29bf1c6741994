package main

import (
	"bufio"
	"fmt"
	"io"
	"unicode/utf8"
)

// Invalid UTF-8 policies (--invalid).
const (
	invalidError   = "error"   // stop with FILE:LINE:COL and exit 2
	invalidReplace = "replace" // substitute U+FFFD for each invalid byte
	invalidKeep    = "keep"    // pass the bytes through unchanged
)

func checkInvalidPolicy(p string) error {
	switch p {
	case invalidError, invalidReplace, invalidKeep:
		return nil
	}
	return usageError("--invalid: want error, replace or keep, not %q", p)
}

// utf8Reader checks the UTF-8 of what it reads, keeping track of the line
// and column (in bytes, counted from 1) so that a bad byte is reported as
// FILE:LINE:COL.
type utf8Reader struct {
	r      *bufio.Reader
	name   string
	policy string
	line   int
	col    int // column of the next byte
	err    error
}

func newUTF8Reader(r io.Reader, name, policy string) *utf8Reader {
	return &utf8Reader{r: bufio.NewReaderSize(r, 64<<10), name: name, policy: policy, line: 1, col: 1}
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	if u.err != nil {
		return 0, u.err
	}
	n := 0
	for n+utf8.UTFMax <= len(p) {
		b, err := u.r.ReadByte()
		if err != nil {
			u.err = err
			break
		}
		if b < utf8.RuneSelf {
			p[n] = b
			n++
			u.advance(b)
			continue
		}
		u.r.UnreadByte()
		r, size, _ := u.r.ReadRune()
		if r == utf8.RuneError && size == 1 {
			switch u.policy {
			case invalidError:
				u.err = fmt.Errorf("%s:%d:%d: invalid UTF-8 (byte %#02x); use --invalid=replace or --invalid=keep to go on", u.name, u.line, u.col, u.lastByte())
				u.err = &exitError{code: exitUsage, err: u.err}
				if n > 0 {
					return n, nil
				}
				return 0, u.err
			case invalidReplace:
				n += utf8.EncodeRune(p[n:], utf8.RuneError)
			default:
				p[n] = u.lastByte()
				n++
			}
			u.col++
			continue
		}
		n += utf8.EncodeRune(p[n:], r)
		u.col += size
	}
	if n == 0 && u.err != nil {
		return 0, u.err
	}
	return n, nil
}

// lastByte returns the byte ReadRune just consumed as invalid.
func (u *utf8Reader) lastByte() byte {
	u.r.UnreadRune()
	b, _ := u.r.ReadByte()
	return b
}

func (u *utf8Reader) advance(b byte) {
	if b == '\n' {
		u.line++
		u.col = 1
	} else {
		u.col++
	}
}
