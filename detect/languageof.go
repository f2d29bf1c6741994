package detect

import (
	"strings"

	"github.com/textnorm/textnorm/engine"
	"github.com/textnorm/textnorm/script"
)

// ReliableConf is the confidence from which LanguageOf calls its answer
// reliable: since confidences are calibrated, an answer at or above it is
// more often right than wrong.
const ReliableConf = 0.5

// LanguageOf returns the language of text as a whole, as lingua-go's
// DetectLanguageOf does: the language of the segments that hold most of
// its letters (text is one document, whatever Options.Doc says), with the
// letter-weighted confidence of those segments, and whether that
// confidence reaches ReliableConf. Text without letters is Und, 0, false.
// Options.Langs restricts the languages as it does for Segments;
// Options.MinConf is ignored (the answer carries its confidence).
func (d *Detector) LanguageOf(text string) (lang string, conf float64, reliable bool) {
	dd := *d
	dd.opts.Doc, dd.opts.MinConf, dd.opts.All = DocFile, 0, false
	type tally struct{ letters, conf float64 }
	by := map[string]*tally{}
	var order []string
	for _, s := range dd.Segments(text) {
		if s.Lang == Und || s.Lang == Zxx {
			continue
		}
		n := float64(letters(s.Text))
		t := by[s.Lang]
		if t == nil {
			t = &tally{}
			by[s.Lang] = t
			order = append(order, s.Lang)
		}
		t.letters += n
		t.conf += n * s.Conf
	}
	lang = Und
	best := 0.0
	for _, l := range order { // in order of first appearance: ties go to the first
		if t := by[l]; t.letters > best {
			lang, best = l, t.letters
		}
	}
	if lang == Und {
		return Und, 0, false
	}
	conf = by[lang].conf / best
	return lang, conf, conf >= ReliableConf
}

// Confidences returns the probability of every candidate language for
// text as a whole, best first, as lingua-go's
// ComputeLanguageConfidenceValues does: for each script of text's
// letters, the probabilities of its languages for all its letters taken
// together (statistics and orthography, as a sentence's own evidence is
// weighed), times that script's share of the letters. Languages of no
// script of text are left out; the values sum to 1 when text has letters
// of a script with languages, and the list is empty otherwise. These are
// the model's probabilities, not calibrated as Segment.Conf is.
// Options.Langs restricts the candidates as it does for Segments.
func (d *Detector) Confidences(text string) []engine.Score {
	var by []script.Script
	runs := map[script.Script]*strings.Builder{}
	share := map[script.Script]float64{}
	total := 0.0
	for r := range script.Runs(text) {
		if !hasLetters(r.Script) {
			continue
		}
		n := float64(letters(text[r.Start:r.End]))
		if n == 0 {
			continue
		}
		b := runs[r.Script]
		if b == nil {
			b = &strings.Builder{}
			runs[r.Script] = b
			by = append(by, r.Script)
		}
		b.WriteString(text[r.Start:r.End])
		b.WriteByte('\n')
		share[r.Script] += n
		total += n
	}
	p := map[string]float64{}
	for _, sc := range by {
		for _, s := range d.id.Scores(runs[sc].String(), sc) {
			p[s.Lang] += s.P * share[sc] / total
		}
	}
	out := make([]engine.Score, 0, len(p))
	for l, v := range p {
		out = append(out, engine.Score{Lang: l, P: v})
	}
	engine.SortScores(out)
	return out
}
