package langid

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/textnorm/textnorm/engine"
	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

// Und is the language of a span that cannot be decided.
const Und = "und"

// Span is a part of a run in one language: text[Start:End] (byte offsets),
// language Lang (BCP 47 primary subtag, or [Und]) and confidence Conf in
// [0, 1] (the lead of the best language's probability over the second's).
// Spans start and end on non-space characters; the bytes between two spans
// are white space.
type Span struct {
	Start, End int
	Lang       string
	Conf       float64
}

// Options configure an [Identifier].
type Options struct {
	// Langs restricts the candidates to these languages (BCP 47 primary
	// subtags; tags and aliases are read as language.Lookup reads them) in
	// every script where at least one of them is a candidate; in scripts
	// where none is, the script's own candidates stay. Empty: no
	// restriction.
	Langs []string
	// Scorer scores text statistically; nil means the shared n-gram
	// engine ([DefaultNgram]). A Scorer that implements
	// engine.Standalone decides every sentence alone (see Analysis.Spans).
	Scorer Scorer
}

// Identifier splits single-script runs into language spans. It is safe for
// concurrent use.
type Identifier struct {
	cands      sync.Map // script -> []string, see candidates
	unknown    sync.Map // script -> []string, see unmodelled
	scorer     Scorer
	standalone bool            // the scorer's answers are final
	allow      map[string]bool // nil: no restriction
}

// New returns an Identifier configured by opts.
func New(opts Options) *Identifier {
	id := &Identifier{scorer: opts.Scorer}
	if id.scorer == nil {
		id.scorer = DefaultNgram()
	}
	_, id.standalone = id.scorer.(engine.Standalone)
	if len(opts.Langs) > 0 {
		id.allow = map[string]bool{}
		for _, l := range opts.Langs {
			code := strings.ToLower(strings.TrimSpace(l))
			if l, ok := language.Lookup(code); ok {
				code = l.Code // an alias or a tag with subtags
			}
			id.allow[code] = true
		}
	}
	return id
}

// Decision thresholds; see [Analysis.Spans].
const (
	// A sentence with fewer letters or words is short: its own scores
	// decide it only when they are nearly certain.
	minLetters = 12
	minWords   = 3
	// Lead of the top probability a sentence needs to be decided alone,
	// when it is long enough and when it is short.
	minMargin   = 0.1
	shortMargin = 0.9
	// Floors of a sentence's own probabilities and of its context's prior
	// when the two are multiplied (see withContext).
	ownFloor   = 1e-3
	priorFloor = 0.2
	// The floor of the registry's priors for a sentence of a document that
	// has shown nothing else: the priors (en for Latin, ru for Cyrillic)
	// say how common a language is, but only break near ties, weighing a
	// short text's own evidence by at most ln((1+f)/f) ≈ 0.4 nats (on
	// testdata/langeval's building part, a stronger prior loses short
	// strings of the other languages, and a weaker one gains nothing).
	defaultPriorFloor = 2
	// Scripts with more candidates than manyCands (Latin, Cyrillic) need a
	// lead of manyMargin for a sentence to be decided alone.
	manyCands  = 4
	manyMargin = 0.5
	// Evidence lead (nats) and words above which Arabic-script text is
	// decided by orthography alone, without calling the Scorer.
	clearLead  = 4.0
	clearWords = 3
	// Weight of the Scorer's log-probabilities against orthographic
	// evidence, and the floor of its probabilities (so that the Scorer
	// alone moves a language by at most lambda*ln(1/floor) ≈ 4.6 nats).
	lambda      = 1.0
	linguaFloor = 0.01
	// Lead (nats per letter) of its best language over the second that a
	// line of names needs to be decided alone.
	namesLead = 0.5
)

