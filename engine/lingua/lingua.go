// Package lingua is lingua-go's language detector as a textnorm engine
// (package engine): a Go program imports it to tag with lingua-go, and the
// textnorm command links it only when built with "go build -tags lingua"
// (then --engine lingua). Importing it registers the engine as "lingua".
//
// The engine is Standalone: detect gives each span what lingua-go's
// detector says, with none of textnorm's orthographic evidence, context or
// priors, so that --engine lingua is lingua-go alone. lingua-go embeds its
// models (about 100 MB of binary) and loads them on first use, for the
// languages a call needs.
package lingua

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/pemistahl/lingua-go"

	"github.com/textnorm/textnorm/engine"
)

func init() {
	engine.Register("lingua", func() engine.Engine { return New() })
}

// Standalone marks the engine's answers as final (see engine.Standalone).
func (s *Engine) Standalone() {}

// Lingua languages by ISO 639-1 code and back, built from lingua itself.
var linguaByCode, codeByLingua = linguaCodes()

func linguaCodes() (map[string]lingua.Language, map[lingua.Language]string) {
	byCode := map[string]lingua.Language{}
	byLang := map[lingua.Language]string{}
	for _, l := range lingua.AllLanguages() {
		code := strings.ToLower(l.IsoCode639_1().String())
		byCode[code] = l
		byLang[l] = code
	}
	return byCode, byLang
}

// Language returns lingua's Language for an ISO 639-1 code, and whether
// lingua has a model for it.
func Language(code string) (lingua.Language, bool) {
	l, ok := linguaByCode[code]
	return l, ok
}

// Code returns the ISO 639-1 code of a lingua Language ("" for Unknown).
func Code(l lingua.Language) string { return codeByLingua[l] }

// Engine is an [engine.Engine] backed by lingua-go.
//
// lingua keeps its n-gram models in package-level maps filled on first use,
// so Engine builds one small detector per candidate set (cached, at most
// maxDetectors of them) and models are loaded only for the languages that some
// call actually scores. Large candidate sets (more than ShortlistAbove known
// languages, such as all Latin-script languages) are scored in two stages: a
// low-accuracy detector (trigram models only) picks a shortlist of
// ShortlistSize languages, which a high-accuracy detector then ranks. This keeps
// the 4- and 5-gram models, lingua's largest, to the languages a document
// really contains.
//
// Texts longer than MaxLetters letters are cut to about their first MaxLetters
// letters (at a word boundary) before scoring: beyond that lingua's answer
// hardly changes, while its cost grows with the length.
//
// The zero value is not usable; use [New]. It is safe for
// concurrent use.
type Engine struct {
	// MaxLetters bounds the letters scored per call (0: no bound).
	MaxLetters int
	// ShortlistAbove is the candidate count above which the two-stage
	// shortlist is used (0: never).
	ShortlistAbove int
	// ShortlistSize is how many languages the first stage keeps.
	ShortlistSize int
	// ShortlistLetters bounds the letters the first stage scores (0: as
	// MaxLetters). Its cost is per letter and per candidate, so it reads
	// less than the second stage.
	ShortlistLetters int

	// AnswerCache is how many answers for short texts (up to 256 bytes)
	// the scorer remembers in each of the cache's two generations; 0
	// remembers none.
	AnswerCache int

	detectors sync.Map // key: sorted codes joined by ",", plus "/low" -> lingua.LanguageDetector
	ndet      atomic.Int32
	answers   answerCache
}

// maxDetectors bounds the detector cache; detectors beyond it are built per
// call (building one is cheap, models are shared by all of them anyway).
const maxDetectors = 256

// New returns an Engine that is lingua-go as it is: its high-accuracy
// detector over every candidate, on the whole text, with no shortlist; it
// remembers 4096 answers for short texts a generation. Fast sets the
// shortlist and letter bounds textnorm used to put on it.
func New() *Engine {
	return &Engine{AnswerCache: 4096}
}

// Fast returns an Engine that trades a little of lingua-go's accuracy for
// speed: texts cut to 160 letters; above 6 candidates, a shortlist of 3
// chosen by the low-accuracy detector on the first 64 letters.
func Fast() *Engine {
	return &Engine{MaxLetters: 160, ShortlistAbove: 6, ShortlistSize: 3, ShortlistLetters: 64, AnswerCache: 4096}
}

