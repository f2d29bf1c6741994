package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/textnorm/textnorm/diag"
)

// BOM is the byte order mark that may start a record: the first of an
// input, or one of files concatenated.
const BOM = "\ufeff"

// A Record is a line of a JSON Lines input and its field.
type Record struct {
	Line   int    // the line it starts on, from 1, numbered as package diag numbers lines
	Offset int64  // its offset in the input
	Raw    []byte // the line as read, its line feed included; valid until the next Scan

	// OK is set when the field was found and is a string: Raw[Start:End]
	// is its literal, quotes included, and Text its value.
	OK         bool
	Start, End int
	Text       string

	// Err says why a line that is not blank has no string field: a
	// *diag.Error at the place in the input (FILE:LINE:COL) of an *Error
	// (whose Off is in Raw), or with Scanner.RejectInvalidUTF8 of a
	// *normalize.InvalidUTF8Error. It is nil for a record with its field
	// and for a blank line.
	Err error

	file, field   string
	rejectInvalid bool
}

// A Scanner reads the records of a JSON Lines input one at a time, as
// bufio.Scanner reads lines, and finds the top-level string field of each:
//
//   - a record is a line, held whole whatever its length; its line ends
//     at a line feed, and a CR or CR LF inside it (white space between
//     JSON tokens) ends a line of the input for the numbering of the
//     records' lines;
//   - a byte order mark at the start of a record is skipped (it stays in
//     the record's Raw): before the first, or before a later one where
//     files were concatenated;
//   - a blank line is a record without its field and without an error;
//   - a line that is not a JSON object, lacks the field or has another
//     type there is a record with an Err that says where and why;
//   - when the key is repeated, the last value is the field's, as
//     encoding/json, Python and JavaScript read it;
//   - with RejectInvalidUTF8, a line with a byte that is not UTF-8 is a
//     record with an Err too.
//
// Record.AppendError writes a bad record's error as a line of its own,
// for output that carries its errors in-band (ErrorsInline).
type Scanner struct {
	br          *bufio.Reader
	file, field string
	rec         Record
	next        Record // where the next record starts
	err         error
	done        bool

	rejectInvalid bool // RejectInvalidUTF8
}

// NewScanner returns a Scanner of the records of r, an input named file
// (as errors name it), and of their field named field.
func NewScanner(r io.Reader, file, field string) *Scanner {
	return &Scanner{
		br:    bufio.NewReaderSize(r, 64<<10),
		file:  file,
		field: field,
		next:  Record{Line: 1},
	}
}

// Scan reads the next record, which Record then returns. It returns false
// at the end of the input or at an error reading it (see Err); a line cut
// by a read error is not a record.
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	r := &s.rec
	raw := r.Raw[:0]
	var err error
	for {
		var chunk []byte
		chunk, err = s.br.ReadSlice('\n')
		raw = append(raw, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			break
		}
	}
	if err != nil {
		s.done = true
		if err != io.EOF {
			s.err = err
			return false
		}
		if len(raw) == 0 {
			return false
		}
	}
	*r = Record{Line: s.next.Line, Offset: s.next.Offset, Raw: raw, file: s.file, field: s.field, rejectInvalid: s.rejectInvalid}
	s.next.Line += diag.LineBreaks(raw)
	s.next.Offset += int64(len(raw))
	r.find()
	return true
}

// Record returns the record that Scan read. It is overwritten by the next
// Scan.
func (s *Scanner) Record() *Record { return &s.rec }

// Err returns the error, other than io.EOF, that stopped Scan.
func (s *Scanner) Err() error { return s.err }

// find finds the record's field.
func (r *Record) find() {
	body := r.Raw
	if n := len(body); n > 0 && body[n-1] == '\n' {
		body = body[:n-1]
	}
	skip := 0
	if bytes.HasPrefix(body, []byte(BOM)) {
		skip = len(BOM)
	}
	if blank(body[skip:]) {
		return
	}
	if r.rejectInvalid {
		if r.Err = r.invalidUTF8(body); r.Err != nil {
			return
		}
	}
	start, end, isString, err := Field(body[skip:], r.field)
	start, end = start+skip, end+skip
	var je *Error
	switch {
	case errors.As(err, &je):
		je.Off += skip // in Raw
		r.Err = r.errorAt(je.Off, je)
	case err != nil:
		r.Err = r.errorAt(0, err)
	case !isString:
		r.Err = r.errorAt(start, &Error{Off: start, Msg: fmt.Sprintf("field %q is %s, not a string", r.field, Kind(body[start:end]))})
	default:
		r.Text, _, _ = Unquote(body[start:end])
		r.OK, r.Start, r.End = true, start, end
	}
}

// Value returns the JSON value of the record's top-level field name,
// compacted to one line, or nil when the record has no such field (or is
// not an object): such as its id, for segments to join back to it.
func (r *Record) Value(name string) []byte {
	body := bytes.TrimSuffix(r.Raw, []byte("\n"))
	body = bytes.TrimPrefix(body, []byte(BOM))
	start, end, _, err := Field(body, name)
	if err != nil {
		return nil
	}
	var b bytes.Buffer
	if json.Compact(&b, body[start:end]) != nil {
		return nil
	}
	return b.Bytes()
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// Pos returns the place in the input of byte off of the record's Raw.
func (r *Record) Pos(off int) diag.Pos {
	p := diag.PosOf(r.Raw, off)
	p.Line += r.Line - 1
	p.Offset += r.Offset
	return p
}

func (r *Record) errorAt(off int, err error) error {
	return &diag.Error{File: r.file, Pos: r.Pos(off), Err: err}
}

// AppendWith appends the record to dst with value as its field's value, and
// every other byte as it was. The value is encoded by
// AppendStringKeepInvalid: a byte of it that is not UTF-8 was in the
// record, which keeps its other bytes too. The record must be OK.
func (r *Record) AppendWith(dst []byte, value string) []byte {
	dst = append(dst, r.Raw[:r.Start]...)
	dst = AppendStringKeepInvalid(dst, value)
	return append(dst, r.Raw[r.End:]...)
}

// LoneSurrogate returns a warning when the record's field has an escape of
// half a UTF-16 surrogate pair without its other half (such as "\ud83d"
// alone; see the function LoneSurrogate): Text has U+FFFD there, as
// encoding/json decodes it, and a field rewritten from Text is written so.
// The warning is a *diag.Error at the escape's place; nil means there is
// none, or the record is not OK.
func (r *Record) LoneSurrogate() error {
	if !r.OK {
		return nil
	}
	off := LoneSurrogate(r.Raw[r.Start:r.End])
	if off < 0 {
		return nil
	}
	at := r.Start + off
	return r.errorAt(at, &Error{Off: at, Msg: fmt.Sprintf("warning: field %q has a lone surrogate escape %s, written as U+FFFD", r.field, r.Raw[at:at+6])})
}
