package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestASCIIRun checks the vector loop against asciiRunRef on random text
// of the bytes its rules are about, each at every place of a block.
func TestASCIIRun(t *testing.T) {
	set := newASCIIRunSet(func(c byte) bool { return c < 0x20 && c != '\n' || strings.IndexByte("@/<`\x7F", c) >= 0 })
	alphabet := []string{"a", "b", "w", "W", " ", " ", "\n", ".", ",", ":", "0", "9", "@", "\t", "\x7F", "é", "\u06cc", "z", "A"}
	rng := rand.New(rand.NewPCG(1, 2))
	long, stopped := 0, 0 // calls that stepped over two blocks or more; that stopped short of the end
	for n := range 3000 {
		var b strings.Builder
		// Mostly letters, so that runs are long enough to reach the
		// rare bytes at every place.
		for b.Len() < 40+n%300 {
			if rng.IntN(20) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteByte(byte('a' + rng.IntN(26)))
			}
		}
		s := b.String()
		for i := 1; i < len(s); i += 1 + rng.IntN(7) {
			wk, wlf := asciiRunRef(set, s, i)
			k, lf := asciiRun(set, s, i)
			if hasAVX2 && (k != wk || lf != wlf) || !hasAVX2 && (k != 0 || lf != 0) {
				t.Fatalf("asciiRun(%q, %d) = %d, %d, want %d, %d", s, i, k, lf, wk, wlf)
			}
			if wk >= 64 {
				long++
			}
			if i+wk+33+32 <= len(s) {
				stopped++
			}
		}
	}
	t.Logf("%d calls stepped over two blocks or more, %d stopped early", long, stopped)
	if long < 1000 || stopped < 1000 {
		t.Errorf("the text reaches too few cases: %d long runs, %d early stops", long, stopped)
	}
	if !hasAVX2 {
		t.Log("no AVX2: asciiRun steps over nothing")
	}
}

// TestASCIIRunSet checks the nibble tables: a byte is in the set exactly
// when stop says so.
func TestASCIIRunSet(t *testing.T) {
	stops := []func(byte) bool{
		func(c byte) bool { return c < 0x20 && c != '\n' },
		func(c byte) bool { return strings.IndexByte("@/\\<`!:()[]\",;?", c) >= 0 },
		func(c byte) bool { return c%3 == 0 },
	}
	for k, stop := range stops {
		set := newASCIIRunSet(stop)
		for c := range byte(0x80) {
			if got := set.lo[c&15]&set.hi[c>>4] != 0; got != stop(c) {
				t.Errorf("set %d: byte %#x in set = %v, want %v", k, c, got, stop(c))
			}
		}
	}
}
