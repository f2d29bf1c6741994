package detect

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"
)

var langevalMixedFloor = flag.Float64("langeval.mixed-floor", 96.0, "the least per-letter accuracy (%) of TestLangEvalMixed, pooled")

// langevalMixedPairs are the host and guest languages of the mixed
// documents of TestLangEvalMixed: a page in the host language quoting the
// guest, the cases textnorm is built for (Persian captions in English,
// Arabic quotations in Persian, English terms in Persian, Pashto beside
// Persian) and a few of other scripts.
var langevalMixedPairs = [][2]string{
	{"en", "fa"}, {"en", "ar"}, {"en", "ur"}, {"en", "ru"}, {"en", "zh"}, {"en", "hi"}, {"en", "fr"}, {"en", "de"},
	{"fa", "ar"}, {"fa", "en"}, {"fa", "ps"}, {"ar", "fa"}, {"ar", "en"}, {"ur", "en"}, {"ps", "fa"},
	{"ru", "en"}, {"de", "en"}, {"fr", "en"}, {"tr", "en"}, {"zh", "en"}, {"ja", "en"},
}

// A mixedPiece is a part of a mixed document in one language.
type mixedPiece struct {
	start, end int
	lang       string
}

// langevalMixedDocs assembles mixed documents from rows (the measure
// part): for each pair, documents of six host sentences of one source, in
// the set's order, with a guest sentence on a line of its own after the
// second, a guest phrase of 3–5 words in parentheses after the fourth,
// and a guest string of 1–2 words in quotation marks after the fifth. It
// returns the documents and the language of each piece.
func langevalMixedDocs(rows []langevalRow) ([]string, [][]mixedPiece) {
	byLB := map[[2]string][]langevalRow{}
	for _, r := range rows {
		k := [2]string{r.Lang, r.Bucket}
		byLB[k] = append(byLB[k], r)
	}
	var docs []string
	var truth [][]mixedPiece
	for _, p := range langevalMixedPairs {
		host, guest := p[0], p[1]
		hs := byLB[[2]string{host, "sentence"}]
		gs, gm, gsh := byLB[[2]string{guest, "sentence"}], byLB[[2]string{guest, "medium"}], byLB[[2]string{guest, "short"}]
		for d := 0; (d+1)*6 <= len(hs) && d < len(gs) && d < len(gm) && d < len(gsh) && d < 10; d++ {
			var b strings.Builder
			var pieces []mixedPiece
			add := func(text, lang string) {
				pieces = append(pieces, mixedPiece{b.Len(), b.Len() + len(text), lang})
				b.WriteString(text)
			}
			open, close := "“", "”"
			if host == "fa" || host == "ar" || host == "ur" || host == "ps" {
				open, close = "«", "»"
			}
			for i, h := range hs[d*6 : d*6+6] {
				add(h.Text, host)
				switch i {
				case 1:
					b.WriteString("\n")
					add(gs[d].Text, guest)
				case 3:
					b.WriteString(" (")
					add(gm[d].Text, guest)
					b.WriteString(")")
				case 4:
					b.WriteString(" " + open)
					add(gsh[d].Text, guest)
					b.WriteString(close)
				}
				b.WriteString("\n")
			}
			docs = append(docs, b.String())
			truth = append(truth, pieces)
		}
	}
	return docs, truth
}

// TestLangEvalMixed measures per-letter accuracy on mixed documents
// assembled from the measure part of testdata/langeval (see
// langevalMixedDocs): the share of letters whose segment carries their
// piece's language, pooled and per pair, held to -langeval.mixed-floor.
func TestLangEvalMixed(t *testing.T) {
	docs, truth := langevalMixedDocs(readLangeval(t, "measure"))
	if len(docs) < 100 {
		t.Fatalf("only %d mixed documents", len(docs))
	}
	d, err := NewDetector(Options{})
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ n, ok int }
	per := map[string]*count{}
	var all count
	for i, doc := range docs {
		lang := make([]string, len(doc)) // by byte: the segment's language
		for _, s := range d.Segments(doc) {
			for k := s.Start; k < s.End; k++ {
				lang[k] = s.Lang
			}
		}
		pair := truth[i][0].lang + "+"
		for _, p := range truth[i] {
			if p.lang != truth[i][0].lang {
				pair += p.lang
				break
			}
		}
		if per[pair] == nil {
			per[pair] = &count{}
		}
		for _, p := range truth[i] {
			for k, r := range doc[p.start:p.end] {
				if !unicode.IsLetter(r) {
					continue
				}
				per[pair].n++
				all.n++
				if lang[p.start+k] == p.lang {
					per[pair].ok++
					all.ok++
				}
			}
		}
	}
	var pairs []string
	for p := range per {
		pairs = append(pairs, p)
	}
	sort.Strings(pairs)
	var md strings.Builder
	fmt.Fprintf(&md, "| host+guest | letters | per letter |\n| --- | ---: | ---: |\n")
	for _, p := range pairs {
		c := per[p]
		fmt.Fprintf(&md, "| %s | %d | %.2f |\n", p, c.n, 100*float64(c.ok)/float64(c.n))
	}
	pct := 100 * float64(all.ok) / float64(all.n)
	fmt.Fprintf(&md, "| **all** (%d documents) | %d | %.2f |\n", len(docs), all.n, pct)
	t.Log("\n" + md.String())
	if pct < *langevalMixedFloor {
		t.Errorf("per-letter accuracy %.2f%% on mixed documents, under the floor %.2f%%", pct, *langevalMixedFloor)
	}
}
