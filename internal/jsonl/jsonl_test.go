package jsonl

import (
	"encoding/json"
	"strings"
	"testing"
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
		{`{"text":"first","text":"second"}`, "text", `"first"`, true},
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

// Unquote agrees with encoding/json on valid literals, and AppendQuote's
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
		q := AppendQuote(nil, got)
		var back string
		if err := json.Unmarshal(q, &back); err != nil || back != got {
			t.Errorf("AppendQuote(%+q) = %s: decodes to %+q, %v", got, q, back, err)
		}
	}
	if _, bad, _ := Unquote([]byte("\"ab\xffc\"")); bad != 3 {
		t.Errorf("invalid byte at %d, want 3", bad)
	}
	if q := string(AppendQuote(nil, "a\"\\\n\x01<é>")); q != `"a\"\\\n\u0001<é>"` {
		t.Errorf("AppendQuote = %s", q)
	}
}

func FuzzField(f *testing.F) {
	f.Add(`{"text":"a","n":[1,2,{"b":null}]}`)
	f.Add(`{"text":1}`)
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
		if isString {
			got, _, _ := Unquote([]byte(rec[start:end]))
			var want string
			if json.Unmarshal([]byte(rec[start:end]), &want) == nil && got != want && !strings.Contains(want, "\uFFFD") {
				t.Fatalf("Unquote(%s) = %+q, want %+q", rec[start:end], got, want)
			}
		}
	})
}