// Scores implements [engine.Engine].
func (s *Engine) Scores(text string, candidates []string) []engine.Score {
	langs := make([]lingua.Language, 0, len(candidates))
	for _, c := range candidates {
		if l, ok := linguaByCode[c]; ok && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	if len(langs) < 2 {
		return nil
	}
	text = truncateLetters(text, s.MaxLetters)
	if !hasLetter(text) {
		return nil
	}
	slices.Sort(langs)
	if s.ShortlistAbove > 0 && len(langs) > s.ShortlistAbove && s.ShortlistSize >= 2 {
		first := s.scores(truncateLetters(text, s.ShortlistLetters), langs, true)
		short := make([]lingua.Language, 0, s.ShortlistSize)
		for _, sc := range first {
			if len(short) == s.ShortlistSize || sc.P <= 0 {
				break
			}
			short = append(short, linguaByCode[sc.Lang])
		}
		if len(short) < 2 {
			return first // decided by lingua's rules (P 1) or nothing known
		}
		slices.Sort(short)
		second := s.scores(text, short, false)
		// Keep the contract: every known candidate, summing to 1.
		for _, sc := range first[len(short):] {
			second = append(second, engine.Score{Lang: sc.Lang, P: 0})
		}
		return second
	}
	return s.scores(text, langs, false)
}

// linguaGrid is the inverse of the step lingua's confidences are rounded
// to; see Engine.scores.
const linguaGrid = 1 << 20

// scores runs the (cached) detector for the sorted language set langs.
// Answers for short texts are remembered: scraped pages repeat their
// navigation, captions and bylines on every page, and lingua spends a
// tenth of a millisecond on each.
func (s *Engine) scores(text string, langs []lingua.Language, low bool) []engine.Score {
	var key string
	if len(text) <= maxCachedText && s.AnswerCache > 0 {
		var b strings.Builder
		b.WriteString(text)
		b.WriteByte(0)
		if low {
			b.WriteByte('l')
		}
		for _, l := range langs {
			b.WriteByte(byte(l)) // lingua has fewer than 256 languages
		}
		key = b.String()
		if out, ok := s.answers.get(key); ok {
			return slices.Clone(out)
		}
	}
	out := s.compute(text, langs, low)
	if key != "" {
		s.answers.put(key, slices.Clone(out), s.AnswerCache)
	}
	return out
}

// maxCachedText is the longest text whose scores are remembered.
const maxCachedText = 256

// answerCache is a bounded map in two generations: when the young one is
// full it becomes the old one, and the old one is dropped. Lookups promote
// from old to young, so what is used stays.
type answerCache struct {
	mu         sync.Mutex
	young, old map[string][]engine.Score
}

func (c *answerCache) get(key string) ([]engine.Score, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.young[key]; ok {
		return v, true
	}
	if v, ok := c.old[key]; ok {
		c.putLocked(key, v, max(len(c.old), 1))
		return v, true
	}
	return nil, false
}

func (c *answerCache) put(key string, v []engine.Score, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(key, v, size)
}

func (c *answerCache) putLocked(key string, v []engine.Score, size int) {
	if len(c.young) >= size {
		c.old, c.young = c.young, nil
	}
	if c.young == nil {
		c.young = make(map[string][]engine.Score, size)
	}
	c.young[key] = v
}

// compute runs the (cached) detector for the sorted language set langs.
func (s *Engine) compute(text string, langs []lingua.Language, low bool) []engine.Score {
	d := s.detector(langs, low)
	vals := d.ComputeLanguageConfidenceValues(text)
	out := make([]engine.Score, 0, len(vals))
	sum := 0.0
	for _, v := range vals {
		// lingua-go v1.4.0 sums n-gram probabilities in map and
		// goroutine order, so the same text scores differently in the
		// last bits from call to call; rounding to a grid far finer than
		// any threshold makes textnorm's output reproducible.
		p := math.Round(v.Value()*linguaGrid) / linguaGrid
		out = append(out, engine.Score{Lang: codeByLingua[v.Language()], P: p})
		sum += p
	}
	if sum <= 0 {
		return nil
	}
	for i := range out {
		out[i].P /= sum
	}
	engine.SortScores(out)
	return out
}

// detector returns a lingua detector for the sorted set langs.
func (s *Engine) detector(langs []lingua.Language, low bool) lingua.LanguageDetector {
	var b strings.Builder
	for i, l := range langs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(codeByLingua[l])
	}
	if low {
		b.WriteString("/low")
	}
	key := b.String()
	if d, ok := s.detectors.Load(key); ok {
		return d.(lingua.LanguageDetector)
	}
	builder := lingua.NewLanguageDetectorBuilder().FromLanguages(slices.Clone(langs)...)
	if low {
		builder = builder.WithLowAccuracyMode()
	}
	d := builder.Build()
	if s.ndet.Load() < maxDetectors {
		if _, loaded := s.detectors.LoadOrStore(key, d); !loaded {
			s.ndet.Add(1)
		}
	}
	return d
}

// truncateLetters cuts text after about max letters, at the end of the word
// that holds the max-th letter. max <= 0 means no bound.
func truncateLetters(text string, max int) string {
	if max <= 0 || len(text) <= max {
		return text
	}
	n := 0
	for i, r := range text {
		if unicode.IsLetter(r) {
			n++
			continue
		}
		if n >= max {
			return text[:i]
		}
	}
	return text
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
