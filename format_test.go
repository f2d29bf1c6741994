package textnorm_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/textnorm/textnorm"
	"github.com/textnorm/textnorm/detect"
	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/script"
)

// segsOf makes segments of text, one a line, without detection: what the
// writers see of them is their fields.
func segsOf(text string) []textnorm.Segment {
	var segs []textnorm.Segment
	lines := diag.NewLines(text)
	for n := 1; n <= lines.Count(); n++ {
		start, end := lines.SpanOf(text, n)
		if start == end {
			continue
		}
		segs = append(segs, textnorm.Segment{
			Segment: detect.Segment{Start: start, End: end, Text: text[start:end], Script: script.Latin, Lang: "en", Conf: 0.5},
			Norm:    strings.ToUpper(text[start:end]),
		})
	}
	return segs
}

func TestFormatFlags(t *testing.T) {
	var f textnorm.Format
	var df textnorm.DetectFormat
	var o textnorm.Offsets
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&f, "format", "")
	fs.Var(&df, "detect-format", "")
	fs.Var(&o, "offsets", "")
	if err := fs.Parse([]string{"--format", "TSV", "--detect-format=jsonl", "--offsets", "byte, utf16", "--offsets", "rune"}); err != nil {
		t.Fatal(err)
	}
	if f != textnorm.TSV || df != textnorm.DetectJSONL || o != textnorm.RuneOffsets|textnorm.UTF16Offsets || o.String() != "byte,rune,utf16" {
		t.Errorf("format %v, detect format %v, offsets %v", f, df, o)
	}
	for _, s := range []string{"", "byte", "rune", "utf16", "byte,rune", "utf16,byte"} {
		want, _ := textnorm.ParseOffsets(s)
		if back, err := textnorm.ParseOffsets(want.String()); err != nil || back != want {
			t.Errorf("ParseOffsets(%q).String() = %q does not read back: %v, %v", s, want, back, err)
		}
	}
	for _, tt := range []struct {
		v          flag.Value
		name, kind string
		known      string
	}{
		{&f, "xml", "format", "jsonl,json,tsv"},
		{&df, "json", "format", "text,jsonl,tsv"},
		{&o, "bytes", "offset", "byte,rune,utf16"},
	} {
		before := tt.v.String()
		var u *diag.UnknownError
		if err := tt.v.Set(tt.name); !errors.As(err, &u) || u.Kind != tt.kind || u.Name != tt.name || strings.Join(u.Known, ",") != tt.known {
			t.Errorf("Set(%q) = %v", tt.name, err)
		}
		if tt.v.String() != before {
			t.Errorf("Set(%q) changed %s to %s", tt.name, before, tt.v)
		}
	}
}

// A SegmentWriter's output is the same however the records reach it: made
// apart and written in pieces cut anywhere, or written segment by segment.
func TestSegmentWriter(t *testing.T) {
	text := "one\r\ntwo\rthree \"quoted\"\ttab\n\nfive\xff"
	segs := segsOf(text)
	for _, f := range []textnorm.Format{textnorm.JSONL, textnorm.JSON, textnorm.TSV} {
		for _, o := range []textnorm.Offsets{0, textnorm.RuneOffsets | textnorm.UTF16Offsets} {
			var want bytes.Buffer
			sw := textnorm.NewSegmentWriter(&want, f, o)
			if err := sw.WriteSegments("a\xff.txt", 0, text, segs[:2]); err != nil {
				t.Fatal(err)
			}
			if err := sw.WriteSegments("a\xff.txt", 0, text, segs[2:]); err != nil {
				t.Fatal(err)
			}
			if err := sw.Close(); err != nil {
				t.Fatal(err)
			}
			var rec bytes.Buffer
			if err := f.WriteSegments(&rec, text, segs, textnorm.JSONLine{File: "a\xff.txt", Offsets: o}); err != nil {
				t.Fatal(err)
			}
			records := rec.Bytes()
			for cut := 0; cut <= len(records); cut++ {
				var got bytes.Buffer
				w := textnorm.NewSegmentWriter(&got, f, o)
				w.Write(records[:cut])
				w.Write(records[cut:])
				w.Close()
				if got.String() != want.String() {
					t.Fatalf("%v, cut at %d:\n%s\nwant\n%s", f, cut, got.String(), want.String())
				}
			}
			checkFormat(t, f, o, want.Bytes(), len(segs))
		}
	}
	// Nothing written: an empty array, a header alone, nothing.
	for f, want := range map[textnorm.Format]string{textnorm.JSON: "[\n]\n", textnorm.TSV: textnorm.TSVHeader(0), textnorm.JSONL: ""} {
		var b bytes.Buffer
		w := textnorm.NewSegmentWriter(&b, f, 0)
		w.WriteSegments("empty.txt", 0, "", nil)
		w.Close()
		if b.String() != want {
			t.Errorf("%v of nothing: %q, want %q", f, b.String(), want)
		}
	}
}

