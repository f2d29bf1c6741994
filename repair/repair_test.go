package repair

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

func TestFixCases(t *testing.T) {
	tests := []struct{ in, want string }{
		{"cafÃ©", "café"},
		{"cafÃƒÂ©", "café"},
		{"ط³ظ„ط§ظ…", "سلام"},
		{"سلام ط³ظ„ط§ظ… دوست", "سلام سلام دوست"},
		{"Ø³Ù„Ø§Ù…", "سلام"},
		{"Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"},
		{"Itâ€™s", "It’s"},
		{"ä¸­æ–‡", "中文"},
		{"چاپ", "چاپ"},
		{"« CAFÉ\u00a0»", "« CAFÉ\u00a0»"},
		{"« Été »", "« Été »"},
		{"naïve café", "naïve café"},
		{"&eacute;t&eacute; &#1740; AT&T", "été ی AT&T"},
		{"<p>&eacute;</p>", "<p>&eacute;</p>"},
		{"see https://x.org/?a=1&amp;b=2 &amp; more", "see https://x.org/?a=1&amp;b=2 & more"},
		// Protected spans are copied as they are.
		{"cafÃ© http://x.org/cafÃ© `cafÃ©`", "café http://x.org/cafÃ© `cafÃ©`"},
	}
	for _, tc := range tests {
		if got := Fix(tc.in, Mojibake|Entities); got != tc.want {
			t.Errorf("Fix(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPasses checks that the steps of each pass rebuild its output from its
// input, and name what they undid.
func TestPasses(t *testing.T) {
	in := "cafÃƒÂ© ط³ظ„ط§ظ… &eacute;t&eacute;"
	outs, steps := Passes(in, Mojibake|Entities)
	if len(outs) == 0 || outs[len(outs)-1] != Fix(in, Mojibake|Entities) {
		t.Fatalf("passes %q, Fix %q", outs, Fix(in, Mojibake|Entities))
	}
	src := in
	whats := map[string]bool{}
	for k, st := range steps {
		var b strings.Builder
		at := 0
		for _, s := range st {
			if s.Pass != k || src[s.Start:s.End] != s.Before {
				t.Fatalf("pass %d: step %+v does not match its input %q", k, s, src)
			}
			b.WriteString(src[at:s.Start])
			b.WriteString(s.After)
			at = s.End
			whats[s.What] = true
		}
		b.WriteString(src[at:])
		if b.String() != outs[k] {
			t.Fatalf("pass %d: steps give %q, want %q", k, b.String(), outs[k])
		}
		src = outs[k]
	}
	for _, w := range []string{"mojibake: UTF-8 read as windows-1252", "mojibake: UTF-8 read as windows-1256", "html-entities"} {
		if !whats[w] {
			t.Errorf("no step %q in %v", w, whats)
		}
	}
}

// TestTransformer checks that the transformer repairs as Fix does however
// the text is cut, long lines included.
func TestTransformer(t *testing.T) {
	long := strings.Repeat("cafÃ© ", MaxLine/4)
	for _, in := range []string{"", "cafÃ©\nط³ظ„ط§ظ…\r\n&amp;", "no newline at the end ط³ظ„ط§ظ…", long + "\n" + long} {
		want := Fix(in, Mojibake|Entities)
		if strings.Contains(in, long) {
			want = strings.ReplaceAll(in, "Ã©", "é") // cut into pieces, each whole words
		}
		for _, size := range []int{1, 7, 4096} {
			r := transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), NewTransformer(Mojibake|Entities))
			if size > 1 {
				r = transform.NewReader(strings.NewReader(in), NewTransformer(Mojibake|Entities))
			}
			got, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want {
				t.Errorf("size %d: transformer gives %d bytes %.40q, want %d %.40q", size, len(got), got, len(want), want)
			}
		}
	}
}

// FuzzFix checks that any text, valid UTF-8 or not, is repaired without a
// panic, that valid UTF-8 stays valid, and that repair is idempotent.
func FuzzFix(f *testing.F) {
	for _, s := range []string{"cafÃ©", "ط³ظ„ط§ظ…", "Ã˜Â®Ã˜Â·", "&eacute;&#1740;&#x6cc;", "<p>&amp;</p>", "\xff\xfe", "â€œ", "Ð¿Ñ€Ð¸", "√©"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Fix(s, Mojibake|Entities)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Fix(%q) = %q, invalid UTF-8", s, out)
		}
		if again := Fix(out, Mojibake|Entities); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

// TestAlign checks that spans of the repaired text map back to what they
// came from.
func TestAlign(t *testing.T) {
	in := "abc ط³ظ„ط§ظ… def cafÃƒÂ© &amp; x"
	out, a := Align(in, Mojibake|Entities)
	if out != "abc سلام def café & x" {
		t.Fatalf("Align: %q", out)
	}
	for _, tc := range []struct{ sub, want string }{
		{"abc", "abc"}, {"سلام", "ط³ظ„ط§ظ…"}, {"def", "def"}, {"café", "cafÃƒÂ©"}, {"&", "&amp;"}, {"x", "x"},
		{"abc سلام", "abc ط³ظ„ط§ظ…"}, {"لا", "ظ„ط§"}, // a character at a time
	} {
		i := strings.Index(out, tc.sub)
		s, e := a.Source(i, i+len(tc.sub))
		if in[s:e] != tc.want {
			t.Errorf("Source of %q: %q, want %q", tc.sub, in[s:e], tc.want)
		}
	}
}
