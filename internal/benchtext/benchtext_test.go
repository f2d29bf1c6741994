package benchtext

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestDocument(t *testing.T) {
	d := Document(1, 64<<10)
	if len(d) < 64<<10 || len(d) > 66<<10 {
		t.Errorf("Document(1, 64 KB) is %d bytes", len(d))
	}
	if !utf8.ValidString(d) {
		t.Error("not valid UTF-8")
	}
	if d != Document(1, 64<<10) {
		t.Error("not the same text for the same seed")
	}
	if d == Document(2, 64<<10) {
		t.Error("the same text for another seed")
	}
	for _, sc := range []*unicode.RangeTable{unicode.Latin, unicode.Arabic, unicode.Cyrillic, unicode.Han, unicode.Hiragana, unicode.Devanagari} {
		if !strings.ContainsFunc(d, func(r rune) bool { return unicode.Is(sc, r) }) {
			t.Errorf("no letter of a script in 64 KB")
		}
	}
	for _, l := range langs {
		n := 0
		for _, w := range vocab[l.code] {
			if len(w) >= 4 && strings.Contains(d, w) {
				n++
			}
		}
		if n < 20 {
			t.Errorf("%d words of %s in 64 KB", n, l.code)
		}
	}
	// Sentences seldom repeat.
	sentences := strings.FieldsFunc(d, func(r rune) bool { return strings.ContainsRune(".。۔।[\n", r) })
	seen := map[string]bool{}
	n := 0
	for _, s := range sentences {
		if s = strings.TrimSpace(s); s != "" {
			seen[s] = true
			n++
		}
	}
	if len(seen) < n*9/10 {
		t.Errorf("%d different sentences of %d", len(seen), n)
	}
}

func TestDocuments(t *testing.T) {
	docs := Documents(1, 256<<10, 16<<10)
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	if n < 256<<10 || len(docs) < 15 || len(docs) > 17 {
		t.Errorf("%d documents of %d bytes in all", len(docs), n)
	}
}

func TestLines(t *testing.T) {
	lines := Lines(1, 64<<10)
	for _, l := range lines {
		if l == "" || strings.ContainsAny(l, "\n\r") || !utf8.ValidString(l) {
			t.Fatalf("line %q", l)
		}
		if n := len(strings.Fields(l)); n > 5 {
			t.Errorf("line %q has %d words", l, n)
		}
	}
	seen := map[string]bool{}
	for _, l := range lines {
		seen[l] = true
	}
	if len(seen) < len(lines)*3/4 {
		t.Errorf("%d different lines of %d", len(seen), len(lines))
	}
	if !slices.Equal(lines, Lines(1, 64<<10)) {
		t.Error("not the same lines for the same seed")
	}
}

func TestLanguages(t *testing.T) {
	want := []string{"en", "ar", "ur", "fa", "ru", "zh", "ja", "hi", "fr", "de"}
	if got := Languages(); !slices.Equal(got, want) {
		t.Errorf("Languages() = %v, want %v", got, want)
	}
}
