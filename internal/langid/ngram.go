package langid

import (
	"math"
	"math/bits"
	"slices"
	"sync"
	"unicode"
)

// NgramScorer is the default [Scorer]: a character model over the n-gram
// table derived from lingua-go's models (see gen_ngrams.go and table.go):
// every unigram and bigram, and the most frequent trigrams and quadrigrams
// of each language, in one hash table per n-gram order whose entries list
// the languages that have the n-gram. The table is embedded and read in
// place, so a scorer costs nothing to start; a letter costs one table
// look-up per n-gram order at most, for all candidates at once.
//
// A text is scored as a character language model over its lower-cased
// words: each letter takes the log-probability, given the letters before it
// in the word, of the longest n-gram ending at it that the language has; each
// step down to a shorter n-gram costs Backoff nats, and a letter the
// language has no unigram for costs Floor nats. Log-probabilities are
// quantised (1/12 nat) and summed as integers, so a text's log-likelihoods
// are the same on every platform. Scores are the softmax of these
// log-likelihoods divided by Temperature.
//
// It knows lingua's languages of the scripts with more than one candidate
// (see [NgramScorer.Languages]): those of the Latin, Cyrillic and
// Devanagari scripts, Persian, Arabic and Urdu, and Chinese and Japanese,
// of which lingua has unigrams only: its Japanese has kanji and kana, its
// Chinese traditional characters, to which the table adds their simplified
// forms. The zero value is not usable; use [NewNgramScorer]. It is safe
// for concurrent use.
type NgramScorer struct {
	// MaxLetters bounds the letters scored per call (0: no bound).
	MaxLetters int
	// Backoff is the cost in nats of each step to a shorter n-gram.
	Backoff float64
	// Floor is the cost in nats of a letter a language has no unigram for.
	Floor float64
	// Temperature divides the log-likelihoods before the softmax (> 0).
	Temperature float64
	// ShortLetters and ShortTemperature: a text of fewer than
	// ShortLetters letters has its log-likelihoods divided by
	// ShortTemperature instead, since a lead on a few letters means less
	// (a name, two words); short spans are decided mostly by their
	// context anyway.
	ShortLetters     int
	ShortTemperature float64

	t *ngramTable
}

