package detect

// The accuracy harness on real text: testdata/langeval's measure part
// (strings of gettext catalogs, fortunes and CLDR, written by others; see
// its README), each string a document of its own. A string's answer is the
// language of its segment covering most letters. TestLangEval prints the
// tables with -v and holds textnorm's default to the floors of
// testdata/langeval/floors.tsv. TestLangEvalOthers scores the engines that
// build-tagged files add (langeval_lingua_test.go, tag lingua: lingua-go
// alone and used directly) beside it, with the agreement of textnorm's
// default with each on sentence-length strings.

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
)

var (
	langevalUpdate  = flag.Bool("langeval.floors", false, "rewrite testdata/langeval/floors.tsv from textnorm's measured accuracy on the real-text evaluation set")
	langevalMD      = flag.String("langeval.md", "", "write the real-text evaluation's tables to `file` (markdown)")
	langevalPart    = flag.String("langeval.part", "measure", "the `part` of testdata/langeval that TestLangEval and TestLangEvalOthers score: measure, or tune (to tune on; its floors are not checked)")
	langevalTargets = flag.Bool("langeval.targets", false, "make TestLangEvalOthers fail unless textnorm's default meets each other engine's agreement targets (issue 10's, for lingua-go alone)")
)

// A langevalOther is an engine scored beside textnorm's default by
// TestLangEvalOthers; build-tagged files add them to langevalOthers
// (langeval_lingua_test.go: lingua-go alone and lingua-go used directly).
type langevalOther struct {
	Name string
	// Options, if not nil, returns the options of a Detector that scores
	// with the engine, through Segments; else Detect gives one language
	// for a whole text ("" for none), as a program calling it directly.
	Options func() (Options, error)
	Detect  func(text string) string
	// Knows are the languages the engine knows: agreement is measured on
	// the languages both it and textnorm know.
	Knows map[string]bool
	// Floor is the least share (%) of sentence-length strings, pooled, on
	// which textnorm's default must agree with the engine (0: none);
	// Target and TargetEach are the pooled and per-language shares that
	// -langeval.targets requires.
	Floor, Target, TargetEach float64
}

var langevalOthers []langevalOther

const langevalDir = "../testdata/langeval"

// langevalFileBuckets are the length buckets of testdata/langeval/README.md;
// langevalBuckets add paragraphs, which readLangeval makes of its
// sentences (see langevalParagraphs).
var (
	langevalFileBuckets = []string{"short", "medium", "sentence"}
	langevalBuckets     = []string{"short", "medium", "sentence", "paragraph"}
)

// A langevalRow is one string of the evaluation set.
type langevalRow struct {
	Lang, Bucket, Source, Locale, Text string
}

