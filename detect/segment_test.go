package detect

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/textnorm/textnorm/engine"
	"github.com/textnorm/textnorm/internal/langid"
	"github.com/textnorm/textnorm/script"
)

// checkSegments asserts the segment contract of DESIGN.md on segs, the
// segments of text: in order, not overlapping, never across a line break,
// trimmed, only white space between them (or, with all, tiling the text),
// boundaries on grapheme cluster boundaries, and offsets in bytes, code
// points and UTF-16 units that agree.
func checkSegments(t *testing.T, text string, segs []Segment, all bool) {
	t.Helper()
	boundaries := map[int]bool{len(text): true}
	clusterAt := map[int]string{}  // cluster starting at an offset
	clusterEnd := map[int]string{} // cluster ending at an offset
	state, pos := -1, 0
	for rest := text; rest != ""; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		boundaries[pos] = true
		clusterAt[pos] = c
		pos += len(c)
		clusterEnd[pos] = c
	}
	blank := func(c string) bool { return strings.TrimFunc(c, isTrimmed) == "" }
	// Code point and UTF-16 offsets of every byte offset, counted the
	// way Python and JavaScript count them.
	runeAt := make([]int, len(text)+1)
	u16At := make([]int, len(text)+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		for k := 1; k <= n; k++ {
			runeAt[i+k] = runeAt[i] + 1
			u16At[i+k] = u16At[i] + len(utf16.Encode([]rune{r}))
		}
		i += n
	}
	prev := 0
	var concat strings.Builder
	for i, s := range segs {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("segment %d [%d,%d) out of order or bounds (previous end %d, text %d bytes) in %+q", i, s.Start, s.End, prev, len(text), text)
		}
		if s.Text != text[s.Start:s.End] {
			t.Fatalf("segment %d text %+q, want %+q", i, s.Text, text[s.Start:s.End])
		}
		if !boundaries[s.Start] || !boundaries[s.End] {
			t.Fatalf("segment %d [%d,%d) %+q splits a grapheme cluster of %+q", i, s.Start, s.End, s.Text, text)
		}
		if gap := text[prev:s.Start]; strings.TrimFunc(gap, isTrimmed) != "" {
			t.Fatalf("segment %d: gap %+q before it is not white space", i, gap)
		}
		if s.RuneStart != runeAt[s.Start] || s.RuneEnd != runeAt[s.End] {
			t.Fatalf("segment %d runes [%d,%d), want [%d,%d)", i, s.RuneStart, s.RuneEnd, runeAt[s.Start], runeAt[s.End])
		}
		if s.U16Start != u16At[s.Start] || s.U16End != u16At[s.End] {
			t.Fatalf("segment %d UTF-16 units [%d,%d), want [%d,%d)", i, s.U16Start, s.U16End, u16At[s.Start], u16At[s.End])
		}
		if s.Dir != script.LTR && s.Dir != script.RTL {
			t.Fatalf("segment %d dir %v", i, s.Dir)
		}
		if s.Lang == "" || s.Conf < 0 || s.Conf > 1 {
			t.Fatalf("segment %d lang %q conf %v", i, s.Lang, s.Conf)
		}
		gap := strings.TrimFunc(s.Text, isTrimmed) == "" && s.Text != ""
		if !gap {
			if strings.ContainsAny(s.Text, "\n\r\v\f\u0085\u2028\u2029") {
				t.Fatalf("segment %d %+q crosses a line break", i, s.Text)
			}
			if blank(clusterAt[s.Start]) || blank(clusterEnd[s.End]) {
				t.Fatalf("segment %d %+q is not trimmed: it starts or ends with a white-space grapheme cluster", i, s.Text)
			}
		} else if !all {
			t.Fatalf("segment %d %+q is white space without All", i, s.Text)
		} else if s.Script != script.Common || s.Lang != Und {
			t.Fatalf("gap segment %d is %s", i, s.Tag())
		}
		concat.WriteString(s.Text)
		prev = s.End
	}
	if rest := text[prev:]; strings.TrimFunc(rest, isTrimmed) != "" {
		t.Fatalf("text after the last segment %+q is not white space", rest)
	}
	if all && concat.String() != text {
		t.Fatalf("segments with All concatenate to %+q, want %+q", concat.String(), text)
	}
}

