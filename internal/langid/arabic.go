package langid

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

// The evidence model of the Arabic script tells Persian (with Dari),
// Arabic, Urdu, Pashto, Sorani, Uyghur and Sindhi apart by their spelling:
// letters, function words and affixes, each with a weight in nats per
// language. The same model over the Cyrillic script's rows gives Tajik,
// which lingua-go has no model of, its letters and words, and over the
// Cyrillic and Latin rows the marking letters and function words of their
// languages, weighed with the n-grams. Its data are the
// rows of the language registry (see language.Evidence, where the weights
// and their reasons are kept); this file only applies them.

// lw is the weight one piece of evidence gives one language: lang is an
// index in arabModel.langs.
type lw struct {
	lang int
	w    float64
}

// arabicLetter is the evidence of one letter.
type arabicLetter struct {
	weights []lw
	own     []int // the languages whose own letter it is
}

// prefixRule is one language's Prefix affix.
type prefixRule struct {
	forms  []string
	minLen int
	w      float64
}

// arabicModel is the evidence model of a script: its tables, generated
// from the registry, and the functions that read a text's letters.
type arabicModel struct {
	*evidenceTables
	isLetter func(rune) bool         // the letters of the model's script
	fold     func(rune) (rune, bool) // how words are folded for look-ups
}

// evidenceTables are an evidence model's data in the layout score reads
// them in: sorted keys with their values beside them, and bit and byte
// tables, so that evidence_tables.go (written by gen_evidence.go from the
// registry, see buildEvidence) is static data: nothing is built or
// decoded when the program starts.
type evidenceTables struct {
	blockLo rune        // the first rune of block
	block   []runeClass // the classes of the script's main block
	langs   []string    // the script's candidates, in registry order
	byCode2 [26 * 26]int8
	// byCode2 holds index+1 in langs of each two-letter code, 0 if none.
	// asciiLetters: ASCII letters are letters of the script (Latin);
	// asciiWeights: some ASCII letter has a weight (none does today),
	// which turns off score's ASCII fast path.
	asciiLetters, asciiWeights bool
	prefixLangs                []int          // the languages with Prefix rules
	letterKeys                 []rune         // the letters with evidence, sorted
	letterVals                 []arabicLetter // their evidence
	wordKeys                   []string       // folded words, sorted
	wordVals                   [][]lw         // their weights
	mayBeWord                  wordFilter     // all of wordKeys, and few others
	noOwn                      []lw           // per word without the language's own letters
	prefixes                   [][]prefixRule // per language, in the order tried
	zwnjPrefixKeys             []string       // folded first parts, sorted
	zwnjPrefixVals             [][]lw
	zwnjSuffixKeys             []string // folded last parts, sorted
	zwnjSuffixVals             [][]lw
	zwnjOther                  []lw
}

//go:generate go run -tags evidencegen gen_evidence.go

// arab is the evidence model of the Arabic script; cyrl, latn and deva
// those of the Cyrillic, Latin and Devanagari scripts. Their tables are
// evidence_tables.go's; evidenceSources says how each is built.
var (
	arab = &arabicModel{&arabTables, isArabicLetter, fold}
	cyrl = &arabicModel{&cyrlTables, isCyrillicLetter, foldCase}
	latn = &arabicModel{&latnTables, isLatinLetter, foldCase}
	deva = &arabicModel{&devaTables, isDevanagariLetter, foldDevanagari}
)

// An evidenceSource is what one model's tables are built from: the
// registry's languages of a script, its letters and folding, and its main
// block.
type evidenceSource struct {
	name     string // of the tables' variable: arabTables for "arab"
	script   script.Script
	isLetter func(rune) bool
	fold     func(rune) (rune, bool)
	lo, hi   rune
}

