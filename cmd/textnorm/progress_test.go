package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/textnorm/textnorm/detect"
)

// The bar: bytes done of the total, rate and time left; without a total
// (standard input), bytes and rate.
func TestProgressLine(t *testing.T) {
	p := newProgress(nil, 200e6)
	got := p.line(50e6, 2*time.Second)
	want := "textnorm: [=======                       ]  25%  50.0 MB / 200.0 MB  25.0 MB/s  0:06 left"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	p = newProgress(nil, 0)
	if got, want := p.line(3e9, 100*time.Second), "textnorm: 3.0 GB  30.0 MB/s"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := clock(3725 * time.Second); got != "1:02:05" {
		t.Errorf("clock = %q", got)
	}
}

// Messages clear the bar first; finish clears it; a short run draws nothing.
func TestProgressDraw(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, 100)
	p.run()
	p.finish()
	if b.Len() != 0 {
		t.Errorf("a short run drew %q", b.String())
	}
	p = newProgress(&b, 100)
	p.done.Store(40)
	p.start = time.Now().Add(-time.Second)
	p.draw()
	p.Writer().Write([]byte("textnorm: a message\n"))
	if s := b.String(); !strings.HasPrefix(s, "\rtextnorm: [") || !strings.HasSuffix(s, "\r\x1b[Ktextnorm: a message\n") {
		t.Errorf("drawn %q", s)
	}
}

// TestProgressCountsDecompressed checks what the bar counts for a .gz
// input: the decompressed bytes read, against the decompressed size its
// trailer records, so that the two are in the same unit.
func TestProgressCountsDecompressed(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("The talks resumed today after a long pause.\n", 5000)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(text))
	zw.Close()
	gz := filepath.Join(dir, "a.txt.gz")
	plain := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(gz, z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{gz, plain} {
		if size, ok := inputSize(name); !ok || size != int64(len(text)) {
			t.Errorf("inputSize(%s) = %d, %v; want %d", filepath.Base(name), size, ok, len(text))
		}
		var counted atomic.Int64
		src, err := openSource(&env{}, input{name: name}, inputOptions{}, &counted)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, src.text)
		src.Close()
		if counted.Load() != int64(len(text)) {
			t.Errorf("%s: %d bytes counted, want %d", filepath.Base(name), counted.Load(), len(text))
		}
	}
	if _, ok := inputSize(filepath.Join(dir, "missing.gz")); ok {
		t.Error("inputSize of a missing file: ok")
	}
}

// TestProgressFollowsWork checks that the bytes the bar counts for tag and
// detect are the bytes worked on, give or take what they read ahead: when
// the first block of a 12 MB input is given out, a block and the readers'
// buffers have been read, not the input.
func TestProgressFollowsWork(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	line := strings.Repeat("The talks resumed today after a long pause. ", 20) + "\n"
	if err := os.WriteFile(path, []byte(strings.Repeat(line, 12<<20/len(line))), 0o644); err != nil {
		t.Fatal(err)
	}
	var counted atomic.Int64
	src, err := openSource(&env{}, input{name: path}, inputOptions{}, &counted)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for b, err := range detect.ReadBlocks(src.text) {
		if err != nil {
			t.Fatal(err)
		}
		if n := counted.Load(); n > int64(b.End())+detect.MaxBlock+256<<10 {
			t.Errorf("block at %d, %d bytes long: %d bytes counted", b.Start, len(b.Text), n)
		}
	}
}
