package jsonl

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/textnorm/textnorm/diag"
)

func scanAll(t *testing.T, r io.Reader) ([]string, error) {
	t.Helper()
	s := NewScanner(r, "in.jsonl", "text")
	var got []string
	for s.Scan() {
		rec := s.Record()
		switch {
		case rec.OK:
			got = append(got, fmt.Sprintf("%d@%d ok %q", rec.Line, rec.Offset, rec.Text))
		case rec.Err != nil:
			got = append(got, fmt.Sprintf("%d@%d %v", rec.Line, rec.Offset, rec.Err))
		default:
			got = append(got, fmt.Sprintf("%d@%d blank", rec.Line, rec.Offset))
		}
	}
	return got, s.Err()
}

func TestScanner(t *testing.T) {
	in := "\ufeff{\"id\":1,\"text\":\"a  b\"}\n" + // a BOM before the first record
		"\n" + // blank
		"  \t\r\n" + // blank, CR LF
		"{\"text\":\"first\",\"text\":\"last\"}\n" + // the last key counts
		"{\"id\":2,\r\"text\":1}\n" + // a lone CR inside a record ends a line
		"{\"x\":1}\n" +
		"not json\n" +
		"\ufeff{\"text\":\"a BOM here starts a file concatenated\"}\n" +
		"{\"text\":\"no line feed at the end\"}"
	want := []string{
		`1@0 ok "a  b"`,
		`2@26 blank`,
		`3@27 blank`,
		`4@32 ok "last"`,
		`5@63 in.jsonl:6:8: field "text" is a number, not a string`,
		`7@82 in.jsonl:7:1: no field "text"`,
		`8@90 in.jsonl:8:1: not a JSON object`,
		`9@99 ok "a BOM here starts a file concatenated"`,
		`10@151 ok "no line feed at the end"`,
	}
	for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
		got, err := scanAll(t, r)
		if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got %v\n%s\nwant\n%s", err, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// The places are those of package diag, for the input as a whole.
	s := NewScanner(strings.NewReader(in), "in.jsonl", "text")
	for s.Scan() {
		var de *diag.Error
		if r := s.Record(); errors.As(r.Err, &de) {
			if p := diag.PosOf(in, int(de.Pos.Offset)); p != de.Pos {
				t.Errorf("record at line %d: error at %+v, diag.PosOf says %+v", r.Line, de.Pos, p)
			}
			var je *Error
			if !errors.As(r.Err, &je) || int64(je.Off)+r.Offset != de.Pos.Offset {
				t.Errorf("record at line %d: %v is not an *Error at its offset", r.Line, r.Err)
			}
		}
	}
}

// A read error stops the scan; the line it cuts is no record.
func TestScannerReadError(t *testing.T) {
	bad := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader("{\"text\":\"a\"}\n{\"text\":"), iotest.ErrReader(bad))
	got, err := scanAll(t, r)
	if !errors.Is(err, bad) || len(got) != 1 {
		t.Errorf("got %v, %v", got, err)
	}
}

func TestRecordRewrite(t *testing.T) {
	in := "{ \"id\" : 1, \"text\" : \"x\\ud83d  y\", \"n\":1.50 }\n{\"text\":\"\\ud83c\\udfcf\"}\n{\"text\":\"caf\\u00e9\\u0001\"}\n"
	s := NewScanner(strings.NewReader(in), "in.jsonl", "text")
	var out []byte
	var warnings []string
	for s.Scan() {
		r := s.Record()
		if err := r.LoneSurrogate(); err != nil {
			warnings = append(warnings, err.Error())
		}
		out = r.AppendWith(out, strings.ToUpper(r.Text))
	}
	want := "{ \"id\" : 1, \"text\" : \"X\uFFFD  Y\", \"n\":1.50 }\n{\"text\":\"\U0001F3CF\"}\n{\"text\":\"CAFÉ\\u0001\"}\n"
	if string(out) != want {
		t.Errorf("rewritten:\n%s\nwant\n%s", out, want)
	}
	if w := strings.Join(warnings, "\n"); w != `in.jsonl:1:24: warning: field "text" has a lone surrogate escape \ud83d, written as U+FFFD` {
		t.Errorf("warnings: %s", w)
	}
}

// TestRecordValue checks the raw value of a record's field, compacted, and
// nil where there is none.
func TestRecordValue(t *testing.T) {
	in := "{\"id\":7,\"text\":\"a\"}\n\ufeff{\"id\": {\"a\": [1, 2]}, \"text\":\"b\"}\n{\"text\":\"c\"}\nnot json\n{\"id\":\"x\\\"y\"}"
	want := []string{`7`, `{"a":[1,2]}`, `<nil>`, `<nil>`, `"x\"y"`}
	s := NewScanner(strings.NewReader(in), "in.jsonl", "text")
	for i := 0; s.Scan(); i++ {
		got := "<nil>"
		if v := s.Record().Value("id"); v != nil {
			got = string(v)
		}
		if i >= len(want) || got != want[i] {
			t.Errorf("record %d: %s", i+1, got)
		}
	}
}
