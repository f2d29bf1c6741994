package diag_test

import (
	"strconv"
	"testing"

	"github.com/textnorm/textnorm/diag"
)

func TestQuoteName(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"page.txt", "page.txt"},
		{"", ""},
		{"<stdin>", "<stdin>"},
		{"dir/with space.txt", "dir/with space.txt"},
		{"کتاب\u200cها.txt", "کتاب\u200cها.txt"}, // a ZWNJ is no control
		{`a"b\c.txt`, `a"b\c.txt`},               // not at the start: unambiguous
		{`"quoted".txt`, `"\"quoted\".txt"`},
		{"a\nb.txt", `"a\nb.txt"`},
		{"a\rb.txt", `"a\rb.txt"`},
		{"tab\t.txt", `"tab\t.txt"`},
		{"\x1b]0;title\x07.txt", `"\x1b]0;title\a.txt"`},
		{"del\x7f.txt", `"del\x7f.txt"`},
		{"c1\u009b31m.txt", `"c1\u009b31m.txt"`},
		{"nel\u0085.txt", `"nel\u0085.txt"`},
		{"caf\xe9.txt", `"caf\xe9.txt"`},
		{"\x9b31m.txt", `"\x9b31m.txt"`}, // a C1 CSI as a lone byte
	} {
		got := diag.QuoteName(tc.name)
		if got != tc.want {
			t.Errorf("QuoteName(%q) = %s, want %s", tc.name, got, tc.want)
		}
		if got != tc.name {
			if back, err := strconv.Unquote(got); err != nil || back != tc.name {
				t.Errorf("QuoteName(%q) = %s: unquotes to %q, %v", tc.name, got, back, err)
			}
		}
	}
}
