package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/textnorm/textnorm/diag"
	"github.com/textnorm/textnorm/internal/utf8tail"
	"github.com/textnorm/textnorm/jsonl"
	"github.com/textnorm/textnorm/normalize"
)

// sniffLen is how much of an input is looked at for NUL bytes, as git and
// grep do, to tell a binary file.
const sniffLen = 8 << 10

// inputOptions say how inputs are read.
type inputOptions struct {
	invalid   normalize.InvalidPolicy // --invalid
	binary    bool                    // --binary: NUL bytes are text
	recursive bool                    // -r: directories are walked
	encoding  normalize.Encoding      // --encoding; UTF-16 with a BOM is found without it
	errors    jsonl.ErrorMode         // --errors: inline writes a bad record's error in its place
	// regularFor, when set, is the flag that takes regular files only
	// ("-w", "--check"): it reads each file twice, and -w replaces it.
	regularFor string
}

// Input errors: each is the Err of a *diag.Error that names the input and,
// for a byte of it, its place.
var (
	errDirectory = errors.New("is a directory (use -r to process the files in it)")
)

// nulError is a NUL byte in an input read as text.
type nulError struct{ sniffed bool }

func (e nulError) Error() string {
	if e.sniffed {
		return "NUL byte: a binary file, skipped (use --binary to process it as text)"
	}
	return "NUL byte: a binary file? (use --binary to process it as text)"
}

// notRegularError is a file that is not a regular file (a named pipe, a
// device, a socket) where only a regular file will do: -w and --check
// read a file twice, and -w replaces it; -r takes the regular files of a
// directory. Such a file is not opened: opening a named pipe waits for a
// writer, and reading it takes the writer's data.
type notRegularError struct {
	mode    os.FileMode
	flag    string // the flag that takes regular files only
	skipped bool   // met by the walk of -r: passed by, which is no failure
}

func (e *notRegularError) Error() string {
	what := "not a regular file (" + fileKind(e.mode) + ")"
	if e.skipped {
		return what + ": skipped"
	}
	return what + ": " + e.flag + " takes regular files only"
}

// fileKind names the kind of file of a mode that is not a regular file's.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a block device"
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	}
	return "an irregular file"
}

// notRegular is the modes of files that -r's walk passes by, with a note.
const notRegular = os.ModeNamedPipe | os.ModeSocket | os.ModeDevice | os.ModeCharDevice | os.ModeIrregular

// hintError is an error followed by what the user can do about it.
type hintError struct {
	err  error
	hint string // with its punctuation: "; use --invalid=replace ..."
}

func (e *hintError) Error() string { return e.err.Error() + e.hint }
func (e *hintError) Unwrap() error { return e.err }

// An input is a named input to process: a file, or "-" for standard input.
// err is set when it cannot be (a directory without -r), or is passed by
// (a named pipe in a directory that -r walks).
type input struct {
	name   string
	walked bool // found by the walk of -r, as a regular file
	err    error
}

// expandInputs lists the inputs named on the command line, walking
// directories with -r (in lexical order, skipping names that start with a
// dot, such as .git). No name means standard input.
func expandInputs(names []string, recursive bool) []input {
	if len(names) == 0 {
		return []input{{name: "-"}}
	}
	var ins []input
	for _, name := range names {
		if name == "-" {
			ins = append(ins, input{name: name})
			continue
		}
		st, err := os.Stat(name)
		if err != nil || !st.IsDir() {
			ins = append(ins, input{name: name}) // errors are reported when it is opened
			continue
		}
		if !recursive {
			ins = append(ins, input{name: name, err: &diag.Error{File: name, Err: errDirectory}})
			continue
		}
		var files []input
		err = filepath.WalkDir(name, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				files = append(files, input{name: path, err: fileError(path, err)})
				return nil
			}
			if path != name && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			switch {
			case d.Type().IsRegular():
				files = append(files, input{name: path, walked: true})
			case d.Type()&notRegular != 0:
				files = append(files, input{name: path, err: &diag.Error{File: path, Err: &notRegularError{mode: d.Type(), skipped: true}}})
			}
			return nil
		})
		if err != nil {
			files = append(files, input{name: name, err: fileError(name, err)})
		}
		sort.SliceStable(files, func(i, j int) bool { return files[i].name < files[j].name })
		ins = append(ins, files...)
	}
	return ins
}

