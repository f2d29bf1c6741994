// Package benchtext generates text in many languages for textnorm's
// benchmarks and process tests: documents of English with short inline
// phrases of Arabic, Urdu, Persian, Russian, Chinese, Japanese, Hindi,
// French and German, and paragraphs of each; and short lines of one to five
// words. The same seed gives the same text on every platform.
package benchtext

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Languages returns the codes of the languages of the text: English first.
func Languages() []string {
	codes := make([]string, len(langs))
	for i, l := range langs {
		codes[i] = l.code
	}
	return codes
}

// Document returns a document of at least size bytes: paragraphs separated
// by blank lines, half of them English with an inline snippet of another
// language in some of their sentences, half in one of the other languages.
// The sentences are the package's own, with words replaced at random, so
// that they seldom repeat.
func Document(seed uint64, size int) string {
	r := rand.New(rand.NewPCG(seed, 0x7465_7874_6e6f_726d))
	var b strings.Builder
	b.Grow(size + 1024)
	for b.Len() < size {
		paragraph(r, &b)
	}
	return b.String()
}

// Documents returns documents of about size bytes each, as a crawler
// would feed them, of at least total bytes in all.
func Documents(seed uint64, total, size int) []string {
	var docs []string
	for n := 0; n < total; {
		d := Document(seed+uint64(len(docs)), size)
		docs = append(docs, d)
		n += len(d)
	}
	return docs
}

// Lines returns lines of one to five words (two to ten characters of
// Chinese or Japanese), each in one language, as product titles, captions
// and search queries are: at least total bytes in all, without line
// breaks. The words are drawn from each language's vocabulary, so that
// lines seldom repeat.
func Lines(seed uint64, total int) []string {
	r := rand.New(rand.NewPCG(seed, 0x6c69_6e65_7300_0000))
	var lines []string
	for n := 0; n < total; {
		line := snippet(r, &langs[r.IntN(len(langs))], 1+r.IntN(5))
		lines = append(lines, line)
		n += len(line)
	}
	return lines
}

// paragraph writes a paragraph of two to four sentences: English with, in
// two sentences of five, an inline snippet of another language; or in one
// of the other languages, with an English snippet in brackets now and
// then.
func paragraph(r *rand.Rand, b *strings.Builder) {
	n := 2 + r.IntN(3)
	if r.IntN(2) == 0 {
		en := &langs[0]
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(5) < 2 {
				other := &langs[1+r.IntN(len(langs)-1)]
				frame := vary(r, en, pick(r, inline), 1)
				fmt.Fprintf(b, frame, snippet(r, other, 1+r.IntN(4)))
			} else {
				b.WriteString(vary(r, en, pick(r, en.sentences), 2))
			}
		}
	} else {
		l := &langs[1+r.IntN(len(langs)-1)]
		for i := range n {
			if i > 0 && l.spaced {
				b.WriteByte(' ')
			}
			b.WriteString(vary(r, l, pick(r, l.sentences), 2))
		}
		if r.IntN(4) == 0 {
			b.WriteString(" (")
			b.WriteString(snippet(r, &langs[0], 1+r.IntN(3)))
			b.WriteByte(')')
		}
	}
	// A number, as news paragraphs end with a date or a figure.
	b.WriteString(" [")
	b.WriteString(strconv.Itoa(r.IntN(100000)))
	b.WriteString("]\n\n")
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// vary returns sentence with n of its words (of its characters, in pairs,
// where words are not spaced) replaced by words of the language drawn at
// random: text of the language's words and shapes that seldom repeats, so
// that no detector's memory of answers decides a benchmark. The last word,
// with the final punctuation, and a %s are kept.
func vary(r *rand.Rand, l *lang, sentence string, n int) string {
	v := vocab[l.code]
	if !l.spaced {
		rs := []rune(sentence)
		for range n {
			if len(rs) < 4 {
				break
			}
			i := r.IntN(len(rs) - 3)
			w := []rune(pick(r, v))
			if isPunct(rs[i]) || isPunct(rs[i+1]) {
				continue
			}
			rs = append(rs[:i:i], append(w, rs[i+2:]...)...)
		}
		return string(rs)
	}
	f := strings.Fields(sentence)
	for range n {
		if len(f) < 2 {
			break
		}
		i := r.IntN(len(f) - 1)
		if strings.Contains(f[i], "%s") {
			continue
		}
		f[i] = pick(r, v)
	}
	return strings.Join(f, " ")
}

// snippet returns n words of the language drawn at random (n pairs of
// characters where words are not spaced).
func snippet(r *rand.Rand, l *lang, n int) string {
	v := vocab[l.code]
	var b strings.Builder
	for i := range n {
		if i > 0 && l.spaced {
			b.WriteByte(' ')
		}
		b.WriteString(pick(r, v))
	}
	return b.String()
}

// vocab holds the words of each language's sentences and phrases, without
// punctuation, in order of first appearance; for Chinese and Japanese,
// their characters in pairs.
var vocab = func() map[string][]string {
	m := map[string][]string{}
	for _, l := range langs {
		seen := map[string]bool{}
		var words []string
		add := func(w string) {
			if w != "" && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		for _, s := range append(slices.Clone(l.sentences), l.phrases...) {
			if !l.spaced {
				var run []rune
				for _, c := range s {
					if isPunct(c) {
						run = run[:0]
						continue
					}
					if run = append(run, c); len(run) == 2 {
						add(string(run))
						run = run[:0]
					}
				}
				continue
			}
			for _, w := range strings.Fields(s) {
				add(strings.TrimFunc(w, isPunct))
			}
		}
		m[l.code] = words
	}
	return m
}()

func isPunct(c rune) bool { return unicode.IsPunct(c) || unicode.IsSymbol(c) }
