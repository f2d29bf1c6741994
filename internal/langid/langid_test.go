package langid

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/textnorm/textnorm/script"
)

// noScorer has no statistical opinion, so the Arabic-script evidence model
// decides alone.
var noScorer = ScorerFunc(func(string, []string) []Score { return nil })

// arabicCases are sentences written for these tests, one language each.
var arabicCases = []struct {
	name, text, want string
}{
	{"persian weather", "امروز صبح باران شدیدی در تهران بارید و خیابان‌ها پر از آب شد.", "fa"},
	{"persian book", "این کتاب را برای دخترم خریدم چون داستان‌هایش را دوست دارد.", "fa"},
	{"persian news", "دولت اعلام کرد که قیمت نان از هفته آینده افزایش نمی‌یابد.", "fa"},
	{"dari university", "محصلان پوهنتون کابل امروز در صنف‌های خود حاضر شدند.", "fa"},
	{"dari farmers", "ولسوالی‌های شمالی کشور امسال باران کافی نداشتند و دهقانان نگران هستند.", "fa"},
	{"miskeyed persian bookshop", "اين كتاب را ديروز از كتابفروشي نزديك خانه خريدم.", "fa"},
	{"miskeyed persian letter", "او ديروز نامه‌اي براي مادرش نوشت و آن را فرستاد.", "fa"},
	{"miskeyed persian students", "دانشجويان امروز در سالن اصلي دانشكده جمع شدند.", "fa"},
	{"miskeyed persian square", "يك مرد جوان ديروز در نزديكي ميدان اصلي شهر ديده شد.", "fa"},
	{"arabic school", "ذهب الطلاب إلى المدرسة في الصباح الباكر لأن الامتحان كان صعبا.", "ar"},
	{"arabic ministry", "قالت الوزارة إن المشروع الجديد سيوفر آلاف الوظائف للشباب.", "ar"},
	{"arabic visit", "هذه هي المرة الأولى التي يزور فيها الرئيس المدينة منذ سنوات.", "ar"},
	{"arabic short weather", "كان الجو حارا جدا يوم أمس.", "ar"},
	{"urdu market", "میں کل اپنے دوست کے ساتھ بازار گیا تھا اور ہم نے کتابیں خریدیں۔", "ur"},
	{"urdu electricity", "حکومت نے اعلان کیا ہے کہ اگلے ماہ سے بجلی سستی ہو جائے گی۔", "ur"},
	{"urdu cricket", "پاکستان کی ٹیم نے کل رات میچ جیت لیا۔", "ur"},
	{"pashto school", "زه نن سهار له خپلو ملګرو سره ښوونځي ته لاړم.", "ps"},
	{"pashto water", "د افغانستان په ښارونو کې د اوبو کمښت یوه لویه ستونزه ده.", "ps"},
	{"pashto farmers", "هغه وویل چې حکومت به د کروندګرو لپاره نوې پروژې پیل کړي.", "ps"},
	{"pashto children", "ماشومانو ته باید ښه زده کړه ورکړل شي.", "ps"},
	{"urdu short", "یہ کیا ہے؟", "ur"},
	{"pashto short", "ښه ورځ!", "ps"},
}

// oneSpan asserts that spans is one span over all of text with lang want
// and a confidence of at least 0.5.
func oneSpan(t *testing.T, text string, spans []Span, want string) {
	t.Helper()
	oneSpanConf(t, text, spans, want, 0.5)
}

// oneSpanConf is oneSpan with a chosen minimum confidence.
func oneSpanConf(t *testing.T, text string, spans []Span, want string, minConf float64) {
	t.Helper()
	if len(spans) != 1 {
		t.Fatalf("got %d spans %v, want one", len(spans), spans)
	}
	sp := spans[0]
	if sp.Start != 0 || sp.End != len(text) {
		t.Errorf("span [%d,%d), want [0,%d)", sp.Start, sp.End, len(text))
	}
	if sp.Lang != want {
		t.Errorf("lang %q (conf %.2f), want %q", sp.Lang, sp.Conf, want)
	}
	if sp.Conf < minConf || sp.Conf > 1 {
		t.Errorf("conf %.3f, want in [%.2f, 1]", sp.Conf, minConf)
	}
}

func TestArabicScript(t *testing.T) {
	// Evidence alone must still rank right; with few function words
	// (mis-keyed text) its lead is small, which the n-grams then settle.
	for _, sc := range []struct {
		name    string
		scorer  Scorer
		minConf float64
	}{{"ngram", DefaultNgram(), 0.45}, {"evidence-only", noScorer, 0.05}} {
		id := New(Options{Scorer: sc.scorer})
		for _, c := range arabicCases {
			t.Run(sc.name+"/"+c.name, func(t *testing.T) {
				oneSpanConf(t, c.text, id.Spans(c.text, script.Arabic, nil), c.want, sc.minConf)
			})
		}
	}
}

