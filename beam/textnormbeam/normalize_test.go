package textnormbeam

import (
	"errors"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/jsonl"
)

func TestNormalizeStrings(t *testing.T) {
	in := []string{
		"كتاب علي  ١٢٣\r\n",
		"Two  spaces\u00a0here ",
		"ﬁne ligature",
	}
	tests := []struct {
		name string
		opts NormalizeOptions
		want []string
	}{
		{"fa", NormalizeOptions{Profile: "fa"}, []string{"کتاب علی ۱۲۳\n", "Two spaces here", "ﬁne ligature"}},
		{"default", NormalizeOptions{}, []string{"كتاب علي ١٢٣\n", "Two spaces here", "ﬁne ligature"}},
		{"nfkc", NormalizeOptions{Profile: "none", Form: "nfkc"}, []string{"كتاب علي  ١٢٣\r\n", "Two  spaces here ", "fine ligature"}},
		{"auto", NormalizeOptions{Profile: "auto"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == nil { // auto: what the library's tagger gives
				tg, err := textnorm.NewTagger(textnorm.TagOptions{})
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range in {
					want = append(want, tg.Normalize(s))
				}
			}
			p, s := beam.NewPipelineWithRoot()
			out, err := NormalizeStrings(s, beam.CreateList(s, in), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			passert.EqualsList(s, out, want)
			ptest.RunAndValidate(t, p)
		})
	}
}

func TestNormalizeRecords(t *testing.T) {
	docs := []Doc{
		record(t, 1, `{"id":7,"text":"كتاب  علي","score":1.50}`),
		record(t, 2, `{"id":8,"text":"\u0643"}`),
		record(t, 3, `{"id":9,"text":"unchanged \u0041"}`),
		{File: "a.jsonl", Line: 4, Raw: `not json`, Err: "a.jsonl:4:1: not a JSON object"},
		{File: "b.txt", Text: "ي  ي\n"},
	}
	want := []string{
		`{"id":7,"text":"کتاب علی","score":1.50}`,
		`{"id":8,"text":"ک"}`,
		`{"id":9,"text":"unchanged \u0041"}`, // escapes kept: the text did not change
		`not json`,                           // a bad record as it was, in its place
		`{"file":"b.txt","text":"ی ی\n"}`,
	}
	p, s := beam.NewPipelineWithRoot()
	out, err := Normalize(s, beam.CreateList(s, docs), NormalizeOptions{Profile: "fa"})
	if err != nil {
		t.Fatal(err)
	}
	passert.EqualsList(s, Lines(s, out), want)
	ptest.RunAndValidate(t, p)
}

// record is the Doc of line raw of a.jsonl, its field "text".
func record(t *testing.T, line int, raw string) Doc {
	t.Helper()
	start, end, _, err := jsonl.Field([]byte(raw), "text")
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := jsonl.Unquote([]byte(raw[start:end]))
	if err != nil {
		t.Fatal(err)
	}
	return Doc{File: "a.jsonl", Line: line, Raw: raw, Start: start, End: end, Text: text}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name   string
		build  func(s beam.Scope, col beam.PCollection) error
		option string
	}{
		{"profile", func(s beam.Scope, c beam.PCollection) error {
			_, err := Normalize(s, c, NormalizeOptions{Profile: "klingon"})
			return err
		}, "profile"},
		{"auto with form", func(s beam.Scope, c beam.PCollection) error {
			_, err := Normalize(s, c, NormalizeOptions{Profile: "auto", Form: "nfc"})
			return err
		}, "profile"},
		{"form", func(s beam.Scope, c beam.PCollection) error {
			_, err := Normalize(s, c, NormalizeOptions{Form: "nfx"})
			return err
		}, "form"},
		{"rule", func(s beam.Scope, c beam.PCollection) error {
			_, err := Dedupe(s, c, DedupeOptions{Normalize: NormalizeOptions{With: []string{"no-such-rule"}}})
			return err
		}, "with"},
		{"langs", func(s beam.Scope, c beam.PCollection) error {
			_, err := Tag(s, c, TagOptions{Langs: []string{"xx"}})
			return err
		}, "langs"},
		{"offsets", func(s beam.Scope, c beam.PCollection) error {
			_, err := Tag(s, c, TagOptions{Offsets: []string{"bits"}})
			return err
		}, "offsets"},
		{"stats langs", func(s beam.Scope, c beam.PCollection) error {
			_, err := LanguageStats(s, c, StatsOptions{Langs: []string{"xx"}})
			return err
		}, "langs"},
		{"encoding", func(s beam.Scope, c beam.PCollection) error {
			_, err := Read(s, "*.txt", ReadOptions{Encoding: "klingon-8"})
			return err
		}, "encoding"},
		{"id without field", func(s beam.Scope, c beam.PCollection) error {
			_, err := Read(s, "*.jsonl", ReadOptions{ID: "id"})
			return err
		}, "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s := beam.NewPipelineWithRoot()
			err := tt.build(s, beam.Create(s, Doc{Text: "x"}))
			var oe *OptionError
			if !errors.As(err, &oe) || oe.Option != tt.option {
				t.Fatalf("error %v, want an *OptionError of --%s", err, tt.option)
			}
		})
	}
	// A name that is not known keeps its library type under the option.
	_, s := beam.NewPipelineWithRoot()
	_, err := Normalize(s, beam.Create(s, Doc{}), NormalizeOptions{Profile: "klingon"})
	var unknown *diag.UnknownError
	if !errors.As(err, &unknown) {
		t.Errorf("error %v is not a *diag.UnknownError", err)
	}
}
