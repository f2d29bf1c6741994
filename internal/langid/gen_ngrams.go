//go:build ignore

// gen_ngrams writes ngrams.tbl, the n-gram table of [NgramScorer], and
// ngrams_model.go, its identity, from lingua-go's own language models.
//
// It takes every language of the registry (package language) that lingua-go
// has models for and that is written in a script with more than one
// candidate language (opt-in ones such as Latin included), since only those
// scripts need statistics: today the Latin, Cyrillic and Devanagari
// languages, fa, ar and ur, and zh and ja for Han. Of each it reads the
// unigram, bigram, trigram and quadrigram models (conditional
// probabilities P(c | preceding chars); lingua's zh and ja have unigrams
// only), keeps every unigram and bigram, the K3 trigrams and K4 quadrigrams
// that are most frequent (by joint probability P(c1)P(c2|c1)...), and
// quantises each probability as q = round(-ln P × 12), at most 255.
// lingua's Chinese is written in traditional characters only; the generator
// gives it the simplified forms too, from zh_simplified.txt (Unihan's
// kSimplifiedVariant; see withSimplified), so that simplified Chinese is
// not scored as Japanese.
//
// The table is laid out for use in place (see table.go for the format):
// per n-gram order, an open-addressing hash table, 80% full, whose slots
// hold the hash of a packed key and a value, in the order of Robin Hood
// insertion. The value of an n-gram of one or two languages holds their
// indexes and q; that of one of more is the offset of its entry: the mask
// of the languages that have the n-gram and their q, one byte each.
// Identical entries are stored once. Every language that has an n-gram
// keeps it. Keeping only the best 8 or 3 per n-gram (CLD2 keeps 3) was
// measured: with the others backing off to shorter n-grams, per-letter
// accuracy on testdata/eval-holdout fell from 96.6% to 86%; with them
// sharing one q, to 94.9%; and it would save at most 115 KB (3%), since a
// posting is one byte and the slots are most of the table.
//
// Run with `go generate ./internal/langid/` (or `go run gen_ngrams.go` in
// this directory). Flags choose K3, K4 and the files. The output depends
// only on the flags, the registry, zh_simplified.txt and lingua-go's models
// (its version is go.mod's): the same inputs give the same bytes, which
// TestGeneratedModels checks.
package main

