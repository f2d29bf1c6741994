package textnormbeam

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // file globs on the local disk
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/normalize"
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Doc), error](&readFn{})
	register.Emitter1[Doc]()
	beam.RegisterType(typeOf[Doc]())
}

// A Doc is one document of the corpus: a whole text file, or the string
// field of a JSON Lines record.
type Doc struct {
	// File is the input's name as the file glob matched it.
	File string
	// Line is the record's line in a JSON Lines file, from 1 (numbered as
	// package diag numbers lines); 0 for a whole file.
	Line int
	// ID is the raw JSON value of the record's ReadOptions.ID key (a
	// string with its quotes, a number, ...); "" when not asked for or
	// absent.
	ID string
	// Text is the document: the file's text, or the record's field.
	Text string
	// Raw is the record as read, without its line end; "" for a file.
	// Raw[Start:End] is the field's literal, quotes included.
	Raw        string
	Start, End int
	// Err says why a record has no document (not JSON, no field, not a
	// string), as FILE:LINE:COL: message; Text is then empty. A bad
	// record stays in the collection so that Normalize can write it as it
	// is, as the textnorm command does.
	Err string
	// Encoding is the encoding a whole file was decoded from
	// (ReadOptions.Encoding, or UTF-16 found by its byte-order mark); ""
	// for UTF-8. Skip is the length of that mark. Tag's byte offsets
	// index the file as it was, as textnorm tag's do.
	Encoding string
	Skip     int
	// Replaced are the offsets in Text of the U+FFFDs that stand for one
	// invalid byte each of a whole UTF-8 file read with Invalid
	// "replace", in order, so that Tag's byte offsets count the one byte
	// each replaced, as textnorm tag's do.
	Replaced []int
}

// Bad reports whether d is a record without a document.
func (d Doc) Bad() bool { return d.Err != "" }

// ReadOptions say how to read the files of a corpus.
type ReadOptions struct {
	// Field, when not empty, reads the files as JSON Lines: each record's
	// top-level string field Field is a document. Otherwise each file
	// is one document, read whole.
	Field string
	// ID, with Field, is the top-level key whose value identifies a
	// record (Doc.ID), such as "id".
	ID string
	// Invalid is the policy for invalid UTF-8, a normalize.InvalidPolicy
	// name: "error" (or ""): the file or record is reported and left
	// out; "replace": U+FFFD for each invalid byte; "keep": as it is.
	Invalid string
	// Encoding is the files' character encoding, a normalize.Encoding
	// name such as windows-1256 or koi8-r; "" is UTF-8, where a UTF-16
	// byte-order mark is found without it, as in the textnorm command.
	// The documents are UTF-8.
	Encoding string
	// Binary reads a text file with a NUL byte as text; otherwise it is
	// a binary file, reported and left out, as the textnorm command
	// skips one. (A NUL in a JSON Lines record is that record's error.)
	Binary bool
}

func (o ReadOptions) check() error {
	if o.ID != "" && o.Field == "" {
		return &OptionError{Option: "id", Err: fmt.Errorf("--id goes with --jsonl --field")}
	}
	if o.Invalid != "" {
		if _, err := normalize.ParseInvalidPolicy(o.Invalid); err != nil {
			return &OptionError{Option: "invalid", Err: err}
		}
	}
	if o.Encoding != "" {
		if _, err := normalize.ParseEncoding(o.Encoding); err != nil {
			return &OptionError{Option: "encoding", Err: err}
		}
	}
	return nil
}

// decoded returns r decoded to UTF-8: from enc, or when enc is UTF-8 from
// UTF-16 if it starts with a byte-order mark; enc is what it was decoded
// from, skip the bytes of the mark.
func decoded(r io.Reader, enc normalize.Encoding) (_ io.Reader, _ normalize.Encoding, skip int) {
	br := bufio.NewReaderSize(r, 64<<10)
	if enc.IsUTF8() {
		head, _ := br.Peek(2)
		if e, n, ok := normalize.SniffBOM(head); ok {
			br.Discard(n)
			enc, skip = e, n
		}
	}
	if dec := enc.Decoder(); dec != nil {
		return transform.NewReader(br, dec), enc, skip
	}
	return br, enc, skip
}

// errBinary is a text file with a NUL byte, without Binary.
var errBinary = errors.New("NUL byte: a binary file, skipped (use --binary to process it as text)")

// An OptionError is an option that a transform cannot take.
type OptionError struct {
	Option string // the option's name, as the command's flag
	Err    error
}

func (e *OptionError) Error() string { return "--" + e.Option + ": " + e.Err.Error() }
func (e *OptionError) Unwrap() error { return e.Err }

