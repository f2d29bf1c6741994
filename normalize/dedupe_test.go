package normalize_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/textnorm/textnorm/normalize"
)

func dedupe(t *testing.T, in string, chunk int) (string, int) {
	t.Helper()
	var b bytes.Buffer
	d := normalize.NewDeduper(&b)
	for len(in) > 0 {
		n := min(chunk, len(in))
		if _, err := io.WriteString(d, in[:n]); err != nil {
			t.Fatal(err)
		}
		in = in[n:]
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String(), d.Dropped()
}

func TestDeduper(t *testing.T) {
	tests := []struct {
		in, want string
		dropped  int
	}{
		{"", "", 0},
		{"A\n\nB\n\nA\n\nC\n", "A\n\nB\n\nC\n", 1},
		{"A\nA2\n\nB\n\nA\nA2\n", "A\nA2\n\nB\n", 1},
		{"A\n\nA", "A\n", 1},                           // unended last line
		{"A\r\n\r\nA\n", "A\r\n", 1},                   // CR LF or LF
		{"\n\nA\n\nB\n\n\nA\n\n", "\n\nA\n\nB\n\n", 1}, // blank lines kept, but those before a drop
		{"A\nB\n\nA\n\nB\n", "A\nB\n\nA\n\nB\n", 0},    // a paragraph is its lines together
		{"x\n \t\nx\n", "x\n", 1},                      // a blank line may hold spaces and tabs
		{"A\n\nA\n\nA\n\nA\n", "A\n", 3},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 2, 3, 1 << 20} {
			got, n := dedupe(t, tt.in, chunk)
			if got != tt.want || n != tt.dropped {
				t.Errorf("%q (chunks of %d): got %q, %d dropped; want %q, %d", tt.in, chunk, got, n, tt.want, tt.dropped)
			}
		}
	}
}

// A paragraph longer than MaxParagraph is written as it comes, never
// dropped, and what follows it is deduplicated as before.
func TestDeduperLong(t *testing.T) {
	long := strings.Repeat("word ", normalize.MaxParagraph/4) + "\n"
	in := "A\n\n" + long + "\n" + long + "\nA\n\nB\n"
	want := "A\n\n" + long + "\n" + long + "\nB\n"
	for _, chunk := range []int{4096, 1 << 22} {
		got, n := dedupe(t, in, chunk)
		if got != want || n != 1 {
			t.Errorf("chunks of %d: %d bytes out, %d dropped; want %d bytes, 1", chunk, len(got), n, len(want))
		}
	}
}

// A scraped page that carries its article twice, after normalization.
func ExampleDeduper() {
	page := "Headline\r\n\r\nFirst\u00a0paragraph.\r\n\r\nHeadline\r\n\r\nFirst paragraph. \r\n\r\nShare\r\n"
	d := normalize.NewDeduper(os.Stdout)
	w := normalize.Default.NewWriter(d)
	io.WriteString(w, page)
	w.Close()
	d.Close()
	fmt.Println("dropped:", d.Dropped())
	// Output:
	// Headline
	//
	// First paragraph.
	//
	// Share
	// dropped: 2
}
