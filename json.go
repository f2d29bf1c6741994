package textnorm

import (
	"strconv"
	"strings"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/jsonl"
)

// SchemaVersion is the version of the JSON Lines segment format, written as
// the "v" key of every line. It changes when a key changes meaning or goes
// away; new keys may be added without a change.
const SchemaVersion = 1

// Offsets selects the offsets written beside the byte offsets. Its names
// are those of the textnorm command's --offsets flag: "byte" (always
// written), "rune" and "utf16". An *Offsets is a flag.Value that reads a
// comma-separated list of them.
type Offsets uint8

const (
	// RuneOffsets writes rune_start and rune_end, in code points.
	RuneOffsets Offsets = 1 << iota
	// UTF16Offsets writes u16_start and u16_end, in UTF-16 code units.
	UTF16Offsets
)

var offsetNames = []string{"byte", "rune", "utf16"}

// offsetUnits are the Offsets of offsetNames: byte offsets are always written.
var offsetUnits = []Offsets{0, RuneOffsets, UTF16Offsets}

// ParseOffsets reads a comma-separated list of offset units: "byte",
// "rune" and "utf16", such as "byte,rune,utf16"; byte offsets are always
// written, so "byte" and "" are 0. An unknown unit is a *diag.UnknownError
// of Kind "offset".
func ParseOffsets(list string) (Offsets, error) {
	var o Offsets
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		i, err := diag.Choose("offset", name, offsetNames)
		if err != nil {
			return 0, err
		}
		o |= offsetUnits[i]
	}
	return o, nil
}

// String returns the units of o as ParseOffsets reads them: "byte",
// "byte,rune", "byte,utf16" or "byte,rune,utf16".
func (o Offsets) String() string {
	s := "byte"
	if o&RuneOffsets != 0 {
		s += ",rune"
	}
	if o&UTF16Offsets != 0 {
		s += ",utf16"
	}
	return s
}

// Set adds the units of a comma-separated list (see ParseOffsets) to o.
func (o *Offsets) Set(list string) error {
	v, err := ParseOffsets(list)
	if err != nil {
		return err
	}
	*o |= v
	return nil
}

// A JSONLine holds what a JSON Lines record says besides the segment.
type JSONLine struct {
	File    string // the input's name; not written when empty
	Line    int    // the 1-based line (or record) number; not written when 0
	Offsets Offsets
	// ID, when not nil, is written as "id": the JSON value of a record's
	// id field (the command's --id), so that segments join back to their
	// records.
	ID []byte
	// Input, when not nil, maps a byte offset of the text to the input's,
	// for text decoded from another encoding (see InputOffsets): start
	// and end are written as it says. Code point and UTF-16 offsets
	// count in the text.
	Input func(off int) int
}

// byteOffset returns off as l writes it: an offset of the input.
func (l JSONLine) byteOffset(off int) int {
	if l.Input == nil {
		return off
	}
	return l.Input(off)
}

// AppendJSON appends the JSON object of segment s to dst, without a
// newline. Keys come in a fixed order: v, file, line, id, start, end, text,
// script, lang, tag, dir, conf, norm, then rune_start, rune_end, u16_start,
// u16_end when asked for. conf has four decimals; strings are UTF-8 with
// only the escapes JSON requires (and U+2028, U+2029), so that output is
// byte for byte reproducible, and valid JSON whatever the file name and
// the text: a byte that is not UTF-8 is written as \ufffd.
func AppendJSON(dst []byte, s Segment, l JSONLine) []byte {
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, SchemaVersion, 10)
	if l.File != "" {
		dst = append(dst, `,"file":`...)
		dst = jsonl.AppendString(dst, l.File)
	}
	if l.Line > 0 {
		dst = append(dst, `,"line":`...)
		dst = strconv.AppendInt(dst, int64(l.Line), 10)
	}
	if l.ID != nil {
		dst = append(dst, `,"id":`...)
		dst = append(dst, l.ID...)
	}
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(l.byteOffset(s.Start)), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(l.byteOffset(s.End)), 10)
	dst = append(dst, `,"text":`...)
	dst = jsonl.AppendString(dst, s.Text)
	dst = append(dst, `,"script":`...)
	dst = jsonl.AppendString(dst, s.Script.String())
	dst = append(dst, `,"lang":`...)
	dst = jsonl.AppendString(dst, s.Lang)
	dst = append(dst, `,"tag":`...)
	dst = jsonl.AppendString(dst, s.Tag())
	dst = append(dst, `,"dir":`...)
	dst = jsonl.AppendString(dst, s.Dir.String())
	dst = append(dst, `,"conf":`...)
	dst = strconv.AppendFloat(dst, s.Conf, 'f', 4, 64)
	dst = append(dst, `,"norm":`...)
	dst = jsonl.AppendString(dst, s.Norm)
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
