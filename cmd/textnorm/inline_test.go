package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// inlineErr is an error line of --errors=inline, decoded.
type inlineErr struct {
	V         int     `json:"v"`
	File      string  `json:"file"`
	Line      int     `json:"line"`
	Col       int     `json:"col"`
	Offset    int64   `json:"offset"`
	Message   string  `json:"message"`
	Raw       *string `json:"raw"`
	RawBase64 *string `json:"raw_base64"`
}

// decodeErrorLine decodes an error line; ok is false for any other line.
func decodeErrorLine(t *testing.T, line string) (e inlineErr, ok bool) {
	t.Helper()
	var v struct {
		Err *inlineErr `json:"textnorm_error"`
	}
	if !strings.Contains(line, `"textnorm_error"`) {
		return e, false
	}
	if err := json.Unmarshal([]byte(line), &v); err != nil || v.Err == nil {
		t.Fatalf("an error line that is not one: %q (%v)", line, err)
	}
	return *v.Err, true
}

// original is the record's bytes that an error line carries.
func (e inlineErr) original(t *testing.T) string {
	t.Helper()
	switch {
	case e.Raw != nil && e.RawBase64 == nil:
		return *e.Raw
	case e.RawBase64 != nil && e.Raw == nil:
		b, err := base64.StdEncoding.DecodeString(*e.RawBase64)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Fatalf("%+v: want exactly one of raw and raw_base64", e)
	return ""
}

// TestNormalizeErrorsInline is the contract of normalize --jsonl
// --errors=inline: a line out for each line in, in order; each bad record's
// line is its error, which carries the record's bytes whole; invalid UTF-8
// stops nothing under the default --invalid=error; exit 0, standard error
// quiet.
func TestNormalizeErrorsInline(t *testing.T) {
	type want struct {
		line string // the output line (a good record, a blank line)
		err  string // or the error's LINE:COL: message
	}
	for _, tc := range []struct {
		name  string
		flags []string
		in    []string // lines, joined by LF
		final string   // after the last line
		want  []want
	}{
		{
			name: "bad records of every kind",
			in: []string{
				`{"id":1,"text":"كتاب  علي"}`,
				``,
				`not json`,
				`{"id":3}`,
				`{"id":4,"text":5}`,
				"{\"id\":5,\"text\":\"bad \xff byte\"}",
				"{\"id\":\"\xc3\",\"text\":\"ok\"}",
				"caf\xe9 \x00 not json either",
				`{"id":8,"text":"a"`,
				`{"id":9,"text":"ok\u00a0 fine ","n":1.50}`,
			},
			final: "\n",
			want: []want{
				{line: `{"id":1,"text":"كتاب علي"}`},
				{line: ``},
				{err: `3:1: not a JSON object`},
				{err: `4:1: no field "text"`},
				{err: `5:16: field "text" is a number, not a string`},
				{err: `6:21: invalid UTF-8 (byte 0xff)`},
				{err: `7:8: invalid UTF-8 (byte 0xc3)`},
				{err: `8:4: invalid UTF-8 (byte 0xe9)`},
				{err: `9:19: invalid JSON: unexpected end of the record, want ',' or '}'`},
				{line: `{"id":9,"text":"ok fine","n":1.50}`},
			},
		},
		{
			name:  "a bad last record without a line feed gets none",
			in:    []string{`{"text":"a  b"}`, `{"text":[1]}`},
			final: "",
			want:  []want{{line: `{"text":"a b"}`}, {err: `2:9: field "text" is an array, not a string`}},
		},
		{
			name:  "CR LF records keep their CR, an error line carries it in raw",
			in:    []string{"{\"text\":\"a  b\"}\r", "{\"x\":1}\r", "\ufeff{\"text\":\"c\"}\r"},
			final: "\n",
			want:  []want{{line: "{\"text\":\"a b\"}\r"}, {err: `2:1: no field "text"`}, {line: "\ufeff{\"text\":\"c\"}\r"}},
		},
		{
			name:  "--invalid=replace: a bad byte is U+FFFD, no error",
			flags: []string{"--invalid=replace"},
			in:    []string{"{\"text\":\"a\xff  b\"}", `{"text":true}`},
			final: "\n",
			want:  []want{{line: `{"text":"a� b"}`}, {err: `2:9: field "text" is a boolean, not a string`}},
		},
		{
			name:  "--invalid=keep: a bad byte is kept, no error",
			flags: []string{"--invalid=keep"},
			in:    []string{"{\"text\":\"a\xff  b\"}", `{"text":null}`},
			final: "\n",
			want:  []want{{line: "{\"text\":\"a\xff b\"}"}, {err: `2:9: field "text" is null, not a string`}},
		},
		{
			name:  "--dedupe and --profile auto",
			flags: []string{"--dedupe", "--profile", "auto"},
			in:    []string{`{"text":"a\n\na"}`, `[]`},
			final: "\n",
			want:  []want{{line: `{"text":"a\n"}`}, {err: `2:1: not a JSON object`}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Join(tc.in, "\n") + tc.final
			args := append([]string{"normalize", "--jsonl", "--field", "text", "--errors=inline"}, tc.flags...)
			stdout, stderr, code := runCLI(t, in, args...)
			if code != 0 || (stderr != "" && !strings.Contains(stderr, "--dedupe dropped")) {
				t.Errorf("exit %d, stderr %q: want 0 and nothing but notes", code, stderr)
			}
			if strings.HasSuffix(stdout, "\n") != (tc.final == "\n") {
				t.Errorf("the last line feed: in %q, out %q", tc.final, stdout)
			}
			got := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
			if len(got) != len(tc.in) || len(got) != len(tc.want) {
				t.Fatalf("%d lines in, %d out:\n%s", len(tc.in), len(got), stdout)
			}
			for i, line := range got {
				w := tc.want[i]
				e, isErr := decodeErrorLine(t, line)
				switch {
				case w.err == "" && (isErr || line != w.line):
					t.Errorf("line %d: %q, want %q", i+1, line, w.line)
				case w.err == "":
				case !isErr:
					t.Errorf("line %d: %q, want the error %s", i+1, line, w.err)
				default:
					if !utf8.ValidString(line) || !json.Valid([]byte(line)) {
						t.Errorf("line %d: not valid UTF-8 JSON: %q", i+1, line)
					}
					if got := fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Message); got != w.err || e.File != "<stdin>" || e.V != 1 {
						t.Errorf("line %d: error %s in %q, want %s in <stdin>", i+1, got, e.File, w.err)
					}
					if orig := e.original(t); orig != tc.in[i] {
						t.Errorf("line %d: the record's bytes %q, want %q", i+1, orig, tc.in[i])
					}
				}
			}
		})
	}
}

