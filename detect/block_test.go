package detect

import (
	"io"
	"iter"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// blockCases are documents whose blocks end in each way: the text's end,
// a line break past BlockSize (LF, CR LF, a lone CR), a line cut at a
// space, at a cluster boundary, inside a cluster over a kilobyte long.
func blockCases() map[string]string {
	line := func(n int, unit string) string { return strings.Repeat(unit, n/len(unit)+1)[:n] }
	return map[string]string{
		"short":          "one line\nand another",
		"LF":             line(BlockSize-3, "ab ") + "\n" + line(BlockSize+10, strings.Repeat("cd ", 30)+"\n"),
		"CR LF":          line(BlockSize+100, "x") + "\r\n" + "tail",
		"CR at the edge": line(MaxBlock-1, "x") + "\r\n" + line(100, "y"),
		"lone CR":        line(BlockSize+5, "x") + "\r" + line(BlockSize+5, "y"),
		"long line":      line(3*MaxBlock+17, "word "),
		"no spaces":      strings.Repeat("語", MaxBlock),
		"space and mark": strings.Repeat("a", BlockSize+10) + strings.Repeat(" \u0301x", MaxBlock/4),
		"long cluster":   "e" + strings.Repeat("\u0301", MaxBlock),
		"invalid bytes":  strings.Repeat("\xff\x80 ", MaxBlock/2),
		"exactly":        line(BlockSize, "z"),
		"exactly max":    line(MaxBlock, "z"),
	}
}

// TestBlocks checks that blocks tile the document, hold at most MaxBlock
// bytes, end at a line break unless the next is MidLine, and that a cut
// is at a space, else at a grapheme cluster boundary, else at a code point
// boundary.
func TestBlocks(t *testing.T) {
	if raceEnabled {
		t.Skip("20 MB of blocks: too slow with the race detector; .ci/run runs it without")
	}
	for name, text := range blockCases() {
		t.Run(name, func(t *testing.T) {
			var blocks []Block
			for b := range Blocks(text) {
				blocks = append(blocks, b)
			}
			checkBlocks(t, text, blocks)
		})
	}
}

func checkBlocks(t *testing.T, text string, blocks []Block) {
	t.Helper()
	at := 0
	for i, b := range blocks {
		if b.Start != at || text[b.Start:b.End()] != b.Text {
			t.Fatalf("block %d at %d, want %d, or not the text there", i, b.Start, at)
		}
		if len(b.Text) > MaxBlock || len(b.Text) == 0 {
			t.Fatalf("block %d: %d bytes", i, len(b.Text))
		}
		at = b.End()
		if last := i == len(blocks)-1; b.Last != last {
			t.Fatalf("block %d: Last %v", i, b.Last)
		} else if last {
			break
		}
		next := blocks[i+1]
		if len(b.Text) < BlockSize {
			t.Fatalf("block %d: %d bytes, and not the last", i, len(b.Text))
		}
		endsLine := strings.HasSuffix(b.Text, "\n") || strings.HasSuffix(b.Text, "\r") && !strings.HasPrefix(next.Text, "\n")
		if endsLine == next.MidLine {
			t.Fatalf("block %d ends a line: %v; the next MidLine: %v", i, endsLine, next.MidLine)
		}
		if !next.MidLine {
			continue
		}
		if strings.HasSuffix(b.Text, " ") || strings.HasSuffix(b.Text, "\t") {
			continue // cut after a space
		}
		if n := cutAtSpace(text[b.Start:], BlockSize, MaxBlock); n >= 0 {
			t.Fatalf("block %d cut at %d, not after the space at %d", i, len(b.Text), n)
		}
		// Else at a cluster boundary, or inside a cluster over a kilobyte
		// long at a code point boundary.
		if c := clusterAround(text, at); c > 0 && c <= 1024 {
			t.Fatalf("block %d cut inside a cluster of %d bytes", i, c)
		}
		if !utf8.RuneStart(text[at]) && utf8.FullRuneInString(text[at-1:]) && utf8.ValidString(text[max(0, at-3):min(len(text), at+3)]) {
			t.Fatalf("block %d cut inside a code point", i)
		}
	}
	if at != len(text) {
		t.Fatalf("blocks end at %d of %d", at, len(text))
	}
}

// clusterAround returns the length of the grapheme cluster that holds
// offset off inside it, 0 if off is a boundary.
func clusterAround(text string, off int) int {
	from := max(0, off-4096)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	state := -1
	for i := from; i < len(text); {
		c, _, _, st := uniseg.FirstGraphemeClusterInString(text[i:], state)
		if i >= off {
			return 0
		}
		if i+len(c) > off {
			return len(c)
		}
		i, state = i+len(c), st
	}
	return 0
}

// TestReadBlocks checks that ReadBlocks gives the blocks of Blocks,
// however the reader hands the text over.
func TestReadBlocks(t *testing.T) {
	if raceEnabled {
		t.Skip("40 MB of blocks: too slow with the race detector; .ci/run runs it without")
	}
	readers := map[string]func(string) io.Reader{
		"whole":    func(s string) io.Reader { return strings.NewReader(s) },
		"one byte": func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		"half":     func(s string) io.Reader { return iotest.HalfReader(strings.NewReader(s)) },
		"data+EOF": func(s string) io.Reader { return iotest.DataErrReader(strings.NewReader(s)) },
	}
	for name, text := range blockCases() {
		var want []Block
		for b := range Blocks(text) {
			want = append(want, b)
		}
		for rname, mk := range readers {
			if rname == "one byte" && len(text) > MaxBlock {
				continue // slow, and "half" cuts as often where it matters
			}
			var got []Block
			for b, err := range ReadBlocks(mk(text)) {
				if err != nil {
					t.Fatalf("%s, %s: %v", name, rname, err)
				}
				got = append(got, b)
			}
			if len(got) != len(want) {
				t.Fatalf("%s, %s: %d blocks, want %d", name, rname, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s, %s: block %d differs: at %d (%d bytes, last %v, mid %v), want at %d (%d bytes, last %v, mid %v)", name, rname, i,
						got[i].Start, len(got[i].Text), got[i].Last, got[i].MidLine, want[i].Start, len(want[i].Text), want[i].Last, want[i].MidLine)
				}
			}
		}
	}
}

