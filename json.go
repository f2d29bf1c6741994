package textnorm

import (
	"strconv"
	"unicode/utf8"
)

// SchemaVersion is the version of the JSON Lines segment format, written as
// the "v" key of every line. It changes when a key changes meaning or goes
// away; new keys may be added without a change.
const SchemaVersion = 1

// Offsets selects the offsets written beside the byte offsets.
type Offsets uint8

const (
	// RuneOffsets writes rune_start and rune_end, in code points.
	RuneOffsets Offsets = 1 << iota
	// UTF16Offsets writes u16_start and u16_end, in UTF-16 code units.
	UTF16Offsets
)

// A JSONLine holds what a JSON Lines record says besides the segment.
type JSONLine struct {
	File    string // the input's name; not written when empty
	Line    int    // the 1-based line (or record) number; not written when 0
	Offsets Offsets
}

// AppendJSON appends the JSON object of segment s to dst, without a
// newline. Keys come in a fixed order: v, file, line, start, end, text,
// script, lang, tag, dir, conf, norm, then rune_start, rune_end, u16_start,
// u16_end when asked for. conf has four decimals; strings are UTF-8 with
// only the escapes JSON requires (and U+2028, U+2029), so that output is
// byte for byte reproducible.
func AppendJSON(dst []byte, s Segment, l JSONLine) []byte {
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, SchemaVersion, 10)
	if l.File != "" {
		dst = append(dst, `,"file":`...)
		dst = appendJSONString(dst, l.File)
	}
	if l.Line > 0 {
		dst = append(dst, `,"line":`...)
		dst = strconv.AppendInt(dst, int64(l.Line), 10)
	}
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(s.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(s.End), 10)
	dst = append(dst, `,"text":`...)
	dst = appendJSONString(dst, s.Text)
	dst = append(dst, `,"script":`...)
	dst = appendJSONString(dst, s.Script.String())
	dst = append(dst, `,"lang":`...)
	dst = appendJSONString(dst, s.Lang)
	dst = append(dst, `,"tag":`...)
	dst = appendJSONString(dst, s.Tag())
	dst = append(dst, `,"dir":`...)
	dst = appendJSONString(dst, s.Dir.String())
	dst = append(dst, `,"conf":`...)
	dst = strconv.AppendFloat(dst, s.Conf, 'f', 4, 64)
	dst = append(dst, `,"norm":`...)
	dst = appendJSONString(dst, s.Norm)
	if l.Offsets&RuneOffsets != 0 {
		dst = append(dst, `,"rune_start":`...)
		dst = strconv.AppendInt(dst, int64(s.RuneStart), 10)
		dst = append(dst, `,"rune_end":`...)
		dst = strconv.AppendInt(dst, int64(s.RuneEnd), 10)
	}
	if l.Offsets&UTF16Offsets != 0 {
		dst = append(dst, `,"u16_start":`...)
		dst = strconv.AppendInt(dst, int64(s.U16Start), 10)
		dst = append(dst, `,"u16_end":`...)
		dst = strconv.AppendInt(dst, int64(s.U16End), 10)
	}
	return append(dst, '}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as encoding/json does.
func appendJSONString(dst []byte, s string) []byte {
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
