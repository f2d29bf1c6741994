package jsonl

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkString checks the encoder's contract on s: its output is valid JSON
// that decodes to s (with U+FFFD for each invalid byte, as encoding/json
// reads it), encoding/json writes the same string once HTML escaping and
// its choice of escapes are set aside, and the keep-invalid variant differs
// only where s is not UTF-8.
func checkString(t *testing.T, s string) {
	t.Helper()
	q := AppendString([]byte("prefix"), s)
	if !bytes.HasPrefix(q, []byte("prefix")) {
		t.Fatalf("AppendString(%+q) lost dst", s)
	}
	q = q[len("prefix"):]
	if !json.Valid(q) || !utf8.Valid(q) {
		t.Fatalf("AppendString(%+q) = %s: not valid JSON", s, q)
	}
	var back string
	if err := json.Unmarshal(q, &back); err != nil {
		t.Fatalf("AppendString(%+q) = %s: %v", s, q, err)
	}
	want := strings.ToValidUTF8(s, "\uFFFD")
	if !utf8.ValidString(s) {
		// ToValidUTF8 merges a run of invalid bytes into one U+FFFD;
		// JSON has one for each byte, as encoding/json.
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += n
		}
		want = b.String()
	}
	if back != want {
		t.Fatalf("AppendString(%+q) = %s decodes to %+q, want %+q", s, q, back, want)
	}
	// encoding/json's own encoding, which decodes the same.
	var enc bytes.Buffer
	e := json.NewEncoder(&enc)
	e.SetEscapeHTML(false)
	if err := e.Encode(s); err != nil {
		t.Fatal(err)
	}
	var theirs string
	if err := json.Unmarshal(enc.Bytes(), &theirs); err != nil || theirs != back {
		t.Fatalf("encoding/json writes %s for %+q: decodes to %+q, ours to %+q", enc.Bytes(), s, theirs, back)
	}
	// Only the escapes JSON needs, and non-ASCII as it is.
	if utf8.ValidString(s) && !strings.ContainsAny(s, "\"\\\u2028\u2029\x7f") && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 }) {
		if string(q) != `"`+s+`"` {
			t.Fatalf("AppendString(%+q) = %s, want the text as it is", s, q)
		}
	}
	k := AppendStringKeepInvalid(nil, s)
	if utf8.ValidString(s) != bytes.Equal(k, q) {
		t.Fatalf("AppendStringKeepInvalid(%+q) = %s, AppendString %s", s, k, q)
	}
}

func TestAppendString(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "tab\tnl\ncr\r\x00\x01\x1f\x7f", "\b\f",
		"سلام 🏏 κόσμος", "\u2028\u2029", "\uFFFD", "file\xffname", "\xff", "\xe2\x82", "\xed\xa0\x80",
		"</script>&<>", "\u0085 NEL",
	} {
		checkString(t, s)
	}
	for _, c := range []struct{ in, want string }{
		{"a\"b\\c", `"a\"b\\c"`},
		{"\n\r\t\x00\x7f\b", `"\n\r\t\u0000\u007f\u0008"`},
		{"\u2028x\u2029", `"\u2028x\u2029"`},
		{"a\xffb", `"a\ufffdb"`},
		{"<é>", `"<é>"`},
	} {
		if got := string(AppendString(nil, c.in)); got != c.want {
			t.Errorf("AppendString(%+q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := string(AppendStringKeepInvalid(nil, "a\xff\n")); got != "\"a\xff\\n\"" {
		t.Errorf("AppendStringKeepInvalid = %+q", got)
	}
}

// FuzzAppendString: for any string, valid JSON that decodes to it.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "a\"\\\n", "\xff\xfe", "\u2028", "سلام", "\x00\x7f", "\xed\xb0\x80"} {
		f.Add(s)
	}
	f.Fuzz(checkString)
}