var evidenceSources = []evidenceSource{
	{"arab", script.Arabic, isArabicLetter, fold, 0x0600, 0x0700},
	{"cyrl", script.Cyrillic, isCyrillicLetter, foldCase, 0x0400, 0x0530},
	{"latn", script.Latin, isLatinLetter, foldCase, 0x0080, 0x0250},
	{"deva", script.Devanagari, isDevanagariLetter, foldDevanagari, 0x0900, 0x0980},
}

// EvidenceTables returns each evidence model's tables built from the
// registry, by the name of its variable in evidence_tables.go, for
// gen_evidence.go to write out with %#v.
func EvidenceTables() map[string]any {
	out := map[string]any{}
	for _, src := range evidenceSources {
		out[src.name+"Tables"] = *buildEvidence(src)
	}
	return out
}

// buildEvidence builds the evidence tables of src's languages from their
// Evidence, for the letters src.isLetter accepts, words folded by
// src.fold, with the classes of the runes in [src.lo, src.hi), the
// script's main block, in a table. It panics on rows the model cannot
// read (a letter or word twice for one language, an unknown affix kind):
// the registry's tests rule them out.
func buildEvidence(src evidenceSource) *evidenceTables {
	langs := language.ForScript(src.script)
	t := &evidenceTables{blockLo: src.lo, prefixes: make([][]prefixRule, len(langs))}
	m := &arabicModel{t, src.isLetter, src.fold}
	letters := map[rune]arabicLetter{}
	words := map[string][]lw{}
	zwnjPrefix := map[string][]lw{}
	zwnjSuffix := map[string][]lw{}
	for i, l := range langs {
		if c := l.Code; len(c) == 2 {
			if k := code2Slot(c[0], c[1]); k >= 0 {
				t.byCode2[k] = int8(len(t.langs) + 1)
			}
		}
		t.langs = append(t.langs, l.Code)
		ev := l.Evidence
		if ev == nil {
			continue
		}
		bad := func(format string, args ...any) {
			panic(fmt.Sprintf("langid: language %s: %s", l.Code, fmt.Sprintf(format, args...)))
		}
		seen := map[rune]bool{}
		for j, set := range append([]language.Letters{ev.Own}, ev.Letters...) {
			for _, r := range set.Runes {
				if seen[r] {
					bad("letter %q twice", r)
				}
				seen[r] = true
				a := letters[r]
				if set.Weight != 0 {
					a.weights = append(a.weights, lw{i, set.Weight})
				}
				if j == 0 {
					a.own = append(a.own, i)
				}
				letters[r] = a
			}
		}
		if ev.NoOwn != 0 {
			t.noOwn = append(t.noOwn, lw{i, ev.NoOwn})
		}
		for _, set := range ev.Words {
			for _, w := range strings.Fields(set.List) {
				f := m.foldWord(w)
				if slices.ContainsFunc(words[f], func(x lw) bool { return x.lang == i }) {
					bad("word %q twice", w)
				}
				words[f] = append(words[f], lw{i, set.Weight})
			}
		}
		for _, a := range ev.Affixes {
			var forms []string
			for _, f := range strings.Fields(a.Forms) {
				forms = append(forms, m.foldWord(f))
			}
			switch a.Kind {
			case language.Prefix:
				t.prefixes[i] = append(t.prefixes[i], prefixRule{forms, a.MinLen, a.Weight})
			case language.ZWNJPrefix:
				addForms(zwnjPrefix, forms, lw{i, a.Weight})
			case language.ZWNJSuffix:
				addForms(zwnjSuffix, forms, lw{i, a.Weight})
			case language.ZWNJOther:
				t.zwnjOther = append(t.zwnjOther, lw{i, a.Weight})
			default:
				bad("affix kind %v", a.Kind)
			}
		}
		if len(t.prefixes[i]) > 0 {
			t.prefixLangs = append(t.prefixLangs, i)
		}
	}
	if len(t.langs) > maxEvidenceLangs {
		panic(fmt.Sprintf("langid: %d languages of one script, more than %d", len(t.langs), maxEvidenceLangs))
	}
	t.asciiLetters = src.isLetter('a')
	t.letterKeys, t.letterVals = sortedTable(letters)
	for _, r := range t.letterKeys {
		t.asciiWeights = t.asciiWeights || r < utf8.RuneSelf
	}
	t.wordKeys, t.wordVals = sortedTable(words)
	for _, w := range t.wordKeys {
		t.mayBeWord.add(w)
	}
	t.zwnjPrefixKeys, t.zwnjPrefixVals = sortedTable(zwnjPrefix)
	t.zwnjSuffixKeys, t.zwnjSuffixVals = sortedTable(zwnjSuffix)
	t.block = make([]runeClass, src.hi-src.lo)
	for r := src.lo; r < src.hi; r++ {
		t.block[r-src.lo] = m.classify(r)
	}
	return t
}

