package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"sync/atomic"

	"github.com/textnorm/textnorm/internal/jsonl"
)

// A record is a line of a JSON Lines input.
type record struct {
	line       int    // the line it starts on (LF, CR LF or a lone CR end a line)
	off        int64  // its offset in the text read
	raw        []byte // the line as read, its line feed included
	ok         bool   // the field was found and is a string
	start, end int    // the field's value in raw, quotes included
	text       string // its value, decoded
}

// utf8BOM is a byte order mark, which may start the first record.
const utf8BOM = "\ufeff"

// forEachRecord calls fn with each record of the input in turn. A record
// that is not a JSON object, or has no string field named field, is
// reported to w as FILE:LINE:COL (one failure each; the run goes on) and
// passed to fn with ok unset; blank lines are passed the same way, without
// a report. Records are held whole, whatever their length. A byte order
// mark before the first record is skipped, and kept in its raw bytes. When
// a key is repeated, its last value is the field's, as encoding/json,
// Python and JavaScript read it.
func forEachRecord(src *source, field string, w *jobOutput, fn func(r *record) error) error {
	br := bufio.NewReaderSize(src.text, 64<<10)
	r := &record{line: 1}
	for {
		r.raw = r.raw[:0]
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			r.raw = append(r.raw, chunk...)
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		if len(r.raw) == 0 {
			return nil
		}
		r.ok, r.text = false, ""
		body := r.raw
		if n := len(body); n > 0 && body[n-1] == '\n' {
			body = body[:n-1]
		}
		skip := 0
		if r.off == 0 && bytes.HasPrefix(body, []byte(utf8BOM)) {
			skip = len(utf8BOM)
		}
		// place is where byte off of the record is.
		place := func(off int) (line, col int) {
			l, c := lineCol(r.raw, off)
			return r.line + l - 1, c
		}
		if !blank(body[skip:]) {
			start, end, isString, ferr := jsonl.Field(body[skip:], field)
			start, end = start+skip, end+skip
			var je *jsonl.Error
			switch {
			case errors.As(ferr, &je):
				line, col := place(je.Off + skip)
				w.report(inputError(src.display, line, col, "%s", je.Msg))
			case ferr != nil:
				line, _ := place(0)
				w.report(inputError(src.display, line, 1, "%v", ferr))
			case !isString:
				line, col := place(start)
				w.report(inputError(src.display, line, col, "field %q is %s, not a string", field, jsonl.Kind(body[start:end])))
			default:
				r.text, _, _ = jsonl.Unquote(body[start:end])
				r.ok, r.start, r.end = true, start, end
			}
		}
		if ferr := fn(r); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
		r.line += lineEnds(r.raw)
		r.off += int64(len(r.raw))
	}
}

// warnLoneSurrogate warns, when a record's field is rewritten, that an
// escape of half a UTF-16 surrogate pair in it (such as \ud83d alone) was
// decoded as U+FFFD and is written so.
func warnLoneSurrogate(src *source, field string, r *record, w *jobOutput) {
	off := jsonl.LoneSurrogate(r.raw[r.start:r.end])
	if off < 0 {
		return
	}
	line, col := lineCol(r.raw, r.start+off)
	w.notef("%s:%d:%d: warning: field %q has a lone surrogate escape %s, written as U+FFFD", src.display,
		r.line+line-1, col, field, r.raw[r.start+off:r.start+off+6])
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// startProgress starts a progress bar over the inputs when standard error
// is a terminal, and makes e.stderr clear it before each message. It
// returns the counter the inputs add their bytes to (nil without a bar)
// and the function that ends it.
func startProgress(e *env, ins []input) (*atomic.Int64, func()) {
	if !e.stderrTTY {
		return nil, func() {}
	}
	var total int64
	for _, in := range ins {
		if in.name == "-" {
			total = 0
			break
		}
		if st, err := statSize(in.name); err == nil {
			total += st
		}
	}
	p := newProgress(e.stderr, total)
	e.stderr = p.Writer()
	p.run()
	return &p.done, p.finish
}