// fileError reports a file that cannot be opened, read or written: a
// *diag.Error that names it, with the reason of the system. An error that
// names its file already is returned as it is.
func fileError(name string, err error) error {
	var de *diag.Error
	var oe *outputError
	if errors.As(err, &de) || errors.As(err, &oe) {
		return err
	}
	return &diag.Error{File: displayName(name), Err: systemReason(err)}
}

// systemReason is the system's reason for an error, without the name and
// operation of a *fs.PathError: the message names the file as the user
// knows it (an input as the user gave it, an output, a directory). A
// PathError inside another error keeps that error's words.
func systemReason(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// A source is an opened input: its text under the --invalid policy, after
// gzip decompression for a name ending in .gz.
type source struct {
	name    string // as given
	display string // as diagnostics name it
	file    *os.File
	info    os.FileInfo // file's, as it was opened
	gz      bool
	enc     normalize.Encoding // what the input was decoded from (UTF-8: nothing)
	bom     int                // bytes of a UTF-16 byte-order mark read before the text
	text    *textReader
	closers []io.Closer
	// errors is --errors; with inline and --invalid=error, the text keeps
	// its invalid bytes and rejectInvalid makes each its record's error,
	// so that the records after it go on.
	errors        jsonl.ErrorMode
	rejectInvalid bool
}

func (s *source) Close() error {
	var err error
	for i := len(s.closers) - 1; i >= 0; i-- {
		if e := s.closers[i].Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// openSource opens an input. A binary file (a NUL byte in its first 8 KB)
// is an error unless opts.binary; counted, if not nil, adds the bytes read
// from the file (decompressed, for .gz) for the progress bar. tag and
// detect read a block ahead of their work at most, so that what is read
// is what is done, give or take two megabytes.
func openSource(e *env, in input, opts inputOptions, counted *atomic.Int64) (*source, error) {
	name := in.name
	s := &source{name: name, display: displayName(name)}
	var r io.Reader
	if name == "-" {
		r = e.stdin
	} else {
		f, st, err := openFile(in, opts)
		if err != nil {
			return nil, err
		}
		s.closers = append(s.closers, f)
		s.file, s.info = f, st
		r = f
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bufio.NewReaderSize(r, 64<<10))
		if err != nil {
			s.Close()
			return nil, fileError(name, err)
		}
		s.closers = append(s.closers, zr)
		s.gz = true
		r = zr
	}
	if counted != nil {
		// Decompressed bytes, as inputSize counts the total.
		r = &countingReader{r: r, n: counted}
	}
	br := bufio.NewReaderSize(&stickyReader{r: r}, 64<<10)
	s.enc = opts.encoding
	if s.enc.IsUTF8() {
		head, _ := br.Peek(2)
		if enc, n, ok := normalize.SniffBOM(head); ok {
			br.Discard(n)
			s.enc, s.bom = enc, n
		}
	}
	if dec := s.enc.Decoder(); dec != nil {
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		s.Close()
		return nil, fileError(name, err)
	}
	if i := bytes.IndexByte(head, 0); i >= 0 && !opts.binary {
		s.Close()
		return nil, &diag.Error{File: s.display, Pos: diag.PosOf(head, i), Err: nulError{sniffed: true}}
	}
	policy := opts.invalid
	s.errors = opts.errors
	if opts.errors == jsonl.ErrorsInline && policy == normalize.InvalidError {
		policy, s.rejectInvalid = normalize.InvalidKeep, true
	}
	s.text = newTextReader(br, s.display, policy, opts.binary)
	return s, nil
}

// openFile opens a named input, and fstats it. Where only a regular file
// will do (opts.regularFor, or a file of -r's walk), anything else is a
// *notRegularError, found before it is opened; and should the file become
// a named pipe after that look, the open does not wait for a writer
// (O_NONBLOCK) and its fstat refuses it.
func openFile(in input, opts inputOptions) (*os.File, os.FileInfo, error) {
	name := in.name
	regular := opts.regularFor != "" || in.walked
	refuse := func(m os.FileMode) error {
		return &diag.Error{File: displayName(name), Err: &notRegularError{mode: m, flag: opts.regularFor, skipped: in.walked}}
	}
	flags := os.O_RDONLY
	if regular {
		if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
			return nil, nil, refuse(st.Mode())
		}
		flags |= openNonblock
	}
	f, err := os.OpenFile(name, flags, 0)
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	st, err := f.Stat()
	switch {
	case err != nil:
		err = fileError(name, err)
	case st.IsDir():
		err = &diag.Error{File: name, Err: errDirectory}
	case regular && !st.Mode().IsRegular():
		err = refuse(st.Mode())
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// A stickyReader returns the first error its reader gives, EOF too, from
// then on: bufio.Reader forgets an error once Peek has returned it, and a
// terminal or a pipe may give more bytes after an EOF or a failed read,
// which would then be read on after it.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}

// openInput opens a named input; "-" is standard input.
func openInput(e *env, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(e.stdin), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, err)
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, &diag.Error{File: name, Err: errors.New("is a directory")}
	}
	return f, nil
}

// displayName is how diagnostics name an input.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// A textReader reads an input as text: the --invalid policy applied by
// normalize's UTF8Transformer and, unless binary, a NUL byte an error. It
// numbers the lines of the input's bytes with a diag.Counter as they go,
// so that a bad byte is reported as FILE:LINE:COL, the same place as
// anywhere else in textnorm. It works a buffer at a time and never holds
// more than its buffers, whatever the length of a line.
//
// What the input was can be kept too: its bytes (raw), or for --explain
// the places of the replacements and of the line starts (see positions).
type textReader struct {
	r      *bufio.Reader
	name   string
	binary bool
	t      *normalize.UTF8Transformer
	lines  diag.Counter // over the input's bytes
	buf    []byte       // text transformed, not yet read
	out    []byte       // buf's backing array
	more   bool         // the transformer waits for the rest of a rune
	err    error

	// replaced, when set, is told the text offset of each U+FFFD written
	// for an invalid byte (--invalid=replace).
	replaced func(text int64)
	// raw, when set, receives the input's bytes as they were.
	raw *bytes.Buffer
	// track, when set, keeps the replacements and the line starts not yet
	// taken (see positions).
	track  bool
	repls  []replacement
	starts []int64
}

// A replacement is an invalid byte written as U+FFFD (--invalid=replace).
type replacement struct {
	in   int64 // its offset in the input
	text int64 // the offset of the U+FFFD in the text
	b    byte
}

func newTextReader(r io.Reader, name string, policy normalize.InvalidPolicy, binary bool) *textReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	u := &textReader{r: br, name: name, binary: binary, t: normalize.NewUTF8Transformer(policy), out: make([]byte, 32<<10)}
	u.t.OnReplace = func(in, text int64, b byte) {
		if u.replaced != nil {
			u.replaced(text)
		}
		if u.track {
			u.repls = append(u.repls, replacement{in: in, text: text, b: b})
		}
	}
	return u
}

