package langid

//go:generate go run gen_ngrams.go

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sync"
	"unicode"
)

// ngramsBin is the compact n-gram model written by gen_ngrams.go from
// lingua-go's models: zlib over
//
//	magic "TNNG2"
//	uvarint nLangs, then nLangs × (uvarint len, ISO 639-1 code)
//	uvarint nKeys, then nKeys × (uvarint key delta, uvarint n, n × (lang byte, q byte))
//
// Keys are ascending; a key packs the runes of an n-gram (1 to 4 runes, each
// below U+10000) 16 bits each, first rune highest. q is -ln P × ngramScale,
// rounded, where P is lingua's probability of the n-gram's last rune given
// the ones before it (of the rune itself for unigrams).
//
//go:embed ngrams.bin
var ngramsBin []byte

const (
	ngramMagic = "TNNG2"
	ngramScale = 12.0 // quantisation steps per nat; as in gen_ngrams.go
	ngramOrder = 4    // longest n-gram in the model
)

// ngramModel is the decoded model. index maps a packed key to its entry e:
// the languages that have the n-gram are the bits of masks[e], and its
// postings are post[offs[e]:offs[e+1]], each lang<<8 | q, by ascending lang.
type ngramModel struct {
	langs   []string
	langIdx map[string]int
	index   map[uint64]uint32
	masks   []uint64
	offs    []uint32
	post    []uint16
}

var (
	ngramOnce sync.Once
	ngramDef  *ngramModel
	ngramErr  error
)

// defaultNgramModel decodes the embedded model on first use.
func defaultNgramModel() (*ngramModel, error) {
	ngramOnce.Do(func() { ngramDef, ngramErr = decodeNgramModel(ngramsBin) })
	return ngramDef, ngramErr
}

func decodeNgramModel(z []byte) (*ngramModel, error) {
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("langid: n-gram model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("langid: n-gram model: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(ngramMagic)) {
		return nil, errors.New("langid: n-gram model: bad magic")
	}
	raw = raw[len(ngramMagic):]
	bad := errors.New("langid: n-gram model: truncated")
	next := func() (uint64, error) {
		v, n := binary.Uvarint(raw)
		if n <= 0 {
			return 0, bad
		}
		raw = raw[n:]
		return v, nil
	}
	nl, err := next()
	if err != nil || nl > 64 {
		return nil, bad
	}
	m := &ngramModel{langIdx: map[string]int{}}
	for i := range int(nl) {
		n, err := next()
		if err != nil || uint64(len(raw)) < n {
			return nil, bad
		}
		code := string(raw[:n])
		raw = raw[n:]
		m.langs = append(m.langs, code)
		m.langIdx[code] = i
	}
	nk, err := next()
	if err != nil {
		return nil, bad
	}
	m.index = make(map[uint64]uint32, nk)
	m.masks = make([]uint64, 0, nk)
	m.offs = make([]uint32, 0, nk+1)
	m.post = make([]uint16, 0, len(raw)/2)
	key := uint64(0)
	for range nk {
		d, err := next()
		if err != nil {
			return nil, bad
		}
		key += d
		n, err := next()
		if err != nil || n > 255 || uint64(len(raw)) < 2*n {
			return nil, bad
		}
		m.index[key] = uint32(len(m.masks))
		m.offs = append(m.offs, uint32(len(m.post)))
		var mask uint64
		for i := range int(n) {
			li := raw[2*i]
			if int(li) >= len(m.langs) {
				return nil, bad
			}
			mask |= 1 << li
			m.post = append(m.post, uint16(li)<<8|uint16(raw[2*i+1]))
		}
		m.masks = append(m.masks, mask)
		raw = raw[2*n:]
	}
	m.offs = append(m.offs, uint32(len(m.post)))
	return m, nil
}

// NgramScorer is a fast [Scorer] over a compact model derived from
// lingua-go's n-gram models (see gen_ngrams.go): every unigram and bigram,
// and the most frequent trigrams and quadrigrams of each language, in one
// table keyed by n-gram whose entries list the languages that have it. A text
// costs one table look-up per n-gram, not one per n-gram and language.
//
// A text is scored as a character language model over its lower-cased
// words: each letter takes the log-probability, given the letters before it
// in the word, of the longest n-gram ending at it that the language has; each
// step down to a shorter n-gram costs Backoff nats, and a letter the
// language has no unigram for costs Floor nats. Scores are the softmax of
// these log-likelihoods divided by Temperature.
//
// It knows lingua's languages of the Latin, Cyrillic and Devanagari scripts,
// and Persian, Arabic and Urdu. The zero value is not usable; use
// [NewNgramScorer]. It is safe for concurrent use.
type NgramScorer struct {
	// MaxLetters bounds the letters scored per call (0: no bound).
	MaxLetters int
	// Backoff is the cost in nats of each step to a shorter n-gram.
	Backoff float64
	// Floor is the cost in nats of a letter a language has no unigram for.
	Floor float64
	// Temperature divides the log-likelihoods before the softmax (> 0).
	Temperature float64

	m *ngramModel
}

