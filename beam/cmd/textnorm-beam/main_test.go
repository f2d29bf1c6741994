package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// binaries builds textnorm-beam and the main module's textnorm into a
// temporary directory.
func binaries(t *testing.T) (beamBin, cliBin string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the commands")
	}
	dir := t.TempDir()
	beamBin, cliBin = filepath.Join(dir, "textnorm-beam"), filepath.Join(dir, "textnorm")
	for _, c := range [][]string{
		{"build", "-o", beamBin, "."},
		{"build", "-C", "../../..", "-o", cliBin, "./cmd/textnorm"},
	} {
		if out, err := exec.Command("go", c...).CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(c, " "), err, out)
		}
	}
	return beamBin, cliBin
}

// Test documents, written for these tests: Persian, Arabic and English,
// a paragraph shared by three files, CR LF and a BOM.
var corpus = map[string]string{
	"news1.txt":    "\ufeffCity council votes on the new bridge\r\n\r\nشورای شهر دربارهٔ پل تازه رأی داد.\r\n\r\nFollow us for more updates.\r\n",
	"news2.txt":    "The mayor said: «این پل برای همه است.»\n\nقال المتحدث إن المشروع سيكتمل قريبا.\n\nFollow us for more updates.\n",
	"news3.txt.gz": "Weather: rain  tomorrow\u00a0 in the north.\n\nFollow us for more updates.",
	"notes.md":     "not matched by the glob\n",
}

func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range corpus {
		b := []byte(text)
		if strings.HasSuffix(name, ".gz") {
			var z bytes.Buffer
			w := gzip.NewWriter(&z)
			w.Write(b)
			w.Close()
			b = z.Bytes()
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runBin(t *testing.T, dir, bin string, args ...string) (stdout []byte) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, errb.Bytes())
	}
	return out.Bytes()
}

// shardLines are the lines of every shard of prefix.
func shardLines(t *testing.T, prefix string) []string {
	t.Helper()
	files, err := filepath.Glob(prefix + "-*-of-*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no shards of %s (%v)", prefix, err)
	}
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, splitLines(b)...)
	}
	return lines
}

func splitLines(b []byte) []string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

