package jsonl

import (
	"encoding/base64"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/normalize"
)

// An ErrorMode says where the error of a bad record goes (a record that
// is not JSON, lacks the field, has another type there, or with
// Scanner.RejectInvalidUTF8 has a byte that is not UTF-8). A *ErrorMode
// is a flag.Value: the textnorm command's --errors.
type ErrorMode uint8

const (
	// ErrorsStderr, the zero value, reports each error apart from the
	// output (the textnorm command writes it to standard error and exits
	// 2); the output has the record as it was (normalize) or nothing for
	// it (tag, detect).
	ErrorsStderr ErrorMode = iota
	// ErrorsInline writes each error in the output, in the record's
	// place: the line of Record.AppendError, which holds the record's
	// bytes. No error is reported apart, so that a filter's output alone
	// says everything (Spark's RDD.pipe, Hadoop Streaming).
	ErrorsInline
)

var errorModeNames = []string{"stderr", "inline"}

// ParseErrorMode returns the mode named "stderr" or "inline" (in any
// case). An unknown name is a *diag.UnknownError of Kind "error mode".
func ParseErrorMode(name string) (ErrorMode, error) {
	i, err := diag.Choose("error mode", name, errorModeNames)
	return ErrorMode(max(i, 0)), err
}

// String returns the mode's name.
func (m ErrorMode) String() string {
	if int(m) < len(errorModeNames) {
		return errorModeNames[m]
	}
	return "ErrorMode(" + strconv.Itoa(int(m)) + ")"
}

// Set sets m to the mode named name (see ParseErrorMode).
func (m *ErrorMode) Set(name string) error {
	v, err := ParseErrorMode(name)
	if err == nil {
		*m = v
	}
	return err
}

// ErrorKey is the one top-level key of the line of Record.AppendError:
// a name of textnorm's, so that it never collides with a key of the
// records (as Spark's JSON reader puts a bad record in its own column,
// _corrupt_record). A reader tells an error line by it:
// df.where("textnorm_error IS NULL") keeps the records.
const ErrorKey = "textnorm_error"

// errorVersion is the "v" of an error line (schema/error.v1.schema.json).
const errorVersion = 1

// AppendError appends to dst the in-band error line of a bad record (its
// Err is not nil), without a line feed:
//
//	{"textnorm_error":{"v":1,"file":"<stdin>","line":5,"col":16,"offset":210,"message":"field \"text\" is a number, not a string","raw":"{\"id\":4,\"text\":5}"}}
//
// file, line, col and offset are the place of the error in the input, as
// FILE:LINE:COL names it (line is the record's, unless a CR inside the
// record ends a line before the error); message is the error without its
// place. The record's bytes, without its line feed, are kept whole: as
// the string "raw" when they are UTF-8, otherwise as "raw_base64", their
// standard base64 (RFC 4648, with padding), as ripgrep's JSON carries
// bytes that are not UTF-8. The original line is raw, or raw_base64
// decoded, and the line feed the record had. The line is valid JSON and
// valid UTF-8 whatever the record's bytes.
func (r *Record) AppendError(dst []byte) []byte {
	file, pos, msg := r.file, r.Pos(0), ""
	var de *diag.Error
	switch {
	case errors.As(r.Err, &de):
		file, pos, msg = de.File, de.Pos, de.Err.Error()
	case r.Err != nil:
		msg = r.Err.Error()
	default:
		msg = "not a record"
	}
	dst = append(dst, `{"`+ErrorKey+`":{"v":`...)
	dst = strconv.AppendInt(dst, errorVersion, 10)
	dst = append(dst, `,"file":`...)
	dst = AppendString(dst, file)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(pos.Line), 10)
	dst = append(dst, `,"col":`...)
	dst = strconv.AppendInt(dst, int64(pos.Col), 10)
	dst = append(dst, `,"offset":`...)
	dst = strconv.AppendInt(dst, pos.Offset, 10)
	dst = append(dst, `,"message":`...)
	dst = AppendString(dst, msg)
	raw := r.Raw
	if n := len(raw); n > 0 && raw[n-1] == '\n' {
		raw = raw[:n-1]
	}
	if utf8.Valid(raw) {
		dst = append(dst, `,"raw":`...)
		dst = AppendString(dst, string(raw))
	} else {
		dst = append(dst, `,"raw_base64":"`...)
		dst = base64.StdEncoding.AppendEncode(dst, raw)
		dst = append(dst, '"')
	}
	return append(dst, "}}"...)
}

// RejectInvalidUTF8 makes a record with a byte that is not UTF-8, anywhere
// in it, a bad record: its Err is a *diag.Error at the first such byte, of
// a *normalize.InvalidUTF8Error (whose Offset is in the input), the same
// error a textnorm input under --invalid=error stops at. Without it, such
// bytes are the record's (a field's are in Text, kept). It is for an input
// read with its invalid bytes kept, whose records should go on past one
// with a bad byte. Call it before the first Scan.
func (s *Scanner) RejectInvalidUTF8() { s.rejectInvalid = true }

// invalidUTF8 returns the error of the first byte of body, the start of
// the record's Raw, that is not UTF-8, or nil.
func (r *Record) invalidUTF8(body []byte) error {
	if utf8.Valid(body) {
		return nil
	}
	for i := 0; i < len(body); {
		c, size := utf8.DecodeRune(body[i:])
		if c == utf8.RuneError && size == 1 {
			p := r.Pos(i)
			return &diag.Error{File: r.file, Pos: p, Err: &normalize.InvalidUTF8Error{Offset: p.Offset, Byte: body[i]}}
		}
		i += size
	}
	return nil
}
