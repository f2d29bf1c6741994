package diag

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestOneNumbering checks that Lines, PosOf and a Counter fed a byte at a
// time agree on every offset of texts with every kind of line end.
func TestOneNumbering(t *testing.T) {
	texts := []string{
		"", "a", "a\n", "a\r", "a\r\n", "\r\n\r\n", "\r\r\n\n", "a\rb\r\xff",
		"one\ntwo\r\nthree\rfour", "\n\n", "x\r\ry", "سلام\r\nدنیا",
	}
	for _, text := range texts {
		l := NewLines(text)
		lb := NewLinesBytes([]byte(text))
		var c Counter
		for off := 0; off <= len(text); off++ {
			want := l.Pos(off)
			if got := lb.Pos(off); got != want {
				t.Errorf("%q: NewLinesBytes.Pos(%d) = %v, want %v", text, off, got, want)
			}
			if got := PosOf(text, off); got != want {
				t.Errorf("%q: PosOf(%d) = %+v, want %+v", text, off, got, want)
			}
			if got := PosOf([]byte(text), off); got != want {
				t.Errorf("%q: PosOf(bytes, %d) = %+v, want %+v", text, off, got, want)
			}
			// The counter has seen text[:off]; its Pos is the next byte's
			// once a CR before it is settled by a byte that is not LF.
			cc := c
			if off == len(text) || text[off] != '\n' {
				cc.End()
			}
			if got := cc.Pos(); got != want {
				t.Errorf("%q: Counter at %d = %+v, want %+v", text, off, got, want)
			}
			if off < len(text) {
				c.WriteString(text[off : off+1])
			}
		}
	}
}

func TestPos(t *testing.T) {
	for _, c := range []struct {
		text      string
		off       int
		line, col int
	}{
		{"a\rb\r\xff", 4, 3, 1}, // the CR before the bad byte ends line 2
		{"a\r\nb", 2, 1, 3},     // the LF of CR LF is on the CR's line
		{"a\r\nb", 3, 2, 1},
		{"ab", 5, 1, 6}, // past the end: the line goes on
		{"a\n", 2, 2, 1},
	} {
		if p := PosOf(c.text, c.off); p.Line != c.line || p.Col != c.col {
			t.Errorf("PosOf(%q, %d) = %v, want %d:%d", c.text, c.off, p, c.line, c.col)
		}
	}
	if got := LineBreaks("a\r\nb\rc\n\r"); got != 4 {
		t.Errorf("LineBreaks = %d, want 4", got)
	}
	l := NewLines("one\r\ntwo\rthree\n")
	if n := l.Count(); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
	if s, e := l.SpanOf("one\r\ntwo\rthree\n", 2); s != 5 || e != 8 {
		t.Errorf("SpanOf(2) = %d, %d; want 5, 8", s, e)
	}
}

func TestErrors(t *testing.T) {
	err := fmt.Errorf("reading: %w", &Error{File: "a.txt", Pos: Pos{Line: 3, Col: 1}, Err: errors.New("invalid UTF-8 (byte 0xff)")})
	var e *Error
	if !errors.As(err, &e) || e.Pos.Line != 3 {
		t.Fatalf("errors.As: %v", err)
	}
	if got, want := e.Error(), "a.txt:3:1: invalid UTF-8 (byte 0xff)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := (&Error{File: "b", Err: errors.New("is a directory")}).Error(), "b: is a directory"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	u := &UnknownError{Kind: "profile", Name: "xx", Known: []string{"none", "default"}}
	if got, want := u.Error(), `unknown profile "xx" (known: none, default)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// FuzzCounter checks a Counter fed text in two pieces, cut anywhere,
// against one fed a byte at a time: the same line starts (OnLine) and the
// same place at the end.
func FuzzCounter(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\r", "\r\r\n\n\rx", "one\ntwo\r\nthree\rfour\n", "سلام\r\nدنیا\r"} {
		f.Add(s, uint(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint) {
		c := int(cut % uint(len(s)+1))
		var want, got []int64
		ref := Counter{OnLine: func(start int64) { want = append(want, start) }}
		for i := range len(s) {
			ref.WriteString(s[i : i+1])
		}
		ref.End()
		two := Counter{OnLine: func(start int64) { got = append(got, start) }}
		two.WriteString(s[:c])
		two.Write([]byte(s[c:]))
		two.End()
		if fmt.Sprint(got) != fmt.Sprint(want) || two.Pos() != ref.Pos() {
			t.Fatalf("%q cut at %d: line starts %v, end %+v; a byte at a time: %v, %+v", s, c, got, two.Pos(), want, ref.Pos())
		}
		if n := LineBreaks(s); n != len(want) {
			t.Fatalf("%q: LineBreaks %d, want %d", s, n, len(want))
		}
	})
}

// TestCounterPieces checks that a Counter places every offset of texts of
// CRs, LFs and letters given in pieces of every size as it does given them
// whole, with OnLine set (each line end found one by one) and without
// (the LFs of a piece with no CR counted at once).
func TestCounterPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 2000; n++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = "ab\n\n\r"[rng.IntN(5)]
		}
		var whole Counter
		whole.OnLine = func(int64) {}
		whole.Write(b)
		for size := 1; size <= len(b); size++ {
			var c Counter
			for i := 0; i < len(b); i += size {
				c.Write(b[i:min(i+size, len(b))])
			}
			if c.Pos() != whole.Pos() {
				t.Fatalf("%q in pieces of %d: %+v, want %+v", b, size, c.Pos(), whole.Pos())
			}
		}
	}
}
