package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/textnorm/textnorm/protect"
)

// protectedCases are spans of every kind package protect finds, each with
// what the rules of some profile would do to it unprotected.
var protectedCases = []struct{ kind, span string }{
	{"url", "https://fa.wikipedia.org/wiki/تهران?action=edit"}, // ? after Persian letters
	{"url", "http://example.com/a,b;c?d=كتاب"},                 // , ; ? and Arabic kaf
	{"url", "www.example.org/path_(1)"},
	{"url", "example.ir/ي/ك"},
	{"email", "ali.reza@example.co.uk"},
	{"mention", "@علي_رضا"},
	{"number", "3.14"},
	{"number", "1,000,000"},
	{"number", "12:30"},
	{"number", "2024/01/02"},
	{"path", "/usr/local/bin/ي"},
	{"path", "C:\\Users\\علي\\ك.txt"},
	{"tag", `<a href="x?a=1;b=2" title="ي  ك">`},
	{"code", "`if x , y ; z ? done`"},
}

// TestProtectedSpans checks that every kind of protected span comes out of
// every profile but search byte for byte, inside Persian, Arabic and
// English text, on every path; search only folds its case and width.
func TestProtectedSpans(t *testing.T) {
	frames := []string{"كتاب %s را ببین", "انظر %s هنا", "see %s now", "%s", "(%s)."}
	for _, p := range Profiles() {
		for _, tc := range protectedCases {
			for _, f := range frames {
				in := strings.Replace(f, "%s", tc.span, 1)
				out := p.Apply(in)
				want := norm.NFC.String(tc.span)
				if p.Name() == "search" {
					want = Search.Apply(tc.span)
				}
				if !strings.Contains(out, want) {
					t.Errorf("%s, %s: %q -> %q, lost %q", p.Name(), tc.kind, in, out, want)
				}
				normalizeEveryWay(t, p, in)
				if p.Name() != "search" {
					for _, c := range p.Explain(in) {
						i := strings.Index(in, tc.span)
						if c.InStart < i+len(tc.span) && c.InEnd > i {
							t.Errorf("%s: Explain lists a change inside %q: %+v", p.Name(), tc.span, c)
						}
					}
				}
			}
		}
	}
	// Digits of numbers follow the digit rules; their separators stay.
	if got := Default.With(DigitsPersianAll).Apply("3.14 و 1,000"); got != "۳.۱۴ و ۱,۰۰۰" {
		t.Errorf("digits in numbers: %q", got)
	}
	// A placeholder in the text comes back as it was.
	if got := Persian.Apply("a\uFDD0b https://x.org ي"); got != "a\uFDD0b https://x.org ی" {
		t.Errorf("placeholder: %q", got)
	}
}

// TestFuzzFailures holds the inputs of failures FuzzIdempotent and
// FuzzProtectedURL found, made minimal, with the output of each profile.
func TestFuzzFailures(t *testing.T) {
	tests := []struct {
		profile Profile
		in      string
		want    string
	}{
		// An escape sequence between invalid bytes: removed, they joined
		// into U+0480, which search folded only the second time.
		{Search, "\xd2\x1b0\x800000000000", "\xd2\uFFFD0000000000"},
		{Default, "\xd2\x1b0\x80", "\xd2\uFFFD"},
		{Search, "\xd2\x1b0\x80\x80", "\xd2\uFFFD\x80"},
		{Default, "\xd2 \x80", keep},
		// A control in a URL token: "\x1b 0" is an escape sequence, and
		// the URL ends before it.
		{Default, "0 https://example.org/\x1b 0", "0 https://example.org/"},
		{Persian, "كتاب https://example.org/a?b\x1b 0 را", "کتاب https://example.org/a?b را"},
		// An escape sequence before a URL does not take its first letter
		// (nor the space before it).
		{Default, "0 \x1b https://example.org/ 0", "0 https://example.org/ 0"},
		{Default, "\x1b[ https://example.org/", " https://example.org/"},
		{Default, "\x1b] https://example.org/ 0", " https://example.org/ 0"},
		// A NUL is no token's end: once the cleaner removed it, "00@ی"
		// is one token, no mention, in both passes.
		{Arabic, "00\x00@\u06cc", "00@\u0649"},
		// A protected span never starts or ends with an invalid byte, so
		// that its bytes do not join with those around it either.
		{Search, "https://x.org/\xd2\x1b\x80", "https://x.org/\xd2\uFFFD"},
		{Default, "\xd2\x1b\x80a\\b", "\xd2\uFFFDa\\b"},
		{Default, "https://x.org/\xd2\x00\x80", keep}, // a NUL in a URL is the URL's
	}
	for _, tc := range tests {
		want := tc.want
		if want == keep {
			want = tc.in
		}
		if got := normalizeEveryWay(t, tc.profile, tc.in); got != want {
			t.Errorf("%s(%+q) = %+q, want %+q", tc.profile.Name(), tc.in, got, want)
		}
		if twice := tc.profile.Apply(want); twice != want {
			t.Errorf("%s(%+q) = %+q: not idempotent", tc.profile.Name(), want, twice)
		}
	}
	// The U+FFFD is listed as invalid UTF-8's, the sequence as controls'.
	var rules []string
	for _, c := range Default.Explain("\xd2\x1b0\x80") {
		rules = append(rules, c.Rule)
	}
	if got := strings.Join(rules, " "); got != "controls invalid-utf8" {
		t.Errorf("Explain: rules %q, want controls invalid-utf8", got)
	}
}

// FuzzProtectedURL checks that an NFC URL or e-mail address inside any
// text comes out byte for byte the same in every profile but search. Text
// before it that opens a terminal escape sequence (ESC, or a C1 control
// such as CSI or OSC) is left out: a URL inside an OSC sequence, such as a
// window title or an OSC 8 hyperlink, is part of the sequence, which the
// controls rule removes whole (ansi.go).
func FuzzProtectedURL(f *testing.F) {
	f.Add("كتاب ", " را", "wiki/تهران?action=edit")
	f.Add("", ".", "a,b;c?d")
	f.Add("x\u00a0", "\u200c", "ي/ك")
	f.Add("\x1b]", "\a", "0")
	f.Fuzz(func(t *testing.T, before, after, path string) {
		if strings.ContainsAny(path, "<>`") || strings.ContainsFunc(path, unicode.IsSpace) || strings.ContainsRune(path, placeholder) {
			return
		}
		if strings.ContainsFunc(before, func(r rune) bool { return r == 0x1b || r >= 0x80 && r <= 0x9f }) {
			return
		}
		for _, span := range []string{"https://example.org/" + path, "user." + path + "@example.com"} {
			if !utf8.ValidString(span) || !norm.NFC.IsNormalString(span) {
				continue
			}
			want := span
			for _, sp := range protect.Find(span) {
				if sp.Start == 0 {
					want = span[:sp.End] // without trailing punctuation
				}
			}
			if len(protect.Find(span)) == 0 || protect.Find(span)[0].Start != 0 {
				continue // not a URL or address after all (an e-mail local part with other characters)
			}
			in := before + " " + span + " " + after
			for _, p := range Profiles() {
				if p.Name() == "search" {
					continue
				}
				if out := p.Apply(in); !strings.Contains(out, want) {
					t.Fatalf("%s: %q -> %q lost %q", p.Name(), in, out, want)
				}
			}
		}
	})
}