// TestTagDetectErrorsInline: tag and detect write a bad record's error
// line where its segments, or its detection, would be, with -j 1 and with
// records decided in parallel; its offset says where in the input.
func TestTagDetectErrorsInline(t *testing.T) {
	in := "{\"text\":\"Hello there\"}\nnot json\n{\"text\":\"سلام \xff\"}\n\n{\"text\":\"Good bye\"}\n"
	for _, cmd := range [][]string{{"tag"}, {"tag", "--format", "json"}, {"detect", "--format", "jsonl"}} {
		for _, j := range []string{"1", "3"} {
			args := append(append([]string{}, cmd...), "--jsonl", "--field", "text", "--errors=inline", "--langs", "en,fa", "-j", j)
			stdout, stderr, code := runCLI(t, in, args...)
			if code != 0 || stderr != "" {
				t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
			}
			var lines []int // the line of each output line: a segment's or an error's
			var errs []string
			for _, l := range strings.Split(stdout, "\n") {
				l = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(l), ","), ",")
				if !strings.HasPrefix(l, "{") {
					continue // the array's brackets
				}
				if e, ok := decodeErrorLine(t, l); ok {
					lines = append(lines, e.Line)
					errs = append(errs, fmt.Sprintf("%s@%d %s", e.Message, e.Offset, e.original(t)))
					continue
				}
				var s struct{ Line int }
				if err := json.Unmarshal([]byte(l), &s); err != nil {
					t.Fatalf("%v: %q: %v", args, l, err)
				}
				lines = append(lines, s.Line)
			}
			wantErrs := "not a JSON object@23 not json|invalid UTF-8 (byte 0xff)@50 {\"text\":\"سلام \xff\"}"
			if strings.Join(errs, "|") != wantErrs {
				t.Errorf("%v: errors %q, want %q", args, strings.Join(errs, "|"), wantErrs)
			}
			for i := 1; i < len(lines); i++ {
				if lines[i] < lines[i-1] {
					t.Errorf("%v: out of order: lines %v", args, lines)
				}
			}
			if len(lines) < 4 || lines[0] != 1 || lines[len(lines)-1] != 5 {
				t.Errorf("%v: lines %v", args, lines)
			}
		}
	}
}

