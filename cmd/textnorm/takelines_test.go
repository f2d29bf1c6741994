package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"syscall"
	"testing"

	"github.com/textnorm/textnorm/normalize"
)

// aReader gives its parts one Read each: strings as bytes, errors as
// errors, once, as a terminal or a pipe may (bytes after an EOF or a failed
// read).
type aReader struct{ parts []any }

func (r *aReader) Read(p []byte) (int, error) {
	if len(r.parts) == 0 {
		return 0, io.EOF
	}
	part := r.parts[0]
	r.parts = r.parts[1:]
	switch v := part.(type) {
	case string:
		return copy(p, v), nil
	case error:
		return 0, v
	}
	return 0, nil
}

// TestTakeLinesStops checks that the fast path of whole lines leaves the
// input where the byte-by-byte path would have stopped: at a read error or
// an EOF given once (and not on to bytes after it), and at once at a bad
// byte or a NUL in a line not yet ended.
func TestTakeLinesStops(t *testing.T) {
	for _, tc := range []struct {
		name    string
		parts   []any
		want    string
		wantErr bool
	}{
		{"read error", []any{"a\nc", syscall.EIO, "b\n"}, "a\nc", true},
		{"EOF once", []any{"a\nc", io.EOF, "late\n"}, "a\nc", false},
		{"bad byte in a partial line", []any{"a\nx\xff", "rest\n"}, "a\nx", true},
		{"NUL in a partial line", []any{"a\nx\x00", "rest\n"}, "a\nx", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := &aReader{parts: tc.parts}
			u := newTextReader(bufio.NewReaderSize(&stickyReader{r: src}, 64<<10), "x", normalize.InvalidError, false)
			var out bytes.Buffer
			if err := u.takeLines(func(b []byte) (bool, error) { out.Write(b); return true, nil }); err != nil {
				t.Fatal(err)
			}
			if len(src.parts) != 1 {
				t.Errorf("the fast path read on: %d parts left, want 1", len(src.parts))
			}
			_, err := io.Copy(&out, u)
			if got := out.String(); got != tc.want || (err != nil) != tc.wantErr {
				t.Errorf("%q, %v; want %q, error %v", got, err, tc.want, tc.wantErr)
			}
			if tc.parts[1] == syscall.EIO && !errors.Is(err, syscall.EIO) {
				t.Errorf("error %v, want EIO", err)
			}
		})
	}
}
