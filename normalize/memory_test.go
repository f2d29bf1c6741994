package normalize

import (
	"bytes"
	"crypto/sha256"
	"hash"
	"io"
	"runtime"
	"strings"
	"testing"
)

// bigInput generates, without holding it, a text of about size bytes: one
// very long line of Persian text (with the noise the fa profile cleans),
// a line of 1 MB of spaces (a quarter of the input if that is less), and
// another very long line.
type bigInput struct {
	size, pos int
	spaces    [2]int // where the line of spaces starts and ends
	pattern   string
}

func newBigInput(size int) *bigInput {
	mid := size / 2
	return &bigInput{
		size:    size,
		spaces:  [2]int{mid, mid + min(1<<20, size/4)},
		pattern: "اين كتاب\u00A0\u00A0مال علي است,  قيمتش ١٢٠ هزار تومان است و می\u200C\u200Cخواهم آن را بخـــرم ",
	}
}

func (b *bigInput) Read(p []byte) (int, error) {
	if b.pos >= b.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && b.pos < b.size {
		var k int
		switch {
		case b.pos == b.spaces[0]-1 || b.pos == b.spaces[1]:
			p[n], k = '\n', 1
		case b.pos >= b.spaces[0] && b.pos < b.spaces[1]:
			k = min(len(p)-n, b.spaces[1]-b.pos)
			for i := range k {
				p[n+i] = ' '
			}
		default:
			end := b.size
			if b.pos < b.spaces[0]-1 {
				end = b.spaces[0] - 1
			}
			k = copy(p[n:min(len(p), n+end-b.pos)], b.pattern[b.pos%len(b.pattern):])
		}
		n += k
		b.pos += k
	}
	return n, nil
}

func (b *bigInput) String() string {
	var sb strings.Builder
	sb.Grow(b.size)
	io.Copy(&sb, newBigInput(b.size))
	return sb.String()
}

// heapWatcher is a writer that hashes what it is given and samples the
// heap in use every few megabytes.
type heapWatcher struct {
	h        hash.Hash
	n, next  int
	maxHeap  uint64
	nSamples int
}

func newHeapWatcher() *heapWatcher { return &heapWatcher{h: sha256.New()} }

func (w *heapWatcher) Write(p []byte) (int, error) {
	w.h.Write(p)
	w.n += len(p)
	if w.n >= w.next {
		w.next = w.n + 2<<20
		w.sample()
	}
	return len(p), nil
}

func (w *heapWatcher) sample() {
	runtime.GC() // count what is live, not garbage yet to be collected
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	w.maxHeap = max(w.maxHeap, ms.HeapInuse)
	w.nSamples++
}

// TestStreamingMemory streams 20 MB (2 MB with -short, 1 MB with -race) through
// NewReader and NewWriter and checks that the live heap stays far smaller
// than the input, and that the result is String's.
func TestStreamingMemory(t *testing.T) {
	size := 20 << 20
	switch {
	case raceEnabled:
		size = 1 << 20
	case testing.Short():
		size = 2 << 20
	}
	const (
		heapLimit  = 1 << 20 // live heap growth allowed; the input is 1, 2 or 20 MB
		allocLimit = 6 << 20 // allocation allowed, garbage included
	)
	for _, p := range []Profile{Persian, Search} {
		var want []byte // the hash of String's result
		for _, how := range []string{"NewReader", "NewWriter"} {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)

			w := newHeapWatcher()
			var err error
			switch how {
			case "NewReader":
				_, err = io.CopyBuffer(w, p.NewReader(newBigInput(size)), make([]byte, 32<<10))
			case "NewWriter":
				nw := p.NewWriter(w)
				_, err = io.CopyBuffer(nw, newBigInput(size), make([]byte, 32<<10))
				if err == nil {
					err = nw.Close()
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			w.sample()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			grown := int64(w.maxHeap) - int64(before.HeapInuse)
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s %s: %d MB in, %d MB out, heap grew by at most %d KB, %d KB allocated (%d samples)",
				p.Name(), how, size>>20, w.n>>20, grown>>10, allocated>>10, w.nSamples)
			if grown > heapLimit {
				t.Errorf("%s %s: heap in use grew by %d bytes for %d bytes of input", p.Name(), how, grown, size)
			}
			if allocated > allocLimit {
				t.Errorf("%s %s: allocated %d bytes for %d bytes of input", p.Name(), how, allocated, size)
			}

			if want == nil {
				out := p.Apply(newBigInput(size).String())
				checkBigOutput(t, p, out)
				sum := sha256.Sum256([]byte(out))
				want = sum[:]
			}
			if !bytes.Equal(w.h.Sum(nil), want) {
				t.Errorf("%s %s: streamed result (%d bytes) differs from String's", p.Name(), how, w.n)
			}
		}
	}
}

// checkBigOutput checks the shape of the normalized big input: three
// lines, the middle one of spaces only, the others cleaned.
func checkBigOutput(t *testing.T, p Profile, out string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != 3 {
		t.Errorf("%s: %d lines, want 3", p.Name(), len(lines))
		return
	}
	if strings.Trim(lines[1], " ") != "" {
		t.Errorf("%s: the line of spaces holds %q", p.Name(), strings.Trim(lines[1], " ")[:20])
	}
	for _, bad := range []string{"  ", "\u00A0", "\u0640", "\u200C\u200C", "ك", "ي", "١"} {
		if strings.Contains(lines[0], bad) || strings.Contains(lines[2], bad) {
			t.Errorf("%s: output still has %+q", p.Name(), bad)
		}
	}
}