// fakeDetector is a Detector whose statistics are a cheap deterministic
// function, for tests of the segment contract that need no models.
func fakeDetector(all bool) *Detector {
	parity := langid.ScorerFunc(func(text string, cands []string) []langid.Score {
		if len(cands) < 2 {
			return nil
		}
		a, b := cands[0], cands[1]
		n := 0
		for _, r := range text {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n%2 == 1 {
			a, b = b, a
		}
		return []langid.Score{{Lang: a, P: 0.97}, {Lang: b, P: 0.03}}
	})
	return &Detector{opts: Options{All: all, ContextRuns: 8}, id: langid.New(langid.Options{Scorer: parity})}
}

var segmentInvariantCases = []string{
	"",
	"   \n\t\n",
	"Hello world.\n",
	"The minister said «با هم می‌سازیم» at the meeting.\r\nسلام دنیا\r\n",
	" \u0301abc \u0301",
	"e\u0301 👩‍👩‍👧 🇮🇷🇦🇫 x",
	"\ufeffBOM first line\nsecond",
	"123 456\n—\n",
	"日本語のテキストです。English. 한국어 텍스트.",
	"invalid \xff\xfe bytes سلام",
	"tab\there\u2028next\u0085line\fpage\vvt\rcr",
	"\u200c\u200cزن\u200c ",
	"(Samsung) گوشی جدید را معرفی کرد؛ قیمت: ۲۵۰۰ دلار.",
	"The word \u200cکتاب\u200c means book.",
	"\u200e\u202bسلام\u202c\u200f ok \u2066x\u2069",
}

func TestSegmentInvariants(t *testing.T) {
	for _, all := range []bool{false, true} {
		d := fakeDetector(all)
		for _, text := range segmentInvariantCases {
			checkSegments(t, text, d.Segments(text), all)
		}
	}
}

// TestSegmentInvariantsLongDocument checks a document longer than a block,
// which is segmented a block at a time.
func TestSegmentInvariantsLongDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("tags 1.5 MB")
	}
	var b strings.Builder
	for b.Len() < BlockSize+BlockSize/2 {
		for _, c := range segmentInvariantCases {
			b.WriteString(c)
			b.WriteString("\n")
		}
	}
	text := b.String()
	for _, all := range []bool{false, true} {
		checkSegments(t, text, fakeDetector(all).Segments(text), all)
	}
}

func FuzzSegments(f *testing.F) {
	for _, s := range segmentInvariantCases {
		f.Add(s)
	}
	ds := []*Detector{fakeDetector(false), fakeDetector(true)}
	f.Fuzz(func(t *testing.T, text string) {
		for i, d := range ds {
			checkSegments(t, text, d.Segments(text), i == 1)
		}
	})
}

