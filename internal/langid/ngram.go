package langid

import (
	"math"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
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
	// Decisive is how far (nats) a candidate may trail the best before it
	// is no longer scored: at the end of each word once a text has
	// DecisiveLetters letters (0: every candidate is scored to the end).
	// A dropped candidate is taken to keep pace with the best from then
	// on; scoring stops when one is left. Its probability is under
	// e^-Decisive either way, and most of the letters of a long sentence in
	// Latin script, with its dozens of candidates, are scored for a few.
	Decisive        float64
	DecisiveLetters int
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

	t     *ngramTable
	cache atomic.Pointer[wordCache] // see wordCache
}

// NewNgramScorer returns an NgramScorer over the embedded table with the
// default parameters. It decodes nothing: the table is used in place.
func NewNgramScorer() *NgramScorer {
	if defaultTableErr != nil {
		panic(defaultTableErr) // the embedded table is generated and tested
	}
	return &NgramScorer{MaxLetters: 500, Decisive: 30, DecisiveLetters: 40, Backoff: 1.0, Floor: 12, Temperature: 1, ShortLetters: 12, ShortTemperature: 4, t: &defaultTable}
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
	return s.topScores(text, candidates, 0)
}

// topScores is Scores cut to its best k (all with k <= 0), with the same
// probabilities: an Analysis keeps only a few, and sorting and exponentiating
// the rest costs as much as scoring a short span.
func (s *NgramScorer) topScores(text string, candidates []string, k int) []Score {
	var ll llBuf
	letters := s.logLikelihoods(text, candidates, max(k, 0), &ll)
	if ll.n == 0 {
		return nil
	}
	temp := s.Temperature
	if letters < s.ShortLetters {
		temp = max(s.Temperature, s.ShortTemperature)
	}
	all := ll.s[:ll.n]
	softmax(all, ll.sorted, temp)
	out := make([]Score, ll.sorted)
	copy(out, all)
	return out
}

// LogLikelihoods returns the log-likelihood (nats) of text under each
// candidate s knows, sorted by descending value; nil under the same
// conditions as [Scorer.Scores] returns nil.
func (s *NgramScorer) LogLikelihoods(text string, candidates []string) []Score {
	var ll llBuf
	s.logLikelihoods(text, candidates, 0, &ll)
	if ll.n == 0 {
		return nil
	}
	out := make([]Score, ll.n)
	copy(out, ll.s[:ll.n])
	return out
}

// scaledLogLikelihoods fills ll with the log-likelihoods of text under
// each candidate s knows, divided by the temperature topScores would
// divide them by, in the order of the table's languages (by code), and
// returns the letters scored; ll is left empty as logLikelihoods leaves
// it. It allocates nothing. Its caller adds evidence and sorts, so it
// does not.
func (s *NgramScorer) scaledLogLikelihoods(text string, candidates []string, ll *llBuf) int {
	letters := s.logLikelihoods(text, candidates, -1, ll)
	temp := s.Temperature
	if letters < s.ShortLetters {
		temp = max(s.Temperature, s.ShortTemperature)
	}
	if temp <= 0 {
		temp = 1
	}
	for i := range ll.s[:ll.n] {
		ll.s[i].P /= temp
	}
	return letters
}

// llBuf holds the log-likelihoods of up to 64 candidates, the best sorted
// of them first.
type llBuf struct {
	s         [64]Score
	n, sorted int
}