import (
	"archive/zip"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"maps"
	"math"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"

	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

// Keep in step with table.go.
const (
	magic      = "TNNT"
	version    = 3
	headerSize = 24 + 8*maxOrder
	slotSize   = 12
	hashMul    = 0x9E3779B97F4A7C15
	maxLoad    = 0.8 // keys per home slot
	scale      = 12  // quantisation steps per nat
	maxOrder   = 4
	maxLangs   = 64 // the scorer's candidate mask is 64 bits
	orderNames = "unigrams bigrams trigrams quadrigrams"
	inlineFlag = 1 << 31 // a slot's value holds its postings
	inlineTwo  = 1 << 28 // ... and it holds two
)

var (
	k3    = flag.Int("k3", 6000, "trigrams kept per language")
	k4    = flag.Int("k4", 20000, "quadrigrams kept per language")
	zhs   = flag.String("zhs", "zh_simplified.txt", "simplified forms of traditional characters")
	out   = flag.String("o", "ngrams.tbl", "output table")
	goOut = flag.String("go", "ngrams_model.go", "output Go file of the table's identity")
)

type posting struct {
	lang int
	q    uint8
}

func main() {
	flag.Parse()
	info, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}\t{{.Version}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		log.Fatalf("go list lingua-go: %v", err)
	}
	dir, linguaVersion, _ := strings.Cut(strings.TrimSpace(string(info)), "\t")

	byCode := map[string]lingua.Language{}
	for _, l := range lingua.AllLanguages() {
		byCode[strings.ToLower(l.IsoCode639_1().String())] = l
	}
	// Scripts with more than one candidate, opt-in languages included.
	cands := map[script.Script]int{}
	for _, l := range language.All() {
		for _, sc := range l.Scripts {
			cands[sc]++
		}
	}
	var codes []string // sorted by code: the table's language indexes
	for _, l := range language.All() {
		if _, ok := byCode[l.Code]; !ok {
			continue
		}
		if slices.ContainsFunc(l.Scripts, func(sc script.Script) bool { return cands[sc] > 1 }) {
			codes = append(codes, l.Code)
		}
	}
	slices.Sort(codes)
	if len(codes) > maxLangs {
		log.Fatalf("%d languages: the scorer's candidate mask holds %d", len(codes), maxLangs)
	}

	// table[n][key]: the postings of an n-gram, by ascending language.
	var table [maxOrder + 1]map[uint64][]posting
	for n := range table {
		table[n] = map[uint64][]posting{}
	}
	kept := make([]int, maxOrder+1)
	for li, code := range codes {
		var models [maxOrder + 1]map[string]float64
		for n := 1; n <= maxOrder; n++ {
			models[n] = readModel(dir, code, strings.Fields(orderNames)[n-1])
		}
		if code == "zh" {
			models[1] = withSimplified(models[1], readSimplified(*zhs))
		}
		for n := 1; n <= maxOrder; n++ {
			type g struct {
				s     string
				joint float64
			}
			var gs []g
			for s, p := range models[n] {
				if _, ok := key(s); !ok {
					continue
				}
				r := []rune(s)
				joint := p
				for m := 1; m < n; m++ { // joint probability of the prefixes
					joint *= models[m][string(r[:m])]
				}
				gs = append(gs, g{s, joint})
			}
			sort.Slice(gs, func(i, j int) bool {
				if gs[i].joint != gs[j].joint {
					return gs[i].joint > gs[j].joint
				}
				return gs[i].s < gs[j].s
			})
			limit := len(gs)
			switch n {
			case 3:
				limit = min(limit, *k3)
			case 4:
				limit = min(limit, *k4)
			}
			for _, x := range gs[:limit] {
				k, _ := key(x.s)
				q := math.Round(-math.Log(models[n][x.s]) * scale)
				q = math.Max(0, math.Min(255, q))
				table[n][k] = append(table[n][k], posting{li, uint8(q)})
			}
			kept[n] += limit
		}
	}

	// Entries, each stored once: mask, then q by ascending language.
	var entries []byte
	entryAt := map[string]uint32{}
	nPost, nEntries, nInline := 0, 0, 0
	var slots [maxOrder + 1][]byte
	var homes, maxProbe [maxOrder + 1]uint64
	for n := 1; n <= maxOrder; n++ {
		keys := make([]uint64, 0, len(table[n]))
		for k := range table[n] {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		offs := make([]uint32, len(keys))
		for i, k := range keys {
			ps := table[n][k]
			nPost += len(ps)
			if len(ps) <= 2 { // inline
				v := inlineFlag | uint32(ps[0].lang) | uint32(ps[0].q)<<6
				if len(ps) == 2 {
					v |= inlineTwo | uint32(ps[1].lang)<<14 | uint32(ps[1].q)<<20
				}
				offs[i] = v
				nInline++
				continue
			}
			e := make([]byte, 8, 8+len(ps))
			var mask uint64
			for _, p := range ps {
				mask |= 1 << p.lang
				e = append(e, p.q)
			}
			binary.LittleEndian.PutUint64(e, mask)
			off, ok := entryAt[string(e)]
			if !ok {
				off = uint32(len(entries))
				entryAt[string(e)] = off
				entries = append(entries, e...)
				nEntries++
			}
			offs[i] = off
		}
		slots[n], homes[n], maxProbe[n] = place(keys, offs)
	}
	if len(entries) >= inlineFlag {
		log.Fatal("entries exceed 2 GB")
	}

	prov := fmt.Sprintf("textnorm n-grams format %d: lingua-go %s, k3=%d k4=%d, zh with Unihan 15.0.0 simplified forms, %d languages", version, linguaVersion, *k3, *k4, len(codes))
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString(magic)
	b.Write(le.AppendUint16(nil, version))
	b.WriteByte(byte(len(codes)))
	b.WriteByte(maxOrder)
	b.Write(le.AppendUint32(nil, scale))
	b.Write(le.AppendUint32(nil, uint32(len(prov))))
	b.Write(le.AppendUint32(nil, uint32(len(entries))))
	b.Write(le.AppendUint32(nil, 0)) // reserved
	for n := 1; n <= maxOrder; n++ {
		b.Write(le.AppendUint32(nil, uint32(homes[n])))
		b.Write(le.AppendUint32(nil, uint32(maxProbe[n])))
	}
	if b.Len() != headerSize {
		log.Fatalf("header is %d bytes, want %d", b.Len(), headerSize)
	}
	for _, c := range codes {
		if len(c) > 4 {
			log.Fatalf("code %q is longer than 4 bytes", c)
		}
		var p [4]byte
		copy(p[:], c)
		b.Write(p[:])
	}
	b.WriteString(prov)
	for n := 1; n <= maxOrder; n++ {
		b.Write(slots[n])
	}
	b.Write(entries)
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}

	sum := sha256.Sum256(b.Bytes())
	src := fmt.Sprintf(`// Code generated by gen_ngrams.go; DO NOT EDIT.

package langid

// The identity of ngrams.tbl: what gen_ngrams.go made it from, and the
// SHA-256 of its bytes (see ModelInfo).
const (
	ngramsName   = %q
	ngramsSHA256 = %q
)
`, prov, hex.EncodeToString(sum[:]))
	fsrc, err := format.Source([]byte(src))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*goOut, fsrc, 0o644); err != nil {
		log.Fatal(err)
	}

	var keysPer, slotsPer [maxOrder + 1]int
	for n := 1; n <= maxOrder; n++ {
		keysPer[n] = len(table[n])
		slotsPer[n] = len(slots[n]) / slotSize
	}
	fmt.Printf("%s\n%d languages %v; kept per order %v; keys %v in slots %v (max probe %v); %d postings, %d keys' inline, the rest in %d distinct entries (%d bytes); %d bytes -> %s\n",
		prov, len(codes), codes, kept[1:], keysPer[1:], slotsPer[1:], maxProbe[1:], nPost, nInline, nEntries, len(entries), b.Len(), *out)
}

