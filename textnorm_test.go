package textnorm

import (
	"strings"
	"testing"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/normalize"
	"github.com/textnorm/textnorm/script"
)

var tagDocs = []string{
	"\ufeffThe minister said «الحمد لله رب العالمين» today.  \r\nوزير گفت كه مذاكرات   مفيد بود.\r\n\r\n  Indented line\u00a0\u00a0here \n",
	"a\r\n\tb  c  \n",
	"کتاب\u200c\u200cها را  خواندم.\nThe end.",
	"",
	"   \n\n",
}

// TestTagAllNorms checks that with All the norms of the segments, gaps
// included, concatenate to the document normalized as a whole, for the
// auto profile and for named ones.
func TestTagAllNorms(t *testing.T) {
	for _, profile := range []string{Auto, "none", "default", "fa", "search"} {
		p, err := ParseProfile(profile)
		if err != nil {
			t.Fatal(err)
		}
		tagger, err := NewTagger(TagOptions{Options: detect.Options{All: true}, Profile: p})
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range tagDocs {
			segs := tagger.Tag(doc)
			var text, norms strings.Builder
			for _, s := range segs {
				text.WriteString(s.Text)
				norms.WriteString(s.Norm)
			}
			if text.String() != doc {
				t.Errorf("%s: texts concatenate to %q, want %q", profile, text.String(), doc)
			}
			want := tagger.Normalize(doc)
			if profile == Auto {
				want = NormalizeSegments(doc, segs)
			}
			if norms.String() != want {
				t.Errorf("%s: norms of %q concatenate to %q, want %q", profile, doc, norms.String(), want)
			}
		}
	}
}

// TestTagNormsByLanguage checks that each segment is normalized with its
// own language's profile: the Arabic quotation keeps its Arabic letters.
func TestTagNormsByLanguage(t *testing.T) {
	segs, err := Tag("وزير گفت: «الحمد لله الذي هدانا لهذا» و سپس مذاكرات را آغاز كرد.", TagOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range segs {
		got[s.Lang] += s.Norm + "|"
	}
	if !strings.Contains(got["ar"], "الذي") || !strings.Contains(got["fa"], "وزیر") || !strings.Contains(got["fa"], "کرد") {
		t.Errorf("norms by language: %q", got)
	}
	if ProfileFor("prs").Name() != normalize.Persian.Name() || ProfileFor("en").Name() != "default" {
		t.Error("ProfileFor")
	}
	if _, err := ParseProfile("klingon"); err == nil {
		t.Error("an unknown profile is accepted")
	}
	if _, err := NewTagger(TagOptions{Options: detect.Options{Langs: []string{"klingon"}}}); err == nil {
		t.Error("an unknown language is accepted")
	}
}

// TestAppendJSON pins the JSON Lines format: key order, escapes, four
// decimals, optional keys.
func TestAppendJSON(t *testing.T) {
	s := Segment{Segment: detect.Segment{Start: 3, End: 12, Text: "a\"\\\t\u2028\x01b", Script: script.Latin, Lang: "en", Dir: script.LTR, Conf: 0.123456,
		RuneStart: 1, RuneEnd: 8, U16Start: 1, U16End: 8}, Norm: "ab"}
	got := string(AppendJSON(nil, s, JSONLine{File: "f.txt", Line: 2, Offsets: RuneOffsets | UTF16Offsets}))
	want := `{"v":1,"file":"f.txt","line":2,"start":3,"end":12,"text":"a\"\\\t\u2028\u0001b","script":"Latn","lang":"en","tag":"en-Latn","dir":"ltr","conf":0.1235,"norm":"ab","rune_start":1,"rune_end":8,"u16_start":1,"u16_end":8}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	got = string(AppendJSON(nil, Segment{Segment: detect.Segment{Text: "\xff", Lang: "und"}}, JSONLine{}))
	if !strings.HasPrefix(got, `{"v":1,"start":0,"end":0,"text":"\ufffd"`) {
		t.Errorf("without file, line and offsets: %s", got)
	}
}