// logLikelihoods fills ll with the log-likelihood of text under each
// candidate s knows, the best k first (all with k == 0), sorted as Scores
// are (with k < 0, unsorted: in the table's order), and returns the letters scored; ll is left empty when fewer than two
// candidates are known or text has no letters.
func (s *NgramScorer) logLikelihoods(text string, candidates []string, k int, ll *llBuf) int {
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
	decisive := int32(math.Round(s.Decisive * ngramScale))
	checkAt := s.DecisiveLetters // letters after which the lead is checked next
	if decisive <= 0 || checkAt <= 0 {
		checkAt = math.MaxInt
	}
	var cost [64]int32 // by table index, in quantisation steps
	letters := 0
	live := cand         // candidates still scored
	var bestAt [64]int32 // a dropped candidate's best cost when it was dropped
	sc := letterScorer{t: t, backoff: backoff, floor: floor}
	cache := s.wordCache(backoff, floor)
	// The letters of the current word, while it is short enough for the
	// cache; a longer one is scored letter by letter.
	var buf [cachedRunes]uint16
	bl, long := 0, false
	endWord := func() {
		if bl > 0 && !long {
			cache.add(&sc, buf[:bl], live, &cost)
		}
		bl, long, sc.wl = 0, false, 0
	}
	for _, r := range text {
		switch {
		case r < 0x80:
			if r|0x20 < 'a' || r|0x20 > 'z' {
				r = -1
			} else {
				r |= 0x20
			}
		case r > 0xFFFF || !isLetter(r):
			r = -1
		default:
			r = toLower(r)
		}
		if r < 0 {
			endWord()
			if s.MaxLetters > 0 && letters >= s.MaxLetters {
				break
			}
			if letters >= checkAt {
				live = drop(&cost, &bestAt, live, decisive)
				if live&(live-1) == 0 {
					break // one candidate left
				}
				checkAt = letters + 16
			}
			continue
		}
		letters++
		switch {
		case long:
			sc.letter(rune(r), live, &cost)
		case bl < cachedRunes:
			buf[bl] = uint16(r)
			bl++
		default:
			long = true
			for _, b := range buf {
				sc.letter(rune(b), live, &cost)
			}
			sc.letter(rune(r), live, &cost)
		}
	}
	endWord()
	if dropped := cand &^ live; dropped != 0 {
		// A dropped candidate is taken to have kept pace with the best
		// since: it stays at least Decisive behind.
		best := minCost(&cost, live)
		for ; dropped != 0; dropped &= dropped - 1 {
			li := bits.TrailingZeros64(dropped)
			cost[li] += best - bestAt[li]
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
	switch {
	case k < 0:
		k = 0
	case k == 0 || k >= n/2:
		slices.Sort(order[:n])
		k = n
	default: // the best k first, in order, in one pass
		chooseTop(order[:n], k, func(a, b uint64) bool { return a < b })
	}
	for i, o := range order[:n] {
		li := o & 0xFF
		ll.s[i] = Score{Lang: names[li], P: -float64(cost[li]) / ngramScale}
	}
	ll.n, ll.sorted = n, k
	return letters
}

// letterScorer adds the cost of each letter of a word, under each
// candidate, given the letters before it in the word.
type letterScorer struct {
	t              *ngramTable
	backoff, floor int32
	word           [ngramOrder]rune // the last letters of the current word
	wl             int              // letters of the current word so far
}

// letter adds to cost, for the candidates in left, the cost of r (lower
// case, below U+10000), the next letter of the current word: the
// log-probability of the longest n-gram ending at it that a candidate
// has, each step down to a shorter one costing backoff, and floor plus
// the steps for a letter the candidate has no unigram for.
func (sc *letterScorer) letter(r rune, left uint64, cost *[64]int32) {
	t := sc.t
	w := &sc.word
	w[0], w[1], w[2], w[3] = w[1], w[2], w[3], r
	sc.wl++
	top := min(sc.wl, ngramOrder)
	var keys [ngramOrder + 1]uint64
	var k uint64
	for n := 1; n <= top; n++ {
		k |= uint64(w[ngramOrder-n]) << (16 * (n - 1)) // the n letters ending here
		keys[n] = k
	}
	for n := top; n >= 1 && left != 0; n-- {
		v, ok := t.lookup(n, keys[n])
		if !ok {
			continue
		}
		pen := sc.backoff * int32(top-n)
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
	for miss := sc.floor + sc.backoff*int32(top-1); left != 0; left &= left - 1 {
		cost[bits.TrailingZeros64(left)] += miss
	}
}

// A word's cost under a language depends on nothing but the word, since
// n-grams do not cross word boundaries; and the words of a text are
// mostly a few frequent ones. So the costs of short words, under the
// languages they have been scored for, are kept in a cache of cacheSlots slots (each
// word has one, by its hash: a newer word takes an older one's place), in
// cacheShards shards made as words first fall in them, a lock a slot:
// about 2.9 MB in all.
const (
	cachedRunes = 16 // longest word cached
	cacheShards = 256
	cacheSlots  = 1 << 14
	shardSlots  = cacheSlots / cacheShards
)

type wordCache struct {
	backoff, floor int32 // the costs it holds are for these
	shards         [cacheShards]atomic.Pointer[cacheShard]
}

type cacheShard struct {
	slots [shardSlots]cacheSlot
}

// A cacheSlot has a lock of its own, next to what it guards: a shard's
// lock was a cache miss of its own on every word.
type cacheSlot struct {
	mu    sync.Mutex
	langs uint64 // the languages whose cost it holds, by table index
	n     uint8  // letters of word; 0: empty
	word  [cachedRunes]uint16
	cost  [64]int16 // by table index
}

// wordCache returns s's cache for these costs, made on first use; nil if
// s's parameters have changed since, or would let a word's cost overflow
// an int16: then nothing is cached.
func (s *NgramScorer) wordCache(backoff, floor int32) *wordCache {
	if max(floor, 255)+(ngramOrder-1)*backoff > math.MaxInt16/cachedRunes {
		return nil
	}
	c := s.cache.Load()
	if c == nil {
		c = &wordCache{backoff: backoff, floor: floor}
		if !s.cache.CompareAndSwap(nil, c) {
			c = s.cache.Load()
		}
	}
	if c.backoff != backoff || c.floor != floor {
		return nil
	}
	return c
}

// add adds to cost, for the candidates in live, the cost of word, from
// the cache or scored with sc (and then cached).
func (c *wordCache) add(sc *letterScorer, word []uint16, live uint64, cost *[64]int32) {
	if c == nil {
		for _, r := range word {
			sc.letter(rune(r), live, cost)
		}
		return
	}
	h := uint64(len(word))
	for _, r := range word {
		h = (h ^ uint64(r)) * 0x100000001B3
	}
	h *= hashMul
	p := &c.shards[h>>56]
	sh := p.Load()
	if sh == nil {
		sh = new(cacheShard)
		if !p.CompareAndSwap(nil, sh) {
			sh = p.Load()
		}
	}
	slot := &sh.slots[h>>(56-bits.Len(shardSlots-1))%shardSlots]
	slot.mu.Lock()
	defer slot.mu.Unlock()
	if w := padWord(word); int(slot.n) != len(word) || slot.word != w {
		slot.n, slot.word, slot.langs = uint8(len(word)), w, 0
	}
	if missing := live &^ slot.langs; missing != 0 {
		var part [64]int32
		for _, r := range word {
			sc.letter(rune(r), missing, &part)
		}
		for l := missing; l != 0; l &= l - 1 {
			li := bits.TrailingZeros64(l)
			slot.cost[li] = int16(part[li])
		}
		slot.langs |= missing
	}
	for l := live; l != 0; l &= l - 1 {
		li := bits.TrailingZeros64(l)
		cost[li] += int32(slot.cost[li])
	}
}

// cacheAllocs returns the allocations of s's cache so far, and their bytes
// (before the runtime rounds them up to its size classes).
func (s *NgramScorer) cacheAllocs() (n, bytes int) {
	c := s.cache.Load()
	if c == nil {
		return 0, 0
	}
	n, bytes = 1, int(unsafe.Sizeof(*c))
	for i := range c.shards {
		if c.shards[i].Load() != nil {
			n++
			bytes += int(unsafe.Sizeof(cacheShard{}))
		}
	}
	return n, bytes
}

// padWord returns word in a zero-padded array.
func padWord(word []uint16) [cachedRunes]uint16 {
	var a [cachedRunes]uint16
	copy(a[:], word)
	return a
}

// minCost returns the least cost of the candidates in live.
func minCost(cost *[64]int32, live uint64) int32 {
	best := int32(math.MaxInt32)
	for c := live; c != 0; c &= c - 1 {
		best = min(best, cost[bits.TrailingZeros64(c)])
	}
	return best
}

// drop returns live without the candidates that trail the best by at least
// lead, and records in bestAt the best cost when each was dropped.
func drop(cost, bestAt *[64]int32, live uint64, lead int32) uint64 {
	best := minCost(cost, live)
	for c := live; c != 0; c &= c - 1 {
		if li := bits.TrailingZeros64(c); cost[li]-best >= lead {
			live &^= 1 << li
			bestAt[li] = best
		}
	}
	return live
}

// softmax turns the log-likelihoods of s, whose first k are the greatest,
// sorted by descending value (ties by code), into probabilities in place:
// softmax(ll / temp). The first k are in the same order, which is sorted
// unless probabilities too small to tell apart tie; the rest are left as
// they are.
func softmax(s []Score, k int, temp float64) {
	if temp <= 0 {
		temp = 1
	}
	top := s[0].P
	sum := 0.0
	for i := range s {
		// The sum is at least 1 (the top's term): a term under e^-40 is
		// under half its last bit, and adding it changes nothing.
		if x := (s[i].P - top) / temp; x > -40 || i < k {
			p := portableExp(x)
			sum += p
			if i < k {
				s[i].P = p
			}
		}
	}
	tie := false
	for i := range s[:k] {
		s[i].P /= sum
		tie = tie || i > 0 && s[i].P == s[i-1].P && s[i].Lang < s[i-1].Lang
	}
	if tie {
		sortScores(s[:k])
	}
}