// TestReadBlocksError checks that a read error ends the blocks with it.
func TestReadBlocksError(t *testing.T) {
	r := io.MultiReader(strings.NewReader(strings.Repeat("line\n", MaxBlock/4)), iotest.ErrReader(io.ErrUnexpectedEOF))
	var n int
	var last error
	for _, err := range ReadBlocks(r) {
		if err != nil {
			last = err
			continue
		}
		n++
	}
	if last != io.ErrUnexpectedEOF || n == 0 {
		t.Fatalf("%d blocks, then %v", n, last)
	}
}

// mixedText returns segmentInvariantCases over and over, each followed by
// sep, to MaxBlock and half a block more.
func mixedText(sep string) string {
	var b strings.Builder
	for b.Len() < MaxBlock+BlockSize/2 {
		for _, c := range segmentInvariantCases {
			b.WriteString(c)
			b.WriteString(sep)
		}
	}
	return b.String()
}

// TestSegmentsReader checks that the segments of a reader are those of the
// whole text, with and without All.
func TestSegmentsReader(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("segments 20 MB")
	}
	texts := blockCases()
	texts["mixed long line"] = mixedText(" ")
	for _, all := range []bool{false, true} {
		d := fakeDetector(all)
		for name, text := range texts {
			want := d.Segments(text)
			i := 0
			for s, err := range d.SegmentsReader(iotest.HalfReader(strings.NewReader(text))) {
				if err != nil {
					t.Fatal(err)
				}
				if i >= len(want) || s != want[i] {
					t.Fatalf("%s (all %v): segment %d differs", name, all, i)
				}
				i++
			}
			if i != len(want) {
				t.Fatalf("%s (all %v): %d segments, want %d", name, all, i, len(want))
			}
		}
	}
}

