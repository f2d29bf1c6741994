package protect

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []string // kind:text of each span
	}{
		{"see https://fa.wikipedia.org/wiki/تهران?action=edit.", []string{"url:https://fa.wikipedia.org/wiki/تهران?action=edit"}},
		{"(http://example.com/a_(b)) and (www.example.org).", []string{"url:http://example.com/a_(b)", "url:www.example.org"}},
		{"example.com/path?x=1, then", []string{"url:example.com/path?x=1"}},
		{"localhost:8080 is not a domain, example.com:8080 is", []string{"url:example.com:8080"}},
		{"mail me: ali.reza@example.co.uk.", []string{"email:ali.reza@example.co.uk"}},
		{"thanks @ali_reza and @سارا!", []string{"mention:@ali_reza", "mention:@سارا"}},
		{"pi is 3.14, 1,000 people at 12:30 on 2024/01/02 or ۱۴۰۲/۰۱/۰۲", []string{"number:3.14", "number:1,000", "number:12:30", "number:2024/01/02", "number:۱۴۰۲/۰۱/۰۲"}},
		{"run /usr/bin/env or ./gen.sh or C:\\Users\\ali or ~/notes/a.txt.", []string{"path:/usr/bin/env", "path:./gen.sh", "path:C:\\Users\\ali", "path:~/notes/a.txt"}},
		{`a <a href="x y">link</a> <!-- c --> b`, []string{`tag:<a href="x y">`, "tag:</a>", "tag:<!-- c -->"}},
		{"type `go test ./...` now", []string{"code:`go test ./...`"}},
		// Not spans.
		{"end.Start of a sentence, 3 < 4 and 5 > 2, #hashtag, a/b, e.g. this", nil},
		{"سلام، خوبی؟ ۱۲۳ و ٤٥", nil},
		{"a\u00a0b\u2003 1.5\u00a0kg", []string{"number:1.5"}},
		{"”https://a.com/کـتاب“ »www.x.org« ‹http://y.io›", []string{"url:https://a.com/کـتاب", "url:www.x.org", "url:http://y.io"}},
		{"@café\u0301۱ `a\u2028b`", []string{"mention:@café\u0301۱"}},
		// An escape's introducer ends a token (other controls do not); no
		// span starts or ends with an invalid byte.
		{"https://x.org/a\x1b[0m b", []string{"url:https://x.org/a"}},
		{"https://x.org/\x00x \x1b www.x.org\u009b", []string{"url:https://x.org/\x00x", "url:www.x.org"}},
		{"https://x.org/\xd2 \x80a\\b", []string{"url:https://x.org/", "path:a\\b"}},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range Find(tc.text) {
			got = append(got, s.Kind.String()+":"+tc.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// FuzzFind checks that spans are in order, inside the text, on line and
// rune boundaries, and never empty.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"https://x.org/a)", "a@b.cd", "<a>`x`", "1,2.3", "/a/b", "\xff://", "www."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Find(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) || strings.ContainsAny(s[sp.Start:sp.End], "\n\r") {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
			prev = sp.End
		}
	})
}
