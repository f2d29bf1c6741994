package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/fixtures"
	"github.com/textnorm/textnorm/normalize"
)

// Texts whose lines end every way: LF, CR LF, a lone CR, a CR before the
// end, with a bad byte at the end of a line or after its line break.
var placeTexts = []string{
	"a\rb\r\xff",
	"a\r\nb\xff\n",
	"x\r\r\ny\xff",
	"\xff",
	"ok\n\r\xffz",
	"سلام\rد\xff",
	"one\r\r\r\ntwo \xfe three",
}

// TestSamePlace checks that every command and the library name the same
// LINE:COL for the same byte: the first invalid byte of each text, as
// normalize, detect, tag and fixtures report it, as --explain lists its
// replacement, and as diag.PosOf, fixtures.CheckUTF8 and normalize's
// InvalidUTF8Error place it.
func TestSamePlace(t *testing.T) {
	dir := t.TempDir()
	for i, text := range placeTexts {
		off := 0
		for r, n := utf8.DecodeRuneInString(text); r != utf8.RuneError || n != 1; r, n = utf8.DecodeRuneInString(text[off:]) {
			off += n
		}
		want := diag.PosOf(text, off)
		name := filepath.Join(dir, fmt.Sprintf("t%d.txt", i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		place := name + ":" + want.String() + ": "

		// The library.
		_, _, err := transform.String(normalize.InvalidError.Transformer(), text)
		var bad *normalize.InvalidUTF8Error
		if !errors.As(err, &bad) || bad.Offset != int64(off) {
			t.Errorf("%+q: the transformer says %v, want the byte at %d", text, err, off)
		}
		var de *diag.Error
		if err := fixtures.CheckUTF8(name, []byte(text)); !errors.As(err, &de) || de.Pos != want {
			t.Errorf("%+q: fixtures.CheckUTF8 = %v, want %v", text, err, want)
		}

		// The commands.
		for _, args := range [][]string{
			{"normalize", name},
			{"normalize", "--check", name},
			{"normalize", "--diff", name},
			{"normalize", "--explain", name},
			{"normalize", "-w", name},
			{"detect", name},
			{"tag", name},
			{"tag", "--jsonl", "--field", "text", name},
		} {
			_, stderr, code := runCLI(t, "", args...)
			wantErr := "textnorm: " + place + "invalid UTF-8 (byte " + fmt.Sprintf("%#02x", text[off]) + "); use --invalid=replace or --invalid=keep to go on\n"
			// (With --jsonl, the records before it are reported first.)
			if code != exitUsage || !strings.HasSuffix(stderr, wantErr) || (args[1] != "--jsonl" && stderr != wantErr) {
				t.Errorf("%+q: textnorm %s: exit %d, %q; want %q", text, strings.Join(args[:len(args)-1], " "), code, stderr, wantErr)
			}
		}
		// Standard input, named <stdin>.
		if _, stderr, _ := runCLI(t, text, "normalize"); !strings.HasPrefix(stderr, "textnorm: <stdin>:"+want.String()+": ") {
			t.Errorf("%+q: textnorm normalize < text: %q, want %v", text, stderr, want)
		}
		_, stderr, _ := runCLI(t, "", "fixtures", "--out", filepath.Join(dir, "out"), name)
		if !strings.HasPrefix(stderr, "textnorm: "+place+"invalid UTF-8") {
			t.Errorf("%+q: textnorm fixtures: %q, want %s", text, stderr, place)
		}
		stdout, _, _ := runCLI(t, "", "normalize", "--invalid=replace", "--explain", "--profile", "none", name)
		if wantLine := place + "byte " + strconv.Itoa(off) + ": invalid-utf8: "; !strings.HasPrefix(stdout, wantLine) {
			t.Errorf("%+q: --explain: %q, want %q", text, stdout, wantLine)
		}
	}
}

// TestSameLines checks that the lines of a text are numbered the same way
// by tag (each segment's "line"), detect (a line of output for each),
// --explain (the place of each change) and the library (normalize's
// ExplainReader, diag.PosOf), however its lines end.
func TestSameLines(t *testing.T) {
	text := "one  two\rthree  four\r\nfive  six\n\rseven  eight\r\r\nnine  ten"
	name := filepath.Join(t.TempDir(), "lines.txt")
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := diag.NewLines(text)

	stdout, stderr, code := runCLI(t, "", "tag", "--langs", "en", name)
	if code != exitOK {
		t.Fatalf("tag: exit %d, %s", code, stderr)
	}
	n := 0
	for _, l := range strings.SplitAfter(stdout, "\n") {
		if l == "" {
			continue
		}
		var seg struct{ Line, Start int }
		if err := json.Unmarshal([]byte(l), &seg); err != nil {
			t.Fatal(err)
		}
		if want := diag.PosOf(text, seg.Start).Line; seg.Line != want || lines.Line(seg.Start) != want {
			t.Errorf("tag: segment at %d on line %d, diag says %d", seg.Start, seg.Line, want)
		}
		n++
	}
	if n != 5 {
		t.Errorf("tag: %d segments for the 5 lines of text", n)
	}

	stdout, _, _ = runCLI(t, "", "detect", "--langs", "en", name)
	if got := strings.Count(stdout, "\n"); got != lines.Count() {
		t.Errorf("detect: %d lines of output for %d lines:\n%s", got, lines.Count(), stdout)
	}

	stdout, _, _ = runCLI(t, "", "normalize", "--explain", "--profile", "none", "--with", "collapse-spaces", name)
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(name) + `:(\d+):(\d+): byte (\d+): `)
	var explained []string
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("--explain line %q", l)
		}
		off, _ := strconv.Atoi(m[3])
		if got, want := m[1]+":"+m[2], diag.PosOf(text, off).String(); got != want {
			t.Errorf("--explain: byte %d at %s, diag says %s", off, got, want)
		}
		explained = append(explained, m[1]+":"+m[2])
	}
	var library []string
	p := normalize.None.With(normalize.CollapseSpaces)
	err := p.ExplainReader(strings.NewReader(text), func(c normalize.Change, line, lineStart int) error {
		library = append(library, fmt.Sprintf("%d:%d", line, c.InStart-lineStart+1))
		return nil
	})
	if err != nil || strings.Join(library, " ") != strings.Join(explained, " ") || len(library) != 5 {
		t.Errorf("ExplainReader places %v, --explain %v (%v)", library, explained, err)
	}
}
