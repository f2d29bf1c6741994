package jsonl

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestField(t *testing.T) {
	tests := []struct {
		rec, name string
		value     string // the span, or the error
		isString  bool
	}{
		{`{"id":1,"text":"hi"}`, "text", `"hi"`, true},
		{` { "text" : "a\"b" , "x":[1,{"text":2}] } `, "text", `"a\"b"`, true},
		{`{"x":{"text":"inner"},"text":"outer"}`, "text", `"outer"`, true},
		{`{"te\u0078t":"escaped key"}`, "text", `"escaped key"`, true},
		// A repeated key: the last one counts, as in encoding/json,
		// Python and JavaScript.
		{`{"text":"first","text":"second"}`, "text", `"second"`, true},
		{`{"text":"first","id":1,"te\u0078t":"third"}`, "text", `"third"`, true},
		{`{"text":"first","text":2}`, "text", `2`, false},
		{`{"text":1,"text":"last"}`, "text", `"last"`, true},
		// A byte order mark is the caller's to strip (at the start of a
		// file only), as encoding/json rejects one.
		{"\ufeff{\"text\":\"a\"}", "text", `error: not a JSON object`, false},
		{`{"text":12.5e3}`, "text", `12.5e3`, false},
		{`{"text":null}`, "text", `null`, false},
		{`{"id":1}`, "text", `error: no field "text"`, false},
		{`{}`, "text", `error: no field "text"`, false},
		{`[1]`, "text", `error: not a JSON object`, false},
		{`{"text":"a"`, "text", `error: invalid JSON: unexpected end of the record, want ',' or '}'`, false},
		{`{"text":"a"} x`, "text", `error: invalid JSON: unexpected 'x', want the end of the record`, false},
		{`{"text":01}`, "text", `error: invalid JSON: unexpected '1', want ',' or '}'`, false},
		{"{\"text\":\"a\tb\"}", "text", `error: invalid JSON: control character 0x09 in a string`, false},
		{`{"text":"\x"}`, "text", `error: invalid JSON: unexpected 'x', want an escape`, false},
	}
	for _, tt := range tests {
		start, end, isString, err := Field([]byte(tt.rec), tt.name)
		got := ""
		if err != nil {
			got = "error: " + err.Error()
		} else {
			got = tt.rec[start:end]
		}
		if got != tt.value || isString != tt.isString {
			t.Errorf("Field(%s, %q) = %s, %v; want %s, %v", tt.rec, tt.name, got, isString, tt.value, tt.isString)
		}
	}
}