func FuzzCutLine(f *testing.F) {
	f.Add("abc def ghi", 2, 9)
	f.Add("e\u0301\u0301\u0301x", 1, 5)
	f.Add("\xff\xfe語語", 1, 5)
	f.Fuzz(func(t *testing.T, text string, lo, hi int) {
		if lo < 0 || hi > len(text) || lo >= hi {
			return
		}
		n := cutLine(text, lo, hi)
		if n < lo-utf8.UTFMax || n > hi {
			t.Fatalf("cut at %d, outside [%d, %d]", n, lo, hi)
		}
	})
}

// TestStreamBlocks checks that Stream.Blocks gives the segments of
// Segments with any number of workers, and that segments a caller leaves
// do not shift the offsets of the next block's.
func TestStreamBlocks(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("segments 20 MB")
	}
	texts := blockCases()
	texts["mixed lines"] = mixedText("\n")
	for _, all := range []bool{false, true} {
		d := fakeDetector(all)
		for name, text := range texts {
			want := d.Segments(text)
			for _, workers := range []int{1, 3} {
				var got []Segment
				err := d.NewStream().Blocks(ReadBlocks(iotest.HalfReader(strings.NewReader(text))), workers, func(b Block, segs iter.Seq[Segment]) bool {
					for s := range segs {
						got = append(got, s)
					}
					return true
				})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%s (all %v, %d workers): %d segments, want %d, or they differ", name, all, workers, len(got), len(want))
				}
			}
			// Take only the first segment of each block: the first
			// segments of the blocks are Segments' still.
			var firsts, wantFirsts []Segment
			for b := range Blocks(text) {
				for _, s := range want {
					if s.Start >= b.Start {
						wantFirsts = append(wantFirsts, s)
						break
					}
				}
			}
			d.NewStream().Blocks(ReadBlocks(strings.NewReader(text)), 2, func(b Block, segs iter.Seq[Segment]) bool {
				for s := range segs {
					firsts = append(firsts, s)
					break
				}
				return true
			})
			if !slices.Equal(firsts, wantFirsts) {
				t.Fatalf("%s (all %v): the first segments of the blocks differ", name, all)
			}
		}
	}
}

// TestStreamBlocksError checks that a read error ends Blocks with it.
func TestStreamBlocksError(t *testing.T) {
	r := io.MultiReader(strings.NewReader(strings.Repeat("line\n", MaxBlock/4)), iotest.ErrReader(io.ErrUnexpectedEOF))
	n := 0
	err := fakeDetector(false).NewStream().Blocks(ReadBlocks(r), 2, func(b Block, segs iter.Seq[Segment]) bool {
		n++
		return true
	})
	if err != io.ErrUnexpectedEOF || n == 0 {
		t.Fatalf("%d blocks, then %v", n, err)
	}
}

// TestStreamBlocksPieces checks Stream.Blocks on a block of many pieces
// (a script run every three bytes), with the race detector too.
func TestStreamBlocksPieces(t *testing.T) {
	text := strings.Repeat("ab вг ", 20000) + "\n" + strings.Repeat("cd\n", 9000)
	d := fakeDetector(true)
	want := d.Segments(text)
	var got []Segment
	err := d.NewStream().Blocks(ReadBlocks(strings.NewReader(text)), 3, func(b Block, segs iter.Seq[Segment]) bool {
		got = slices.AppendSeq(got, segs)
		return true
	})
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("%v; %d segments, want %d, or they differ", err, len(got), len(want))
	}
}

// FuzzReadBlocks checks, with small blocks, that ReadBlocks gives the
// blocks of Blocks however the reader cuts the text, and that they tile
// it, each at most the most bytes.
func FuzzReadBlocks(f *testing.F) {
	f.Add("one line\nanother line\r\nand a lone\rCR", 8, 16, uint8(3))
	f.Add("no line breaks here, only spaces and words", 4, 9, uint8(1))
	f.Add("e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301 x\xff\xfe", 3, 7, uint8(2))
	f.Fuzz(func(t *testing.T, text string, size, most int, chunk uint8) {
		if size < 1 || size > 64 || most < size+utf8.UTFMax || most > 128 {
			return
		}
		var want []Block
		for b := range blocks(text, size, most) {
			want = append(want, b)
		}
		at := 0
		for i, b := range want {
			if b.Start != at || len(b.Text) == 0 || len(b.Text) > most || b.Last != (i == len(want)-1) {
				t.Fatalf("block %d: at %d (want %d), %d bytes, last %v", i, b.Start, at, len(b.Text), b.Last)
			}
			at = b.End()
		}
		if at != len(text) {
			t.Fatalf("blocks end at %d of %d", at, len(text))
		}
		r := io.Reader(strings.NewReader(text))
		if chunk > 0 {
			r = &chunkReader{s: text, n: int(chunk)}
		}
		i := 0
		for b, err := range readBlocks(r, size, most) {
			if err != nil {
				t.Fatal(err)
			}
			if i >= len(want) || b != want[i] {
				t.Fatalf("block %d differs from Blocks'", i)
			}
			i++
		}
		if i != len(want) {
			t.Fatalf("%d blocks, want %d", i, len(want))
		}
	})
}