// NewNgramScorer returns an NgramScorer over the embedded table with the
// default parameters. It decodes nothing: the table is used in place.
func NewNgramScorer() *NgramScorer {
	if defaultTableErr != nil {
		panic(defaultTableErr) // the embedded table is generated and tested
	}
	return &NgramScorer{MaxLetters: 500, Backoff: 1.0, Floor: 12, Temperature: 1, ShortLetters: 12, ShortTemperature: 4, t: &defaultTable}
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
func (s *NgramScorer) Knows(code string) bool { return s.t.langIndex(code) >= 0 }

// Languages returns the codes of the languages s has a model for, sorted.
func (s *NgramScorer) Languages() []string {
	out := make([]string, s.t.nLangs)
	for i := range out {
		out[i] = s.t.code(i)
	}
	return out
}

// Scores implements [Scorer]. It allocates only the result.
func (s *NgramScorer) Scores(text string, candidates []string) []Score {
	var ll llBuf
	letters := s.logLikelihoods(text, candidates, &ll)
	if ll.n == 0 {
		return nil
	}
	temp := s.Temperature
	if letters < s.ShortLetters {
		temp = max(s.Temperature, s.ShortTemperature)
	}
	out := make([]Score, ll.n)
	copy(out, ll.s[:ll.n])
	softmax(out, temp)
	return out
}

// LogLikelihoods returns the log-likelihood (nats) of text under each
// candidate s knows, sorted by descending value; nil under the same
// conditions as [Scorer.Scores] returns nil.
func (s *NgramScorer) LogLikelihoods(text string, candidates []string) []Score {
	var ll llBuf
	s.logLikelihoods(text, candidates, &ll)
	if ll.n == 0 {
		return nil
	}
	out := make([]Score, ll.n)
	copy(out, ll.s[:ll.n])
	return out
}

// llBuf holds the log-likelihoods of up to 64 candidates, sorted.
type llBuf struct {
	s [64]Score
	n int
}

// logLikelihoods fills ll with the log-likelihood of text under each
// candidate s knows, sorted as Scores are, and returns the letters scored;
// ll is left empty when fewer than two candidates are known or text has no
// letters.
func (s *NgramScorer) logLikelihoods(text string, candidates []string, ll *llBuf) int {
	t := s.t
	var cand uint64      // candidate languages, by table index
	var names [64]string // their codes
	for _, c := range candidates {
		if li := t.langIndex(c); li >= 0 {
			cand |= 1 << li
			names[li] = c
		}
	}
	if bits.OnesCount64(cand) < 2 {
		return 0
	}
	backoff := int32(math.Round(s.Backoff * ngramScale))
	floor := int32(math.Round(s.Floor * ngramScale))
	var cost [64]int32        // by table index, in quantisation steps
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
		// Look every order up first, so that the loads overlap.
		var vals [ngramOrder + 1]uint32
		var found uint
		var k uint64
		for n := 1; n <= top; n++ {
			k |= uint64(word[ngramOrder-n]) << (16 * (n - 1)) // the n letters ending here
			if v, ok := t.lookup(n, k); ok {
				vals[n] = v
				found |= 1 << n
			}
		}
		left := cand // candidates this letter has not scored yet
		for n := top; n >= 1 && left != 0; n-- {
			if found&(1<<n) == 0 {
				continue
			}
			v := vals[n]
			pen := backoff * int32(top-n)
			if v&inlineFlag != 0 {
				if a := v & 63; left&(1<<a) != 0 {
					cost[a] += int32(v>>6&0xFF) + pen
					left &^= 1 << a
				}
				if b := v >> 14 & 63; v&inlineTwo != 0 && left&(1<<b) != 0 {
					cost[b] += int32(v>>20&0xFF) + pen
					left &^= 1 << b
				}
				continue
			}
			mask, qs := t.entry(v)
			hit := mask & left
			left &^= hit
			if hit == mask {
				for j := 0; hit != 0; j++ {
					li := bits.TrailingZeros64(hit)
					hit &= hit - 1
					cost[li] += int32(qs[j]) + pen
				}
				continue
			}
			for hit != 0 {
				li := bits.TrailingZeros64(hit)
				hit &= hit - 1
				cost[li] += int32(qs[bits.OnesCount64(mask&(1<<li-1))]) + pen
			}
		}
		for miss := floor + backoff*int32(top-1); left != 0; left &= left - 1 {
			cost[bits.TrailingZeros64(left)] += miss
		}
	}
	if letters == 0 {
		return 0
	}
	// Sort by cost, then by index, which is by code: as sortScores would.
	var order [64]uint64
	n := 0
	for c := cand; c != 0; c &= c - 1 {
		li := bits.TrailingZeros64(c)
		order[n] = uint64(cost[li])<<8 | uint64(li)
		n++
	}
	slices.Sort(order[:n])
	for i, o := range order[:n] {
		li := o & 0xFF
		ll.s[i] = Score{Lang: names[li], P: -float64(cost[li]) / ngramScale}
	}
	ll.n = n
	return letters
}

// softmax turns log-likelihoods sorted by descending value (ties by code)
// into probabilities in place: softmax(ll / temp), in the same order, which
// is sorted unless probabilities too small to tell apart tie.
func softmax(s []Score, temp float64) {
	if temp <= 0 {
		temp = 1
	}
	top := s[0].P
	sum := 0.0
	for i := range s {
		s[i].P = portableExp((s[i].P - top) / temp)
		sum += s[i].P
	}
	tie := false
	for i := range s {
		s[i].P /= sum
		tie = tie || i > 0 && s[i].P == s[i-1].P && s[i].Lang < s[i-1].Lang
	}
	if tie {
		sortScores(s)
	}
}