// NewNgramScorer returns an NgramScorer over the embedded model with the
// default parameters. The embedded model is decoded on first use (about
// 40 ms and 8 MB of heap, shared by all NgramScorers).
func NewNgramScorer() *NgramScorer {
	m, err := defaultNgramModel()
	if err != nil {
		panic(err) // the embedded model is generated and tested
	}
	return &NgramScorer{MaxLetters: 500, Backoff: 1.0, Floor: 12, Temperature: 1, m: m}
}

var (
	defaultNgramOnce sync.Once
	defaultNgram     *NgramScorer
)

// DefaultNgram returns the process-wide NgramScorer.
func DefaultNgram() *NgramScorer {
	defaultNgramOnce.Do(func() { defaultNgram = NewNgramScorer() })
	return defaultNgram
}

// Knows reports whether s has a model for language code.
func (s *NgramScorer) Knows(code string) bool {
	_, ok := s.m.langIdx[code]
	return ok
}

// Scores implements [Scorer].
func (s *NgramScorer) Scores(text string, candidates []string) []Score {
	ll := s.LogLikelihoods(text, candidates)
	if ll == nil {
		return nil
	}
	return softmaxScores(ll, s.Temperature)
}

// LogLikelihoods returns the log-likelihood (nats) of text under each
// candidate s knows, sorted by descending value; nil under the same
// conditions as [Scorer.Scores] returns nil.
func (s *NgramScorer) LogLikelihoods(text string, candidates []string) []Score {
	ll, _ := s.logLikelihoods(text, candidates)
	return ll
}

// logLikelihoods is LogLikelihoods, also returning the letters scored.
func (s *NgramScorer) logLikelihoods(text string, candidates []string) ([]Score, int) {
	m := s.m
	var cand uint64 // candidate languages, by model index
	for _, c := range candidates {
		if li, ok := m.langIdx[c]; ok {
			cand |= 1 << li
		}
	}
	nc := bits.OnesCount64(cand)
	if nc < 2 {
		return nil, 0
	}
	backoff := int32(math.Round(s.Backoff * ngramScale))
	floor := int32(math.Round(s.Floor * ngramScale))
	var cost [64]int32        // by model index, in quantisation steps
	var word [ngramOrder]rune // the last letters of the current word
	wl := 0                   // letters of the current word so far
	letters := 0
	for _, r := range text {
		if r > 0xFFFF || !unicode.IsLetter(r) {
			wl = 0
			if s.MaxLetters > 0 && letters >= s.MaxLetters {
				break
			}
			continue
		}
		r = unicode.ToLower(r)
		letters++
		word[0], word[1], word[2], word[3] = word[1], word[2], word[3], r
		wl++
		top := min(wl, ngramOrder)
		left := cand // candidates this letter has not scored yet
		var k uint64
		for n := 1; n <= top; n++ { // k: the top-gram; shorter ones are its low bits
			k |= uint64(word[ngramOrder-n]) << (16 * (n - 1))
		}
		for n := top; n >= 1 && left != 0; n-- {
			kn := k & (1<<(16*n) - 1)
			e, ok := m.index[kn]
			if !ok {
				continue
			}
			hit := m.masks[e] & left
			if hit == 0 {
				continue
			}
			left &^= hit
			pen := backoff * int32(top-n)
			off := m.offs[e]
			for _, p := range m.post[off:m.offs[e+1]] {
				if hit&(1<<(p>>8)) != 0 {
					cost[p>>8] += int32(p&0xFF) + pen
				}
			}
		}
		for left != 0 {
			li := bits.TrailingZeros64(left)
			left &^= 1 << li
			cost[li] += floor + backoff*int32(top-1)
		}
	}
	if letters == 0 {
		return nil, 0
	}
	out := make([]Score, 0, nc)
	for c := cand; c != 0; c &^= 1 << bits.TrailingZeros64(c) {
		li := bits.TrailingZeros64(c)
		out = append(out, Score{Lang: m.langs[li], P: -float64(cost[li]) / ngramScale})
	}
	sortScores(out)
	return out, letters
}