// readLangeval reads part ("measure" or "tune") of testdata/langeval.
func readLangeval(t testing.TB, part string) []langevalRow {
	t.Helper()
	f, err := os.Open(langevalDir + "/" + part + ".tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []langevalRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			if sc.Text() != "lang\tbucket\tsource\tlocale\ttext" {
				t.Fatalf("%s.tsv: header %q", part, sc.Text())
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 5 || !slices.Contains(langevalFileBuckets, f[1]) || f[4] == "" {
			t.Fatalf("%s.tsv:%d: bad row %q", part, line+1, sc.Text())
		}
		rows = append(rows, langevalRow{f[0], f[1], f[2], f[3], f[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 1000 {
		t.Fatalf("%s.tsv: only %d rows", part, len(rows))
	}
	return append(rows, langevalParagraphs(rows)...)
}

// langevalParagraphSentences is how many sentences a paragraph joins.
const langevalParagraphSentences = 3

// langevalParagraphs makes paragraphs of the sentence rows: every run of
// langevalParagraphSentences consecutive sentences of one language, in
// the set's order (by source package), joined by a space (by nothing in
// Chinese, Japanese and Thai). The runs overlap (a window moved one
// sentence at a time), so that a language has as many paragraphs as
// sentences, less two; they are as real as the sentences, but not
// independent of each other. A paragraph's source is its first
// sentence's.
func langevalParagraphs(rows []langevalRow) []langevalRow {
	by := map[string][]langevalRow{}
	var order []string
	for _, r := range rows {
		if r.Bucket != "sentence" {
			continue
		}
		if by[r.Lang] == nil {
			order = append(order, r.Lang)
		}
		by[r.Lang] = append(by[r.Lang], r)
	}
	var out []langevalRow
	for _, lang := range order {
		rs := by[lang]
		sep := " "
		if lang == "zh" || lang == "ja" || lang == "th" {
			sep = ""
		}
		for i := 0; i+langevalParagraphSentences <= len(rs); i++ {
			var texts []string
			for _, r := range rs[i : i+langevalParagraphSentences] {
				texts = append(texts, r.Text)
			}
			out = append(out, langevalRow{Lang: lang, Bucket: "paragraph", Source: rs[i].Source, Locale: rs[i].Locale, Text: strings.Join(texts, sep)})
		}
	}
	return out
}

// langevalSample returns every k-th row.
func langevalSample(rows []langevalRow, k int) []langevalRow {
	var out []langevalRow
	for i := 0; i < len(rows); i += k {
		out = append(out, rows[i])
	}
	return out
}

// A langevalAnswer is what an engine made of one string.
type langevalAnswer struct {
	Lang    string // the language of the segment covering most letters, or Und
	Letters int    // letters of the string
	Right   int    // letters in segments of the string's true language
}

// langevalRun segments every row's text as one document with opts, on all
// cores.
func langevalRun(t testing.TB, opts Options, rows []langevalRow) []langevalAnswer {
	t.Helper()
	d, err := NewDetector(opts)
	if err != nil {
		t.Fatal(err)
	}
	return langevalEach(rows, func(r langevalRow) langevalAnswer {
		return langevalAnswerOf(d.Segments(r.Text), r.Lang)
	})
}

// langevalEach returns answer(row) for every row, on all cores.
func langevalEach[T any](rows []langevalRow, answer func(langevalRow) T) []T {
	out := make([]T, len(rows))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(rows); i += workers {
				out[i] = answer(rows[i])
			}
		})
	}
	wg.Wait()
	return out
}

func langevalAnswerOf(segs []Segment, gold string) langevalAnswer {
	a := langevalAnswer{Lang: Und}
	best := 0
	for _, s := range segs {
		n := letters(s.Text)
		a.Letters += n
		if s.Lang == gold {
			a.Right += n
		}
		if n > best {
			best, a.Lang = n, s.Lang
		}
	}
	return a
}

// langevalHan classifies a string of the Han experiment: "zh-han" for zh
// strings whose letters are all Han, "ja-kana" for ja strings with kana,
// "ja-han" for ja strings whose letters are all Han (zh by the rule "Han
// alone is zh unless kana or context says ja"), "" for others.
func langevalHan(r langevalRow) string {
	if r.Lang != "zh" && r.Lang != "ja" {
		return ""
	}
	han, kana, other := 0, 0, 0
	for _, c := range r.Text {
		switch {
		case !unicode.IsLetter(c):
		case unicode.Is(unicode.Han, c):
			han++
		case unicode.In(c, unicode.Hiragana, unicode.Katakana):
			kana++
		default:
			other++
		}
	}
	switch {
	case r.Lang == "ja" && kana > 0:
		return "ja-kana"
	case han > 0 && kana == 0 && other == 0:
		return r.Lang + "-han"
	}
	return ""
}

// langevalCount is a proportion.
type langevalCount struct{ N, OK int }

func (c langevalCount) pct() float64 {
	if c.N == 0 {
		return math.NaN()
	}
	return 100 * float64(c.OK) / float64(c.N)
}

// langevalStats are an engine's results: string accuracy by language and
// bucket ("all" for every bucket), letter accuracy by language, the Han
// experiment.
type langevalStats struct {
	Name    string
	Cells   map[string]map[string]*langevalCount // lang -> bucket
	Letters map[string]*langevalCount            // lang -> letters right
	Han     map[string]*langevalCount            // langevalHan class -> answered zh (zh-han, ja-han) or ja (ja-kana)
	Answers []langevalAnswer
}

// langevalPooled is the pseudo-language of the cells that pool every
// language textnorm knows (in the floors and the tables).
const langevalPooled = "all"

func langevalTabulate(name string, rows []langevalRow, answers []langevalAnswer) *langevalStats {
	s := &langevalStats{Name: name, Cells: map[string]map[string]*langevalCount{}, Letters: map[string]*langevalCount{}, Han: map[string]*langevalCount{}, Answers: answers}
	cell := func(lang, bucket string) *langevalCount {
		if s.Cells[lang] == nil {
			s.Cells[lang] = map[string]*langevalCount{}
		}
		if s.Cells[lang][bucket] == nil {
			s.Cells[lang][bucket] = &langevalCount{}
		}
		return s.Cells[lang][bucket]
	}
	letters := func(lang string) *langevalCount {
		if s.Letters[lang] == nil {
			s.Letters[lang] = &langevalCount{}
		}
		return s.Letters[lang]
	}
	for i, r := range rows {
		a := answers[i]
		ok := 0
		if a.Lang == r.Lang {
			ok = 1
		}
		for _, b := range []string{r.Bucket, "all"} {
			c := cell(r.Lang, b)
			c.N++
			c.OK += ok
		}
		lc := letters(r.Lang)
		lc.N += a.Letters
		lc.OK += a.Right
		if h := langevalHan(r); h != "" {
			if s.Han[h] == nil {
				s.Han[h] = &langevalCount{}
			}
			s.Han[h].N++
			want := "zh"
			if h == "ja-kana" {
				want = "ja"
			}
			if a.Lang == want {
				s.Han[h].OK++
			}
		}
	}
	return s
}

// pool sums the cells and letters of langs.
func (s *langevalStats) pool(langs []string) (map[string]*langevalCount, *langevalCount) {
	cells := map[string]*langevalCount{}
	var letters langevalCount
	for _, l := range langs {
		for b, c := range s.Cells[l] {
			if cells[b] == nil {
				cells[b] = &langevalCount{}
			}
			cells[b].N += c.N
			cells[b].OK += c.OK
		}
		if c := s.Letters[l]; c != nil {
			letters.N += c.N
			letters.OK += c.OK
		}
	}
	return cells, &letters
}

// knownLangs returns the languages of s's strings that textnorm knows.
func (s *langevalStats) knownLangs() []string {
	known := langevalKnown()
	var out []string
	for l := range s.Cells {
		if known[l] {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// langevalKnown returns the languages textnorm can give.
func langevalKnown() map[string]bool {
	m := map[string]bool{}
	for _, l := range Languages() {
		m[l] = true
	}
	return m
}

func langevalLangs(rows []langevalRow) (known, unknown []string) {
	k := langevalKnown()
	seen := map[string]bool{}
	for _, r := range rows {
		if seen[r.Lang] {
			continue
		}
		seen[r.Lang] = true
		if k[r.Lang] {
			known = append(known, r.Lang)
		} else {
			unknown = append(unknown, r.Lang)
		}
	}
	sort.Strings(known)
	sort.Strings(unknown)
	return known, unknown
}

func langevalFmt(p float64) string {
	if math.IsNaN(p) {
		return "–"
	}
	return strconv.FormatFloat(p, 'f', 1, 64)
}

// langevalTables writes the markdown tables of the engines' results:
// accuracy (%) per language and bucket, the cell of each engine side by
// side ("a / b"), letter accuracy, the first engine's most frequent wrong
// answer; pooled rows over the languages textnorm knows and, if both is
// not empty, over those of both; the Han experiment; and what is said of
// the languages textnorm does not know.
func langevalTables(w io.Writer, rows []langevalRow, stats []*langevalStats, both []string) {
	known, unknown := langevalLangs(rows)
	var names []string
	for _, s := range stats {
		names = append(names, s.Name)
	}
	fmt.Fprintf(w, "Accuracy (%%) of the language of the segment covering most letters, each string a document; cells: %s. "+
		"letters: share of letters in segments of the right language. wrong: %s's most frequent wrong answer, as a share of the language's strings.\n\n", strings.Join(names, " / "), names[0])
	fmt.Fprintln(w, "| lang | n | short | medium | sentence | paragraph | all | letters | wrong |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
	line := func(label string, langs []string, wrong string) {
		var cells []map[string]*langevalCount
		var letters []*langevalCount
		for _, s := range stats {
			c, l := s.pool(langs)
			cells = append(cells, c)
			letters = append(letters, l)
		}
		col := func(bucket string) string {
			var v []string
			for _, c := range cells {
				if c[bucket] == nil {
					v = append(v, "–")
				} else {
					v = append(v, langevalFmt(c[bucket].pct()))
				}
			}
			return strings.Join(v, " / ")
		}
		var lv []string
		for _, l := range letters {
			lv = append(lv, langevalFmt(l.pct()))
		}
		n := 0
		if c := cells[0]["all"]; c != nil {
			n = c.N
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", label, n,
			col("short"), col("medium"), col("sentence"), col("paragraph"), col("all"), strings.Join(lv, " / "), wrong)
	}
	// macro is the mean over langs of each bucket's accuracy, over the
	// languages with at least 100 strings in the bucket.
	macro := func(label string, langs []string) {
		col := func(bucket string) string {
			var v []string
			for _, s := range stats {
				sum, k := 0.0, 0
				for _, l := range langs {
					c, _ := s.pool([]string{l})
					if c[bucket] != nil && c[bucket].N >= 100 {
						sum += c[bucket].pct()
						k++
					}
				}
				if k == 0 {
					v = append(v, "–")
				} else {
					v = append(v, langevalFmt(sum/float64(k)))
				}
			}
			return strings.Join(v, " / ")
		}
		fmt.Fprintf(w, "| %s | | %s | %s | %s | %s | %s | | |\n", label, col("short"), col("medium"), col("sentence"), col("paragraph"), col("all"))
	}
	for _, l := range known {
		line(l, []string{l}, langevalWrong(rows, stats[0], l))
	}
	line("**all**", known, "")
	macro("**macro**", known)
	if len(both) > 0 {
		var kb []string
		for _, l := range known {
			if slices.Contains(both, l) {
				kb = append(kb, l)
			}
		}
		line(fmt.Sprintf("**both** (%d)", len(kb)), kb, "")
		macro(fmt.Sprintf("**macro, both** (%d)", len(kb)), kb)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Han and kana: share of strings given zh (Han-only) or ja (with kana).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| strings | n | expected | share |")
	fmt.Fprintln(w, "| --- | ---: | --- | ---: |")
	for _, h := range []struct{ class, label, want string }{
		{"zh-han", "zh, Han only", "zh"},
		{"ja-kana", "ja, with kana", "ja"},
		{"ja-han", "ja, Han only", "zh (no kana: Han alone is zh)"},
	} {
		var v []string
		n := 0
		for _, s := range stats {
			c := s.Han[h.class]
			if c == nil {
				c = &langevalCount{}
			}
			n = c.N
			v = append(v, langevalFmt(c.pct()))
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s |\n", h.label, n, h.want, strings.Join(v, " / "))
	}
	if len(unknown) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Languages of the set that textnorm does not know: the answers given most (%s).\n\n", names[0])
		fmt.Fprintln(w, "| lang | n | answers |")
		fmt.Fprintln(w, "| --- | ---: | --- |")
		for _, l := range unknown {
			got := map[string]int{}
			n := 0
			for i, r := range rows {
				if r.Lang == l {
					got[stats[0].Answers[i].Lang]++
					n++
				}
			}
			type kv struct {
				k string
				v int
			}
			var kvs []kv
			for k, v := range got {
				kvs = append(kvs, kv{k, v})
			}
			sort.Slice(kvs, func(i, j int) bool {
				if kvs[i].v != kvs[j].v {
					return kvs[i].v > kvs[j].v
				}
				return kvs[i].k < kvs[j].k
			})
			var parts []string
			for _, e := range kvs[:min(3, len(kvs))] {
				parts = append(parts, fmt.Sprintf("%s %.0f%%", e.k, 100*float64(e.v)/float64(n)))
			}
			fmt.Fprintf(w, "| %s | %d | %s |\n", l, n, strings.Join(parts, ", "))
		}
	}
}

// langevalWrong returns s's most frequent wrong answer for the strings of
// lang, with its share of them ("und 40%").
func langevalWrong(rows []langevalRow, s *langevalStats, lang string) string {
	got := map[string]int{}
	n := 0
	for i, r := range rows {
		if r.Lang != lang {
			continue
		}
		n++
		if a := s.Answers[i].Lang; a != lang {
			got[a]++
		}
	}
	best, bn := "", 0
	for k, v := range got {
		if v > bn || v == bn && k < best {
			best, bn = k, v
		}
	}
	if bn == 0 {
		return ""
	}
	return fmt.Sprintf("%s %.0f%%", best, 100*float64(bn)/float64(n))
}

// langevalAgreement writes, for sentence-length strings, how often a and b
// give the same language, pooled and per true language in langs (those
// both engines know), and returns the pooled share and the per-language
// shares.
func langevalAgreement(w io.Writer, rows []langevalRow, a, b *langevalStats, langs map[string]bool) (float64, map[string]float64) {
	per := map[string]*langevalCount{}
	var pooled langevalCount
	var onlyA, onlyB, neither int // disagreements: a right, b right, both wrong
	for i, r := range rows {
		if r.Bucket != "sentence" || !langs[r.Lang] {
			continue
		}
		same := 0
		if a.Answers[i].Lang == b.Answers[i].Lang {
			same = 1
		}
		if per[r.Lang] == nil {
			per[r.Lang] = &langevalCount{}
		}
		per[r.Lang].N++
		per[r.Lang].OK += same
		pooled.N++
		pooled.OK += same
		switch la, lb := a.Answers[i].Lang, b.Answers[i].Lang; {
		case la == lb:
		case la == r.Lang:
			onlyA++
		case lb == r.Lang:
			onlyB++
		default:
			neither++
		}
	}
	var ls []string
	for l := range per {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	fmt.Fprintf(w, "Agreement of %s with %s on sentence-length strings (6+ words; Han, kana and Thai 11+ or 17+ letters), in the languages both know: %s%% of %d pooled.", a.Name, b.Name, langevalFmt(pooled.pct()), pooled.N)
	fmt.Fprintf(w, " Where they differ, %s is right in %d, %s in %d, neither in %d.\n\n", a.Name, onlyA, b.Name, onlyB, neither)
	fmt.Fprintln(w, "| lang | n | agree | "+a.Name+" right | "+b.Name+" right |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: |")
	out := map[string]float64{}
	for _, l := range ls {
		out[l] = per[l].pct()
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s |\n", l, per[l].N, langevalFmt(per[l].pct()),
			langevalFmt(a.Cells[l]["sentence"].pct()), langevalFmt(b.Cells[l]["sentence"].pct()))
	}
	fmt.Fprintln(w)
	return pooled.pct(), out
}

// ---- floors ----

// langevalFloor is a floor of floors.tsv: the least accuracy (%) of
// textnorm's default on a cell (lang, bucket; lang "all" pools the known
// languages, "han" holds the Han experiment's classes as buckets, and
// "letters" per-letter accuracy by language as buckets).
type langevalFloor struct {
	Lang, Bucket string
	Floor        float64
}

func readLangevalFloors(t testing.TB) []langevalFloor {
	t.Helper()
	b, err := os.ReadFile(langevalDir + "/floors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var fl []langevalFloor
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "lang\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("floors.tsv:%d: %q", i+1, line)
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			t.Fatalf("floors.tsv:%d: %v", i+1, err)
		}
		fl = append(fl, langevalFloor{f[0], f[1], v})
	}
	return fl
}

// langevalMeasured returns the accuracy of s on a floor's cell.
func langevalMeasured(s *langevalStats, lang, bucket string) (float64, bool) {
	var c *langevalCount
	switch lang {
	case "han":
		c = s.Han[bucket]
	case "letters":
		c = s.Letters[bucket]
		if bucket == langevalPooled {
			_, c = s.pool(s.knownLangs())
		}
	case langevalPooled:
		cells, _ := s.pool(s.knownLangs())
		c = cells[bucket]
	default:
		c = s.Cells[lang][bucket]
	}
	if c == nil || c.N == 0 {
		return 0, false
	}
	return c.pct(), true
}

// writeLangevalFloors writes floors a margin under s's accuracy: 2 points
// on pooled cells, 3 on per-letter accuracy and the Han experiment, 5 on a
// language's cell.
func writeLangevalFloors(t testing.TB, s *langevalStats, rows []langevalRow) {
	known, _ := langevalLangs(rows)
	var b strings.Builder
	b.WriteString("# Floors of textnorm's default accuracy (%) on testdata/langeval/measure.tsv, checked by detect's TestLangEval;\n")
	b.WriteString("# written by go test ./detect -run 'TestLangEval$' -langeval.floors (measured minus a margin).\n")
	b.WriteString("lang\tbucket\tfloor\n")
	put := func(lang, bucket string, margin float64) {
		if p, ok := langevalMeasured(s, lang, bucket); ok {
			fmt.Fprintf(&b, "%s\t%s\t%.1f\n", lang, bucket, math.Max(0, math.Floor(p-margin)))
		}
	}
	for _, bk := range append(slices.Clone(langevalBuckets), "all") {
		put(langevalPooled, bk, 2)
	}
	for _, h := range []string{"zh-han", "ja-kana"} {
		put("han", h, 3)
	}
	put("letters", langevalPooled, 2)
	for _, l := range known {
		put("letters", l, 3)
	}
	for _, l := range known {
		for _, bk := range langevalBuckets {
			put(l, bk, 5)
		}
	}
	if err := os.WriteFile(langevalDir+"/floors.tsv", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLangEval scores textnorm's default on the real-text evaluation set
// and checks it against floors.tsv. With -short it scores every 10th
// string and checks only the pooled floors, 5 points lower.
func TestLangEval(t *testing.T) {
	rows := readLangeval(t, *langevalPart)
	short := testing.Short() && !*langevalUpdate
	if short {
		rows = langevalSample(rows, 10)
	}
	def := langevalTabulate("textnorm", rows, langevalRun(t, Options{}, rows))
	var md strings.Builder
	langevalTables(&md, rows, []*langevalStats{def}, nil)
	t.Log("\n" + md.String())
	if *langevalMD != "" {
		if err := os.WriteFile(*langevalMD, []byte(md.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if *langevalPart != "measure" {
		return
	}
	if *langevalUpdate {
		writeLangevalFloors(t, def, rows)
		return
	}
	for _, f := range readLangevalFloors(t) {
		floor := f.Floor
		if short {
			if f.Lang != langevalPooled && f.Lang != "han" {
				continue
			}
			floor -= 5
		}
		got, ok := langevalMeasured(def, f.Lang, f.Bucket)
		if !ok {
			if !short {
				t.Errorf("floor %s/%s: no strings", f.Lang, f.Bucket)
			}
			continue
		}
		if got < floor {
			t.Errorf("%s/%s: accuracy %.1f%% is under the floor %.1f%%", f.Lang, f.Bucket, got, floor)
		}
	}
}

// TestLangEvalSplit checks the evaluation set's split: no source package
// on both sides, and no string of the measure part also in the tune part
// of its language.
func TestLangEvalSplit(t *testing.T) {
	m, tu := readLangeval(t, "measure"), readLangeval(t, "tune")
	side := map[string]string{}
	seen := map[string]bool{}
	for _, r := range tu {
		side[r.Source] = "tune"
		seen[r.Lang+"\t"+r.Text] = true
	}
	for _, r := range m {
		if side[r.Source] == "tune" {
			t.Errorf("source %s is on both sides", r.Source)
			side[r.Source] = "reported"
		}
		if seen[r.Lang+"\t"+r.Text] {
			t.Errorf("%s %q is in both parts", r.Lang, r.Text)
		}
	}
}

// langevalRunFunc scores every row with f, a detector that gives one
// language for a whole text (a peer used directly, not through Segments),
// on all cores.
func langevalRunFunc(rows []langevalRow, f func(text string) string) []langevalAnswer {
	return langevalEach(rows, func(r langevalRow) langevalAnswer {
		a := langevalAnswer{Lang: f(r.Text), Letters: letters(r.Text)}
		if a.Lang == "" {
			a.Lang = Und
		}
		if a.Lang == r.Lang {
			a.Right = a.Letters
		}
		return a
	})
}

// TestLangEvalOthers scores the engines of langevalOthers beside textnorm's
// default, prints the tables side by side and the agreement of textnorm
// with each on sentence-length strings, and checks the agreement floors
// (and, with -langeval.targets, the targets).
func TestLangEvalOthers(t *testing.T) {
	if len(langevalOthers) == 0 {
		t.Skip("no other engine: build with -tags lingua")
	}
	if testing.Short() {
		t.Skip("other engines are slow (lingua-go: a minute or more, over 1 GB)")
	}
	rows := readLangeval(t, *langevalPart)
	stats := []*langevalStats{langevalTabulate("textnorm", rows, langevalRun(t, Options{}, rows))}
	knows := map[string]bool{}
	for _, o := range langevalOthers {
		var answers []langevalAnswer
		if o.Options != nil {
			opts, err := o.Options()
			if err != nil {
				t.Fatalf("%s: %v", o.Name, err)
			}
			answers = langevalRun(t, opts, rows)
		} else {
			answers = langevalRunFunc(rows, o.Detect)
		}
		stats = append(stats, langevalTabulate(o.Name, rows, answers))
		for l := range o.Knows {
			knows[l] = true
		}
	}
	// The "both" rows pool the languages of textnorm and every other.
	for l := range knows {
		for _, o := range langevalOthers {
			if !o.Knows[l] {
				delete(knows, l)
			}
		}
	}
	var md strings.Builder
	known := langevalKnown()
	var both []string
	for l := range knows {
		if known[l] {
			both = append(both, l)
		}
	}
	sort.Strings(both)
	langevalTables(&md, rows, stats, both)
	fmt.Fprintln(&md)
	type check struct {
		o      langevalOther
		pooled float64
		per    map[string]float64
	}
	var checks []check
	for i, o := range langevalOthers {
		langs := map[string]bool{}
		for l := range o.Knows {
			if known[l] {
				langs[l] = true
			}
		}
		p, per := langevalAgreement(&md, rows, stats[0], stats[i+1], langs)
		checks = append(checks, check{o, p, per})
	}
	t.Log("\n" + md.String())
	if *langevalMD != "" {
		if err := os.WriteFile(*langevalMD, []byte(md.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range checks {
		if *langevalPart == "measure" && c.pooled < c.o.Floor {
			t.Errorf("textnorm agrees with %s on %.1f%% of sentence-length strings, under the floor %.1f%%", c.o.Name, c.pooled, c.o.Floor)
		}
		var under []string
		for l, p := range c.per {
			if c.o.TargetEach > 0 && p < c.o.TargetEach {
				under = append(under, fmt.Sprintf("%s %.1f%%", l, p))
			}
		}
		sort.Strings(under)
		switch {
		case *langevalTargets && c.pooled < c.o.Target:
			t.Errorf("target: textnorm agrees with %s on %.1f%% of sentence-length strings pooled, want at least %.0f%%", c.o.Name, c.pooled, c.o.Target)
		case c.o.Target > 0 && c.pooled < c.o.Target:
			t.Logf("textnorm agrees with %s on %.1f%% pooled, under the target %.0f%%", c.o.Name, c.pooled, c.o.Target)
		}
		if len(under) > 0 {
			msg := fmt.Sprintf("agreement with %s under %.0f%% in %d languages: %s", c.o.Name, c.o.TargetEach, len(under), strings.Join(under, ", "))
			if *langevalTargets {
				t.Error("target: " + msg)
			} else {
				t.Log(msg)
			}
		}
	}
}
