// Package utf8tail finds where a buffer's last whole code point ends: the
// one home of the check that a reader or transformer makes before it
// hands on a buffer whose end may cut a code point in two.
package utf8tail

import "unicode/utf8"

// Whole returns the length of b without the code point its end may cut:
// the start of a sequence of up to three bytes that is not yet whole.
// Invalid bytes count as whole (one byte each); only more bytes can
// complete what is cut.
func Whole(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}