func (u *textReader) Read(p []byte) (int, error) {
	for len(u.buf) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.buf)
	u.buf = u.buf[n:]
	return n, nil
}

// takeLines hands each the input's whole lines as they are buffered, a
// buffer's at a time, while each takes them and they hold no NUL: the
// fast path of a command whose normalization checks the UTF-8 on its way
// (normalize.Profile.BytesValid), so that the bytes are not checked and
// copied here first. each returns false, having written nothing, for lines
// it cannot show to be valid UTF-8. takeLines stops there, at a line
// longer than the buffer, and at the input's end or error, and leaves the
// rest to Read, which checks it byte by byte as before; the line count
// and the offsets of the replacements count what it took.
func (u *textReader) takeLines(each func(lines []byte) (bool, error)) error {
	for u.err == nil && len(u.buf) == 0 && !u.more {
		src, err := u.r.Peek(max(u.r.Buffered(), 1))
		k := bytes.LastIndexByte(src, '\n')
		if k < 0 {
			// The start of a line: one read more, unless the buffer is
			// full of it, the input ended (Read reports an error), or
			// it holds what Read reports at once, as the bytes come: a
			// NUL, or an invalid byte before a rune the end may cut.
			if err != nil || len(src) == 0 || len(src) == u.r.Size() ||
				!u.binary && bytes.IndexByte(src, 0) >= 0 || !utf8.Valid(src[:utf8tail.Whole(src)]) {
				return nil
			}
			if _, err := u.r.Peek(len(src) + 1); err != nil && !errors.Is(err, bufio.ErrBufferFull) {
				return nil
			}
			continue
		}
		lines := src[:k+1]
		if !u.binary && bytes.IndexByte(lines, 0) >= 0 {
			return nil
		}
		ok, err := each(lines)
		if err != nil || !ok {
			return err
		}
		u.advance(lines)
		u.t.Passed(len(lines))
		u.r.Discard(len(lines))
	}
	return nil
}