// Candidates returns the languages a run of script may be in, after the
// Options.Langs restriction: the registry's languages of the script
// (language.ForScript), in its order, and then its opt-in languages (la)
// that Options.Langs asks for. Arabic script gives fa, ar, ur, ps; Han gives
// zh and ja (decided by context, see [Analysis.Spans]); Latin, Cyrillic and
// Devanagari give lingua's languages of that script; scripts of one language
// give it; unknown scripts give none (their runs are Und).
func (id *Identifier) Candidates(sc script.Script) []string {
	var all []string
	for _, l := range language.ForScript(sc) {
		all = append(all, l.Code)
	}
	for _, l := range language.All() {
		if l.OptIn && l.WrittenIn(sc) && id.allow[l.Code] {
			all = append(all, l.Code)
		}
	}
	if id.allow == nil {
		return slices.Clone(all)
	}
	var kept []string
	for _, l := range all {
		if id.allow[l] {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return slices.Clone(all)
	}
	return kept
}

// Analysis is a run split into sentences, each scored on its own evidence.
// Its [Analysis.Spans] decide the sentences with a [Context], so a document
// can be analysed once, its Context collected with [Context.Observe], and
// the spans decided afterwards with the whole document's context.
type Analysis struct {
	text       string
	script     script.Script
	cands      []string
	sents      []sentence
	standalone bool // the Scorer decides each sentence alone
	open       bool // some sentence with letters is not decided alone
}

// sentence is one sentence of a run with its own evidence.
type sentence struct {
	start, end     int
	letters, words int
	names          bool    // most words start with a capital: names, brands, a title
	lead           float64 // log-likelihood lead (nats) of the best language over the second
	// What its own evidence decides (own, or alone for a Standalone
	// scorer): decided is false when it needs its context.
	lang    string
	conf    float64
	decided bool
	scores  []Score // over candidates, sorted; nil: no opinion
}

// Analyze splits text, a run of one script, into sentences and scores each.
func (id *Identifier) Analyze(text string, sc script.Script) *Analysis {
	a := &Analysis{text: text, script: sc, cands: id.candidates(sc), standalone: id.standalone}
	var buf [16][2]int // a run's sentences, on the stack unless there are more
	sents := appendSentences(buf[:0], text)
	a.sents = make([]sentence, 0, len(sents))
	for _, r := range sents {
		s := sentence{start: r[0], end: r[1]}
		st := text[r[0]:r[1]]
		s.letters, s.words, s.names = sentenceStats(st)
		if s.letters > 0 && len(a.cands) > 1 {
			s.scores = id.scores(st, sc, a.cands, keptScores)
		}
		if len(s.scores) > keptScores {
			// The tail is all but zero, and a document holds many
			// sentences until its spans are decided.
			s.scores = slices.Clone(s.scores[:keptScores])
		}
		s.lead = lead(s.scores)
		a.sents = append(a.sents, s)
	}
	for i := range a.sents {
		s := &a.sents[i]
		if a.standalone {
			s.lang, s.conf, s.decided = a.alone(*s)
		} else {
			s.lang, s.conf, s.decided = a.own(*s)
		}
		a.open = a.open || !s.decided && s.letters > 0
	}
	return a
}

// NeedsContext reports whether a has a sentence with letters that its own
// evidence does not decide: only then do its spans depend on a Context.
func (a *Analysis) NeedsContext() bool { return a.open }

// keptScores is how many of a sentence's best scores an Analysis keeps.
const keptScores = 4

// Scores returns the probabilities of the candidates of script sc for
// text, a run of that script, taken as one sentence: the statistics and
// the script's orthographic evidence weighed together, as a sentence's
// own evidence is before its context counts; sorted, best first. A script
// of one language gives it, with 1; one of none, or text without letters,
// gives nil.
func (id *Identifier) Scores(text string, sc script.Script) []Score {
	cands := id.candidates(sc)
	switch letters, _, _ := sentenceStats(text); {
	case letters == 0 || len(cands) == 0:
		return nil
	case len(cands) == 1:
		return []Score{{Lang: cands[0], P: 1}}
	}
	return id.scores(text, sc, cands, 0)
}

// scores scores one sentence of script sc over cands, the best k (all
// with k <= 0) at least.
func (id *Identifier) scores(st string, sc script.Script, cands []string, k int) []Score {
	switch ng, ok := id.scorer.(*NgramScorer); {
	case sc == script.Arabic && !id.standalone:
		return id.scoreArabicSentence(st, cands)
	case sc == script.Cyrillic && !id.standalone:
		return id.scoreWithEvidence(st, sc, cands, cyrl, k)
	case sc == script.Latin && !id.standalone:
		return id.scoreWithEvidence(st, sc, cands, latn, k)
	case sc == script.Devanagari && !id.standalone:
		return id.scoreWithEvidence(st, sc, cands, deva, k)
	case ok:
		return ng.topScores(st, cands, k)
	}
	return id.scorer.Scores(st, cands)
}

// Ambiguous reports whether a run of script sc has more than one candidate
// language, so that its spans' languages are guesses with a confidence,
// not facts of the script.
func (id *Identifier) Ambiguous(sc script.Script) bool { return len(id.candidates(sc)) > 1 }

// Standalone reports whether the Scorer decides every sentence alone
// (engine.Standalone): its confidences are its own.
func (id *Identifier) Standalone() bool { return id.standalone }

// candidates is Candidates without the copy, for the Identifier's own use:
// the slices are shared and must not be changed.
func (id *Identifier) candidates(sc script.Script) []string {
	if c, ok := id.cands.Load(sc); ok {
		return c.([]string)
	}
	c, _ := id.cands.LoadOrStore(sc, id.Candidates(sc))
	return c.([]string)
}

// Spans is id.Analyze(text, script).Spans(ctx). It does not change ctx.
func (id *Identifier) Spans(text string, sc script.Script, ctx *Context) []Span {
	return id.Analyze(text, sc).Spans(ctx)
}

// scoreArabicSentence weighs orthographic evidence and, when it is not
// clear, the Scorer's probabilities: S(l) = evidence(l) + lambda*ln P(l),
// with P floored at linguaFloor; a candidate the Scorer does not know (ps)
// gets the uniform ln(1/k) over the k it scored. The result is softmax(S)
// over the candidates.
func (id *Identifier) scoreArabicSentence(text string, cands []string) []Score {
	var allowedBuf [maxEvidenceLangs]bool
	allowed := allowedBuf[:len(arab.langs)]
	n := 0
	for i, l := range arab.langs {
		allowed[i] = slices.Contains(cands, l)
		if allowed[i] {
			n++
		}
	}
	var eBuf, sBuf [maxEvidenceLangs]float64
	e := arab.scoreInto(text, eBuf[:len(arab.langs)])
	S := sBuf[:len(arab.langs)]
	copy(S, e.score)
	if _, lead := e.margin(allowed); lead < clearLead || e.words < clearWords {
		if ps := id.scorer.Scores(text, cands); len(ps) > 0 {
			neutral := portableLog(1 / float64(len(ps)))
			for i, l := range arab.langs {
				term := neutral
				for _, p := range ps {
					if p.Lang == l {
						term = portableLog(math.Max(p.P, linguaFloor))
					}
				}
				S[i] += lambda * term
			}
		}
	}
	// Softmax over the allowed languages.
	maxS := math.Inf(-1)
	for i := range S {
		if allowed[i] {
			maxS = math.Max(maxS, S[i])
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Score, 0, n)
	sum := 0.0
	for i := range S {
		if allowed[i] {
			p := portableExp(S[i] - maxS)
			out = append(out, Score{Lang: arab.langs[i], P: p})
			sum += p
		}
	}
	for i := range out {
		out[i].P /= sum
	}
	sortScores(out)
	return out
}

// unmodelled returns the candidates of script sc that ng has no model of
// (Tajik), computed once per script.
func (id *Identifier) unmodelled(sc script.Script, ng *NgramScorer) []string {
	if u, ok := id.unknown.Load(sc); ok {
		return u.([]string)
	}
	var u []string
	for _, c := range id.candidates(sc) {
		if !ng.Knows(c) {
			u = append(u, c)
		}
	}
	v, _ := id.unknown.LoadOrStore(sc, u)
	return v.([]string)
}

// proxyCost is how far (nats) below the best modelled candidate a language
// the Scorer has no model of (Tajik) starts, before its evidence.
const proxyCost = 0.5

// scoreWithEvidence weighs the Scorer's probabilities with the orthographic
// evidence of m: S(l) = ln P(l) + evidence(l), where a candidate the Scorer
// has no model of takes the best candidate's ln P less proxyCost (the
// statistics of its nearest modelled neighbour, which is what its text
// looks like to them). The result is softmax(S) over the candidates.
//
// With the n-gram engine it is one pass of the n-grams and one of the
// evidence, without allocating per candidate, and the n-grams' own best k
// when the evidence has nothing to say.
func (id *Identifier) scoreWithEvidence(text string, sc script.Script, cands []string, m *arabicModel, k int) []Score {
	var buf [maxEvidenceLangs]float64
	e := m.scoreInto(text, buf[:len(m.langs)])
	ng, isNgram := id.scorer.(*NgramScorer)
	var unknown []string // the candidates without a log-likelihood below
	var ll llBuf
	var s []Score // log-likelihoods, scaled as the scorer's softmax would
	if isNgram {
		unknown = id.unmodelled(sc, ng)
		if e.none() && len(unknown) == 0 {
			return ng.topScores(text, cands, k)
		}
		ng.scaledLogLikelihoods(text, cands, &ll)
		s = ll.s[:ll.n:ll.n] // an append below copies it
	}
	if len(s) == 0 {
		// Another engine, or fewer than two candidates the n-grams know.
		for _, p := range id.scorer.Scores(text, cands) {
			if slices.Contains(cands, p.Lang) {
				s = append(s, Score{Lang: p.Lang, P: portableLog(math.Max(p.P, 1e-300))})
			}
		}
		unknown = unknown[:0:0]
		for _, c := range cands {
			if !slices.ContainsFunc(s, func(x Score) bool { return x.Lang == c }) {
				unknown = append(unknown, c)
			}
		}
	}
	best := 0.0
	for i := range s {
		if i == 0 || s[i].P > best {
			best = s[i].P
		}
		if j := m.index(s[i].Lang); j >= 0 {
			s[i].P += e.score[j]
		}
	}
	for _, l := range unknown {
		v := best - proxyCost
		if j := m.index(l); j >= 0 {
			v += e.score[j]
		}
		s = append(s, Score{Lang: l, P: v})
	}
	if k <= 0 || k > len(s) {
		k = len(s)
	}
	sortTop(s, k)
	softmax(s, k, 1)
	return slices.Clone(s[:k])
}

// sentenceStats counts the letters and words of s (words: maximal runs of
// letters, combining marks and ZWNJ/ZWJ/tatweel) and reports whether at
// least 60% of its words (here a letter, combining mark, apostrophe or
// hyphen continue one) start with an upper-case letter, as in lists of
// names and brands, bylines and headlines in title case. One pass.
func sentenceStats(s string) (letters, words int, names bool) {
	inWord, inName := false, false
	nameWords, caps := 0, 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		var letter, mark bool
		if r < utf8.RuneSelf {
			letter = r|0x20 >= 'a' && r|0x20 <= 'z'
		} else {
			r, size = decodeRune(s, i)
			letter = isLetter(r)
			mark = !letter && isMn(r)
		}
		i += size
		switch {
		case letter:
			letters++
			if !inWord {
				words++
			}
			inWord = true
		case inWord && (mark || r == zwnj || r == '\u200D' || r == '\u0640'):
		default:
			inWord = false
		}
		switch {
		case letter:
			if !inName {
				nameWords++
				if isCap(r) {
					caps++
				}
			}
			inName = true
		case mark || r == '\'' || r == '’' || r == '-':
		default:
			inName = false
		}
	}
	return letters, words, nameWords > 0 && caps*10 >= nameWords*6
}

// mostlyCapitalized reports whether s reads as a line of names (see
// sentenceStats).
func mostlyCapitalized(s string) bool {
	_, _, names := sentenceStats(s)
	return names
}

// lead returns ln(p1/p2) of the best two scores: the log-likelihood lead
// of the best language, in nats divided by the scorer's temperature (1 for
// the default engine on all but the shortest texts). It is +Inf when the
// second has no probability, 0 with fewer than two scores.
func lead(scores []Score) float64 {
	switch {
	case len(scores) < 2:
		return 0
	case scores[1].P <= 0:
		return math.Inf(1)
	}
	return portableLog(scores[0].P / scores[1].P)
}

// margin returns the top language of scores and its lead over the second.
func margin(scores []Score) (string, float64) {
	if len(scores) == 0 {
		return Und, 0
	}
	if len(scores) == 1 {
		return scores[0].Lang, scores[0].P
	}
	return scores[0].Lang, scores[0].P - scores[1].P
}

// own decides s on its own evidence: a single candidate; or a long enough
// sentence whose top language leads by minMargin; or a short one whose top
// language leads by shortMargin.
func (a *Analysis) own(s sentence) (lang string, conf float64, ok bool) {
	if s.letters == 0 || len(a.cands) == 0 {
		return "", 0, false
	}
	if len(a.cands) == 1 {
		return a.cands[0], 1, true
	}
	lang, m := margin(s.scores)
	if lang == Und {
		return "", 0, false
	}
	// Where statistics weigh many languages (Latin, Cyrillic), a short
	// span (a name, a brand, a hashtag) looks like some language by chance,
	// and a weak lead on a long one is as often noise: both take the
	// document's context. Arabic script has orthography to go on.
	short := s.letters < minLetters || s.words < minWords
	need := minMargin
	switch {
	case a.isHan() && s.letters < minHanLetters:
		// lingua calls any text of Han characters alone Chinese; a
		// Han-only name is as often Japanese, as its page tells.
		return "", 0, false
	case (short || s.names && s.lead < namesLead*float64(s.letters)) && len(a.cands) > manyCands:
		// A line of names ("Google Play | App Store", a byline) says
		// little of its language: its page does.
		return "", 0, false
	case short:
		need = shortMargin
	case len(a.cands) > manyCands:
		need = manyMargin
	}
	if m < need {
		return "", 0, false
	}
	return lang, m, true
}

// Spans decides every sentence and merges adjacent sentences of the same
// language into spans, in order.
//
// A sentence is decided by its own evidence when it can be (see own). A Han
// sentence that its own scores (lingua's zh and ja) do not decide is ja
// when the context has shown more Japanese than Chinese, zh otherwise. Any
// other sentence with letters takes a prior from ctx (the languages of its
// script, by weight) and from the nearest decided sentences before and
// after it in the run, averaged. A long sentence that is not a line of
// names multiplies its own probabilities by that prior (floored at
// priorFloor); a short one or a line of names averages them with it,
// (own + prior)/2. In a document that has shown no language yet (a string
// of its own: --doc line, a JSON Lines record), the prior is only the
// registry's defaults, which say how common a language is, not what this
// document is in: every sentence multiplies its own probabilities by them,
// floored at defaultPriorFloor, so they break near ties only. It takes the top language, however small its lead
// (the lead is its confidence): every sentence with letters gets its most
// likely language. With no prior at all, it keeps its own top language (at
// half the confidence when it is short or a line of names); it is Und
// only when the scorer has no opinion.
// Sentences without letters (numbers, punctuation) join the span before
// them (or after them, at the start).
func (a *Analysis) Spans(ctx *Context) []Span {
	n := len(a.sents)
	if n == 0 {
		return nil
	}
	langs := make([]string, n)
	confs := make([]float64, n)
	decided := make([]bool, n)
	for i, s := range a.sents {
		langs[i], confs[i], decided[i] = s.lang, s.conf, s.decided
	}
	han := slices.Contains(a.cands, "zh") && slices.Contains(a.cands, "ja")
	var prior map[string]float64 // made when a sentence first needs it
	shown, asked := false, false
	for i, s := range a.sents {
		if decided[i] || s.letters == 0 {
			continue
		}
		if han {
			langs[i], confs[i] = a.hanLang(ctx)
			continue
		}
		if !asked {
			prior, shown, asked = ctx.Prior(a.script, a.cands), ctx.ShownAny(), true
		}
		langs[i], confs[i] = a.withContext(s, prior, shown, neighbours(langs, decided, i))
	}
	// Letterless sentences join a neighbour.
	for i, s := range a.sents {
		if s.letters > 0 {
			continue
		}
		switch {
		case i > 0 && langs[i-1] != "":
			langs[i], confs[i] = langs[i-1], confs[i-1]
		default:
			langs[i], confs[i] = Und, 0
			for j := i + 1; j < n; j++ {
				if a.sents[j].letters > 0 {
					langs[i], confs[i] = langs[j], confs[j]
					break
				}
			}
		}
	}
	// Merge.
	var out []Span
	var wsum float64
	for i, s := range a.sents {
		wt := float64(max(s.letters, 1))
		if k := len(out) - 1; k >= 0 && out[k].Lang == langs[i] {
			out[k].End = s.end
			out[k].Conf = (out[k].Conf*wsum + confs[i]*wt) / (wsum + wt)
			wsum += wt
			continue
		}
		out = append(out, Span{Start: s.start, End: s.end, Lang: langs[i], Conf: confs[i]})
		wsum = wt
	}
	return out
}

// alone decides s as a Standalone Scorer says: its best language, with
// its probability as the confidence; Und when it has no opinion. A script
// of one language is that language.
func (a *Analysis) alone(s sentence) (string, float64, bool) {
	switch {
	case s.letters == 0 || len(a.cands) == 0:
		return "", 0, false
	case len(a.cands) == 1:
		return a.cands[0], 1, true
	case len(s.scores) == 0:
		return Und, 0, true
	}
	return s.scores[0].Lang, s.scores[0].P, true
}

// isHan reports whether a is a run of Han characters alone, which may be
// Chinese or Japanese.
func (a *Analysis) isHan() bool {
	return slices.Contains(a.cands, "zh") && slices.Contains(a.cands, "ja")
}

// minHanLetters is the fewest Han characters a Han-only sentence needs to
// be decided by its own scores.
const minHanLetters = 8

// hanLang decides a Han-only sentence: ja when ctx has shown more Japanese
// (in any Japanese or Han script) than Chinese, else zh.
func (a *Analysis) hanLang(ctx *Context) (string, float64) {
	ja, zh := 0.0, 0.0
	for _, sc := range []script.Script{script.Japanese, script.Hiragana, script.Katakana, script.Han} {
		ja += ctx.Weight(sc, "ja")
		zh += ctx.Weight(sc, "zh")
	}
	if ja > zh {
		return "ja", 0.8
	}
	return "zh", 0.8
}

// neighbours returns the languages of the nearest decided sentences before
// and after sentence i ("" where there is none).
func neighbours(langs []string, decided []bool, i int) [2]string {
	var nb [2]string
	for j := i - 1; j >= 0; j-- {
		if decided[j] {
			nb[0] = langs[j]
			break
		}
	}
	for j := i + 1; j < len(langs); j++ {
		if decided[j] {
			nb[1] = langs[j]
			break
		}
	}
	return nb
}

// withContext decides sentence s from its own scores and a prior made of the
// document context and its neighbours' languages.
func (a *Analysis) withContext(s sentence, ctxPrior map[string]float64, shown bool, nb [2]string) (string, float64) {
	// The neighbours' prior: each neighbour's language, once or twice.
	var nbLang [2]string
	var nbWeight [2]float64
	nbN := 0
	for _, l := range nb {
		if l == "" || !slices.Contains(a.cands, l) {
			continue
		}
		if nbN > 0 && nbLang[0] == l {
			nbWeight[0]++
			continue
		}
		nbLang[nbN], nbWeight[nbN] = l, 1
		nbN++
	}
	priors := 0
	if len(ctxPrior) > 0 {
		priors++
	}
	if nbN > 0 {
		total := nbWeight[0] + nbWeight[1]
		nbWeight[0] /= total
		nbWeight[1] /= total
		priors++
	}
	weak := s.letters < minLetters || s.words < minWords || s.names
	shown = shown || nbN > 0
	ownLang, ownMargin := margin(s.scores)
	if priors == 0 {
		if weak {
			return ownLang, ownMargin / 2
		}
		return ownLang, ownMargin
	}
	kept := 0.0
	for _, sc := range s.scores {
		kept += sc.P
	}
	// Analyze keeps only the best scores; the rest of the probability is
	// spread over the other candidates.
	rest := 0.0
	if n := len(a.cands) - len(s.scores); n > 0 {
		rest = max(0, 1-kept) / float64(n)
	}
	// A sentence with evidence of its own (long enough, not a line of
	// names) is weighed the Bayes way: its probabilities times a prior from
	// its context, floored so that a language the page has not shown yet
	// is not ruled out; the context breaks near ties and cannot overturn
	// clear evidence. A short sentence or a line of names has little
	// evidence: it is averaged with its context. In a document that has
	// shown nothing, the context is the registry's defaults: they are a
	// weak prior, not evidence (see defaultPriorFloor).
	var postBuf [64]Score
	post := postBuf[:0]
	sum := 0.0
	for _, l := range a.cands {
		p := 0.0
		if len(ctxPrior) > 0 {
			p += ctxPrior[l] / float64(priors)
		}
		if nbN > 0 {
			w := 0.0
			for j := range nbN {
				if nbLang[j] == l {
					w = nbWeight[j]
				}
			}
			p += w / float64(priors)
		}
		o := 1.0 / float64(len(a.cands))
		if len(s.scores) > 0 {
			v := rest
			for _, sc := range s.scores {
				if sc.Lang == l {
					v = sc.P
					break
				}
			}
			o = max(v, ownFloor)
		}
		var v float64
		switch {
		case weak && shown:
			v = (o + p) / 2
		case shown:
			v = o * (p + priorFloor)
		default:
			v = o * (p + defaultPriorFloor)
		}
		post = append(post, Score{Lang: l, P: v})
		sum += v
	}
	for i := range post {
		post[i].P /= sum
	}
	sortTop(post, 2)
	return margin(post[:min(2, len(post))])
}

// Languages returns every language an Identifier can give, as BCP 47
// language subtags, sorted: the registry's codes (language.Codes).
func Languages() []string { return language.Codes() }