func TestArabicEvidenceFeatures(t *testing.T) {
	tests := []struct {
		name, text    string
		better, worse string
		minLeadInNats float64
	}{
		{"pashto letters beat the others", "ښځه", "ps", "fa", 2},
		{"urdu letters beat the others", "ٹھیک", "ur", "fa", 2},
		{"persian letters beat arabic", "پدر", "fa", "ar", 1},
		{"teh marbuta is arabic", "مدرسة", "ar", "fa", 1},
		{"persian function words outweigh arabic yeh and kaf", "كتاب را براي من", "fa", "ar", 1},
		{"arabic function words", "في هذا الذي", "ar", "fa", 3},
		{"mi prefix with zwnj", "می‌روم", "fa", "ur", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := scoreArabic(tc.text)
			lead := e.score[arab.index(tc.better)] - e.score[arab.index(tc.worse)]
			if lead < tc.minLeadInNats {
				t.Errorf("scores %v: %s leads %s by %.2f, want >= %.2f", e.score, tc.better, tc.worse, lead, tc.minLeadInNats)
			}
		})
	}
}

func TestSingleArabicYehIsNotDecisive(t *testing.T) {
	// One Arabic yeh in otherwise Persian text must not make it Arabic.
	text := "ما هر روز صبح با دوستانمان در پارک قدم مي‌زنیم."
	id := New(Options{Scorer: noScorer})
	oneSpan(t, text, id.Spans(text, script.Arabic, nil), "fa")
}

var latinCases = []struct{ text, want string }{
	{"The committee will publish its final report on the new railway next spring.", "en"},
	{"Le musée restera fermé pendant trois semaines pour des travaux de rénovation.", "fr"},
	{"Die Bibliothek bleibt wegen der Renovierung drei Wochen lang geschlossen.", "de"},
	{"El museo permanecerá cerrado durante tres semanas por obras de renovación.", "es"},
}

// latinLangs keeps lingua tests small: only these models are loaded.
var latinLangs = []string{"en", "fr", "de", "es"}

func TestLatinSentences(t *testing.T) {
	id := New(Options{Langs: latinLangs})
	for _, c := range latinCases {
		t.Run(c.want, func(t *testing.T) {
			oneSpan(t, c.text, id.Spans(c.text, script.Latin, nil), c.want)
		})
	}
}

func TestAlternatingSentences(t *testing.T) {
	sents := []struct{ text, lang string }{
		{"The train was late again this morning.", "en"},
		{"Le train était encore en retard ce matin.", "fr"},
		{"Nobody at the station could explain why.", "en"},
		{"Personne à la gare ne pouvait expliquer pourquoi !", "fr"},
	}
	var parts []string
	for _, s := range sents {
		parts = append(parts, s.text)
	}
	line := strings.Join(parts, "  ")
	id := New(Options{Langs: latinLangs})
	spans := id.Spans(line, script.Latin, nil)
	if len(spans) != len(sents) {
		t.Fatalf("got %d spans %v, want %d", len(spans), spans, len(sents))
	}
	for i, s := range sents {
		start := strings.Index(line, s.text)
		want := Span{Start: start, End: start + len(s.text), Lang: s.lang}
		got := spans[i]
		if got.Start != want.Start || got.End != want.End || got.Lang != want.Lang {
			t.Errorf("span %d = %+v, want [%d,%d) %s", i, got, want.Start, want.End, want.Lang)
		}
	}
}

func TestSameLanguageSentencesMerge(t *testing.T) {
	line := "The museum is closed today. It will open again on Monday morning. Tickets bought online remain valid."
	id := New(Options{Langs: latinLangs})
	oneSpan(t, line, id.Spans(line, script.Latin, nil), "en")
}