// TestErrorsInlineFiles: each error line names its file; a file that cannot
// be read is no record: it is reported on standard error, exit 2.
func TestErrorsInlineFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte("{\"text\":\"x\"}\n{}\n"), 0o644)
	os.WriteFile(b, []byte("nope\n"), 0o644)
	stdout, stderr, code := runCLI(t, "", "normalize", "--jsonl", "--field", "text", "--errors=inline", "-j", "2", a, b, filepath.Join(dir, "missing.jsonl"))
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 3 || lines[0] != `{"text":"x"}` {
		t.Fatalf("out:\n%s", stdout)
	}
	for i, name := range map[int]string{1: a, 2: b} {
		if e, ok := decodeErrorLine(t, lines[i]); !ok || e.File != name {
			t.Errorf("line %d: %s, want an error in %s", i+1, lines[i], name)
		}
	}
	if code != 2 || !strings.HasSuffix(stderr, "missing.jsonl: no such file or directory\n") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q: want 2 and the missing file alone", code, stderr)
	}
}

func TestErrorsInlineUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"normalize", "--errors=inline"}, "textnorm: --errors=inline goes with --jsonl: it is the error of a record\n"},
		{[]string{"normalize", "--errors=log", "--jsonl", "--field", "text"}, "textnorm: --errors: unknown error mode \"log\" (known: stderr, inline)\n"},
		{[]string{"normalize", "--jsonl", "--field", "text", "--errors=inline", "--check"}, "textnorm: --errors=inline writes the errors in the output: not with -w, --check, --diff or --explain\n"},
		{[]string{"normalize", "--jsonl", "--field", "text", "--errors=inline", "--diff"}, "textnorm: --errors=inline writes the errors in the output: not with -w, --check, --diff or --explain\n"},
		{[]string{"normalize", "--jsonl", "--field", "text", "--errors=inline", "--explain"}, "textnorm: --errors=inline writes the errors in the output: not with -w, --check, --diff or --explain\n"},
		{[]string{"normalize", "--jsonl", "--field", "text", "--errors=inline", "-w", "x.jsonl"}, "textnorm: --errors=inline writes the errors in the output: not with -w, --check, --diff or --explain\n"},
		{[]string{"tag", "--jsonl", "--field", "text", "--errors=inline", "--format", "tsv"}, "textnorm: --errors=inline needs --format jsonl or json: an error line is a JSON object\n"},
		{[]string{"detect", "--jsonl", "--field", "text", "--errors=inline"}, "textnorm: --errors=inline needs --format jsonl: an error line is a JSON object\n"},
	} {
		_, stderr, code := runCLI(t, "", tc.args...)
		if code != 2 || stderr != tc.want {
			t.Errorf("%v: exit %d, stderr %q; want 2, %q", tc.args, code, stderr, tc.want)
		}
	}
	// --errors=stderr is the default, and says so explicitly.
	stdout, stderr, code := runCLI(t, "nope\n", "normalize", "--jsonl", "--field", "text", "--errors=stderr")
	if stdout != "nope\n" || stderr != "textnorm: <stdin>:1:1: not a JSON object\n" || code != 2 {
		t.Errorf("--errors=stderr: %q, %q, exit %d", stdout, stderr, code)
	}
}