// sortedTable returns the keys of m, sorted, and their values in the same
// order.
func sortedTable[K cmp.Ordered, V any](m map[K]V) ([]K, []V) {
	keys := slices.Sorted(maps.Keys(m))
	vals := make([]V, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return keys, vals
}

// findWord returns the index of w in keys, which are sorted, or -1.
func findWord(keys []string, w []byte) int {
	lo, hi := 0, len(keys)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if keys[h] < string(w) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(keys) && keys[lo] == string(w) {
		return lo
	}
	return -1
}

// letter returns the evidence of the letter r, if it has any.
func (t *evidenceTables) letter(r rune) (arabicLetter, bool) {
	if i, ok := slices.BinarySearch(t.letterKeys, r); ok {
		return t.letterVals[i], true
	}
	return arabicLetter{}, false
}

// A wordFilter answers "perhaps" for every word added and "no" for most
// others, from a word's length and three of its bytes, with no loop: most
// words of a text are in no list, and a map's look-up (a hash of every
// byte, a probe) for each of them was a twentieth of detection.
type wordFilter [wordFilterBits / 64]uint64

// wordFilterBits: 2 KB, through which about 4% of other words pass when
// 730 are added (the Latin lists' count).
const (
	wordFilterLog  = 14
	wordFilterBits = 1 << wordFilterLog
)

func wordFilterSlot[T string | []byte](w T) uint64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	k := uint64(n) | uint64(w[0])<<8 | uint64(w[n/2])<<16 | uint64(w[n-1])<<24
	return k * hashMul >> (64 - wordFilterLog)
}

func (f *wordFilter) add(w string) {
	i := wordFilterSlot(w)
	f[i/64] |= 1 << (i % 64)
}

func (f *wordFilter) has(w []byte) bool {
	i := wordFilterSlot(w)
	return f[i/64]&(1<<(i%64)) != 0
}

// runeClass is what score needs to know of a rune: its class (the
// cl bits) and, for a letter that folds to one below U+10000, the folded
// letter in the low 16 bits (clWide marks one that folds above it, which
// no rune of a block does).
type runeClass uint32

const (
	clLetter   runeClass = 1 << 16 // a letter of the script (isLetter)
	clWeighted runeClass = 1 << 17 // ... whose lower case has evidence (letters)
	clFolds    runeClass = 1 << 18 // ... that fold keeps
	clJoiner   runeClass = 1 << 19 // not a letter: ZWNJ, tatweel or Mn, which do not end a word
	clWide     runeClass = 1 << 20 // a letter that folds to one above U+FFFF: call fold
)

// classify returns r's class as score's slow path finds it.
func (m *arabicModel) classify(r rune) runeClass {
	switch {
	case m.isLetter(r):
		c := clLetter
		if _, ok := m.letter(toLower(r)); ok {
			c |= clWeighted
		}
		if f, ok := m.fold(r); ok && f < 0x10000 {
			c |= clFolds | runeClass(f)
		} else if ok {
			c |= clFolds | clWide
		}
		return c
	case r == zwnj || r == '\u0640' || isMn(r):
		return clJoiner
	}
	return 0
}

