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
	var pe *fs.PathError
	if errors.As(err, &pe) {
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
		line := 1 + bytes.Count(head[:i], []byte{'\n'})
		col := i - bytes.LastIndexByte(head[:i], '\n')
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
// and column (in bytes, counted from 1) so that a bad byte is reported as
// FILE:LINE:COL. Unless binary is set, a NUL byte is an error too. It works
// a buffer at a time and never holds more than its buffer, whatever the
// length of a line.
type utf8Reader struct {
	r       *bufio.Reader
	name    string
	policy  string
	binary  bool
	line    int
	col     int // column of the next byte
	offset  int64
	pending []byte // a replacement or rune that did not fit in p
	err     error
}

func newUTF8Reader(r io.Reader, name, policy string, binary bool) *utf8Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return &utf8Reader{r: br, name: name, policy: policy, binary: binary, line: 1, col: 1}
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
				u.advance(buf[:size])
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
		u.advance(buf[:n])
		u.r.Discard(n)
		return n, nil
	}
	// buf[0] is a NUL byte or an invalid one.
	b := buf[0]
	if b == 0 {
		u.err = inputError(u.name, u.line, u.col, "NUL byte: a binary file? (use --binary to process it as text)")
		return 0, u.err
	}
	switch u.policy {
	case invalidError:
		u.err = inputError(u.name, u.line, u.col, "invalid UTF-8 (byte %#02x); use --invalid=replace or --invalid=keep to go on", b)
		return 0, u.err
	case invalidReplace:
		u.pending = append(u.pending[:0], "\uFFFD"...)
	default:
		u.pending = append(u.pending[:0], b)
	}
	u.r.Discard(1)
	u.col++
	u.offset++
	k := copy(p, u.pending)
	u.pending = u.pending[k:]
	return k, nil
}

func (u *utf8Reader) advance(b []byte) {
	u.offset += int64(len(b))
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		u.line += bytes.Count(b, []byte{'\n'})
		u.col = len(b) - i
		return
	}
	u.col += len(b)
}

// statSize returns the size of a regular file.
func statSize(name string) (int64, error) {
	st, err := os.Stat(name)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
