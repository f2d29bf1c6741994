package jsonl

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// AppendString appends s to dst as a JSON string literal. It is the one
// JSON string encoder of textnorm: the segment lines of "textnorm tag", the
// lines of "textnorm detect --format jsonl", the fixtures' segment lines and rewritten JSON
// Lines fields all go through it, so that they escape alike and are byte
// for byte reproducible. (A fixture manifest, an indented document, is
// written by encoding/json.)
//
// The output is valid JSON (RFC 8259) for any s: quotes and backslashes are
// escaped, \n, \r and \t by their short escapes and the other control
// characters and DEL as \u00XX; U+2028 and U+2029 are escaped too, since
// JavaScript source does not allow them raw; a byte that is not UTF-8
// becomes \ufffd, as encoding/json writes it. Everything else, non-ASCII
// text included, is written as it is (no HTML escaping), so that text stays
// readable.
func AppendString(dst []byte, s string) []byte { return appendString(dst, s, false) }

// AppendStringKeepInvalid is AppendString, but a byte of s that is not
// UTF-8 is copied as it is rather than written as \ufffd: for a record
// whose other bytes are kept as they are (the textnorm command's
// --invalid=keep). Its output is valid JSON exactly when s is valid UTF-8.
func AppendStringKeepInvalid(dst []byte, s string) []byte { return appendString(dst, s, true) }

func appendString(dst []byte, s string, keepInvalid bool) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '"' || b == '\\':
				dst = append(dst, '\\', b)
			case b == '\n':
				dst = append(dst, '\\', 'n')
			case b == '\r':
				dst = append(dst, '\\', 'r')
			case b == '\t':
				dst = append(dst, '\\', 't')
			case b < 0x20 || b == 0x7F:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			default:
				dst = append(dst, b)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1 && keepInvalid:
			dst = append(dst, b)
		case r == utf8.RuneError && n == 1:
			dst = append(dst, `\ufffd`...)
		case r == 0x2028 || r == 0x2029:
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return append(dst, '"')
}
