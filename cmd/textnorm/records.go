package main

import (
	"bufio"
	"errors"
	"io"
	"sync/atomic"

	"github.com/textnorm/textnorm/internal/jsonl"
)

// A record is a line of a JSON Lines input.
type record struct {
	line       int
	raw        []byte // the line as read, its line feed included
	ok         bool   // the field was found and is a string
	start, end int    // the field's value in raw, quotes included
	text       string // its value, decoded
}

// forEachRecord calls fn with each record of the input in turn. A record
// that is not a JSON object, or has no string field named field, is
// reported to w as FILE:LINE:COL (one failure each; the run goes on) and
// passed to fn with ok unset; blank lines are passed the same way, without
// a report. Records are held whole, whatever their length.
func forEachRecord(src *source, field string, w *jobOutput, fn func(r *record) error) error {
	br := bufio.NewReaderSize(src.text, 64<<10)
	r := &record{}
	for r.line = 1; ; r.line++ {
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
		if !blank(body) {
			start, end, isString, ferr := jsonl.Field(body, field)
			var je *jsonl.Error
			switch {
			case errors.As(ferr, &je):
				w.report(inputError(src.display, r.line, je.Off+1, "%s", je.Msg))
			case ferr != nil:
				w.report(inputError(src.display, r.line, 1, "%v", ferr))
			case !isString:
				w.report(inputError(src.display, r.line, start+1, "field %q is %s, not a string", field, jsonl.Kind(body[start:end])))
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
	}
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
