package textnormbeam

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/normalize"
)

// Test documents, written for these tests.
const (
	enPara = "The river rose again this spring."
	faPara = "امروز هوا سرد است و باران می‌بارد."
	mixed  = enPara + "\n\n" + faPara + "\n"
)

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if strings.HasSuffix(name, ".gz") {
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		z := gzip.NewWriter(f)
		z.Write([]byte(text))
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err := os.WriteFile(name, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), mixed)
	writeFile(t, filepath.Join(dir, "b.txt.gz"), "gzipped\n")
	writeFile(t, filepath.Join(dir, "c.jsonl"), "\ufeff{\"id\":\"x1\",\"text\":\"one\"}\n\n{\"id\":2}\n{\"text\":\"no id\"}\n")
	writeFile(t, filepath.Join(dir, "d.jsonl.gz"), "{\"id\":3,\"text\":\"zipped\"}\n")
	writeFile(t, filepath.Join(dir, "e.txt"), "bad \xff byte\n")
	// Windows-1256: "سلام" and a record of it; UTF-16LE with its mark.
	writeFile(t, filepath.Join(dir, "w.1256"), "\xd3\xe1\xc7\xe3 1\n")
	writeFile(t, filepath.Join(dir, "w.records1256"), "{\"text\":\"\xd3\xe1\xc7\xe3\"}\n")
	writeFile(t, filepath.Join(dir, "u.utf16"), "\xff\xfeH\x00i\x00\n\x00")
	writeFile(t, filepath.Join(dir, "n.bin"), "a\x00b\n")
	at := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name string
		glob string
		opts ReadOptions
		want []Doc
	}{
		{"text", "*.txt*", ReadOptions{}, []Doc{
			{File: at("a.txt"), Text: mixed},
			{File: at("b.txt.gz"), Text: "gzipped\n"},
			// e.txt: invalid UTF-8 is reported and left out
		}},
		{"replace", "e.txt", ReadOptions{Invalid: "replace"}, []Doc{{File: at("e.txt"), Text: "bad \ufffd byte\n", Replaced: []int{4}}}},
		{"keep", "e.txt", ReadOptions{Invalid: "keep"}, []Doc{{File: at("e.txt"), Text: "bad \xff byte\n"}}},
		{"windows-1256", "w.1256", ReadOptions{Encoding: "windows-1256"}, []Doc{{File: at("w.1256"), Text: "سلام 1\n", Encoding: "windows-1256"}}},
		{"windows-1256 records", "w.records1256", ReadOptions{Field: "text", Encoding: "windows-1256"}, []Doc{{File: at("w.records1256"), Line: 1, Text: "سلام", Raw: `{"text":"سلام"}`, Start: 8, End: 18}}},
		{"UTF-16 by its mark", "u.utf16", ReadOptions{}, []Doc{{File: at("u.utf16"), Text: "Hi\n", Encoding: "utf-16le", Skip: 2}}},
		{"a NUL: binary, left out", "n.bin", ReadOptions{}, nil},
		{"--binary", "n.bin", ReadOptions{Binary: true}, []Doc{{File: at("n.bin"), Text: "a\x00b\n"}}},
		{"jsonl", "*.jsonl*", ReadOptions{Field: "text", ID: "id"}, []Doc{
			{File: at("c.jsonl"), Line: 1, ID: `"x1"`, Text: "one", Raw: "\ufeff{\"id\":\"x1\",\"text\":\"one\"}", Start: 21, End: 26},
			{File: at("c.jsonl"), Line: 3, ID: "2", Raw: `{"id":2}`, Err: at("c.jsonl") + `:3:1: no field "text"`},
			{File: at("c.jsonl"), Line: 4, ID: "null", Text: "no id", Raw: `{"text":"no id"}`, Start: 8, End: 15},
			{File: at("d.jsonl.gz"), Line: 1, ID: "3", Text: "zipped", Raw: `{"id":3,"text":"zipped"}`, Start: 15, End: 23},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			docs, err := Read(s, filepath.Join(dir, tt.glob), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			passert.EqualsList(s, docs, tt.want)
			ptest.RunAndValidate(t, p)
		})
	}
}

