//go:build ignore

// gen_tables generates tables.go, the Script, Script_Extensions and
// direction tables of package script, from the Unicode Character Database
// files committed under ../testdata/ucd (Scripts.txt, ScriptExtensions.txt
// and PropertyValueAliases.txt), and from golang.org/x/text: the
// Bidi_Paired_Bracket property and the strong Bidi_Class values (L, R, AL)
// of golang.org/x/text/unicode/bidi, the names of golang.org/x/text/unicode/runenames.
// Package script itself then needs nothing but the standard library.
//
// Run it with "go generate" in the script directory.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/runenames"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

var (
	ucdDir = flag.String("ucd", "../testdata/ucd", "directory holding the Unicode Character Database files")
	output = flag.String("output", "tables.go", "file to write")
)

const (
	unicodeVersion = "15.0.0"
	maxRune        = 0x10FFFF
	blockShift     = 7 // block size of the two-stage table: 128 code points
)

// Kinds of characters that the run segmenter treats specially; they must
// match the constants in script.go.
const (
	kindOpen      = 1 << iota // opens a pair; closes one first if it can
	kindClose                 // closes a pair
	kindLineBreak             // a mandatory line break
)

// quotePairs are the quotation marks paired by the run segmenter in
// addition to the Bidi_Paired_Bracket pairs; see runs.go.
// An opening mark may have several closing ones, and a mark may both open
// and close.
var quotePairs = [][2]rune{
	{'"', '"'},       // " " (symmetric)
	{0x00AB, 0x00BB}, // « »
	{0x00BB, 0x00AB}, // » « (German, Danish...)
	{0x2018, 0x2019}, // ‘ ’
	{0x201A, 0x2018}, // ‚ ‘ (German, Czech...)
	{0x201A, 0x2019}, // ‚ ’ (Polish, Hungarian...)
	{0x201C, 0x201D}, // “ ”
	{0x201E, 0x201C}, // „ “ (German, Czech...)
	{0x201E, 0x201D}, // „ ” (Polish, Hungarian...)
	{0x2039, 0x203A}, // ‹ ›
	{0x203A, 0x2039}, // › ‹ (German, Danish...)
	{0x301D, 0x301E}, // 〝 〞
	{0x301D, 0x301F}, // 〝 〟
	{0xFF02, 0xFF02}, // ＂ ＂ (symmetric)
}

// lineBreaks are the mandatory line breaks of UAX #14 (BK, CR, LF, NL).
var lineBreaks = []rune{'\n', '\v', '\f', '\r', 0x0085, 0x2028, 0x2029}

type script struct {
	code, name string
	ident      string // Go identifier of the constant
}

// props is the value of one code point in the generated trie.
type props struct {
	script uint8
	scx    uint8 // index into scxSets; 0 for none
	kind   uint8
}