// Read returns the Docs of the files that glob matches (a local path, or
// any file system Beam has, such as gs://), read as opts say; a file
// ending in .gz is decompressed. A glob with a wildcard may match nothing;
// a file name without one must exist (fileio's MatchEmptyAllowIfWildcard).
func Read(s beam.Scope, glob string, opts ReadOptions) (beam.PCollection, error) {
	if err := opts.check(); err != nil {
		return beam.PCollection{}, err
	}
	s = s.Scope("textnorm.Read")
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob), fileio.ReadAutoCompression())
	return beam.ParDo(s, &readFn{Opts: opts}, files), nil
}

// ReadFiles is Read of files that a pipeline matched itself: a
// PCollection of fileio.ReadableFile.
func ReadFiles(s beam.Scope, files beam.PCollection, opts ReadOptions) (beam.PCollection, error) {
	if err := opts.check(); err != nil {
		return beam.PCollection{}, err
	}
	return beam.ParDo(s.Scope("textnorm.ReadFiles"), &readFn{Opts: opts}, files), nil
}

var (
	badInputs = beam.NewCounter("textnorm", "bad_inputs")
	docsRead  = beam.NewCounter("textnorm", "docs")
	bytesRead = beam.NewCounter("textnorm", "bytes")
)

type readFn struct {
	Opts ReadOptions
}

func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Doc)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("textnorm: %s: %w", file.Metadata.Path, err)
	}
	defer rc.Close()
	name := file.Metadata.Path
	policy, _ := normalize.ParseInvalidPolicy(f.Opts.Invalid)
	enc, _ := normalize.ParseEncoding(cmp.Or(f.Opts.Encoding, "utf-8"))
	r, enc, skip := decoded(rc, enc)
	if f.Opts.Field == "" {
		b, err := io.ReadAll(r)
		if err != nil {
			return fmt.Errorf("textnorm: %s: %w", name, err)
		}
		text, repl, err := validText(b, name, policy)
		if i := bytes.IndexByte(b, 0); i >= 0 && !f.Opts.Binary {
			err = &diag.Error{File: name, Pos: diag.PosOf(b, i), Err: errBinary}
		}
		if err != nil {
			// As the command goes on to the next file after a bad one,
			// one bad file does not fail a corpus's job: it is logged
			// and counted.
			badInputs.Inc(ctx, 1)
			log.Errorf(ctx, "textnorm: %v", err)
			return nil
		}
		docsRead.Inc(ctx, 1)
		bytesRead.Inc(ctx, int64(len(b)))
		d := Doc{File: name, Text: text, Skip: skip}
		if !enc.IsUTF8() {
			d.Encoding = enc.String()
		} else {
			d.Replaced = repl
		}
		emit(d)
		return nil
	}
	sc := jsonl.NewScanner(r, name, f.Opts.Field)
	for sc.Scan() {
		r := sc.Record()
		raw := strings.TrimRight(string(r.Raw), "\r\n")
		bytesRead.Inc(ctx, int64(len(r.Raw)))
		if strings.TrimSpace(strings.TrimPrefix(raw, jsonl.BOM)) == "" {
			continue // a blank line is no record
		}
		d := Doc{File: name, Line: r.Line, Raw: raw}
		if f.Opts.ID != "" {
			// As textnorm tag --id writes it: compacted, null where the
			// record has none.
			d.ID = "null"
			if v := r.Value(f.Opts.ID); v != nil {
				d.ID = string(v)
			}
		}
		switch {
		case r.Err != nil:
			d.Err = r.Err.Error()
		case r.OK:
			d.Start, d.End = r.Start, r.End
			// Offsets are into the field's text, as the command's are.
			d.Text, _, err = validText([]byte(r.Text), name, policy)
			if err != nil {
				d.Text, d.Err = "", fmt.Sprintf("%s:%d: field %q: %v", diag.QuoteName(name), r.Line, f.Opts.Field, err)
			}
		}
		if d.Bad() {
			badInputs.Inc(ctx, 1)
		} else {
			docsRead.Inc(ctx, 1)
		}
		emit(d)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("textnorm: %s: %w", name, err)
	}
	return nil
}

// validText returns b as text by policy: invalid UTF-8 is an error (a
// *diag.Error at its place), U+FFFD, or kept; with replace, also the
// offsets of the U+FFFDs written for invalid bytes.
func validText(b []byte, name string, policy normalize.InvalidPolicy) (string, []int, error) {
	if utf8.Valid(b) || policy == normalize.InvalidKeep {
		return string(b), nil, nil
	}
	if policy == normalize.InvalidReplace {
		t := normalize.NewUTF8Transformer(policy)
		var repl []int
		t.OnReplace = func(_, out int64, _ byte) { repl = append(repl, int(out)) }
		out, _, err := transform.Bytes(t, b)
		return string(out), repl, err
	}
	_, _, err := transform.Bytes(normalize.InvalidError.Transformer(), b)
	var bad *normalize.InvalidUTF8Error
	if errors.As(err, &bad) {
		return "", nil, &diag.Error{File: name, Pos: diag.PosOf(b, int(bad.Offset)), Err: err}
	}
	return "", nil, &diag.Error{File: name, Err: err}
}
