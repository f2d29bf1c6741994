package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textnorm/textnorm/detect"
)

// writeCounter counts the writes made to it, as the write(2) calls that
// standard output would take.
type writeCounter struct {
	writes int
	n      int64
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes++
	w.n += int64(len(p))
	return len(p), nil
}

// TestOutputWrites runs textnorm in-process with a counting standard
// output: whatever the mode, the output is written a buffer at a time, at
// most 16 writes a megabyte (64 KB each) and one more for each input's
// messages, and for tag and detect one more for each block of an input
// (they send a block's output on before they read the next). --dedupe
// wrote each paragraph and the blank line before it apart: 100,000 writes
// here.
func TestOutputWrites(t *testing.T) {
	if raceEnabled {
		t.Skip("30 MB through the command in-process: too slow with the race detector; .ci/run runs it without")
	}
	dir := t.TempDir()
	var text, records strings.Builder
	for i := 0; text.Len() < 4<<20; i++ {
		p := fmt.Sprintf("Paragraph  %d of the\u00a0page, كتاب علي %d.\nIts second line.\n\n", i%50000, i%50000)
		text.WriteString(p)
		fmt.Fprintf(&records, "{\"id\":%d,\"text\":%q}\n", i, p+p)
	}
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	page, small, jsonl := write("page.txt", text.String()), write("small.txt", "a  b\n\na  b\n"), write("pages.jsonl", records.String())
	for _, tc := range []struct {
		name   string
		args   []string
		inputs int // inputs with messages
		blocks int // blocks of input whose output is sent on at their end
	}{
		{"plain", []string{"normalize", page}, 0, 0},
		{"dedupe", []string{"normalize", "--dedupe", page}, 1, 0},
		{"dedupe of three files", []string{"normalize", "--dedupe", "-j", "2", page, small, page}, 3, 0},
		{"explain", []string{"normalize", "--explain", page}, 0, 0},
		{"jsonl dedupe", []string{"normalize", "--jsonl", "--field", "text", "--dedupe", jsonl}, 1, 0},
		{"detect", []string{"detect", small, page}, 0, 1 + text.Len()/detect.BlockSize + 1},
		{"tag", []string{"tag", small, page}, 0, 1 + text.Len()/detect.BlockSize + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out writeCounter
			var stderr bytes.Buffer
			if code := run(tc.args, strings.NewReader(""), &out, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.Bytes())
			}
			max := int(out.n>>16) + 1 + tc.inputs + tc.blocks
			t.Logf("%d writes for %d bytes", out.writes, out.n)
			if out.n < 1<<20 || out.writes > max {
				t.Errorf("%d writes for %d bytes of output, want at most %d", out.writes, out.n, max)
			}
		})
	}
}