// A chunkReader gives at most n bytes a read.
type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}

// TestDocLine checks that with DocLine each line is segmented as if it were
// a text of its own, and with DocParagraph each paragraph: no context
// crosses their edges.
func TestDocLine(t *testing.T) {
	if testing.Short() {
		t.Skip("loads language models")
	}
	lines := []string{
		"The minister said the talks were useful and would go on next week.",
		"خبر",
		"وزير گفت كه مذاكرات مفيد بود و ادامه خواهد يافت.",
		"Bank",
		"",
		"Привет",
		"  ",
		"کتاب",
	}
	text := strings.Join(lines, "\n") + "\n"
	for _, tc := range []struct {
		doc   Doc
		parts []string // the documents of text
	}{
		{DocLine, strings.SplitAfter(text, "\n")},
		{DocParagraph, []string{strings.Join(lines[:5], "\n") + "\n", lines[5] + "\n" + lines[6] + "\n", lines[7] + "\n"}},
	} {
		d := mustDetector(t, Options{Doc: tc.doc})
		alone := mustDetector(t, Options{})
		got := d.Segments(text)
		var want []Segment
		at := 0
		for _, part := range tc.parts {
			for _, s := range alone.Segments(part) {
				want = append(want, Segment{Start: at + s.Start, End: at + s.End, Lang: s.Lang, Script: s.Script, Conf: s.Conf})
			}
			at += len(part)
		}
		if len(got) != len(want) {
			t.Fatalf("%v: %d segments, want %d", tc.doc, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Start != w.Start || g.End != w.End || g.Lang != w.Lang || g.Script != w.Script || g.Conf != w.Conf {
				t.Errorf("%v: segment %d: %d-%d %s %v %.4f, want %d-%d %s %v %.4f", tc.doc, i, g.Start, g.End, g.Lang, g.Script, g.Conf, w.Start, w.End, w.Lang, w.Script, w.Conf)
			}
		}
	}
}

func TestParseDoc(t *testing.T) {
	for _, name := range []string{"file", "paragraph", "line", "LINE"} {
		d, err := ParseDoc(name)
		if err != nil || !strings.EqualFold(d.String(), name) {
			t.Errorf("ParseDoc(%q) = %v, %v", name, d, err)
		}
	}
	if _, err := ParseDoc("page"); err == nil || !strings.Contains(err.Error(), "(known: file, paragraph, line)") {
		t.Errorf("ParseDoc(page): %v", err)
	}
}

// TestDocLineAllocs checks that a document of short lines, a piece each
// with DocLine, allocates in proportion to its text: a piece once took
// room for hundreds of script runs, 53 KB a line.
func TestDocLineAllocs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("loads language models; the race detector allocates on its own")
	}
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("Bank\nخبر\nПривет друзья\nThe talks go on.\n")
	}
	text := b.String()
	d := mustDetector(t, Options{Doc: DocLine})
	d.Segments(text[:4096]) // models and caches
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	segs := d.Segments(text)
	runtime.ReadMemStats(&after)
	perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
	t.Logf("%d segments, %.1f bytes allocated a byte of text", len(segs), perByte)
	if perByte > 300 { // 169 now; 4,300 when each piece took room for 512 runs
		t.Errorf("%.1f bytes allocated a byte of text, want at most 300", perByte)
	}
}
