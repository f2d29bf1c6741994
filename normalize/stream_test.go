package normalize

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/internal/lines"
)

// TestStreamLongLines checks the streams of the profiles on Apply's path
// on lines about lines.Max long, where a line moves from the fused scan to
// the stages: a line of at most lines.Max bytes (without its line feed)
// comes out as Apply makes it, a longer one as the stages do, and the
// streams agree with each other however the text is cut.
func TestStreamLongLines(t *testing.T) {
	if raceEnabled {
		t.Skip("megabytes of text a profile: slow with the race detector")
	}
	unit := "كتاب  ي\u0640ك ١٢ word\u00A0x " // cleaned by fa and default
	line := func(n int) string {
		s := strings.Repeat(unit, n/len(unit)+1)[:n]
		for !strings.HasSuffix(s, " ") && len(s) > 0 && s[len(s)-1] >= 0x80 {
			s = s[:len(s)-1] // no character cut in two
		}
		return strings.TrimRight(s, "\xd9\xd8\xdb\xda")
	}
	var parts []string
	for _, n := range []int{10, lines.Max - 1, lines.Max, lines.Max + 1, 3 * lines.Max, 20, lines.Max + 7} {
		parts = append(parts, line(n))
	}
	text := strings.Join(parts, "\n") + "\n" + line(lines.Max+100) // the last without a line feed
	for _, p := range []Profile{Persian, None, Default} {
		if !p.streamsLines() {
			t.Fatalf("%s: not on Apply's path", p.Name())
		}
		var want strings.Builder
		for i, l := range strings.SplitAfter(text, "\n") {
			body := strings.TrimSuffix(l, "\n")
			if len(body) <= lines.Max {
				want.WriteString(p.Apply(l))
				continue
			}
			out, _, err := transform.String(p.stagedTransformer(), l)
			if err != nil {
				t.Fatalf("%s: line %d: %v", p.Name(), i+1, err)
			}
			want.WriteString(out)
		}
		for _, chunk := range []int{1 << 20, 32 << 10, 4093, 1} {
			if chunk == 1 && p.rules != 0 {
				continue // a byte at a time through the stages: minutes
			}
			var buf bytes.Buffer
			w := p.NewWriter(&buf)
			for s := text; len(s) > 0; {
				n := min(chunk, len(s))
				if _, err := io.WriteString(w, s[:n]); err != nil {
					t.Fatal(err)
				}
				s = s[n:]
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != want.String() {
				t.Errorf("%s NewWriter, writes of %d: %s", p.Name(), chunk, diff(text, got, want.String()))
			}
		}
		got, err := io.ReadAll(p.NewReader(iotest.HalfReader(strings.NewReader(text))))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("%s NewReader: %s", p.Name(), diff(text, string(got), want.String()))
		}
		out, _, err := transform.String(p.Transformer(), text)
		if err != nil {
			t.Fatal(err)
		}
		if out != want.String() {
			t.Errorf("%s transform.String: %s", p.Name(), diff(text, out, want.String()))
		}
	}
}

// TestStreamWriterAllocs checks that a NewWriter on Apply's path allocates
// nothing per write of clean lines.
func TestStreamWriterAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	text := []byte(strings.Repeat("The talks resume today in Kabul.\n", 100))
	for _, p := range []Profile{None, Default, Persian} {
		w := p.NewWriter(io.Discard)
		w.Write(text) // the tables, built once
		if n := testing.AllocsPerRun(100, func() { w.Write(text) }); n != 0 {
			t.Errorf("%s: %.1f allocations per write of clean lines, want 0", p.Name(), n)
		}
	}
}
