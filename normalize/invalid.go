package normalize

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/internal/utf8tail"
)

// An InvalidPolicy says what becomes of the bytes of a text that are not
// UTF-8: an error at the first (InvalidError, the zero value), U+FFFD for
// each (InvalidReplace) or the bytes as they are (InvalidKeep). Profiles
// keep invalid bytes as they are; a policy decides before them, as the
// textnorm command's --invalid flag does. A *InvalidPolicy is a flag.Value.
//
// A byte is invalid where utf8.DecodeRune decodes it alone as
// utf8.RuneError: each byte of an ill-formed sequence is one invalid byte,
// as for x/text's runes.ReplaceIllFormed.
type InvalidPolicy uint8

const (
	// InvalidError stops at the first invalid byte with an
	// *InvalidUTF8Error that gives its offset.
	InvalidError InvalidPolicy = iota
	// InvalidReplace writes U+FFFD REPLACEMENT CHARACTER for each
	// invalid byte.
	InvalidReplace
	// InvalidKeep passes invalid bytes through unchanged.
	InvalidKeep
)

var invalidPolicyNames = [...]string{"error", "replace", "keep"}

// ParseInvalidPolicy returns the policy named "error", "replace" or "keep"
// (in any case). An unknown name is a *diag.UnknownError of Kind
// "policy".
func ParseInvalidPolicy(name string) (InvalidPolicy, error) {
	i, err := diag.Choose("policy", name, invalidPolicyNames[:])
	return InvalidPolicy(max(i, 0)), err
}

// String returns the policy's name: "error", "replace" or "keep".
func (p InvalidPolicy) String() string {
	if int(p) < len(invalidPolicyNames) {
		return invalidPolicyNames[p]
	}
	return fmt.Sprintf("InvalidPolicy(%d)", uint8(p))
}

// Set sets p to the policy named name (see ParseInvalidPolicy).
func (p *InvalidPolicy) Set(name string) error {
	v, err := ParseInvalidPolicy(name)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Transformer returns a new transformer that applies the policy (see
// UTF8Transformer). Chained before a profile's, it decides what the
// profile sees:
//
//	t := transform.Chain(normalize.InvalidReplace.Transformer(), normalize.Persian.Transformer())
func (p InvalidPolicy) Transformer() transform.Transformer { return NewUTF8Transformer(p) }

// An InvalidUTF8Error is the first invalid byte of a text under
// InvalidError. Offset lets a caller name the place, as diag.PosOf does
// for a text in memory or a diag.Counter over the bytes read so far (the
// text before the byte is passed through unchanged).
type InvalidUTF8Error struct {
	Offset int64 // from the start of the text (the transformer's last Reset)
	Byte   byte
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 (byte %#02x)", e.Byte)
}

// A UTF8Transformer applies an InvalidPolicy to a text, as a
// transform.Transformer in the style of x/text's runes.ReplaceIllFormed:
// valid UTF-8 passes through unchanged, and each invalid byte is an
// *InvalidUTF8Error, a U+FFFD or itself. A rune cut by the end of src is
// waited for (transform.ErrShortSrc) unless atEOF. It keeps the offsets of
// its input and output between calls, so it must not be shared between
// goroutines.
type UTF8Transformer struct {
	policy  InvalidPolicy
	in, out int64
	// OnReplace, when set, is called for each invalid byte that
	// InvalidReplace writes as U+FFFD, with the byte's offset in the
	// input and the offset of its U+FFFD in the output (both since the
	// last Reset): what a caller needs to explain the replacement, or to
	// map offsets of the output back to the input.
	OnReplace func(in, out int64, b byte)
}

// NewUTF8Transformer returns a transformer that applies policy p.
func NewUTF8Transformer(p InvalidPolicy) *UTF8Transformer {
	return &UTF8Transformer{policy: p}
}

// Reset starts a new text: the offsets count from 0 again.
func (t *UTF8Transformer) Reset() { t.in, t.out = 0, 0 }

// Offset returns how many bytes of input the transformer has taken since
// the last Reset.
func (t *UTF8Transformer) Offset() int64 { return t.in }

// Passed takes note of n bytes of valid UTF-8 that the caller passed on
// as they are, around the transformer (a fast path that checked them in
// another way): the offsets it reports count them, as if it had.
func (t *UTF8Transformer) Passed(n int) { t.in, t.out = t.in+int64(n), t.out+int64(n) }

const replacement = "\uFFFD"

// Transform implements transform.Transformer.
func (t *UTF8Transformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	defer func() { t.in, t.out = t.in+int64(nSrc), t.out+int64(nDst) }()
	for nSrc < len(src) {
		// The longest valid run that fits in dst is copied at once; a
		// chunk utf8.Valid passes (nearly every one) is one at once.
		end, room := nSrc, nSrc+len(dst)-nDst
		if lim := min(len(src), room); lim-end >= 64 {
			// The chunk ends where its last rune ends, if it is whole.
			k := end + utf8tail.Whole(src[end:lim])
			if utf8.Valid(src[end:k]) {
				end = k
			}
		}
		for end < len(src) && end < room {
			c := src[end]
			if c < utf8.RuneSelf {
				end++
				continue
			}
			r, size := utf8.DecodeRune(src[end:])
			if r == utf8.RuneError && size == 1 || end+size > room {
				break
			}
			end += size
		}
		nDst += copy(dst[nDst:], src[nSrc:end])
		nSrc = end
		if nSrc == len(src) {
			break
		}
		if r, size := utf8.DecodeRune(src[nSrc:]); r != utf8.RuneError || size != 1 {
			return nDst, nSrc, transform.ErrShortDst // a valid rune that does not fit
		}
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		b := src[nSrc]
		switch t.policy {
		case InvalidReplace:
			if len(dst)-nDst < len(replacement) {
				return nDst, nSrc, transform.ErrShortDst
			}
			if t.OnReplace != nil {
				t.OnReplace(t.in+int64(nSrc), t.out+int64(nDst), b)
			}
			nDst += copy(dst[nDst:], replacement)
		case InvalidKeep:
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = b
			nDst++
		default:
			return nDst, nSrc, &InvalidUTF8Error{Offset: t.in + int64(nSrc), Byte: b}
		}
		nSrc++
	}
	return nDst, nSrc, nil
}