// Unquote agrees with encoding/json on valid literals, and AppendString's
// output decodes back to its input.
func TestUnquoteQuote(t *testing.T) {
	for _, lit := range []string{
		`""`, `"plain"`, `"\"\\\/\b\f\n\r\t"`, `"\u0041\u00e9\u06cc"`, `"\ud83c\udfcf"`,
		`"\ud83c"`, `"\udfcf x"`, `"\ud83c\u0041"`, `"سلام 🏏"`, `"\u2028\u0000"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatal(err)
		}
		got, bad, err := Unquote([]byte(lit))
		if err != nil || bad != -1 || got != want {
			t.Errorf("Unquote(%s) = %+q, %d, %v; want %+q", lit, got, bad, err, want)
		}
		q := AppendString(nil, got)
		var back string
		if err := json.Unmarshal(q, &back); err != nil || back != got {
			t.Errorf("AppendString(%+q) = %s: decodes to %+q, %v", got, q, back, err)
		}
	}
	if _, bad, _ := Unquote([]byte("\"ab\xffc\"")); bad != 3 {
		t.Errorf("invalid byte at %d, want 3", bad)
	}
	if q := string(AppendString(nil, "a\"\\\n\x01<é>")); q != `"a\"\\\n\u0001<é>"` {
		t.Errorf("AppendString = %s", q)
	}
}

func TestLoneSurrogate(t *testing.T) {
	for _, tt := range []struct {
		lit  string
		want int
	}{
		{`""`, -1},
		{`"plain"`, -1},
		{`"\ud83c\udfcf"`, -1}, // a pair
		{`"\u00e9\u2028"`, -1},
		{`"\\ud83d"`, -1}, // an escaped backslash, then text
		{`"\ud83d"`, 1},
		{`"x\ud83d y"`, 2},
		{`"\udfcf\ud83c"`, 1},        // the halves in the wrong order
		{`"\ud83c\ud83c\udfcf"`, 1},  // a high half, then a pair
		{`"\ud83c\udfcf\udfcf"`, 13}, // a pair, then a low half
		{`"ok \\ \ud83c\u0041"`, 7},  // followed by an escape that is no low half
		{`"\uDBFF\uDFFF \uD800"`, 14},
	} {
		if got := LoneSurrogate([]byte(tt.lit)); got != tt.want {
			t.Errorf("LoneSurrogate(%s) = %d, want %d", tt.lit, got, tt.want)
		}
		s, _, _ := Unquote([]byte(tt.lit))
		if tt.want >= 0 && !strings.Contains(s, "\uFFFD") {
			t.Errorf("Unquote(%s) = %+q: no U+FFFD for the lone surrogate", tt.lit, s)
		}
	}
}

func FuzzField(f *testing.F) {
	f.Add(`{"text":"a","n":[1,2,{"b":null}]}`)
	f.Add(`{"text":1}`)
	f.Add(`{"text":"first","text":"second"}`)
	f.Add(`{"text":"first","x":{"text":"inner"},"te\u0078t":"last"}`)
	f.Add(`{"text":"a","text":null}`)
	f.Add("\ufeff{\"text\":\"bom\"}")
	f.Add(`{"text":"\ud83d"}`)
	f.Add(`{"text":"\ud83c\udfcf \udfcf \ud83c\u0041"}`)
	f.Add(`{"text":"\\ud83d"}`)
	f.Fuzz(func(t *testing.T, rec string) {
		start, end, isString, err := Field([]byte(rec), "text")
		valid := json.Valid([]byte(rec)) && strings.HasPrefix(strings.TrimLeft(rec, " \t\r\n"), "{")
		if err == nil && !valid {
			t.Fatalf("Field accepted invalid %q", rec)
		}
		if err != nil {
			if valid && !strings.HasPrefix(err.Error(), "no field") && !strings.Contains(err.Error(), "nested too deep") {
				t.Fatalf("Field rejected valid %q: %v", rec, err)
			}
			return
		}
		// The field is the value encoding/json reads: the last of the
		// keys named text.
		var m map[string]json.RawMessage
		if json.Unmarshal([]byte(rec), &m) == nil && utf8.ValidString(rec) && string(m["text"]) != rec[start:end] {
			t.Fatalf("Field(%s) = %s, encoding/json reads %s", rec, rec[start:end], m["text"])
		}
		if isString {
			lit := []byte(rec[start:end])
			got, _, _ := Unquote(lit)
			var want string
			if json.Unmarshal(lit, &want) == nil && got != want && !strings.Contains(want, "\uFFFD") {
				t.Fatalf("Unquote(%s) = %+q, want %+q", lit, got, want)
			}
			if off := LoneSurrogate(lit); off >= 0 {
				if !strings.HasPrefix(string(lit[off:]), `\u`) {
					t.Fatalf("LoneSurrogate(%s) = %d: not an escape", lit, off)
				}
				if r, err := strconv.ParseUint(string(lit[off+2:off+6]), 16, 32); err != nil || !utf16.IsSurrogate(rune(r)) {
					t.Fatalf("LoneSurrogate(%s) = %d: not a surrogate", lit, off)
				}
				if !strings.Contains(got, "\uFFFD") {
					t.Fatalf("LoneSurrogate(%s) = %d, but Unquote gives no U+FFFD: %+q", lit, off, got)
				}
			} else if !strings.Contains(string(lit), `\u`) && strings.Contains(got, "\uFFFD") != strings.Contains(string(lit), "\uFFFD") && utf8.Valid(lit) {
				t.Fatalf("Unquote(%s) = %+q: a U+FFFD from nowhere", lit, got)
			}
		}
	})
}
