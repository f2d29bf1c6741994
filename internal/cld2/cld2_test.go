//go:build cld2

package cld2

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var sentences = []struct{ lang, text string }{
	{"en", "The central bank raised its main interest rate by half a point on Wednesday, saying that prices for food and rent were still rising faster than wages."},
	{"fa", "بانک مرکزی روز چهارشنبه نرخ بهره را نیم درصد افزایش داد و اعلام کرد که قیمت مواد غذایی و اجاره‌بها همچنان سریع‌تر از دستمزدها بالا می‌رود."},
	{"ar", "قال وزير الاقتصاد إن الحكومة ستعلن عن خطة جديدة لدعم الأسر ذات الدخل المحدود خلال الأسبوع المقبل."},
	{"ru", "Центральный банк повысил ключевую ставку на полпроцента в среду, заявив, что цены на продукты и аренду продолжают расти быстрее зарплат."},
	{"zh", "中国人民银行周三宣布将主要利率提高半个百分点，称食品和房租价格仍在上涨。"},
	{"zh", "中國人民銀行週三宣布將主要利率提高半個百分點，稱食品和房租價格仍在上漲。"}, // Traditional: CLD2's zh-Hant
	{"ja", "東京の桜は今年も三月の終わりに咲き始め、多くの観光客が公園を訪れました。"},
	{"he", "הבנק המרכזי העלה את הריבית בחצי אחוז ביום רביעי, בטענה שהמחירים ממשיכים לעלות."}, // CLD2's iw
	{"fr", "La banque centrale a relevé son taux directeur d'un demi-point mercredi, estimant que les prix de l'alimentation continuaient d'augmenter."},
	{"de", "Die Zentralbank hat am Mittwoch den Leitzins um einen halben Prozentpunkt angehoben, weil die Preise für Lebensmittel weiter steigen."},
	// Pashto is in libcld2_full's tables, not in libcld2's own.
	{"ps", "د افغانستان د ملي شوري غړو وویل چې حکومت باید د سیلاب ځپلو کورنیو ته ژر مرسته ورسوي."},
}

// checkTiling checks that spans cover text in order, without gaps or
// overlaps, on rune boundaries.
func checkTiling(t *testing.T, text string, spans []Span) {
	t.Helper()
	end := 0
	for _, s := range spans {
		if s.Start != end || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %v after %d, text of %d bytes: %v", s, end, len(text), spans)
		}
		if !utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Errorf("span %v splits a rune", s)
		}
		end = s.End
	}
	if end != len(text) {
		t.Errorf("spans end at %d, text at %d: %v", end, len(text), spans)
	}
}

func TestDetectSentences(t *testing.T) {
	for _, tc := range sentences {
		spans, reliable := Detect(tc.text)
		checkTiling(t, tc.text, spans)
		if len(spans) != 1 || spans[0].Lang != tc.lang || !reliable {
			t.Errorf("Detect(%.40q) = %v, %v; want one span of %s, reliable", tc.text, spans, reliable, tc.lang)
		}
		if lang, reliable := DetectLanguage(tc.text); lang != tc.lang || !reliable {
			t.Errorf("DetectLanguage(%.40q) = %s, %v; want %s, reliable", tc.text, lang, reliable, tc.lang)
		}
	}
}

// TestDetectMixed reads CLD2's result chunks as spans: a paragraph in each
// of five languages is a span of its own.
func TestDetectMixed(t *testing.T) {
	var doc strings.Builder
	var want []string
	for _, tc := range sentences {
		switch tc.lang {
		case "en", "fa", "ru", "zh", "fr", "ar":
			if !slices.Contains(want, tc.lang) {
				doc.WriteString(tc.text + "\n")
				want = append(want, tc.lang)
			}
		}
	}
	text := doc.String()
	spans, _ := Detect(text)
	checkTiling(t, text, spans)
	var got []string
	for _, s := range spans {
		if s.Lang != "und" {
			got = append(got, s.Lang)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("languages of the spans %v, want %v: %v", got, want, spans)
	}
	for _, s := range spans {
		line := text[s.Start:s.End]
		if strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") {
			t.Errorf("span %v is not one line: %q", s, line)
		}
	}
	lang, _ := DetectLanguage(text)
	if !slices.Contains(want, lang) {
		t.Errorf("DetectLanguage = %s, want one of %v", lang, want)
	}
}

