package jsonl

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/normalize"
)

// errorLine is the line of AppendError, decoded.
type errorLine struct {
	Err *struct {
		V         int     `json:"v"`
		File      string  `json:"file"`
		Line      int     `json:"line"`
		Col       int     `json:"col"`
		Offset    int64   `json:"offset"`
		Message   string  `json:"message"`
		Raw       *string `json:"raw"`
		RawBase64 *string `json:"raw_base64"`
	} `json:"textnorm_error"`
}

func TestAppendError(t *testing.T) {
	first := "{\"text\":\"ok\"}\n" // 14 bytes before the record under test
	for _, tc := range []struct {
		name, rec string
		reject    bool
		want      string // FILE:LINE:COL: message
		base64    bool
	}{
		{"not JSON", "not json\n", false, `in.jsonl:2:1: not a JSON object`, false},
		{"no field", `{"id":3}` + "\n", false, `in.jsonl:2:1: no field "text"`, false},
		{"not a string", `{"id":4,"text":5}` + "\n", false, `in.jsonl:2:16: field "text" is a number, not a string`, false},
		{"invalid JSON", `{"text":"a"` + "\n", false, `in.jsonl:2:12: invalid JSON: unexpected end of the record, want ',' or '}'`, false},
		{"no line feed", `{"text":7}`, false, `in.jsonl:2:9: field "text" is a number, not a string`, false},
		{"CR LF kept in raw", "{\"x\":1}\r\n", false, `in.jsonl:2:1: no field "text"`, false},
		{"a lone CR ends a line", "{\"id\":1,\r\"text\":1}\n", false, `in.jsonl:3:8: field "text" is a number, not a string`, false},
		{"a BOM", "\ufeff{\"x\":1}\n", false, `in.jsonl:2:4: no field "text"`, false},
		{"controls and U+2028", "x\u2028\x01\"\\\n", false, `in.jsonl:2:1: not a JSON object`, false},
		{"invalid UTF-8 in the field", "{\"text\":\"bad \xff byte\"}\n", true, `in.jsonl:2:14: invalid UTF-8 (byte 0xff)`, true},
		{"invalid UTF-8 in another key", "{\"id\":\"\xc3\",\"text\":\"ok\"}\n", true, `in.jsonl:2:8: invalid UTF-8 (byte 0xc3)`, true},
		{"not JSON and not UTF-8", "caf\xe9 \x00\n", false, `in.jsonl:2:1: not a JSON object`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewScanner(strings.NewReader(first+tc.rec), "in.jsonl", "text")
			if tc.reject {
				s.RejectInvalidUTF8()
			}
			if !s.Scan() || !s.Record().OK {
				t.Fatal("the first record is not OK")
			}
			if !s.Scan() {
				t.Fatal("no second record")
			}
			r := s.Record()
			if r.Err == nil || r.Err.Error() != tc.want {
				t.Fatalf("Err %v, want %s", r.Err, tc.want)
			}
			line := r.AppendError(nil)
			if !json.Valid(line) || !utf8.Valid(line) || strings.ContainsAny(string(line), "\r\n") {
				t.Fatalf("not one line of valid JSON: %q", line)
			}
			var e errorLine
			if err := json.Unmarshal(line, &e); err != nil || e.Err == nil {
				t.Fatalf("%s: %v", line, err)
			}
			var de *diag.Error
			errors.As(r.Err, &de)
			if e.Err.V != 1 || e.Err.File != "in.jsonl" || e.Err.Line != de.Pos.Line || e.Err.Col != de.Pos.Col || e.Err.Offset != de.Pos.Offset || e.Err.Message != de.Err.Error() {
				t.Errorf("%s: the place or message differ from %v (offset %d)", line, r.Err, de.Pos.Offset)
			}
			// The record's bytes, whole: raw or raw_base64 and the line
			// feed the record had.
			var orig string
			switch {
			case tc.base64 && e.Err.RawBase64 != nil && e.Err.Raw == nil:
				b, err := base64.StdEncoding.DecodeString(*e.Err.RawBase64)
				if err != nil {
					t.Fatal(err)
				}
				orig = string(b)
			case !tc.base64 && e.Err.Raw != nil && e.Err.RawBase64 == nil:
				orig = *e.Err.Raw
			default:
				t.Fatalf("%s: want exactly one of raw and raw_base64 (base64 %v)", line, tc.base64)
			}
			if strings.HasSuffix(tc.rec, "\n") {
				orig += "\n"
			}
			if orig != tc.rec {
				t.Errorf("the record's bytes: %q, want %q", orig, tc.rec)
			}
		})
	}
}

func TestAppendErrorLine(t *testing.T) {
	s := NewScanner(strings.NewReader("\n\n{\"id\":4,\"text\":5}\n"), "<stdin>", "text")
	for s.Scan() {
		if r := s.Record(); r.Err != nil {
			got := string(r.AppendError([]byte("x")))
			want := `x{"textnorm_error":{"v":1,"file":"<stdin>","line":3,"col":16,"offset":17,"message":"field \"text\" is a number, not a string","raw":"{\"id\":4,\"text\":5}"}}`
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		}
	}
}

// TestRejectInvalidUTF8: a bad byte is its record's error, typed as the
// textnorm input's, and the records after it go on; a blank line stays
// blank; without RejectInvalidUTF8 the bytes are the record's.
func TestRejectInvalidUTF8(t *testing.T) {
	in := "{\"text\":\"a\xffb\"}\n \n{\"text\":\"after\"}\n"
	s := NewScanner(strings.NewReader(in), "in.jsonl", "text")
	s.RejectInvalidUTF8()
	var got []string
	for s.Scan() {
		r := s.Record()
		switch {
		case r.Err != nil:
			var bad *normalize.InvalidUTF8Error
			if !errors.As(r.Err, &bad) || bad.Offset != 10 || bad.Byte != 0xff {
				t.Errorf("%v: want a *normalize.InvalidUTF8Error of byte 0xff at offset 10, have %#v", r.Err, bad)
			}
			got = append(got, r.Err.Error())
		case r.OK:
			got = append(got, r.Text)
		default:
			got = append(got, "blank")
		}
	}
	want := "in.jsonl:1:11: invalid UTF-8 (byte 0xff)|blank|after"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s, want %s", strings.Join(got, "|"), want)
	}
	s = NewScanner(strings.NewReader(in), "in.jsonl", "text")
	if !s.Scan() || !s.Record().OK || s.Record().Text != "a\xffb" {
		t.Errorf("without RejectInvalidUTF8: %+v", s.Record())
	}
}

func TestErrorMode(t *testing.T) {
	var m ErrorMode
	if m != ErrorsStderr || m.String() != "stderr" {
		t.Errorf("the zero value is %v", m)
	}
	if err := m.Set("INLINE"); err != nil || m != ErrorsInline || m.String() != "inline" {
		t.Errorf("Set(INLINE): %v, %v", m, err)
	}
	err := m.Set("log")
	var u *diag.UnknownError
	if !errors.As(err, &u) || u.Kind != "error mode" || err.Error() != `unknown error mode "log" (known: stderr, inline)` || m != ErrorsInline {
		t.Errorf("Set(log): %v, mode %v", err, m)
	}
}
