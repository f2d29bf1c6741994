package lines

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// TestLines checks that Into sees whole lines, however the input is read,
// and pieces of at most Max bytes of a longer one, cut after a space.
func TestLines(t *testing.T) {
	long := strings.Repeat("word ", Max/4)
	for _, in := range []string{"", "one\ntwo\r\nthree", "no newline", long + "\n" + long} {
		var got []string
		tr := &Transformer{Into: func(dst, line []byte) []byte {
			got = append(got, string(line))
			return append(dst, line...)
		}}
		out, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), tr))
		if err != nil || string(out) != in {
			t.Fatalf("%.20q: %v, %d bytes out of %d", in, err, len(out), len(in))
		}
		for i, l := range got {
			if len(l) > Max || i < len(got)-1 && !strings.HasSuffix(l, "\n") && !strings.HasSuffix(l, " ") {
				t.Fatalf("%.20q: piece %d of %d bytes ends %q", in, i, len(l), l[max(0, len(l)-5):])
			}
		}
	}
}
