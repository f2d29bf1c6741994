package normalize_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/normalize"
)

// firstInvalid returns the offset of the first invalid byte of s, or -1.
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// readAll reads s through the policy's transformer a byte at a time, so
// that every rune is cut by the end of a read.
func readAll(p normalize.InvalidPolicy, s string) (string, error) {
	b, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(strings.NewReader(s)), p.Transformer()))
	return string(b), err
}

func checkPolicies(t *testing.T, s string) {
	t.Helper()
	bad := firstInvalid(s)
	// keep: the bytes as they are.
	for _, read := range []func(normalize.InvalidPolicy, string) (string, error){
		func(p normalize.InvalidPolicy, s string) (string, error) {
			out, _, err := transform.String(p.Transformer(), s)
			return out, err
		},
		readAll,
	} {
		if out, err := read(normalize.InvalidKeep, s); out != s || err != nil {
			t.Fatalf("keep(%+q) = %+q, %v", s, out, err)
		}
		// replace: U+FFFD for each invalid byte, as x/text's
		// runes.ReplaceIllFormed writes them.
		want, _, _ := transform.String(runes.ReplaceIllFormed(), s)
		if out, err := read(normalize.InvalidReplace, s); out != want || err != nil || !utf8.ValidString(out) {
			t.Fatalf("replace(%+q) = %+q, %v; want %+q", s, out, err, want)
		}
		// error: the first invalid byte, with its offset; the text before
		// it passes through.
		out, err := read(normalize.InvalidError, s)
		var ie *normalize.InvalidUTF8Error
		switch {
		case bad < 0 && (err != nil || out != s):
			t.Fatalf("error(%+q) = %+q, %v", s, out, err)
		case bad >= 0 && (!errors.As(err, &ie) || ie.Offset != int64(bad) || ie.Byte != s[bad]):
			t.Fatalf("error(%+q): %v, want byte %#02x at %d", s, err, s[bad], bad)
		case bad >= 0 && !strings.HasPrefix(s, out):
			t.Fatalf("error(%+q) gave %+q, not a prefix of the input", s, out)
		}
	}
	// OnReplace names each replaced byte where it is in the input and
	// where its U+FFFD is in the output.
	u := normalize.NewUTF8Transformer(normalize.InvalidReplace)
	var places [][2]int64
	u.OnReplace = func(in, out int64, b byte) {
		if s[in] != b {
			t.Fatalf("OnReplace(%d, %d, %#02x): the input has %#02x there", in, out, b, s[in])
		}
		places = append(places, [2]int64{in, out})
	}
	var out bytes.Buffer
	w := transform.NewWriter(&out, u)
	for i := range len(s) {
		w.Write([]byte{s[i]})
	}
	w.Close()
	for _, p := range places {
		if !strings.HasPrefix(out.String()[p[1]:], "\uFFFD") {
			t.Fatalf("OnReplace out offset %d of %+q: no U+FFFD there", p[1], out.String())
		}
	}
	if len(places) != strings.Count(out.String(), "\uFFFD")-strings.Count(s, "\uFFFD") {
		t.Fatalf("%d OnReplace calls for %+q -> %+q", len(places), s, out.String())
	}
	if u.Offset() != int64(len(s)) {
		t.Fatalf("Offset() = %d after %d bytes", u.Offset(), len(s))
	}
}

func TestInvalidPolicy(t *testing.T) {
	for _, s := range []string{
		"", "plain", "caf\xff ok", "\xff", "ab\xfe\xff", "\xe2\x82", "\xe2\x82x", "سلام\xd8",
		"\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 too big", "\xc0\xaf overlong", "ok\uFFFDok",
		strings.Repeat("ک", 3000) + "\x80" + strings.Repeat("x", 5000),
	} {
		checkPolicies(t, s)
	}
}

func FuzzInvalidPolicy(f *testing.F) {
	f.Add("caf\xff ok")
	f.Add("\xe2\x82\xac\xe2\x82")
	f.Add("a\rb\r\xff")
	f.Fuzz(func(t *testing.T, s string) { checkPolicies(t, s) })
}

func TestInvalidPolicyFlag(t *testing.T) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var p normalize.InvalidPolicy
	fs.Var(&p, "invalid", "")
	if err := fs.Parse([]string{"--invalid", "Replace"}); err != nil || p != normalize.InvalidReplace || p.String() != "replace" {
		t.Fatalf("--invalid Replace: %v, %v", p, err)
	}
	err := p.Set("drop")
	var u *diag.UnknownError
	if !errors.As(err, &u) || u.Kind != "policy" || u.Name != "drop" || strings.Join(u.Known, ",") != "error,replace,keep" {
		t.Fatalf("Set(drop) = %v", err)
	}
	if p != normalize.InvalidReplace {
		t.Fatalf("a failed Set changed the policy to %v", p)
	}
}

// The error names the byte's offset; diag makes it a line and a column,
// the same as everywhere in textnorm.
func ExampleInvalidPolicy() {
	text := "first line\r\nsecond \xff line\n"
	for _, p := range []normalize.InvalidPolicy{normalize.InvalidReplace, normalize.InvalidKeep, normalize.InvalidError} {
		out, _, err := transform.String(p.Transformer(), text)
		var bad *normalize.InvalidUTF8Error
		if errors.As(err, &bad) {
			err = &diag.Error{File: "page.txt", Pos: diag.PosOf(text, int(bad.Offset)), Err: err}
		}
		fmt.Printf("%s: %+q %v\n", p, out, err)
	}
	// Output:
	// replace: "first line\r\nsecond \ufffd line\n" <nil>
	// keep: "first line\r\nsecond \xff line\n" <nil>
	// error: "first line\r\nsecond " page.txt:2:8: invalid UTF-8 (byte 0xff)
}

// A policy goes before a profile, in one chain.
func ExampleInvalidPolicy_Transformer() {
	t := transform.Chain(normalize.InvalidReplace.Transformer(), normalize.Persian.Transformer())
	out, _, _ := transform.String(t, "كتاب\xff  علي")
	fmt.Printf("%+q\n", out)
	// Output: "\u06a9\u062a\u0627\u0628\ufffd \u0639\u0644\u06cc"
}