// TestSegments checks the segments of mixed text with the real models: the
// (text, tag) of each.
func TestSegments(t *testing.T) {
	if testing.Short() {
		t.Skip("loads language models")
	}
	d := mustDetector(t, Options{})
	for _, tc := range []struct {
		name string
		text string
		want [][2]string
	}{
		{
			"Persian caption between English lines",
			"The floods destroyed hundreds of homes in the north of the country.\nتصویر آرشیوی از سیل در ولایت بغلان\nRescue teams reached the villages on Sunday morning.\n",
			[][2]string{
				{"The floods destroyed hundreds of homes in the north of the country.", "en-Latn"},
				{"تصویر آرشیوی از سیل در ولایت بغلان", "fa-Arab"},
				{"Rescue teams reached the villages on Sunday morning.", "en-Latn"},
			},
		},
		{
			"a lone two-word Persian caption on an English page",
			"Flood waters reached the city centre on Monday.\nنمای هوایی\nThe army sent boats to help residents.\n",
			[][2]string{
				{"Flood waters reached the city centre on Monday.", "en-Latn"},
				{"نمای هوایی", "fa-Arab"},
				{"The army sent boats to help residents.", "en-Latn"},
			},
		},
		{
			"a lone short Urdu line on an English page",
			"Thanks to everyone who came to the match.\nآپ سب کا شکریہ\n",
			[][2]string{
				{"Thanks to everyone who came to the match.", "en-Latn"},
				{"آپ سب کا شکریہ", "ur-Arab"},
			},
		},
		{
			"English and French sentences in one line",
			"The museum opens at nine every morning. Le musée ferme ses portes à dix-huit heures le dimanche. Tickets can be bought online.",
			[][2]string{
				{"The museum opens at nine every morning.", "en-Latn"},
				{"Le musée ferme ses portes à dix-huit heures le dimanche.", "fr-Latn"},
				{"Tickets can be bought online.", "en-Latn"},
			},
		},
		{
			"Persian with an English brand",
			"شرکت Samsung گوشی تازه‌ای را در سئول معرفی کرد که قیمت آن بالاتر از نسل قبل است.",
			[][2]string{
				{"شرکت", "fa-Arab"},
				{"Samsung", "en-Latn"},
				{"گوشی تازه‌ای را در سئول معرفی کرد که قیمت آن بالاتر از نسل قبل است.", "fa-Arab"},
			},
		},
		{
			"Urdu then Pashto",
			"حکومت نے اعلان کیا ہے کہ اگلے ہفتے سے تمام سکول دوبارہ کھل جائیں گے۔\nد ښوونې او روزنې وزارت ویلي چې ټول ښوونځي به راتلونکې اونۍ بیا پرانیستل شي.\n",
			[][2]string{
				{"حکومت نے اعلان کیا ہے کہ اگلے ہفتے سے تمام سکول دوبارہ کھل جائیں گے۔", "ur-Arab"},
				{"د ښوونې او روزنې وزارت ویلي چې ټول ښوونځي به راتلونکې اونۍ بیا پرانیستل شي.", "ps-Arab"},
			},
		},
		{
			"Japanese and Korean",
			"東京の天気は晴れです。\n서울은 오늘 비가 옵니다.\n",
			[][2]string{
				{"東京の天気は晴れです。", "ja-Jpan"},
				{"서울은 오늘 비가 옵니다.", "ko-Hang"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			segs := d.Segments(tc.text)
			checkSegments(t, tc.text, segs, false)
			var got [][2]string
			for _, s := range segs {
				got = append(got, [2]string{s.Text, s.Tag()})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d segments %q, want %q", len(got), got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("segment %d: got %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestLanguagesAndEngines(t *testing.T) {
	langs := Languages()
	for _, l := range []string{"en", "fa", "ar", "ur", "ps", "ru", "zh", "ja", "ko", "hi", "el"} {
		if !slices.Contains(langs, l) {
			t.Errorf("Languages() lacks %s", l)
		}
	}
	if slices.Contains(langs, "xx") || !slices.IsSorted(langs) {
		t.Errorf("Languages() = %v", langs)
	}
	text := "The weather in Kabul was cold and dry all week long.\nهوای کابل در تمام هفته سرد و خشک بود.\n"
	for _, name := range engine.Names() {
		if name == "lingua" && raceEnabled {
			// Loading lingua-go's models takes 40 s under the race
			// detector; engine/lingua's own tests cover the engine.
			continue
		}
		e, err := engine.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		segs := mustDetector(t, Options{Engine: e}).Segments(text)
		if len(segs) != 2 || segs[0].Lang != "en" || segs[1].Lang != "fa" {
			t.Errorf("engine %s: %+v", name, segs)
		}
	}
}

func TestParseLanguages(t *testing.T) {
	got, err := ParseLanguages(" EN, fa-AF,prs ,ar,,en")
	if err != nil || !slices.Equal(got, []string{"en", "fa", "ar"}) {
		t.Errorf("ParseLanguages = %v, %v", got, err)
	}
	if _, err := ParseLanguages("en,xx"); err == nil || !strings.Contains(err.Error(), `unknown language "xx"`) {
		t.Errorf("unknown language: %v", err)
	}
}

// FuzzSegmentsNgram checks the segment contract with the real language
// logic (orthography, context, the default n-gram engine).
func FuzzSegmentsNgram(f *testing.F) {
	for _, s := range segmentInvariantCases {
		f.Add(s)
	}
	ds := []*Detector{mustDetector(f, Options{}), mustDetector(f, Options{All: true})}
	f.Fuzz(func(t *testing.T, text string) {
		for i, d := range ds {
			checkSegments(t, text, d.Segments(text), i == 1)
		}
	})
}