func TestShortSpans(t *testing.T) {
	persianDoc := []string{
		"امروز صبح باران شدیدی در تهران بارید و خیابان‌ها پر از آب شد.",
		"دولت اعلام کرد که قیمت نان از هفته آینده افزایش نمی‌یابد.",
	}
	englishDoc := []string{
		"The committee will publish its final report on the new railway next spring.",
	}
	tests := []struct {
		name    string
		script  script.Script
		doc     []string // runs analysed first to fill the context
		text    string
		want    string
		maxConf float64
	}{
		{"persian name in persian document", script.Arabic, persianDoc, "سلام", "fa", 1},
		// With nothing to go on, a best guess with a low confidence.
		{"persian name, no context", script.Arabic, nil, "سلام", "fa", 0.3},
		{"two latin words in english document", script.Latin, englishDoc, "Radio Taxi", "en", 1},
		{"two latin words, no context", script.Latin, nil, "Radio Taxi", "", 0.3},
		{"latin name between english sentences", script.Latin, nil,
			"The mayor opened the new bridge on Sunday. Maria Lopez. She thanked the workers who built it.", "en", 1},
		{"arabic-script name between persian sentences", script.Arabic, nil,
			"این کتاب را برای دخترم خریدم. نور. او داستان‌هایش را خیلی دوست دارد.", "fa", 1},
	}
	id := New(Options{Langs: append(slices.Clone(latinLangs), "fa", "ar", "ur", "ps")})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := NewContext()
			for _, run := range tc.doc {
				ctx.Observe(id.Analyze(run, tc.script))
			}
			spans := id.Spans(tc.text, tc.script, ctx)
			if len(spans) != 1 || spans[0].Lang != tc.want && (tc.want != "" || spans[0].Lang == Und) {
				t.Fatalf("spans %+v, want one %q span", spans, cmp.Or(tc.want, "language's"))
			}
			if spans[0].Conf > tc.maxConf {
				t.Errorf("conf %.2f, want <= %.2f", spans[0].Conf, tc.maxConf)
			}
		})
	}
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		script script.Script
		langs  []string
		want   []string
	}{
		{script.Hangul, nil, []string{"ko"}},
		{script.Hiragana, nil, []string{"ja"}},
		{script.Katakana, nil, []string{"ja"}},
		{script.Greek, nil, []string{"el"}},
		{script.Hebrew, nil, []string{"he"}},
		{script.Thai, nil, []string{"th"}},
		{script.Arabic, nil, []string{"fa", "ar", "ur", "ps", "ckb", "ug", "sd"}},
		{script.Arabic, []string{"fa", "ar", "en"}, []string{"fa", "ar"}},
		{script.Latin, []string{"en", "fa"}, []string{"en"}},
		{script.Greek, []string{"en", "fa"}, []string{"el"}}, // restriction leaves none: script's own
		{script.Devanagari, nil, []string{"hi", "mr"}},
		{script.Han, nil, []string{"zh", "ja"}},
		{script.Unknown, nil, nil},
	}
	for _, tc := range tests {
		got := New(Options{Langs: tc.langs, Scorer: noScorer}).Candidates(tc.script)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Candidates(%q) with %v = %v, want %v", tc.script, tc.langs, got, tc.want)
		}
	}
	latin := New(Options{Scorer: noScorer}).Candidates(script.Latin)
	for _, l := range []string{"en", "fr", "de", "es", "tr", "vi"} {
		if !slices.Contains(latin, l) {
			t.Errorf("Latn candidates %v lack %s", latin, l)
		}
	}
	if slices.Contains(latin, "la") || slices.Contains(latin, "fa") {
		t.Errorf("Latn candidates %v hold la or fa", latin)
	}
}

func TestLangsRestriction(t *testing.T) {
	urdu := "میں کل اپنے دوست کے ساتھ بازار گیا تھا اور ہم نے کتابیں خریدیں۔"
	// Urdu excluded: the run must come out as one of the allowed languages.
	id := New(Options{Langs: []string{"fa", "ar"}})
	spans := id.Spans(urdu, script.Arabic, nil)
	if len(spans) != 1 || (spans[0].Lang != "fa" && spans[0].Lang != "ar" && spans[0].Lang != Und) {
		t.Errorf("spans %+v, want one fa, ar or und span", spans)
	}
	// One allowed language in a script decides it outright.
	en := New(Options{Langs: []string{"en", "fa"}})
	fr := latinCases[1].text
	oneSpan(t, fr, en.Spans(fr, script.Latin, nil), "en")
}

func TestSingleLanguageScripts(t *testing.T) {
	id := New(Options{Scorer: noScorer})
	tests := []struct {
		text   string
		script script.Script
		want   string
	}{
		{"안녕하세요 여러분", script.Hangul, "ko"},
		{"Καλημέρα σε όλους", script.Greek, "el"},
		{"שלום לכולם", script.Hebrew, "he"},
		{"สวัสดีครับ", script.Thai, "th"},
		{"ひらがな", script.Hiragana, "ja"},
		{"Ⴀⴁ", script.Unknown, Und},
	}
	for _, tc := range tests {
		oneSpan := id.Spans(tc.text, tc.script, nil)
		if len(oneSpan) != 1 || oneSpan[0].Lang != tc.want {
			t.Errorf("Spans(%q, %s) = %+v, want %s", tc.text, tc.script, oneSpan, tc.want)
		}
	}
}

