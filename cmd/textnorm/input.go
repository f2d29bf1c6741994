package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// Invalid UTF-8 policies (--invalid).
const (
	invalidError   = "error"   // stop with FILE:LINE:COL and exit 2
	invalidReplace = "replace" // substitute U+FFFD for each invalid byte
	invalidKeep    = "keep"    // pass the bytes through unchanged
)

func checkInvalidPolicy(p string) error {
	switch p {
	case invalidError, invalidReplace, invalidKeep:
		return nil
	}
	return usageError("--invalid: want error, replace or keep, not %q", p)
}

// sniffLen is how much of an input is looked at for NUL bytes, as git and
// grep do, to tell a binary file.
const sniffLen = 8 << 10

// inputOptions say how inputs are read.
type inputOptions struct {
	invalid   string // --invalid
	binary    bool   // --binary: NUL bytes are text
	recursive bool   // -r: directories are walked
}

// An input is a named input to process: a file, or "-" for standard input.
// err is set when it cannot be (a directory without -r).
type input struct {
	name string
	err  error
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
			ins = append(ins, input{name: name, err: usageError("%s: is a directory (use -r to process the files in it)", name)})
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
			if d.Type().IsRegular() {
				files = append(files, input{name: path})
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

// fileError reports a file that cannot be opened or read as FILE: reason.
func fileError(name string, err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err
	}
	return &exitError{code: exitUsage, err: fmt.Errorf("%s: %v", displayName(name), err)}
}

// A source is an opened input: its text under the --invalid policy, after
// gzip decompression for a name ending in .gz.
type source struct {
	name    string // as given
	display string // as diagnostics name it
	file    *os.File
	mode    os.FileMode
	gz      bool
	text    *utf8Reader
	closers []io.Closer
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
// from the file (compressed, for .gz) for the progress bar.
func openSource(e *env, name string, opts inputOptions, counted *atomic.Int64) (*source, error) {
	s := &source{name: name, display: displayName(name)}
	var r io.Reader
	if name == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, fileError(name, err)
		}
		s.closers = append(s.closers, f)
		st, err := f.Stat()
		if err != nil {
			s.Close()
			return nil, fileError(name, err)
		}
		if st.IsDir() {
			s.Close()
			return nil, usageError("%s: is a directory (use -r to process the files in it)", name)
		}
		s.file, s.mode = f, st.Mode()
		r = f
	}
	if counted != nil {
		r = &countingReader{r: r, n: counted}
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bufio.NewReaderSize(r, 64<<10))
		if err != nil {
			s.Close()
			return nil, usageError("%s: %v", s.display, err)
		}
		s.closers = append(s.closers, zr)
		s.gz = true
		r = zr
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		s.Close()
		return nil, readError(s.display, err)
	}
	if i := bytes.IndexByte(head, 0); i >= 0 && !opts.binary {
		s.Close()
		line, col := lineCol(head, i)
		return nil, inputError(s.display, line, col, "NUL byte: a binary file, skipped (use --binary to process it as text)")
	}
	s.text = newUTF8Reader(br, s.display, opts.invalid, opts.binary)
	return s, nil
}

// readError reports an error reading an input.
func readError(display string, err error) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &exitError{code: exitUsage, err: fmt.Errorf("%s: %v", display, err)}
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
		return nil, usageError("%s: is a directory", name)
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