// addForms records v for every form, once per language: a language's
// first affix of a kind that matches counts.
func addForms(m map[string][]lw, forms []string, v lw) {
	for _, f := range forms {
		if !slices.ContainsFunc(m[f], func(x lw) bool { return x.lang == v.lang }) {
			m[f] = append(m[f], v)
		}
	}
}

// foldWord folds a word of the registry as score folds the words of a
// text (see fold).
func (m *arabicModel) foldWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if f, ok := m.fold(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// index returns the index of lang in m.langs, or -1.
func (m *arabicModel) index(lang string) int {
	if len(lang) == 2 {
		if k := code2Slot(lang[0], lang[1]); k >= 0 {
			return int(m.byCode2[k]) - 1
		}
	}
	return slices.Index(m.langs, lang)
}

const zwnj = '\u200C'

// maxEvidenceLangs bounds the languages of one script's model (Latin has
// 48), so that a model's scratch space fits on the stack.
const maxEvidenceLangs = 64

var zwnjUTF8 = []byte(string(zwnj))

// arabicEvidence is the outcome of the evidence model for one text.
type arabicEvidence struct {
	score []float64 // summed log-likelihood bonuses, indexed as arab.langs
	words int       // Arabic-script words seen
}

// none reports whether e gives no language any weight.
func (e *arabicEvidence) none() bool {
	for _, s := range e.score {
		if s != 0 {
			return false
		}
	}
	return true
}

// add adds the weights vs to e's scores.
func (e *arabicEvidence) add(vs []lw) {
	for _, v := range vs {
		e.score[v.lang] += v.w
	}
}

// margin returns the best language index and its lead over the second best,
// among the languages allowed (nil: all).
func (e *arabicEvidence) margin(allowed []bool) (best int, lead float64) {
	best, second := -1, -1
	for i := range e.score {
		if allowed != nil && !allowed[i] {
			continue
		}
		switch {
		case best < 0 || e.score[i] > e.score[best]:
			best, second = i, best
		case second < 0 || e.score[i] > e.score[second]:
			second = i
		}
	}
	if best < 0 {
		return -1, 0
	}
	if second < 0 {
		return best, math.Inf(1)
	}
	return best, e.score[best] - e.score[second]
}

// fold maps the letters that mis-keyed Persian and Urdu use to their
// standard forms (ي ى → ی, ك → ک) and drops harakat and tatweel, for word
// lookups only.
func fold(r rune) (rune, bool) {
	switch r {
	case '\u064A', '\u0649':
		return '\u06CC', true
	case '\u0643':
		return '\u06A9', true
	case '\u0640': // tatweel
		return 0, false
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, false
	}
	return r, true
}

// isArabicLetter reports whether r is a letter of the Arabic script.
func isArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// isCyrillicLetter reports whether r is a letter of the Cyrillic script.
func isCyrillicLetter(r rune) bool {
	return unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r)
}

// isDevanagariLetter reports whether r is a letter or vowel sign of the
// Devanagari script: its words are letters and marks together.
func isDevanagariLetter(r rune) bool {
	return unicode.Is(unicode.Devanagari, r) && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// foldDevanagari keeps every letter and vowel sign: Devanagari words are
// looked up as they are spelt.
func foldDevanagari(r rune) (rune, bool) { return r, true }

// isLatinLetter reports whether r is a letter of the Latin script.
func isLatinLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.Is(unicode.Latin, r) && unicode.IsLetter(r)
}

// foldCase lower-cases letters and drops combining marks (Cyrillic stress
// accents), for word look-ups only.
func foldCase(r rune) (rune, bool) {
	if unicode.Is(unicode.Mn, r) {
		return 0, false
	}
	return unicode.ToLower(r), true
}

// scoreArabic runs the Arabic script's evidence model over text.
func scoreArabic(text string) arabicEvidence { return arab.score(text) }

// score runs the evidence model over text. Per word and language, it adds
// the weights of the word's letters (each once), then of the word itself
// and of its affix, then the absence of the language's own letters.
func (m *arabicModel) score(text string) arabicEvidence {
	return m.scoreInto(text, make([]float64, len(m.langs)))
}

