package normalize

// An asciiRunSet is what asciiRun needs of a profile's scan, laid out for
// its vector loop: the nibble tables of the ASCII bytes it stops at (byte
// b is one when lo[b&15]&hi[b>>4] != 0, each table twice, for the two
// 16-byte lanes of a 256-bit register) and the constants it compares with.
type asciiRunSet struct {
	lo, hi [32]byte
	// The constants, a byte repeated 32 times each: 0x0F, ' ', '\n', '.',
	// 0x20 (to fold 'W' to 'w'), 'w', '0', 9, ',' and ':'.
	consts [10][32]byte
}

// newASCIIRunSet returns the set of the bytes in stop, which must all be
// ASCII.
func newASCIIRunSet(stop func(c byte) bool) *asciiRunSet {
	s := &asciiRunSet{}
	for c := range byte(0x80) {
		if stop(c) {
			s.lo[c&15] |= 1 << (c >> 4)
		}
	}
	for h := range 8 {
		s.hi[h] = 1 << h
	}
	copy(s.lo[16:], s.lo[:16])
	copy(s.hi[16:], s.hi[:16])
	for i, c := range []byte{0x0F, ' ', '\n', '.', 0x20, 'w', '0', 9, ',', ':'} {
		for j := range s.consts[i] {
			s.consts[i][j] = c
		}
	}
	return s
}

// asciiRunRef is what asciiRun finds, one byte at a time: for the tests,
// and the meaning of asciiRun. A byte of s[i:] is clean when it is ASCII,
// not in the set, and neither a space before a space, a line feed or a
// byte of two bytes or more, nor one after a line feed or such a byte, nor
// a digit after '.', ',', ':' or a byte of two bytes or more, nor a '.'
// after 'w' or 'W'. It returns the bytes of the whole 32-byte blocks from
// s[i] that are clean, each block with the byte after it in s, and the
// end of the last line feed among them (after it, relative to i), 0 if
// none.
func asciiRunRef(set *asciiRunSet, s string, i int) (k, lf int) {
	in := func(c byte) bool { return c >= 0x80 || set.lo[c&15]&set.hi[c>>4] != 0 }
	clean := func(j int) bool {
		c, prev, next := s[j], s[j-1], s[j+1]
		switch {
		case in(c):
			return false
		case c == ' ' && (next == ' ' || next == '\n' || next >= 0x80 || prev == '\n' || prev >= 0x80):
			return false
		case c >= '0' && c <= '9' && (prev == '.' || prev == ',' || prev == ':' || prev >= 0x80):
			return false
		case c == '.' && prev|0x20 == 'w':
			return false
		}
		return true
	}
	for ; i+k+33 <= len(s); k += 32 {
		for j := i + k; j < i+k+32; j++ {
			if !clean(j) {
				return k, lf
			}
		}
		for j := i + k; j < i+k+32; j++ {
			if s[j] == '\n' {
				lf = j - i + 1
			}
		}
	}
	return k, lf
}