func main() {
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen_tables: ")

	scripts := parseAliases(filepath.Join(*ucdDir, "PropertyValueAliases.txt"))
	index := map[string]int{}
	for i, s := range scripts {
		index[s.code] = i
		index[s.name] = i
	}

	// Script of every code point; Unknown (0) by default.
	sc := make([]uint8, maxRune+1)
	parseUCD(filepath.Join(*ucdDir, "Scripts.txt"), func(lo, hi rune, fields []string) {
		i, ok := index[fields[0]]
		if !ok {
			log.Fatalf("Scripts.txt: unknown script %q", fields[0])
		}
		for r := lo; r <= hi; r++ {
			sc[r] = uint8(i)
		}
	})

	// Script_Extensions sets, in order of first appearance; set 0 is the
	// empty set meaning "same as Script".
	sets := [][]uint8{nil}
	setIndex := map[string]uint8{}
	scx := make([]uint8, maxRune+1)
	parseUCD(filepath.Join(*ucdDir, "ScriptExtensions.txt"), func(lo, hi rune, fields []string) {
		key := fields[0]
		id, ok := setIndex[key]
		if !ok {
			var set []uint8
			for _, code := range strings.Fields(key) {
				i, ok := index[code]
				if !ok {
					log.Fatalf("ScriptExtensions.txt: unknown script %q", code)
				}
				set = append(set, uint8(i))
			}
			id = uint8(len(sets))
			sets = append(sets, set)
			setIndex[key] = id
		}
		for r := lo; r <= hi; r++ {
			scx[r] = id
		}
	})

	// Only pairs of Common characters matter to the run segmenter: the
	// brackets of Tibetan and Ogham belong to their script.
	var pairs [][2]rune
	for _, p := range append(bracketPairs(), quotePairs...) {
		if scripts[sc[p[0]]].code == "Zyyy" && scripts[sc[p[1]]].code == "Zyyy" {
			pairs = append(pairs, p)
		}
	}
	slices.SortFunc(pairs, func(a, b [2]rune) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	kind := make([]uint8, maxRune+1)
	for _, p := range pairs {
		kind[p[0]] |= kindOpen
		kind[p[1]] |= kindClose
	}
	for _, r := range lineBreaks {
		if scripts[sc[r]].code != "Zyyy" {
			log.Fatalf("line break %U is not Common", r)
		}
		kind[r] = kindLineBreak
	}

	// Trie values: the first len(scripts) values are the plain scripts;
	// the others are combinations with an extension set or a kind.
	values := make([]props, len(scripts))
	for i := range values {
		values[i] = props{script: uint8(i)}
	}
	valueIndex := map[props]uint8{}
	for i, v := range values {
		valueIndex[v] = uint8(i)
	}
	trie := make([]uint8, maxRune+1)
	for r := range trie {
		p := props{sc[r], scx[r], kind[r]}
		v, ok := valueIndex[p]
		if !ok {
			if len(values) == 256 {
				log.Fatal("more than 256 distinct trie values")
			}
			v = uint8(len(values))
			values = append(values, p)
			valueIndex[p] = v
		}
		trie[r] = v
	}

	// Two-stage table: blocks of 1<<blockShift values, deduplicated; the
	// last non-Unknown block ends the table and lookup returns Unknown
	// beyond it.
	last := maxRune
	for last >= 0 && trie[last] == 0 {
		last--
	}
	const blockSize = 1 << blockShift
	nblocks := last>>blockShift + 1
	var blocks []uint8
	blockIndex := map[string]int{}
	var stage1 []int
	for b := range nblocks {
		blk := trie[b*blockSize : (b+1)*blockSize]
		i, ok := blockIndex[string(blk)]
		if !ok {
			i = len(blocks) / blockSize
			blocks = append(blocks, blk...)
			blockIndex[string(blk)] = i
		}
		stage1 = append(stage1, i)
	}
	log.Printf("%d scripts, %d extension sets, %d trie values, %d stage-1 entries, %d blocks of %d (%d bytes)",
		len(scripts), len(sets)-1, len(values), len(stage1), len(blocks)/blockSize, blockSize, len(stage1)*2+len(blocks))

	// Strong direction of every code point, as x/text's bidi gives it
	// (unassigned code points get their block's default class).
	dirs := make([]uint8, maxRune+1)
	for r := range dirs {
		p, _ := bidi.LookupRune(rune(r))
		switch p.Class() {
		case bidi.L:
			dirs[r] = dirLTR
		case bidi.R, bidi.AL:
			dirs[r] = dirRTL
		}
	}
	// Four code points a byte, two bits each.
	packed := make([]uint8, (maxRune+1+3)/4)
	for r, d := range dirs {
		packed[r/4] |= d << (2 * (r % 4))
	}
	dirLast := len(packed) - 1
	for dirLast > 0 && packed[dirLast] == packed[len(packed)-1] {
		dirLast--
	}
	dirStage1, dirBlocks := twoStage(packed[:dirLast+1], dirBlockShift)
	dirTail := packed[len(packed)-1]
	log.Printf("direction: %d stage-1 entries, %d blocks of %d bytes", len(dirStage1), len(dirBlocks)>>dirBlockShift, 1<<dirBlockShift)

	var w bytes.Buffer
	fmt.Fprintf(&w, "// Code generated by \"go run gen_tables.go\"; DO NOT EDIT.\n\n")
	fmt.Fprintf(&w, "// Generated from the Unicode %s files Scripts.txt, ScriptExtensions.txt and\n", unicodeVersion)
	fmt.Fprintf(&w, "// PropertyValueAliases.txt in testdata/ucd, and from the Bidi_Paired_Bracket\n")
	fmt.Fprintf(&w, "// property of golang.org/x/text/unicode/bidi %s.\n\n", bidi.UnicodeVersion)
	fmt.Fprintf(&w, "package script\n\n")
	fmt.Fprintf(&w, "// UnicodeVersion is the version of the Unicode Character Database from\n// which the script tables of this package are generated.\n")
	fmt.Fprintf(&w, "const UnicodeVersion = %q\n\n", unicodeVersion)

	fmt.Fprintf(&w, "// The scripts of the Unicode Script property, Unknown (Zzzz) first so that\n")
	fmt.Fprintf(&w, "// it is the zero value, then the ISO 15924 aliases Japanese and Korean.\n")
	fmt.Fprintf(&w, "const (\n")
	for i, s := range scripts {
		fmt.Fprintf(&w, "\t%s", s.ident)
		if i == 0 {
			fmt.Fprintf(&w, " Script = iota")
		}
		fmt.Fprintf(&w, " // %s\n", s.code)
	}
	fmt.Fprintf(&w, ")\n\n")
	fmt.Fprintf(&w, "// numScripts is the number of Script values.\nconst numScripts = %d\n\n", len(scripts))

	fmt.Fprintf(&w, "// scriptCodes holds the ISO 15924 code of every script.\n")
	fmt.Fprintf(&w, "var scriptCodes = [numScripts]string{\n")
	for _, s := range scripts {
		fmt.Fprintf(&w, "\t%s: %q,\n", s.ident, s.code)
	}
	fmt.Fprintf(&w, "}\n\n")
	fmt.Fprintf(&w, "// scriptNames holds the long Script property value alias of every script.\n")
	fmt.Fprintf(&w, "var scriptNames = [numScripts]string{\n")
	for _, s := range scripts {
		fmt.Fprintf(&w, "\t%s: %q,\n", s.ident, s.name)
	}
	fmt.Fprintf(&w, "}\n\n")

	fmt.Fprintf(&w, "// scxData holds every script once, in order, which makes the one-element\n")
	fmt.Fprintf(&w, "// sets, then the Script_Extensions sets, each sorted by code as in\n")
	fmt.Fprintf(&w, "// ScriptExtensions.txt.\nvar scxData = [...]Script{\n")
	for i, s := range scripts {
		if i%8 == 0 {
			fmt.Fprintf(&w, "\n\t")
		}
		fmt.Fprintf(&w, "%s, ", s.ident)
	}
	fmt.Fprintf(&w, "\n\n")
	var offsets [][2]int
	n := len(scripts)
	for _, set := range sets[1:] {
		fmt.Fprintf(&w, "\t")
		for _, s := range set {
			fmt.Fprintf(&w, "%s, ", scripts[s].ident)
		}
		fmt.Fprintf(&w, "\n")
		offsets = append(offsets, [2]int{n, n + len(set)})
		n += len(set)
	}
	fmt.Fprintf(&w, "}\n\n")
	fmt.Fprintf(&w, "// scxSets holds the bounds of each Script_Extensions set in scxData; set 0\n")
	fmt.Fprintf(&w, "// is unused and stands for the one-element set of the Script property.\n")
	fmt.Fprintf(&w, "var scxSets = [...][2]uint16{\n\t{0, 0},\n")
	for _, o := range offsets {
		fmt.Fprintf(&w, "\t{%d, %d},\n", o[0], o[1])
	}
	fmt.Fprintf(&w, "}\n\n")

	fmt.Fprintf(&w, "// charProps holds the properties of the characters of each trie value:\n")
	fmt.Fprintf(&w, "// Script, Script_Extensions set and kind. Value v < numScripts is Script(v).\n")
	fmt.Fprintf(&w, "var charProps = [256]props{\n")
	for i, v := range values {
		fmt.Fprintf(&w, "\t%d: {%s, %d, %s},\n", i, scripts[v.script].ident, v.scx, kindName(v.kind))
	}
	fmt.Fprintf(&w, "}\n\n")

	fmt.Fprintf(&w, "// pairs lists the opening and closing marks of the Bidi_Paired_Bracket\n")
	fmt.Fprintf(&w, "// pairs and of common quotation marks, sorted.\nvar pairs = [...][2]rune{\n")
	for _, p := range pairs {
		fmt.Fprintf(&w, "\t{%#04x, %#04x}, // %c %c\n", p[0], p[1], p[0], p[1])
	}
	fmt.Fprintf(&w, "}\n\n")

	fmt.Fprintf(&w, "// Two-stage lookup table of the trie values: the value of r < trieEnd is\n")
	fmt.Fprintf(&w, "// trieBlocks[int(trieIndex[r>>trieShift])<<trieShift | int(r&trieMask)].\n")
	fmt.Fprintf(&w, "const (\n\ttrieShift = %d\n\ttrieMask  = 1<<trieShift - 1\n\ttrieEnd   = %#x\n)\n\n", blockShift, nblocks<<blockShift)
	idxType := "uint8"
	if len(blocks)/blockSize > 256 {
		idxType = "uint16"
	}
	fmt.Fprintf(&w, "var trieIndex = [%d]%s{", len(stage1), idxType)
	for i, v := range stage1 {
		if i%16 == 0 {
			fmt.Fprintf(&w, "\n\t")
		}
		fmt.Fprintf(&w, "%d, ", v)
	}
	fmt.Fprintf(&w, "\n}\n\n")
	fmt.Fprintf(&w, "var trieBlocks = [%d]uint8{", len(blocks))
	for i, v := range blocks {
		if i%blockSize == 0 {
			fmt.Fprintf(&w, "\n\t// block %#x", i/blockSize)
		}
		if i%32 == 0 {
			fmt.Fprintf(&w, "\n\t")
		}
		fmt.Fprintf(&w, "%d, ", v)
	}
	fmt.Fprintf(&w, "\n}\n\n")

	fmt.Fprintf(&w, "// Two-stage table of the strong direction of every code point (dirNone,\n")
	fmt.Fprintf(&w, "// dirLTR for Bidi_Class L, dirRTL for R and AL), two bits each, four to a\n")
	fmt.Fprintf(&w, "// byte: code point r is at bits 2*(r%%4) of byte i = r/4, which is\n")
	fmt.Fprintf(&w, "// dirBlocks[int(dirIndex[i>>dirShift])<<dirShift | i&dirMask] for i < dirEnd,\n")
	fmt.Fprintf(&w, "// dirTail beyond.\n")
	fmt.Fprintf(&w, "const (\n\tdirShift = %d\n\tdirMask  = 1<<dirShift - 1\n\tdirEnd   = %#x\n\tdirTail  = %#x\n)\n\n", dirBlockShift, dirLast+1, dirTail)
	writeBytes(&w, "dirIndex", dirStage1, 16)
	writeBytes(&w, "dirBlocks", dirBlocks, 16)

	src, err := format.Source(w.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*output, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// The strong directions in the direction table; they must match the
// constants in direction.go.
const (
	dirNone = iota
	dirLTR
	dirRTL
)

// dirBlockShift is the block size of the two-stage direction table:
// 64 bytes, 256 code points.
const dirBlockShift = 6

// twoStage splits data into blocks of 1<<shift bytes (the last one padded
// with zeros), deduplicates them, and returns the block number of each
// block of data and the distinct blocks.
func twoStage(data []uint8, shift int) (stage1, blocks []uint8) {
	size := 1 << shift
	index := map[string]int{}
	for start := 0; start < len(data); start += size {
		blk := make([]uint8, size)
		copy(blk, data[start:min(start+size, len(data))])
		i, ok := index[string(blk)]
		if !ok {
			i = len(blocks) / size
			if i > 255 {
				log.Fatal("more than 256 distinct blocks")
			}
			blocks = append(blocks, blk...)
			index[string(blk)] = i
		}
		stage1 = append(stage1, uint8(i))
	}
	return stage1, blocks
}

// writeBytes writes a Go array of bytes named name.
func writeBytes(w *bytes.Buffer, name string, data []uint8, perLine int) {
	fmt.Fprintf(w, "var %s = [%d]uint8{", name, len(data))
	for i, v := range data {
		if i%perLine == 0 {
			fmt.Fprintf(w, "\n\t")
		}
		fmt.Fprintf(w, "%#02x, ", v)
	}
	fmt.Fprintf(w, "\n}\n\n")
}

func kindName(k uint8) string {
	switch k {
	case 0:
		return "0"
	case kindOpen:
		return "kindOpen"
	case kindClose:
		return "kindClose"
	case kindOpen | kindClose:
		return "kindOpen | kindClose"
	case kindLineBreak:
		return "kindLineBreak"
	}
	panic("bad kind")
}

// parseAliases returns the scripts of the sc entries of
// PropertyValueAliases.txt: Unknown, Common and Inherited first, then the
// others in the order of the file (by ISO 15924 code), then Japanese and
// Korean.
func parseAliases(path string) []script {
	scripts := []script{
		{code: "Zzzz"}, {code: "Zyyy"}, {code: "Zinh"},
	}
	var names = map[string]string{}
	parseLines(path, func(fields []string) {
		if fields[0] != "sc" {
			return
		}
		code, name := fields[1], fields[2]
		names[code] = name
		if code != "Zzzz" && code != "Zyyy" && code != "Zinh" {
			scripts = append(scripts, script{code: code})
		}
	})
	for i := range scripts {
		s := &scripts[i]
		s.name = names[s.code]
		if s.name == "" {
			log.Fatalf("no name for script %s", s.code)
		}
		s.ident = strings.ReplaceAll(s.name, "_", "")
	}
	return append(scripts,
		script{"Jpan", "Japanese (alias for Han + Hiragana + Katakana)", "Japanese"},
		script{"Kore", "Korean (alias for Hangul + Han)", "Korean"},
	)
}

// parseUCD calls f for each data line of a file in the format of
// Scripts.txt, with the code point range of the first field and the
// other fields.
func parseUCD(path string, f func(lo, hi rune, fields []string)) {
	parseLines(path, func(fields []string) {
		lo, hi, ok := strings.Cut(fields[0], "..")
		if !ok {
			hi = lo
		}
		f(parseRune(lo), parseRune(hi), fields[1:])
	})
}

func parseRune(s string) rune {
	r, err := strconv.ParseUint(s, 16, 32)
	if err != nil || r > maxRune {
		log.Fatalf("bad code point %q", s)
	}
	return rune(r)
}

// parseLines calls f with the trimmed ';'-separated fields of each
// non-comment line of a UCD file.
func parseLines(path string, f func(fields []string)) {
	file, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer file.Close()
	s := bufio.NewScanner(file)
	for s.Scan() {
		line, _, _ := strings.Cut(s.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, ";")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		f(fields)
	}
	if err := s.Err(); err != nil {
		log.Fatal(err)
	}
}

// bracketPairs returns the Bidi_Paired_Bracket pairs (opening, closing)
// of golang.org/x/text/unicode/bidi. The package tells which runes are
// opening and closing brackets but does not export the pairing, so this
// pairs brackets by name, as BidiBrackets.txt does (LEFT PARENTHESIS with
// RIGHT PARENTHESIS), and checks that the pairing is one-to-one.
func bracketPairs() [][2]rune {
	closing := map[string]rune{}
	var opening []rune
	for r := rune(0); r <= maxRune; r++ {
		p, _ := bidi.LookupRune(r)
		switch {
		case !p.IsBracket():
		case p.IsOpeningBracket():
			opening = append(opening, r)
		default:
			closing[runenames.Name(r)] = r
		}
	}
	pairName := strings.NewReplacer(
		"LEFT", "RIGHT",
		"LESS-THAN", "GREATER-THAN", // mirrored: LEFT ARC LESS-THAN BRACKET
		"GREATER-THAN", "LESS-THAN",
		"GYON", "GYAS", // TIBETAN MARK GUG RTAGS GYON, ANG KHANG GYON
		"FEATHER MARK", "REVERSED FEATHER MARK", // OGHAM
	)
	var pairs [][2]rune
	for _, o := range opening {
		c, ok := closing[pairName.Replace(runenames.Name(o))]
		if !ok {
			log.Fatalf("no closing bracket for %U %s", o, runenames.Name(o))
		}
		pairs = append(pairs, [2]rune{o, c})
		delete(closing, runenames.Name(c))
	}
	if len(closing) != 0 || len(pairs) != 64 {
		log.Fatalf("found %d bracket pairs, want 64; unpaired: %v", len(pairs), closing)
	}
	return pairs
}