func TestEndToEnd(t *testing.T) {
	beamBin, cliBin := binaries(t)
	dir := writeCorpus(t)
	files := []string{"news1.txt", "news2.txt", "news3.txt.gz"}

	t.Run("tag is textnorm tag", func(t *testing.T) {
		for _, flags := range [][]string{nil, {"--offsets", "byte,rune,utf16", "--all"}, {"--langs", "en,fa", "--profile", "fa"}} {
			want := splitLines(runBin(t, dir, cliBin, append(append([]string{"tag", "--format", "jsonl"}, flags...), files...)...))
			out := filepath.Join(t.TempDir(), "segs")
			runBin(t, dir, beamBin, append([]string{"tag", "--input", "news*.txt*", "--output", out}, flags...)...)
			got := shardLines(t, out)
			slices.Sort(want)
			slices.Sort(got)
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("%v: textnorm-beam tag gives %d segments, textnorm tag %d; they differ:\n%s\n---\n%s", flags, len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	})

	t.Run("tag of JSON Lines with --id", func(t *testing.T) {
		jdir := t.TempDir()
		recs := "{\"id\":\"a\",\"text\":\"سلام دنیا\"}\n{\"id\":7,\"text\":\"Hello again\"}\n"
		os.WriteFile(filepath.Join(jdir, "r.jsonl"), []byte(recs), 0o666)
		want := splitLines(runBin(t, jdir, cliBin, "tag", "--jsonl", "--field", "text", "r.jsonl"))
		out := filepath.Join(t.TempDir(), "segs")
		runBin(t, jdir, beamBin, "tag", "--jsonl", "--field", "text", "--input", "r.jsonl", "--output", out)
		got := shardLines(t, out)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("records: got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		runBin(t, jdir, beamBin, "tag", "--jsonl", "--field", "text", "--id", "id", "--input", "r.jsonl", "--output", out)
		for _, l := range shardLines(t, out) {
			if !strings.Contains(l, `"line":1,"id":"a",`) && !strings.Contains(l, `"line":2,"id":7,`) {
				t.Errorf("segment without its record's id: %s", l)
			}
		}
	})

	t.Run("tag --encoding and --binary are textnorm tag's", func(t *testing.T) {
		edir := t.TempDir()
		// Windows-1256 "سلام دنیا" and English; UTF-16LE with its mark; a NUL.
		os.WriteFile(filepath.Join(edir, "w.txt"), []byte("\xd3\xe1\xc7\xe3 \xcf\xe4\xed\xc7\r\nHello world.\n"), 0o666)
		os.WriteFile(filepath.Join(edir, "u.txt"), []byte("\xff\xfeH\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00\n\x00"), 0o666)
		os.WriteFile(filepath.Join(edir, "n.txt"), []byte("before\x00after\n"), 0o666)
		// Invalid bytes, each a U+FFFD of three bytes for one of the input.
		os.WriteFile(filepath.Join(edir, "i.txt"), []byte("caf\xe9 au lait \xff\xfe ok\nسلام \x80دنیا\n"), 0o666)
		for _, c := range []struct {
			flags []string
			files []string
		}{
			{[]string{"--encoding", "windows-1256"}, []string{"w.txt"}},
			{[]string{"--binary"}, []string{"n.txt", "u.txt"}},
			{[]string{"--invalid", "replace", "--offsets", "byte,rune,utf16"}, []string{"i.txt"}},
		} {
			want := splitLines(runBin(t, edir, cliBin, append(append([]string{"tag", "--format", "jsonl"}, c.flags...), c.files...)...))
			out := filepath.Join(t.TempDir(), "segs")
			runBin(t, edir, beamBin, append([]string{"tag", "--input", "[" + c.files[0][:1] + c.files[len(c.files)-1][:1] + "].txt", "--output", out}, c.flags...)...)
			got := shardLines(t, out)
			slices.Sort(want)
			slices.Sort(got)
			if len(want) < 2 || !slices.Equal(got, want) {
				t.Errorf("%v: textnorm-beam tag gives\n%s\ntextnorm tag\n%s", c.flags, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	})

	t.Run("dedupe keeps a shared paragraph once", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "kept")
		runBin(t, dir, beamBin, "dedupe", "--input", "news*.txt*", "--output", out)
		shared := 0
		lines := shardLines(t, out)
		for _, l := range lines {
			var p struct {
				File   string
				Line   int
				Text   string
				Copies int
			}
			if err := json.Unmarshal([]byte(l), &p); err != nil {
				t.Fatalf("%s: %v", l, err)
			}
			if p.Text == "Follow us for more updates." {
				shared++
				if p.File != "news1.txt" || p.Line != 5 || p.Copies != 3 {
					t.Errorf("the shared paragraph kept as %+v, want news1.txt:5 with 3 copies", p)
				}
			}
		}
		// 8 paragraphs, the shared one in each of the 3 files
		if shared != 1 || len(lines) != 6 {
			t.Errorf("%d paragraphs kept, the shared one %d times; want 6 and once:\n%s", len(lines), shared, strings.Join(lines, "\n"))
		}
	})

	t.Run("stats", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "stats")
		runBin(t, dir, beamBin, "stats", "--input", "news*.txt*", "--output", out)
		lines := shardLines(t, out)
		var r struct {
			Total     struct{ Documents, Bytes int64 }
			Languages []struct{ Tag string }
		}
		if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &r) != nil {
			t.Fatalf("the report is %q", lines)
		}
		var tags []string
		for _, l := range r.Languages {
			tags = append(tags, l.Tag)
		}
		slices.Sort(tags)
		if r.Total.Documents != 3 || !slices.Equal(tags, []string{"ar-Arab", "en-Latn", "fa-Arab"}) {
			t.Errorf("report %s: want 3 documents in ar-Arab, en-Latn, fa-Arab", lines[0])
		}
	})
}

// TestFilterContract is the contract of "textnorm normalize --jsonl
// --field F" as a filter (Spark's RDD.pipe, Hadoop Streaming): a line out
// for each line in, in order. With --errors=inline, a bad record's line is
// its error, in its place, with the record's bytes (invalid UTF-8
// included, which stops nothing), and the exit status 0; with the default
// --errors=stderr, a bad record is written as it is, in its place, and
// reported on standard error with its line.
func TestFilterContract(t *testing.T) {
	_, cliBin := binaries(t)
	t.Run("--errors=inline", func(t *testing.T) { testFilterInline(t, cliBin) })
	t.Run("--errors=stderr", func(t *testing.T) { testFilterStderr(t, cliBin) })
}

func testFilterInline(t *testing.T, cliBin string) {
	in := []string{
		`{"id":1,"text":"كتاب  علي"}`,
		``,
		`not json`,
		`{"id":3}`,
		`{"id":4,"text":5}`,
		"{\"id\":5,\"text\":\"bad \xff byte\"}",
		"caf\xe9, neither JSON nor UTF-8",
		"{\"id\":7,\"text\":\"a\\tb\"}\r",
		`{"id":8,"text":"ok\u00a0 fine ","n":1.50}`,
	}
	// The good lines as they come out; "" at a bad record's, whose error
	// is checked against the line in.
	want := []string{
		`{"id":1,"text":"كتاب علي"}`,
		``,
		"", "", "", "", "",
		"{\"id\":7,\"text\":\"a\\tb\"}\r",
		`{"id":8,"text":"ok fine","n":1.50}`,
	}
	bad := map[int]string{ // line: message
		3: "not a JSON object", 4: `no field "text"`, 5: `field "text" is a number, not a string`,
		6: "invalid UTF-8 (byte 0xff)", 7: "invalid UTF-8 (byte 0xe9)",
	}
	for _, final := range []string{"\n", ""} {
		cmd := exec.Command(cliBin, "normalize", "--jsonl", "--field", "text", "--errors=inline")
		cmd.Stdin = strings.NewReader(strings.Join(in, "\n") + final)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil || errb.Len() > 0 {
			t.Errorf("exit %v, stderr %q: want 0 and nothing", err, errb.String())
		}
		if strings.HasSuffix(out.String(), "\n") != (final == "\n") {
			t.Errorf("the last line feed: in %q, out %q", final, out.String())
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(got) != len(in) {
			t.Fatalf("%d lines in, %d out:\n%s", len(in), len(got), out.String())
		}
		for i, line := range got {
			var e struct {
				Err *struct {
					Line      int
					Message   string
					Raw       *string
					RawBase64 *string `json:"raw_base64"`
				} `json:"textnorm_error"`
			}
			msg, isBad := bad[i+1]
			if !isBad {
				if line != want[i] {
					t.Errorf("line %d: %q, want %q", i+1, line, want[i])
				}
				continue
			}
			if err := json.Unmarshal([]byte(line), &e); err != nil || e.Err == nil {
				t.Errorf("line %d: %q, want its error (%v)", i+1, line, err)
				continue
			}
			orig := ""
			switch {
			case e.Err.Raw != nil:
				orig = *e.Err.Raw
			case e.Err.RawBase64 != nil:
				b, _ := base64.StdEncoding.DecodeString(*e.Err.RawBase64)
				orig = string(b)
			}
			if e.Err.Line != i+1 || e.Err.Message != msg || orig != in[i] {
				t.Errorf("line %d: %s; want line %d, %q, the bytes %q", i+1, line, i+1, msg, in[i])
			}
		}
	}
}

func testFilterStderr(t *testing.T, cliBin string) {
	in := []string{
		`{"id":1,"text":"كتاب  علي"}`,
		``,
		`not json`,
		`{"id":3}`,
		`{"id":4,"text":5}`,
		"{\"id\":5,\"text\":\"bad \xff byte\"}",
		`{"id":6,"text":"ok\u00a0 fine ","n":1.50}`,
	}
	want := []string{
		`{"id":1,"text":"كتاب علي"}`,
		``,
		`not json`,
		`{"id":3}`,
		`{"id":4,"text":5}`,
		"{\"id\":5,\"text\":\"bad \xff byte\"}",
		`{"id":6,"text":"ok fine","n":1.50}`,
	}
	for _, final := range []string{"\n", ""} { // with and without a last line feed
		cmd := exec.Command(cliBin, "normalize", "--jsonl", "--field", "text", "--invalid=keep")
		cmd.Stdin = strings.NewReader(strings.Join(in, "\n") + final)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
			t.Errorf("exit %v, want 2: bad records were reported", err)
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if !slices.Equal(got, want) {
			t.Errorf("out:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if final == "" && strings.HasSuffix(out.String(), "\n") {
			t.Errorf("a last line without a line feed got one")
		}
		wantErr := "textnorm: <stdin>:3:1: not a JSON object\ntextnorm: <stdin>:4:1: no field \"text\"\ntextnorm: <stdin>:5:16: field \"text\" is a number, not a string\n"
		if errb.String() != wantErr {
			t.Errorf("stderr:\n%s\nwant:\n%s", errb.String(), wantErr)
		}
	}
}
