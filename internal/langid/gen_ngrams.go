//go:build ignore

// gen_ngrams writes ngrams.bin, the compact n-gram model of [NgramScorer],
// from lingua-go's own language models.
//
// For every language of the registry (package language) written in a script
// that statistics decide (Latin, Cyrillic, Devanagari and Arabic) that
// lingua-go has models for (all but Pashto; opt-in Latin too), it reads the
// unigram, bigram,
// trigram and quadrigram models (conditional probabilities P(c | preceding
// chars)), keeps every unigram and bigram, the K3 trigrams and K4
// quadrigrams that are most frequent (by joint probability P(c1)P(c2|c1)...),
// and stores them as one table keyed by n-gram, each key with a posting list
// of (language, quantised -ln P). See ngram.go for the format.
//
// Run with `go generate ./internal/langid/` (or `go run gen_ngrams.go` in
// this directory). Flags choose K3, K4 and the output (-o). The output
// depends only on the flags, the registry and lingua-go's models: the same
// inputs give the same bytes, which TestGeneratedModels checks.
package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/pemistahl/lingua-go"
	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"

	"github.com/textnorm/textnorm/language"
	"github.com/textnorm/textnorm/script"
)

// Keep in step with ngram.go.
const (
	magic      = "TNNG2"
	scale      = 12.0 // quantisation steps per nat
	maxOrder   = 4
	orderNames = "unigrams bigrams trigrams quadrigrams"
)

var (
	k3  = flag.Int("k3", 6000, "trigrams kept per language")
	k4  = flag.Int("k4", 3000, "quadrigrams kept per language")
	out = flag.String("o", "ngrams.bin", "output file")
)

// statScripts are the scripts whose runs the Scorer decides.
var statScripts = []script.Script{script.Latin, script.Cyrillic, script.Devanagari, script.Arabic}

type entry struct {
	lang uint8
	q    uint8
}

func main() {
	flag.Parse()
	dirB, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		log.Fatalf("go list lingua-go: %v", err)
	}
	dir := strings.TrimSpace(string(dirB))

	byCode := map[string]lingua.Language{}
	for _, l := range lingua.AllLanguages() {
		byCode[strings.ToLower(l.IsoCode639_1().String())] = l
	}
	var langs []lingua.Language
	for _, l := range language.All() {
		ll, ok := byCode[l.Code]
		if !ok || !slices.ContainsFunc(statScripts, l.WrittenIn) {
			continue
		}
		langs = append(langs, ll)
	}
	slices.Sort(langs) // lingua's order: the file's language indexes
	if len(langs) > 255 {
		log.Fatal("too many languages")
	}

	table := map[uint64][]entry{}
	kept := make([]int, maxOrder+1)
	for li, l := range langs {
		iso := strings.ToLower(l.IsoCode639_1().String())
		var models [maxOrder + 1]map[string]float64
		for n := 1; n <= maxOrder; n++ {
			models[n] = readModel(dir, iso, strings.Fields(orderNames)[n-1])
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
				table[k] = append(table[k], entry{uint8(li), uint8(q)})
			}
			kept[n] += limit
		}
	}

	keys := make([]uint64, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	var raw bytes.Buffer
	raw.WriteString(magic)
	put := func(v uint64) { raw.Write(binary.AppendUvarint(nil, v)) }
	put(uint64(len(langs)))
	for _, l := range langs {
		iso := strings.ToLower(l.IsoCode639_1().String())
		put(uint64(len(iso)))
		raw.WriteString(iso)
	}
	put(uint64(len(keys)))
	prev := uint64(0)
	npost := 0
	for _, k := range keys {
		put(k - prev)
		prev = k
		es := table[k]
		put(uint64(len(es)))
		for _, e := range es {
			raw.WriteByte(e.lang)
			raw.WriteByte(e.q)
		}
		npost += len(es)
	}

	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(raw.Bytes())
	zw.Close()
	if err := os.WriteFile(*out, z.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d languages, kept per order %v, %d keys, %d postings, %d bytes raw, %d compressed -> %s\n",
		len(langs), kept[1:], len(keys), npost, raw.Len(), z.Len(), *out)
}

// key packs an n-gram of up to four runes, each below U+10000, into 16 bits
// per rune; the first rune takes the highest used field. Letters are never
// U+0000, so n-grams of different lengths never share a key.
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

// readModel reads one lingua model: n-gram -> probability.
func readModel(dir, iso, name string) map[string]float64 {
	path := filepath.Join(dir, "language-models", iso, name+".pb.bin.zip")
	zr, err := zip.OpenReader(path)
	if err != nil {
		log.Printf("%s: %v (skipped)", path, err)
		return map[string]float64{}
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
