package langid

//go:generate go run gen_ngrams.go

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
)

// ngramsTbl is the n-gram table of [NgramScorer], written by gen_ngrams.go
// from lingua-go's models and read in place: nothing is decoded or copied at
// start-up, and a look-up reads a few bytes of it. All integers are
// little-endian, so every platform reads the same numbers.
//
//	header (56 bytes):
//	  0  "TNNT"        magic
//	  4  u16 3         format version
//	  6  u8  nLangs    languages (at most 64: a candidate mask is 64 bits)
//	  7  u8  4         longest n-gram
//	  8  u32 12        quantisation steps per nat
//	 12  u32 provLen   length of the provenance text
//	 16  u32 entLen    length of the entries
//	 20  u32 0         reserved
//	 24  4 × (u32 homes, u32 maxProbe): per order n = 1..4, its number of
//	     home slots and the longest displacement of a key from its home
//	languages: nLangs × 4 bytes, ISO 639-1 codes NUL-padded, ascending;
//	     a language's index is its place here
//	provenance: provLen bytes, what the table was made from (ngramsName)
//	slots: per order n = 1..4, (homes + maxProbe) × 12 bytes: u64 hash
//	     of a key (0: empty), u32 value
//	entries: entLen bytes; an entry is a u64 mask of the languages that
//	     have the n-gram, then one byte q per language of the mask, by
//	     ascending index; entries that are equal are stored once
//
// The value of an n-gram that one or two languages have holds them
// (inline, bit 31 set): bits 0-5 the index of the first language, 6-13 its
// q, and with bit 28 set, bits 14-19 the second (a higher index) and 20-27
// its q. The value of one that more languages have is the offset of its
// entry (bit 31 clear). Three quarters of the n-grams are inline, so a
// look-up of one reads its slot and nothing else.
//
// A key packs an n-gram of 1 to 4 letters, each below U+10000, 16 bits each,
// first letter highest, so no key is 0. A slot holds the key's hash
// h = k × hashMul mod 2^64 (one to one, since hashMul is odd; 0 is an empty
// slot), and h's home slot is the high word of the 128-bit product
// h × homes. Slots are in ascending order of hash, each key at its home or
// just after the key before it: the layout of Robin Hood insertion, with
// the overflow past the last home instead of wrapping around. So a search
// from h's home stops at h, at an empty slot or at a greater hash. The
// generator keeps the tables 80% full: a look-up reads three slots on
// average, in one or two cache lines.
//
// q is round(-ln P × 12), clamped to [0, 255], where P is lingua's
// probability of the n-gram's last letter given the ones before it (of
// the letter itself for unigrams).
//
//go:embed ngrams.tbl
var ngramsTbl []byte

const (
	tblMagic    = "TNNT"
	tblVersion  = 3
	tblHeader   = 24 + 8*ngramOrder
	tblSlotSize = 12
	hashMul     = 0x9E3779B97F4A7C15
	inlineFlag  = 1 << 31 // a value that holds its postings
	inlineTwo   = 1 << 28 // ... two of them
	ngramScale  = 12.0    // quantisation steps per nat; as in gen_ngrams.go
	ngramOrder  = 4       // longest n-gram in the table
)

// ngramTable is a parsed view of a table: slices of its bytes, no copies.
type ngramTable struct {
	nLangs  int
	codes   []byte        // nLangs × 4
	byCode2 [26 * 26]int8 // index+1 of each two-letter code, 0 if none
	prov    []byte
	orders  [ngramOrder + 1]tblOrder // by n; 0 unused
	entries []byte
}

// tblOrder is the hash table of one n-gram order.
type tblOrder struct {
	slots    []byte // (homes + maxProbe) × tblSlotSize
	homes    uint64
	maxProbe uint64
}