// scoreInto is score with the scores in buf (len(m.langs), zero), so
// that a caller that keeps nothing allocates nothing.
func (m *arabicModel) scoreInto(text string, buf []float64) arabicEvidence {
	e := arabicEvidence{score: buf}
	var wordBuf [64]byte
	word := wordBuf[:0] // folded word, ZWNJ kept
	var seenBuf [32]rune
	seen := seenBuf[:0] // the word's letters that have weights, each once
	var hasOwnBuf [maxEvidenceLangs]bool
	hasOwn := hasOwnBuf[:len(m.langs)]
	flush := func() {
		if len(word) == 0 {
			return
		}
		e.words++
		m.scoreWord(&e, word)
		if len(m.noOwn) > 0 {
			for _, v := range m.noOwn {
				if !hasOwn[v.lang] {
					e.score[v.lang] += v.w
				}
			}
			clear(hasOwn)
		}
		word, seen = word[:0], seen[:0]
	}
	for _, r := range text {
		if r < utf8.RuneSelf && !m.asciiWeights {
			// ASCII carries no letter evidence: a letter of the Latin
			// script goes into its word, anything else ends one.
			if m.asciiLetters && r|0x20 >= 'a' && r|0x20 <= 'z' {
				word = append(word, byte(r|0x20))
			} else {
				flush()
			}
			continue
		}
		var c runeClass
		if i := uint32(r - m.blockLo); i < uint32(len(m.block)) {
			c = m.block[i]
		} else {
			c = m.classify(r)
		}
		switch {
		case c&clLetter != 0:
			if c&clWeighted != 0 {
				lr := toLower(r) // the registry's letters are lower case
				if a, _ := m.letter(lr); !slices.Contains(seen, lr) {
					seen = append(seen, lr)
					e.add(a.weights)
					for _, l := range a.own {
						hasOwn[l] = true
					}
				}
			}
			switch {
			case c&clWide != 0:
				f, _ := m.fold(r)
				word = utf8.AppendRune(word, f)
			case c&clFolds != 0:
				word = utf8.AppendRune(word, rune(c&0xFFFF))
			}
		case c&clJoiner != 0:
			if r == zwnj && len(word) > 0 {
				word = utf8.AppendRune(word, r)
			}
		default:
			flush()
		}
	}
	flush()
	return e
}

// scoreWord adds the word-level evidence of one folded word (which may hold
// ZWNJ between its parts): the word's own weights, then its affix's.
func (m *arabicModel) scoreWord(e *arabicEvidence, word []byte) {
	for bytes.HasSuffix(word, zwnjUTF8) {
		word = word[:len(word)-len(zwnjUTF8)]
	}
	if m.mayBeWord.has(word) {
		if i := findWord(m.wordKeys, word); i >= 0 {
			e.add(m.wordVals[i])
		}
	}
	if first := bytes.Index(word, zwnjUTF8); first >= 0 {
		last := word[bytes.LastIndex(word, zwnjUTF8)+len(zwnjUTF8):]
		if i := findWord(m.zwnjPrefixKeys, word[:first]); i >= 0 {
			e.add(m.zwnjPrefixVals[i])
		} else if i := findWord(m.zwnjSuffixKeys, last); i >= 0 {
			e.add(m.zwnjSuffixVals[i])
		} else {
			e.add(m.zwnjOther)
		}
		return
	}
	n := -1 // letters in word, counted once needed
	for _, i := range m.prefixLangs {
		rules := m.prefixes[i]
	rules:
		for _, p := range rules {
			for _, f := range p.forms {
				if len(word) < len(f) || string(word[:len(f)]) != f {
					continue
				}
				if n < 0 {
					n = utf8.RuneCount(word)
				}
				if n >= p.minLen {
					e.score[i] += p.w
					break rules
				}
			}
		}
	}
}