// softmaxScores turns log-likelihoods sorted by descending value into
// probabilities: softmax(ll / temp), sorted.
func softmaxScores(ll []Score, temp float64) []Score {
	if temp <= 0 {
		temp = 1
	}
	out := make([]Score, len(ll))
	sum := 0.0
	for i, x := range ll {
		p := math.Exp((x.P - ll[0].P) / temp)
		out[i] = Score{Lang: x.Lang, P: p}
		sum += p
	}
	for i := range out {
		out[i].P /= sum
	}
	sortScores(out)
	return out
}

// TwoStageScorer scores with a fast [NgramScorer] first and decides with it
// alone when its best candidate leads the second by at least Lead nats of
// log-likelihood; otherwise it asks Slow (lingua-go) about the Shortlist
// best candidates only, which also keeps the languages whose lingua models
// get loaded to those a document really resembles.
//
// Candidates the fast stage does not know are passed to Slow as they are,
// beside the shortlist. Scores returns, like every Scorer, one Score per known
// candidate summing to 1: candidates left off the shortlist get P 0. When
// Slow has no opinion on the shortlist, neither has the TwoStageScorer.
//
// The zero value is not usable; use [NewTwoStageScorer]. It is safe for
// concurrent use.
type TwoStageScorer struct {
	Fast *NgramScorer
	Slow Scorer
	// Lead is the log-likelihood lead (nats) of the fast stage's best
	// candidate over the second at which the fast stage decides alone.
	Lead float64
	// MinLetters is the fewest letters a text needs to be decided by the
	// fast stage alone. Shorter texts get the fast stage's scores
	// flattened (temperature Lead/2), or go to Slow with SlowShort.
	MinLetters int
	// Shortlist is how many of the fast stage's best candidates Slow ranks.
	Shortlist int
	// SlowShort sends texts of fewer than MinLetters letters to Slow. Off
	// by default: on testdata/eval it changed per-letter accuracy by
	// 0.04 point and cost two thirds of the tagger's time.
	SlowShort bool
}

// NewTwoStageScorer returns a TwoStageScorer over DefaultNgram and
// DefaultLingua with the default thresholds: Lead 8 nats, MinLetters 12,
// Shortlist 3.
//
// They were chosen by measurement on about 1,200 Latin-, Cyrillic- and
// Devanagari-script sentences and their 1-, 2-, 3- and 5-word prefixes
// (testdata/eval and the accuracy test): the n-gram stage was wrong with a
// lead of 8 nats or more only on single names of at most 11 letters
// ("Afghanistan" as Vietnamese), and never at 10 or more; MinLetters is the
// Identifier's own bound for a short sentence. Full news sentences lead by
// far more than 8 nats, so the fast stage decides nearly all of them, and
// the two-stage answers were wrong no more often than lingua's alone.
func NewTwoStageScorer() *TwoStageScorer {
	return &TwoStageScorer{Fast: DefaultNgram(), Slow: DefaultLingua(), Lead: 8, MinLetters: 12, Shortlist: 3}
}

var (
	defaultTwoStageOnce sync.Once
	defaultTwoStage     *TwoStageScorer
)

// DefaultTwoStage returns the process-wide TwoStageScorer, the Scorer of
// identifiers that do not name one.
func DefaultTwoStage() *TwoStageScorer {
	defaultTwoStageOnce.Do(func() { defaultTwoStage = NewTwoStageScorer() })
	return defaultTwoStage
}

// Scores implements [Scorer].
func (s *TwoStageScorer) Scores(text string, candidates []string) []Score {
	ll, letters := s.Fast.logLikelihoods(text, candidates)
	if ll == nil {
		return s.Slow.Scores(text, candidates)
	}
	if ll[0].P-ll[1].P >= s.Lead && letters >= s.MinLetters {
		return softmaxScores(ll, s.Fast.Temperature)
	}
	if letters < s.MinLetters && !s.SlowShort {
		// Lingua is no surer of a name or two words than the n-grams,
		// and it costs a hundred times more: the fast scores serve,
		// flattened, since a lead on a few letters means less. Short
		// spans are decided mostly by their context anyway.
		return softmaxScores(ll, max(s.Fast.Temperature, 1)*s.Lead/2)
	}
	short := make([]string, 0, s.Shortlist+len(candidates)-len(ll))
	for i := 0; i < len(ll) && i < max(s.Shortlist, 2); i++ {
		short = append(short, ll[i].Lang)
	}
	for _, c := range candidates {
		if !s.Fast.Knows(c) {
			short = append(short, c)
		}
	}
	out := s.Slow.Scores(text, short)
	if out == nil {
		return nil
	}
	for _, x := range ll[min(len(ll), max(s.Shortlist, 2)):] {
		out = append(out, Score{Lang: x.Lang, P: 0})
	}
	return out
}