// parseTable checks b's header and lays the view over it, with an index
// of the two-letter codes. It allocates nothing.
func parseTable(b []byte) (ngramTable, error) {
	var t ngramTable
	le := binary.LittleEndian
	if len(b) < tblHeader || string(b[:4]) != tblMagic {
		return t, errors.New("langid: n-gram table: bad magic")
	}
	if v := le.Uint16(b[4:]); v != tblVersion {
		return t, fmt.Errorf("langid: n-gram table: format %d, want %d", v, tblVersion)
	}
	t.nLangs = int(b[6])
	if t.nLangs > 64 || int(b[7]) != ngramOrder || le.Uint32(b[8:]) != ngramScale {
		return t, errors.New("langid: n-gram table: bad header")
	}
	provLen, entLen := uint64(le.Uint32(b[12:])), uint64(le.Uint32(b[16:]))
	size := uint64(tblHeader) + 4*uint64(t.nLangs) + provLen
	for n := 1; n <= ngramOrder; n++ {
		o := &t.orders[n]
		o.homes = uint64(le.Uint32(b[24+8*(n-1):]))
		o.maxProbe = uint64(le.Uint32(b[28+8*(n-1):]))
		if o.homes == 0 {
			return t, errors.New("langid: n-gram table: no slots")
		}
		size += (o.homes + o.maxProbe) * tblSlotSize
	}
	if size+entLen != uint64(len(b)) {
		return t, fmt.Errorf("langid: n-gram table: %d bytes, header says %d", len(b), size+entLen)
	}
	p := tblHeader
	t.codes = b[p : p+4*t.nLangs]
	p += 4 * t.nLangs
	t.prov = b[p : p+int(provLen)]
	p += int(provLen)
	for n := 1; n <= ngramOrder; n++ {
		o := &t.orders[n]
		l := int(o.homes+o.maxProbe) * tblSlotSize
		o.slots = b[p : p+l]
		p += l
	}
	t.entries = b[p:]
	for li := range t.nLangs {
		c := t.codes[4*li:]
		if li > 0 && binary.BigEndian.Uint32(c) <= binary.BigEndian.Uint32(t.codes[4*li-4:]) {
			return t, errors.New("langid: n-gram table: languages not sorted")
		}
		if k := code2Slot(c[0], c[1]); k >= 0 && c[2] == 0 {
			t.byCode2[k] = int8(li + 1)
		}
	}
	return t, nil
}

// code2Slot returns the place of the two-letter code ab in a [26 * 26]
// index of codes, or -1 if ab is not two lower-case ASCII letters.
func code2Slot(a, b byte) int {
	if 'a' <= a && a <= 'z' && 'a' <= b && b <= 'z' {
		return int(a-'a')*26 + int(b-'a')
	}
	return -1
}

// langIndex returns the index of language code in t, or -1. The codes are
// sorted, and compared as big-endian numbers, NUL-padded.
func (t *ngramTable) langIndex(code string) int {
	if len(code) == 2 {
		if k := code2Slot(code[0], code[1]); k >= 0 {
			return int(t.byCode2[k]) - 1
		}
	}
	if len(code) == 0 || len(code) > 4 {
		return -1
	}
	var c uint32
	for i := range 4 {
		c <<= 8
		if i < len(code) {
			c |= uint32(code[i])
		}
	}
	lo, hi := 0, t.nLangs
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.BigEndian.Uint32(t.codes[4*m:]) < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < t.nLangs && binary.BigEndian.Uint32(t.codes[4*lo:]) == c {
		return lo
	}
	return -1
}

// code returns the code of language index li.
func (t *ngramTable) code(li int) string {
	c := t.codes[4*li : 4*li+4]
	n := 4
	for n > 0 && c[n-1] == 0 {
		n--
	}
	return string(c[:n])
}

// lookup returns the value of key k, an n-gram of n letters (see
// ngramsTbl), and whether the table has it.
func (t *ngramTable) lookup(n int, k uint64) (uint32, bool) {
	o := &t.orders[n]
	h := k * hashMul
	home, _ := bits.Mul64(h, o.homes)
	for i := home; i <= home+o.maxProbe; i++ {
		s := o.slots[i*tblSlotSize : i*tblSlotSize+tblSlotSize]
		sh := binary.LittleEndian.Uint64(s)
		if sh == h {
			return binary.LittleEndian.Uint32(s[8:]), true
		}
		if sh == 0 || sh > h {
			break
		}
	}
	return 0, false
}

// entry returns the language mask and the q bytes of the entry at off.
func (t *ngramTable) entry(off uint32) (uint64, []byte) {
	e := t.entries[off:]
	mask := binary.LittleEndian.Uint64(e)
	return mask, e[8 : 8+bits.OnesCount64(mask)]
}

var (
	defaultTable    ngramTable
	defaultTableErr error
)

func init() {
	defaultTable, defaultTableErr = parseTable(ngramsTbl)
	if defaultTableErr == nil && string(defaultTable.prov) != ngramsName {
		defaultTableErr = errors.New("langid: n-gram table: provenance differs from ngrams_model.go; run go generate ./internal/langid")
	}
}

// ModelInfo identifies the embedded n-gram table of [NgramScorer], the
// default engine's statistics, for a manifest of results: name says what
// gen_ngrams.go made it from (the table format, lingua-go's version, the
// trigrams and quadrigrams kept per language and the number of languages)
// and sha256 is the hex SHA-256 of its bytes. Tables with the same sha256
// give the same scores on every platform.
func ModelInfo() (name, sha256 string) { return ngramsName, ngramsSHA256 }

// ModelSize returns the size in bytes of the embedded n-gram table.
func ModelSize() int { return len(ngramsTbl) }