// place lays keys (with their values) out in an open-addressing table of
// homes = ⌈len(keys)/maxLoad⌉ home slots. A slot holds a key's hash
// h = k × hashMul mod 2^64 (a bijection, since hashMul is odd), whose home
// is the high word of h × homes; sorted by hash, the keys take, in turn,
// their home or the slot after the one before them. That is the layout
// Robin Hood insertion gives with no wrap-around: slots past the last home,
// as many as the longest displacement, hold the overflow. It returns the
// slots (hash, then value, little-endian), homes and the longest
// displacement.
func place(keys []uint64, vals []uint32) ([]byte, uint64, uint64) {
	homes := uint64(max(1, int(math.Ceil(float64(len(keys))/maxLoad))))
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(keys[a]*hashMul, keys[b]*hashMul) })
	pos := make([]uint64, len(keys))
	longest, next := uint64(0), uint64(0)
	for _, i := range idx {
		home, _ := bits.Mul64(keys[i]*hashMul, homes)
		p := max(home, next)
		pos[i], next = p, p+1
		longest = max(longest, p-home)
	}
	out := make([]byte, (homes+longest)*slotSize)
	for i, k := range keys {
		s := out[pos[i]*slotSize:]
		binary.LittleEndian.PutUint64(s, k*hashMul)
		binary.LittleEndian.PutUint32(s[8:], vals[i])
	}
	return out, homes, longest
}

// key packs an n-gram of up to four runes, each below U+10000, into 16 bits
// per rune; the first rune takes the highest used field. Letters are never
// U+0000, so no key is 0 (an empty slot) and n-grams of different lengths
// never share a key.
func key(s string) (uint64, bool) {
	var k uint64
	n := 0
	for _, r := range s {
		if r <= 0 || r > 0xFFFF {
			return 0, false
		}
		k = k<<16 | uint64(r)
		n++
	}
	return k, n >= 1 && n <= maxOrder
}

// withSimplified returns lingua's Chinese unigram model, which knows
// traditional characters only, as a model of Chinese written either way:
// P(c) = ½ P(c) + ½ Σ P(t)/|S(t)| over the traditional characters t
// among whose simplified forms S(t) is c (a character with no simplified
// form is its own). A character written the same both ways keeps its
// probability; one of a single way has half of it.
func withSimplified(uni map[string]float64, simp map[rune][]rune) map[string]float64 {
	grams := slices.Sorted(maps.Keys(uni)) // sums in one order: the same bits every run
	out := map[string]float64{}
	for _, g := range grams {
		p := uni[g]
		out[g] += p / 2
		r := []rune(g)
		forms := simp[r[0]]
		if len(r) != 1 || len(forms) == 0 {
			out[g] += p / 2
			continue
		}
		for _, f := range forms {
			out[string(f)] += p / 2 / float64(len(forms))
		}
	}
	return out
}

// readSimplified reads zh_simplified.txt: traditional character -> its
// simplified forms.
func readSimplified(path string) map[rune][]rune {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	out := map[rune][]rune{}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		t, s, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(t) != 1 {
			log.Fatalf("%s:%d: bad line %q", path, i+1, line)
		}
		for _, f := range strings.Fields(s) {
			if utf8.RuneCountInString(f) != 1 {
				log.Fatalf("%s:%d: bad line %q", path, i+1, line)
			}
			out[[]rune(t)[0]] = append(out[[]rune(t)[0]], []rune(f)[0])
		}
	}
	return out
}

// readModel reads one lingua model: n-gram -> probability. A model lingua
// does not have (zh and ja have unigrams only) is empty.
func readModel(dir, iso, name string) map[string]float64 {
	path := filepath.Join(dir, "language-models", iso, name+".pb.bin.zip")
	zr, err := zip.OpenReader(path)
	if os.IsNotExist(err) {
		return map[string]float64{}
	}
	if err != nil {
		log.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.File[0].Open()
	if err != nil {
		log.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		log.Fatal(err)
	}
	var m serialization.SerializableLanguageModel
	if err := proto.Unmarshal(b, &m); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	out := make(map[string]float64, m.TotalNgrams)
	for _, set := range m.NgramSets {
		for _, g := range set.Ngrams {
			out[g] = set.Probability
		}
	}
	return out
}
