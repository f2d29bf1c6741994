package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
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