// checkFormat checks that out is n records in format f: valid JSON in the
// JSON formats, rows of the header's width in TSV, lines numbered as diag
// numbers them.
func checkFormat(t *testing.T, f textnorm.Format, o textnorm.Offsets, out []byte, n int) {
	t.Helper()
	var objs []map[string]any
	switch f {
	case textnorm.JSON:
		if err := json.Unmarshal(out, &objs); err != nil {
			t.Fatalf("JSON: %v\n%s", err, out)
		}
	case textnorm.JSONL:
		for _, line := range strings.SplitAfter(string(out), "\n") {
			if line == "" {
				continue
			}
			var m map[string]any
			if !strings.HasSuffix(line, "\n") || json.Unmarshal([]byte(line), &m) != nil {
				t.Fatalf("JSONL: invalid line %q", line)
			}
			objs = append(objs, m)
		}
	case textnorm.TSV:
		rows := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if rows[0]+"\n" != textnorm.TSVHeader(o) || len(rows) != n+1 {
			t.Fatalf("TSV: %q", out)
		}
		for _, r := range rows {
			if strings.Count(r, "\t") != strings.Count(rows[0], "\t") {
				t.Fatalf("TSV row %q: not the header's columns", r)
			}
		}
		return
	}
	if len(objs) != n {
		t.Fatalf("%v: %d records, want %d", f, len(objs), n)
	}
	for _, m := range objs {
		if !utf8.ValidString(m["file"].(string)) {
			t.Fatalf("file %q", m["file"])
		}
	}
}

// FuzzJSONFormats: the JSON of a segment and of a detection is valid JSON
// whatever the file name and the text, and reads back as the strings it
// was given (a byte that is not UTF-8 as U+FFFD).
func FuzzJSONFormats(f *testing.F) {
	f.Add("a\xff.txt", "text \xfe\"\\\n\u2028")
	f.Add("", "")
	f.Add("<stdin>", "\x00\x7f")
	f.Fuzz(func(t *testing.T, file, text string) {
		valid := func(s string) string { return string([]rune(s)) }
		s := textnorm.Segment{Segment: detect.Segment{End: len(text), Text: text, Script: script.Arabic, Lang: "fa"}, Norm: text}
		var m struct {
			File, Text, Norm string
			Line             int
		}
		for _, f := range []textnorm.Format{textnorm.JSONL, textnorm.JSON} {
			line := f.AppendSegment(nil, s, textnorm.JSONLine{File: file, Line: 3, Offsets: textnorm.RuneOffsets})
			if err := json.Unmarshal(line, &m); err != nil || !utf8.Valid(line) {
				t.Fatalf("%s: %v", line, err)
			}
			if (file != "" && m.File != valid(file)) || m.Text != valid(text) || m.Norm != valid(text) || m.Line != 3 {
				t.Fatalf("%s reads back as %+v", line, m)
			}
		}
		d := textnorm.Detection{File: file, Line: 7, Script: script.Arabic, Lang: "fa", Conf: 0.5}
		line := textnorm.DetectJSONL.AppendDetection(nil, d, true)
		if err := json.Unmarshal(line, &m); err != nil || m.File != valid(file) || m.Line != 7 || !utf8.Valid(line) {
			t.Fatalf("%s: %v, %+v", line, err, m)
		}
	})
}