// tagLines are the segment lines the library's tagger gives of docs, as
// "textnorm tag --format jsonl" writes them.
func tagLines(t *testing.T, opts textnorm.TagOptions, o textnorm.Offsets, docs []Doc) []string {
	t.Helper()
	tg, err := textnorm.NewTagger(opts)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range docs {
		var b strings.Builder
		textnorm.JSONL.WriteSegments(&b, d.Text, tg.Tag(d.Text), textnorm.JSONLine{File: d.File, Line: d.Line, Offsets: o})
		lines = append(lines, strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")...)
	}
	return lines
}

func TestTag(t *testing.T) {
	docs := []Doc{
		{File: "a.txt", Text: "A first line.\r\n" + mixed},
		{File: "b.jsonl", Line: 4, Text: faPara},
		{File: "b.jsonl", Line: 5, Err: "b.jsonl:5:1: not a JSON object", Raw: "nope"},
	}
	all := textnorm.TagOptions{}
	all.All = true
	tests := []struct {
		name string
		opts TagOptions
		want []string
	}{
		{"auto", TagOptions{}, tagLines(t, textnorm.TagOptions{}, 0, docs[:2])},
		{"all offsets", TagOptions{All: true, Offsets: []string{"rune", "utf16"}}, tagLines(t, all, textnorm.RuneOffsets|textnorm.UTF16Offsets, docs[:2])},
		{"fa profile", TagOptions{Profile: "fa", Langs: []string{"en", "fa"}}, tagLines(t, textnorm.TagOptions{Profile: &normalize.Persian, Options: detect.Options{Langs: []string{"en", "fa"}}}, 0, docs[:2])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			segs, err := Tag(s, beam.CreateList(s, docs), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			passert.EqualsList(s, segs, tt.want)
			ptest.RunAndValidate(t, p)
		})
	}
	t.Run("id", func(t *testing.T) {
		p, s := beam.NewPipelineWithRoot()
		const text = "Hello"
		segs, err := Tag(s, beam.Create(s, Doc{File: "c.jsonl", Line: 2, ID: `"r-2"`, Text: text}), TagOptions{})
		if err != nil {
			t.Fatal(err)
		}
		tagged, err := textnorm.Tag(text, textnorm.TagOptions{})
		if err != nil || len(tagged) != 1 {
			t.Fatalf("textnorm.Tag(%q) = %v, %v", text, tagged, err)
		}
		want := textnorm.AppendJSON(nil, tagged[0], textnorm.JSONLine{File: "c.jsonl", Line: 2, ID: []byte(`"r-2"`)})
		passert.Equals(s, segs, strings.TrimSuffix(string(want), "\n"))
		ptest.RunAndValidate(t, p)
	}) // A file decoded from windows-1256, or from UTF-16 by its mark:
	// byte offsets index its bytes as they were, as textnorm tag's do.
	t.Run("decoded", func(t *testing.T) {
		p, s := beam.NewPipelineWithRoot()
		docs := []Doc{{File: "w.txt", Text: "سلام 1\n", Encoding: "windows-1256"}, {File: "u.txt", Text: "Hi\n", Encoding: "utf-16le", Skip: 2}}
		segs, err := Tag(s, beam.CreateList(s, docs), TagOptions{})
		if err != nil {
			t.Fatal(err)
		}
		tg, _ := textnorm.NewTagger(textnorm.TagOptions{})
		var want []string
		for _, d := range docs {
			enc, _ := normalize.ParseEncoding(d.Encoding)
			var b strings.Builder
			textnorm.JSONL.WriteSegments(&b, d.Text, tg.Tag(d.Text), textnorm.JSONLine{File: d.File, Input: textnorm.InputOffsets(d.Text, enc, d.Skip)})
			want = append(want, strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")...)
		}
		if w := strings.Join(want, "\n"); !strings.Contains(w, `"start":0,"end":6,"text":"سلام 1"`) || !strings.Contains(w, `"start":2,"end":6,"text":"Hi"`) {
			t.Fatalf("the encoded offsets: %s", w)
		}
		passert.EqualsList(s, segs, want)
		ptest.RunAndValidate(t, p)
	})
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []paragraph
	}{
		{"", nil},
		{"one", []paragraph{{"one", 1, 0}}},
		{"one\ntwo\n\n\nthree\r\n \t\nfour\n", []paragraph{{"one\ntwo", 1, 0}, {"three", 5, 1}, {"four", 7, 2}}},
		{"\n\nlate\rcr\n\nend", []paragraph{{"late\rcr", 3, 0}, {"end", 6, 1}}},
	}
	for _, tt := range tests {
		got := slices.Collect(paragraphs(tt.text))
		if !slices.Equal(got, tt.want) {
			t.Errorf("paragraphs(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDedupe(t *testing.T) {
	shared := "Subscribe to our newsletter."
	docs := []Doc{
		{File: "b.txt", Text: enPara + "\n\n" + shared + "\n"},
		{File: "a.txt", Text: shared + "\n\n" + faPara + "\n\n" + "Subscribe  to our\u00a0newsletter.   \n"},
		{File: "c.txt", Text: "ي\n\n" + shared},
		{File: "d.txt", Text: "ی"},
		{File: "e.jsonl", Line: 3, Err: "bad", Raw: "bad"},
	}
	tests := []struct {
		name string
		opts DedupeOptions
		want []Piece
	}{
		{"paragraphs", DedupeOptions{}, []Piece{
			{File: "a.txt", Line: 1, Text: shared, Copies: 4}, // its copy on a.txt:5 differs only in spaces
			{File: "a.txt", Line: 3, Para: 1, Text: faPara, Copies: 1},
			{File: "b.txt", Line: 1, Text: enPara, Copies: 1},
			{File: "c.txt", Line: 1, Text: "ي", Copies: 1},
			{File: "d.txt", Line: 1, Text: "ی", Copies: 1},
		}},
		{"paragraphs fa", DedupeOptions{Normalize: NormalizeOptions{Profile: "fa"}}, []Piece{
			{File: "a.txt", Line: 1, Text: shared, Copies: 4},
			{File: "a.txt", Line: 3, Para: 1, Text: faPara, Copies: 1},
			{File: "b.txt", Line: 1, Text: enPara, Copies: 1},
			{File: "c.txt", Line: 1, Text: "ي", Copies: 2}, // Arabic yeh is Farsi yeh in fa
		}},
		{"documents", DedupeOptions{Documents: true, Normalize: NormalizeOptions{Profile: "fa"}}, []Piece{
			{File: "a.txt", Line: 1, Text: docs[1].Text, Copies: 1},
			{File: "b.txt", Line: 1, Text: docs[0].Text, Copies: 1},
			{File: "c.txt", Line: 1, Text: docs[2].Text, Copies: 1},
			{File: "d.txt", Line: 1, Text: docs[3].Text, Copies: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			kept, err := Dedupe(s, beam.CreateList(s, docs), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			passert.EqualsList(s, kept, tt.want)
			ptest.RunAndValidate(t, p)
		})
	}
}

func TestFirstPieceOrder(t *testing.T) {
	// Whatever order the combine meets the copies in, the first by
	// (file, line, paragraph) is kept and every copy counted.
	ps := []Piece{
		{File: "b", Line: 1, Copies: 1}, {File: "a", Line: 9, Para: 2, Copies: 2},
		{File: "a", Line: 9, Para: 1, Copies: 1}, {File: "a", Line: 10, Copies: 1},
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		acc := ps[order[0]]
		for _, i := range order[1:] {
			acc = firstPiece(acc, ps[i])
		}
		if want := (Piece{File: "a", Line: 9, Para: 1, Copies: 5}); acc != want {
			t.Errorf("order %v: %+v, want %+v", order, acc, want)
		}
	}
}

func TestLanguageStats(t *testing.T) {
	docs := []Doc{
		{File: "a.txt", Text: enPara + "\n" + faPara + "\n"},
		{File: "b.txt", Text: faPara + "\n2024"},
		{File: "c.jsonl", Line: 1, Err: "bad", Raw: "{"},
	}
	p, s := beam.NewPipelineWithRoot()
	out, err := LanguageStats(s, beam.CreateList(s, docs), StatsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	faBytes, faLetters := int64(len(faPara)), letters(faPara)
	want := Report{
		V: 1,
		Total: Counts{
			Bytes:     int64(len(docs[0].Text) + len(docs[1].Text)),
			Letters:   letters(enPara) + 2*faLetters,
			Segments:  4, // en, fa; fa, 2024
			Documents: 2,
		},
		Languages: []LangStats{
			{Tag: "fa-Arab", Lang: "fa", Script: "Arab", Counts: Counts{2 * faBytes, 2 * faLetters, 2, 2}},
			{Tag: "en-Latn", Lang: "en", Script: "Latn", Counts: Counts{int64(len(enPara)), letters(enPara), 1, 1}},
			{Tag: "und-Zyyy", Lang: "und", Script: "Zyyy", Counts: Counts{4, 0, 1, 1}},
		},
	}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	passert.Equals(s, out, string(b))
	ptest.RunAndValidate(t, p)
}

func TestWriteSharded(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "out")
	lines := []string{"one", "two", "three", "four", "five"}
	p, s := beam.NewPipelineWithRoot()
	names := WriteSharded(s, prefix, 3, beam.CreateList(s, lines))
	passert.Equals(s, names, ShardName(prefix, 0, 3), ShardName(prefix, 1, 3), ShardName(prefix, 2, 3))
	ptest.RunAndValidate(t, p)
	var got []string
	for i := range 3 {
		b, err := os.ReadFile(ShardName(prefix, i, 3))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Fields(string(b)) {
			if shardOf(l, 3) != i {
				t.Errorf("%q in shard %d, not in that of its hash, %d", l, i, shardOf(l, 3))
			}
			got = append(got, l)
		}
	}
	slices.Sort(got)
	slices.Sort(lines)
	if !slices.Equal(got, lines) {
		t.Errorf("shards hold %q, want %q", got, lines)
	}
	// The bundles' part files are gone: the shards alone are left.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the output directory holds %q, want the 3 shards", names)
	}
}