// fill transforms what the input has buffered, reading more if need be.
func (u *textReader) fill() {
	n := max(u.r.Buffered(), 1)
	if u.more {
		n = u.r.Buffered() + 1 // the rest of a rune cut by the buffer's end
	}
	src, err := u.r.Peek(n)
	atEOF := false
	switch {
	case err == io.EOF:
		atEOF = true
	case err != nil && !errors.Is(err, bufio.ErrBufferFull):
		u.err = fileError(u.name, err)
		return
	}
	if len(src) == 0 {
		u.lines.End() // a CR at the end ends its line
		u.err = io.EOF
		return
	}
	if !u.binary {
		if i := bytes.IndexByte(src, 0); i >= 0 {
			if i == 0 {
				u.lines.End() // a CR before the NUL ends its line: a NUL is no LF
				u.err = &diag.Error{File: u.name, Pos: u.lines.Pos(), Err: nulError{}}
				return
			}
			// The text stops at the NUL: a rune cut by it is invalid.
			src, atEOF = src[:i], true
		}
	}
	nDst, nSrc, terr := u.t.Transform(u.out, src, atEOF)
	u.advance(src[:nSrc])
	u.r.Discard(nSrc)
	u.buf = u.out[:nDst]
	u.more = terr == transform.ErrShortSrc
	var bad *normalize.InvalidUTF8Error
	if errors.As(terr, &bad) {
		// The input before the byte is counted: the counter is at it, and
		// a CR before it ends its line, since it is no LF.
		u.lines.End()
		u.err = &diag.Error{File: u.name, Pos: u.lines.Pos(), Err: &hintError{err: bad, hint: "; use --invalid=replace or --invalid=keep to go on"}}
	}
}

// advance takes note of the input's bytes b.
func (u *textReader) advance(b []byte) {
	if u.raw != nil {
		u.raw.Write(b)
	}
	u.lines.Write(b)
}

// positions maps offsets in the text a textReader gave to offsets, lines
// and columns of its input, for --explain. The offsets asked must not go
// down, and must be of text read already.
type positions struct {
	u     *textReader
	delta int64        // text offset - input offset, after the replacements taken
	last  *replacement // the last replacement taken
	line  int
	start int64
}

func newPositions(u *textReader) *positions {
	u.track = true
	u.lines.OnLine = func(start int64) { u.starts = append(u.starts, start) }
	return &positions{u: u, line: 1}
}

// nextReplacement takes the next replacement whose U+FFFD starts before
// text offset before, if there is one.
func (p *positions) nextReplacement(before int64) (replacement, bool) {
	u := p.u
	if len(u.repls) == 0 || u.repls[0].text >= before {
		return replacement{}, false
	}
	r := u.repls[0]
	u.repls = u.repls[1:]
	p.last = &r
	p.delta = r.text + int64(len("\uFFFD")) - (r.in + 1)
	return r, true
}

// input maps a text offset to the input's (after the replacements before
// and at it have been taken).
func (p *positions) input(text int64) int64 {
	if p.last != nil && text < p.last.text+int64(len("\uFFFD")) {
		return p.last.in
	}
	return text - p.delta
}

// pos returns the place of an input offset, from the line starts that the
// reader's diag.Counter has found.
func (p *positions) pos(off int64) diag.Pos {
	u := p.u
	for len(u.starts) > 0 && u.starts[0] <= off {
		p.line, p.start = p.line+1, u.starts[0]
		u.starts = u.starts[1:]
	}
	return diag.Pos{Offset: off, Line: p.line, Col: int(off-p.start) + 1}
}

// inputSize returns the bytes a named input will give: a regular file's
// size, or for a name ending in .gz the uncompressed size its gzip trailer
// records (ISIZE: the last member's, modulo 4 GiB), when that is at least
// the compressed size; ok is false when it cannot tell.
func inputSize(name string) (size int64, ok bool) {
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return 0, false
	}
	if !strings.HasSuffix(name, ".gz") {
		return st.Size(), true
	}
	f, err := os.Open(name)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	var trailer [4]byte
	if st.Size() < 18 { // a header and a trailer
		return 0, false
	}
	if _, err := f.ReadAt(trailer[:], st.Size()-4); err != nil {
		return 0, false
	}
	isize := int64(binary.LittleEndian.Uint32(trailer[:]))
	if isize < st.Size() {
		return 0, false // past 4 GiB, or members concatenated
	}
	return isize, true
}