// TestDetectInvalid: CLD2 refuses text that is not interchange-valid
// UTF-8; Detect gives it such bytes as spaces, and the offsets hold.
func TestDetectInvalid(t *testing.T) {
	en := sentences[0].text
	for _, text := range []string{
		en + " \xff\xfe " + en,
		"\x01" + en + "\x00",
		en + " \xef\xb7\x90 " + en, // U+FDD0, a noncharacter
		en + "\xe2\x82",            // a truncated sequence at the end
	} {
		spans, _ := Detect(text)
		checkTiling(t, text, spans)
		if len(spans) != 1 || spans[0].Lang != "en" {
			t.Errorf("Detect(%.40q...) = %v, want one span of en", text, spans)
		}
		if lang, _ := DetectLanguage(text); lang != "en" {
			t.Errorf("DetectLanguage(%.40q...) = %s, want en", text, lang)
		}
	}
}

func TestDetectEmpty(t *testing.T) {
	if spans, reliable := Detect(""); spans != nil || reliable {
		t.Errorf(`Detect("") = %v, %v; want nil, false`, spans, reliable)
	}
	if lang, reliable := DetectLanguage(""); lang != "und" || reliable {
		t.Errorf(`DetectLanguage("") = %s, %v; want und, false`, lang, reliable)
	}
	// CLD2 gives no chunk for text without letters: one und span.
	spans, reliable := Detect("1234 ... 56")
	checkTiling(t, "1234 ... 56", spans)
	if len(spans) != 1 || spans[0].Lang != "und" || reliable {
		t.Errorf("Detect(1234 ... 56) = %v, %v; want one und span, unreliable", spans, reliable)
	}
}

// TestFullTables checks that CLD2 scores with libcld2_full's tables of 160
// languages, not libcld2's own 83: the link order decides.
func TestFullTables(t *testing.T) {
	ls, date := Tables()
	langs := map[string]bool{}
	for _, l := range ls {
		langs[l[:strings.LastIndexByte(l, '-')]] = true
	}
	t.Logf("CLD2 %s; quadgram tables of %d, %d language-scripts in %d languages", Version(), date, len(ls), len(langs))
	// The quadgram tables of libcld2_full have 143 languages (the rest of
	// its 160 and more are told by script alone, Greek or Thai, or by
	// CJK tables), libcld2's have 71.
	if date != 20140204 || len(langs) < 140 || !slices.Contains(ls, "ps-Arab") {
		t.Errorf("quadgram tables of %d with %d languages (ps-Arab: %v); want libcld2_full's, of 20140204, with ps-Arab and 140 or more",
			date, len(langs), slices.Contains(ls, "ps-Arab"))
	}
}

func TestBCP47(t *testing.T) {
	for cld, want := range map[string]string{
		"en": "en", "fa": "fa", "iw": "he", "jw": "jv", "zh": "zh", "zh-Hant": "zh", "no": "nb",
		"sr-ME": "sr", "ceb": "ceb", "un": "und", "xxx": "und", "xx-Thaa": "und", "zzp": "und", "": "und",
	} {
		if got := bcp47(cld); got != want {
			t.Errorf("bcp47(%q) = %q, want %q", cld, got, want)
		}
	}
	// Every code of CLD2's is a language subtag: two or three lower-case
	// letters, or und.
	for i, c := range codes() {
		if c == "und" {
			continue
		}
		if len(c) < 2 || len(c) > 3 || strings.Trim(c, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("CLD2 language %d: %q is not a language subtag", i, c)
		}
	}
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		text      string
		max, want int
	}{
		{"abc", 3, 3},
		{"abc", 10, 3},
		{"ab\ncd\nef", 7, 6},
		{"ab\ncd\nef", 5, 3},
		{"abcdef", 4, 4},
		{"aé", 2, 1}, // not into é
		{"\n\n", 1, 1},
	} {
		if got := cut(tc.text, tc.max); got != tc.want {
			t.Errorf("cut(%q, %d) = %d, want %d", tc.text, tc.max, got, tc.want)
		}
	}
}

// TestConcurrent: CLD2 is thread-safe, and so is the package.
func TestConcurrent(t *testing.T) {
	done := make(chan bool)
	for _, tc := range sentences {
		go func() {
			ok := true
			for range 50 {
				spans, _ := Detect(tc.text)
				lang, _ := DetectLanguage(tc.text)
				ok = ok && len(spans) == 1 && spans[0].Lang == tc.lang && lang == tc.lang
			}
			done <- ok
		}()
	}
	for range sentences {
		if !<-done {
			t.Error("a different answer in a goroutine")
		}
	}
}