// DetectLines numbers lines as diag does: LF, CR LF and a lone CR.
func TestDetectLines(t *testing.T) {
	text := "one\r\ntwo\rthree\n\nfive"
	var segs []detect.Segment
	for _, s := range segsOf(text) {
		segs = append(segs, s.Segment)
	}
	ds := textnorm.DetectLines(text, segs)
	lines := diag.NewLines(text)
	if len(ds) != lines.Count() {
		t.Fatalf("%d detections for %d lines", len(ds), lines.Count())
	}
	for i, d := range ds {
		want := "en-Latn"
		if i == 3 {
			want = "und-Zyyy" // the empty line
		}
		if d.Line != i+1 || d.Tag() != want {
			t.Errorf("detection %d: %+v, want line %d, %s", i, d, i+1, want)
		}
	}
	for _, s := range segs {
		if got := lines.Line(s.Start); ds[got-1].Tag() != "en-Latn" {
			t.Errorf("segment %q on line %d: detection %+v", s.Text, got, ds[got-1])
		}
	}
}

// The formats of "textnorm tag": JSON Lines, a JSON array, TSV.
func ExampleSegmentWriter() {
	text := "Hello\tworld.\n"
	segs := []textnorm.Segment{{
		Segment: detect.Segment{Start: 0, End: 12, Text: "Hello\tworld.", Script: script.Latin, Lang: "en", Dir: script.LTR, Conf: 1, RuneEnd: 12, U16End: 12},
		Norm:    "Hello world.",
	}}
	for _, f := range []textnorm.Format{textnorm.JSONL, textnorm.JSON, textnorm.TSV} {
		w := textnorm.NewSegmentWriter(os.Stdout, f, textnorm.RuneOffsets)
		w.WriteSegments("hello.txt", 0, text, segs)
		w.Close()
	}
	// Output:
	// {"v":1,"file":"hello.txt","line":1,"start":0,"end":12,"text":"Hello\tworld.","script":"Latn","lang":"en","tag":"en-Latn","dir":"ltr","conf":1.0000,"norm":"Hello world.","rune_start":0,"rune_end":12}
	// [
	//   {"v":1,"file":"hello.txt","line":1,"start":0,"end":12,"text":"Hello\tworld.","script":"Latn","lang":"en","tag":"en-Latn","dir":"ltr","conf":1.0000,"norm":"Hello world.","rune_start":0,"rune_end":12}
	// ]
	// file	line	start	end	script	lang	tag	dir	conf	text	norm	rune_start	rune_end
	// hello.txt	1	0	12	Latn	en	en-Latn	ltr	1.0000	Hello\tworld.	Hello world.	0	12
}

// The formats of "textnorm detect", one line each for each line of the
// document.
func ExampleDetectLines() {
	text := "The talks went on.\r\n\r\n"
	segs := []detect.Segment{{Start: 0, End: 18, Text: "The talks went on.", Script: script.Latin, Lang: "en", Conf: 0.99}}
	ds := textnorm.DetectLines(text, segs)
	for i := range ds {
		ds[i].File = "talks.txt"
	}
	for _, f := range []textnorm.DetectFormat{textnorm.DetectText, textnorm.DetectJSONL, textnorm.DetectTSV} {
		w := textnorm.NewDetectionWriter(os.Stdout, f, true)
		w.WriteDetections(ds...)
		w.Close()
	}
	fmt.Println(ds[0].Tag())
	// Output:
	// talks.txt:1: en-Latn 0.9900
	// talks.txt:2: und-Zyyy 0.0000
	// {"v":1,"file":"talks.txt","line":1,"script":"Latn","lang":"en","tag":"en-Latn","conf":0.9900}
	// {"v":1,"file":"talks.txt","line":2,"script":"Zyyy","lang":"und","tag":"und-Zyyy","conf":0.0000}
	// file	line	script	lang	tag	conf
	// talks.txt	1	Latn	en	en-Latn	0.9900
	// talks.txt	2	Zyyy	und	und-Zyyy	0.0000
	// en-Latn
}

// Offsets is a flag.Value, as the command's --offsets.
func ExampleOffsets() {
	var o textnorm.Offsets
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	fs.Var(&o, "offsets", "offsets to write: `byte,rune,utf16`")
	fs.Parse([]string{"--offsets", "rune,utf16"})
	fmt.Println(o, o&textnorm.UTF16Offsets != 0)
	fmt.Println(o.Set("bytes"))
	// Output:
	// byte,rune,utf16 true
	// unknown offset "bytes" (known: byte, rune, utf16)
}