// utf8Reader checks the UTF-8 of what it reads, keeping track of the line
// and column (in bytes, counted from 1; LF, CR LF and a lone CR end a line,
// as for detect.NewLines) so that a bad byte is reported as FILE:LINE:COL.
// Unless binary is set, a NUL byte is an error too. It works a buffer at a
// time and never holds more than its buffer, whatever the length of a line.
//
// The text it gives is the input with the --invalid policy applied. What
// the input was can be kept too: its bytes (raw), or for --explain the
// places of the replacements and of the line starts (track).
type utf8Reader struct {
	r       *bufio.Reader
	name    string
	policy  string
	binary  bool
	lines   lineCounter // over the input's bytes
	textOff int64       // bytes of text given (or pending): the input's, with replacements
	pending []byte      // a replacement or rune that did not fit in p
	err     error

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

func newUTF8Reader(r io.Reader, name, policy string, binary bool) *utf8Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	u := &utf8Reader{r: br, name: name, policy: policy, binary: binary}
	u.lines.line = 1
	return u
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	if len(u.pending) > 0 {
		n := copy(p, u.pending)
		u.pending = u.pending[n:]
		return n, nil
	}
	if u.err != nil {
		return 0, u.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if u.r.Buffered() == 0 {
		if _, err := u.r.Peek(1); err != nil {
			u.err = err
			if err != io.EOF {
				u.err = readError(u.name, err)
			} else {
				u.lines.settle() // a CR at the end ends its line
			}
			return 0, u.err
		}
	}
	buf, _ := u.r.Peek(u.r.Buffered())
	n := 0
	for n < len(buf) && n < len(p) {
		c := buf[n]
		if c < utf8.RuneSelf {
			if c == 0 && !u.binary {
				break
			}
			n++
			continue
		}
		if !utf8.FullRune(buf[n:]) {
			if n > 0 {
				break
			}
			// A rune cut by the end of the buffer: read on.
			more, _ := u.r.Peek(utf8.UTFMax)
			if utf8.FullRune(more) || len(more) == utf8.UTFMax {
				buf = more
				continue
			}
			break // it ends the input: invalid
		}
		r, size := utf8.DecodeRune(buf[n:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		if n+size > len(p) {
			if n == 0 {
				u.pending = append(u.pending[:0], buf[:size]...)
				u.advance(buf[:size], size)
				u.r.Discard(size)
				k := copy(p, u.pending)
				u.pending = u.pending[k:]
				return k, nil
			}
			break
		}
		n += size
	}
	if n > 0 {
		copy(p, buf[:n])
		u.advance(buf[:n], n)
		u.r.Discard(n)
		return n, nil
	}
	// buf[0] is a NUL byte or an invalid one: the line end of a CR before
	// it is settled, since it is no LF.
	b := buf[0]
	u.lines.settle()
	if b == 0 {
		u.err = inputError(u.name, u.lines.line, u.lines.col(), "NUL byte: a binary file? (use --binary to process it as text)")
		return 0, u.err
	}
	switch u.policy {
	case invalidError:
		u.err = inputError(u.name, u.lines.line, u.lines.col(), "invalid UTF-8 (byte %#02x); use --invalid=replace or --invalid=keep to go on", b)
		return 0, u.err
	case invalidReplace:
		if u.track {
			u.repls = append(u.repls, replacement{in: u.lines.off, text: u.textOff, b: b})
		}
		u.pending = append(u.pending[:0], "\uFFFD"...)
	default:
		u.pending = append(u.pending[:0], b)
	}
	u.advance(buf[:1], len(u.pending))
	u.r.Discard(1)
	k := copy(p, u.pending)
	u.pending = u.pending[k:]
	return k, nil
}

// advance takes note of the input's bytes b, given as n bytes of text.
func (u *utf8Reader) advance(b []byte, n int) {
	if u.raw != nil {
		u.raw.Write(b)
	}
	u.textOff += int64(n)
	u.lines.feed(b)
}

// lineCounter counts lines as detect.NewLines does: LF, CR LF and a lone
// CR each end one.
type lineCounter struct {
	line  int   // the line of the next byte, from 1
	start int64 // the offset of its start
	off   int64 // the offset of the next byte
	cr    bool  // the last byte was a CR: a LF next is part of its line end
	// starts, when set, receives the offset of each line start after the
	// first.
	starts *[]int64
}

func (l *lineCounter) newLine(start int64) {
	l.line++
	l.start = start
	if l.starts != nil {
		*l.starts = append(*l.starts, start)
	}
}

// feed counts the lines of the next bytes.
func (l *lineCounter) feed(b []byte) {
	for i, c := range b {
		if l.cr {
			l.cr = false
			if c == '\n' {
				l.newLine(l.off + int64(i) + 1)
				continue
			}
			l.newLine(l.off + int64(i))
		}
		switch c {
		case '\n':
			l.newLine(l.off + int64(i) + 1)
		case '\r':
			l.cr = true
		}
	}
	l.off += int64(len(b))
}

// settle ends the line of a CR fed last: the input ends, or the next byte
// is not a LF.
func (l *lineCounter) settle() {
	if l.cr {
		l.cr = false
		l.newLine(l.off)
	}
}

// col is the column of the next byte, in bytes from 1.
func (l *lineCounter) col() int { return int(l.off-l.start) + 1 }

// lineCol returns the line and column (from 1, the column in bytes) of byte
// off of b, lines ending at LF, CR LF or a lone CR.
func lineCol(b []byte, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(b); i++ {
		switch b[i] {
		case '\n':
			line, start = line+1, i+1
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			line, start = line+1, i+1
		}
	}
	return line, off - start + 1
}

// lineEnds counts the line ends in b: LF, CR LF and lone CRs.
func lineEnds(b []byte) int {
	line, _ := lineCol(b, len(b))
	return line - 1
}

// positions maps offsets in the text a utf8Reader gave to offsets, lines
// and columns of its input, for --explain. The offsets asked must not go
// down, and must be of text read already.
type positions struct {
	u     *utf8Reader
	delta int64        // text offset - input offset, after the replacements taken
	last  *replacement // the last replacement taken
	line  int
	start int64
}

func newPositions(u *utf8Reader) *positions {
	u.track = true
	u.lines.starts = &u.starts
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

// lineCol returns the line and column of an input offset.
func (p *positions) lineCol(off int64) (line, col int) {
	u := p.u
	for len(u.starts) > 0 && u.starts[0] <= off {
		p.line, p.start = p.line+1, u.starts[0]
		u.starts = u.starts[1:]
	}
	return p.line, int(off-p.start) + 1
}

// statSize returns the size of a regular file.
func statSize(name string) (int64, error) {
	st, err := os.Stat(name)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