func TestHanTakesJapaneseContext(t *testing.T) {
	id := New(Options{Scorer: noScorer})
	han := "東京大学"
	if s := id.Spans(han, script.Han, nil); len(s) != 1 || s[0].Lang != "zh" {
		t.Errorf("no context: %+v, want zh", s)
	}
	ctx := NewContext()
	ctx.Observe(id.Analyze("ひらがなとカタカナ", script.Hiragana))
	if s := id.Spans(han, script.Han, ctx); len(s) != 1 || s[0].Lang != "ja" {
		t.Errorf("japanese context: %+v, want ja", s)
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"  padded.  ", []string{"padded."}},
		{"e.g. this stays. 3.5 too.", []string{"e.g. this stays.", "3.5 too."}},
		{"He said \"stop.\" Then left.", []string{"He said", "\"stop.\"", "Then left."}},
		{"او گفت «الحمد لله» و رفت.", []string{"او گفت", "«الحمد لله»", "و رفت."}},
		{"گفتند: اللهم تقبل منا.", []string{"گفتند:", "اللهم تقبل منا."}},
		{"Note:the time", []string{"Note:the time"}},
		{"سلام؟ خوبی. بله", []string{"سلام؟", "خوبی.", "بله"}},
		{"یہ ہے۔ وہ ہے۔", []string{"یہ ہے۔", "وہ ہے۔"}},
		{"一。二。", []string{"一。", "二。"}},
		{"line one\nline two", []string{"line one", "line two"}},
		{"   ", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, r := range appendSentences(nil, tc.text) {
			got = append(got, tc.text[r[0]:r[1]])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("appendSentences(nil, %q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestContext(t *testing.T) {
	c := NewContext()
	c.Add(script.Arabic, "fa", 30)
	c.Add(script.Arabic, "ar", 10)
	c.Add(script.Arabic, Und, 50)
	c.Add(script.Latin, "en", 5)
	p := c.Prior(script.Arabic, []string{"fa", "ar", "ur"})
	if math.Abs(p["fa"]-0.75) > 1e-9 || math.Abs(p["ar"]-0.25) > 1e-9 || p["ur"] != 0 {
		t.Errorf("Prior = %v, want fa .75 ar .25", p)
	}
	if c.Prior(script.Cyrillic, []string{"ru"}) != nil {
		t.Error("Prior of unseen script not nil")
	}
	var nilCtx *Context
	if nilCtx.Prior(script.Arabic, []string{"fa"}) != nil || nilCtx.Weight(script.Arabic, "fa") != 0 {
		t.Error("nil Context not empty")
	}
}

func TestConcurrentUse(t *testing.T) {
	id := New(Options{Langs: []string{"en", "fr", "fa", "ar", "ur", "ps"}})
	ctx := NewContext()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := arabicCases[g%len(arabicCases)]
			a := id.Analyze(c.text, script.Arabic)
			ctx.Observe(a)
			oneSpan(t, c.text, a.Spans(ctx), c.want)
			oneSpan(t, latinCases[g%2].text, id.Spans(latinCases[g%2].text, script.Latin, ctx), latinCases[g%2].want)
		}()
	}
	wg.Wait()
}

// TestContextDecides covers sentences that their page decides: a line of
// brand names takes the page's language even when the statistics lean
// elsewhere, and a Chinese sentence is zh on a page with Japanese, while a
// Han-only name there is ja.
func TestContextDecides(t *testing.T) {
	id := New(Options{})
	english := NewContext()
	english.Add(script.Latin, "en", 500)
	if spans := id.Spans("Google Play | App Store", script.Latin, english); len(spans) != 1 || spans[0].Lang != "en" {
		t.Errorf("names on an English page: %+v, want one en span", spans)
	}
	if !mostlyCapitalized("By Maria Lopez and Tom Hughes") || mostlyCapitalized("The mayor opened the bridge") {
		t.Error("mostlyCapitalized")
	}
	japanese := NewContext()
	japanese.Add(script.Japanese, "ja", 500)
	if spans := id.Spans("这家餐厅的菜很好吃，服务也很周到，我们下次还会再来。", script.Han, japanese); len(spans) != 1 || spans[0].Lang != "zh" {
		t.Errorf("Chinese sentence on a Japanese page: %+v, want zh", spans)
	}
	if spans := id.Spans("東京都", script.Han, japanese); len(spans) != 1 || spans[0].Lang != "ja" {
		t.Errorf("Han-only name on a Japanese page: %+v, want ja", spans)
	}
}
