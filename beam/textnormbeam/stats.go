package textnormbeam

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"unicode"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/language"
)

func init() {
	register.DoFn2x0[Doc, func(string, Counts)](&statsFn{})
	register.Function2x1(addCounts)
	register.Function2x1(statsRow)
	register.Function2x2(statsReport)
	register.Emitter2[string, Counts]()
	register.Iter1[LangStats]()
	beam.RegisterType(typeOf[Counts]())
	beam.RegisterType(typeOf[LangStats]())
}

// StatsOptions choose the languages LanguageStats tells apart.
type StatsOptions struct {
	// Langs restricts the languages considered, as TagOptions.Langs.
	Langs []string
}

// Counts are the totals of a language and script, or of the corpus.
type Counts struct {
	Bytes     int64 `json:"bytes"`     // of the segments' text (of the documents, for the corpus)
	Letters   int64 `json:"letters"`   // code points that are letters (Unicode L*)
	Segments  int64 `json:"segments"`  // segments
	Documents int64 `json:"documents"` // documents with at least one such segment
}

func addCounts(a, b Counts) Counts {
	return Counts{a.Bytes + b.Bytes, a.Letters + b.Letters, a.Segments + b.Segments, a.Documents + b.Documents}
}

// LangStats are the Counts of one language in one script.
type LangStats struct {
	Tag    string `json:"tag"` // lang-Script, as a segment's
	Lang   string `json:"lang"`
	Script string `json:"script"`
	Counts
}

// A Report is what LanguageStats writes, as JSON: the corpus's totals and
// each language and script's, most bytes first.
type Report struct {
	V         int         `json:"v"` // 1
	Total     Counts      `json:"total"`
	Languages []LangStats `json:"languages"`
}

// LanguageStats returns a PCollection of one string, the JSON of the
// Report of docs: bytes, letters, segments and documents per language and
// script, over the segments "textnorm tag" finds (white space between
// segments left out). Each worker sums its documents' counts before the
// shuffle (a Combine), and one small grouping makes the report.
func LanguageStats(s beam.Scope, docs beam.PCollection, opts StatsOptions) (beam.PCollection, error) {
	if _, err := opts.detector(); err != nil {
		return beam.PCollection{}, err
	}
	s = s.Scope("textnorm.LanguageStats")
	counts := beam.CombinePerKey(s, addCounts, beam.ParDo(s, &statsFn{Opts: opts}, docs))
	rows := beam.ParDo(s, statsRow, counts)
	// The keys are a few hundred at most: one group holds them all.
	return beam.ParDo(s, statsReport, beam.GroupByKey(s, beam.AddFixedKey(s, rows))), nil
}

func (o StatsOptions) detector() (*detect.Detector, error) {
	langs, err := language.ParseList(strings.Join(o.Langs, ","))
	if err != nil {
		return nil, &OptionError{Option: "langs", Err: err}
	}
	d, err := detect.NewDetector(detect.Options{Langs: langs})
	if err != nil {
		return nil, &OptionError{Option: "langs", Err: err}
	}
	return d, nil
}

type statsFn struct {
	Opts StatsOptions
	det  *detect.Detector
}

func (f *statsFn) Setup() (err error) {
	f.det, err = sharedValue("stats", f.Opts, f.Opts.detector)
	return err
}

// totalKey is the key of the corpus's Counts; a language's key is its
// tag, lang-Script, never empty.
const totalKey = ""

func (f *statsFn) ProcessElement(d Doc, emit func(string, Counts)) {
	if d.Bad() {
		return
	}
	per := map[string]*Counts{}
	total := Counts{Bytes: int64(len(d.Text)), Documents: 1}
	for seg := range f.det.SegmentsSeq(d.Text) {
		c := per[seg.Tag()]
		if c == nil {
			c = &Counts{Documents: 1}
			per[seg.Tag()] = c
		}
		n := letters(seg.Text)
		c.Bytes += int64(len(seg.Text))
		c.Letters += n
		c.Segments++
		total.Letters += n
		total.Segments++
	}
	for tag, c := range per {
		emit(tag, *c)
	}
	emit(totalKey, total)
}

func letters(s string) int64 {
	var n int64
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// statsRow is the row of key's counts.
func statsRow(key string, c Counts) LangStats {
	l := LangStats{Tag: key, Counts: c}
	if i := strings.LastIndexByte(key, '-'); i >= 0 {
		l.Lang, l.Script = key[:i], key[i+1:]
	}
	return l
}

func statsReport(_ int, rows func(*LangStats) bool) (string, error) {
	r := Report{V: 1, Languages: []LangStats{}}
	var l LangStats
	for rows(&l) {
		if l.Tag == totalKey {
			r.Total = l.Counts
			continue
		}
		r.Languages = append(r.Languages, l)
	}
	slices.SortFunc(r.Languages, func(a, b LangStats) int {
		return cmp.Or(cmp.Compare(b.Bytes, a.Bytes), cmp.Compare(a.Tag, b.Tag))
	})
	b, err := json.Marshal(r)
	return string(b), err
}
