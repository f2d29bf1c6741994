package diag

import (
	"sort"
	"strconv"
	"strings"
	"unsafe"
)

// Pos is the place of a byte in a text: its offset from 0, and its line
// and column from 1 (the column in bytes).
type Pos struct {
	Offset    int64
	Line, Col int
}

// String returns "LINE:COL".
func (p Pos) String() string {
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// Lines maps the byte offsets of a text to lines and columns.
type Lines struct {
	starts []int // byte offset where each line starts
	size   int
}

// NewLines indexes the lines of text.
func NewLines(text string) *Lines { return newLines(text) }

// NewLinesBytes indexes the lines of b.
func NewLinesBytes(b []byte) *Lines { return newLines(b) }

func newLines[T string | []byte](text T) *Lines {
	l := &Lines{starts: []int{0}, size: len(text)}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			l.starts = append(l.starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// Count returns the number of lines: a text that ends with a line break
// has no empty line after it, and the empty text has none.
func (l *Lines) Count() int {
	n := len(l.starts)
	if l.starts[n-1] == l.size {
		n--
	}
	return n
}

// Line returns the line of byte offset off.
func (l *Lines) Line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// Pos returns the place of byte offset off.
func (l *Lines) Pos(off int) Pos {
	n := l.Line(off)
	return Pos{Offset: int64(off), Line: n, Col: off - l.starts[n-1] + 1}
}

// Span returns the byte offsets of line n (from 1) of the text l indexes,
// its line break included (SpanOf cuts it).
func (l *Lines) Span(n int) (start, end int) {
	start = l.starts[n-1]
	end = l.size
	if n < len(l.starts) {
		end = l.starts[n]
	}
	return start, end
}

// SpanOf is Span with the line break cut from the end: the line's text is
// text[start:end].
func (l *Lines) SpanOf(text string, n int) (start, end int) {
	start, end = l.Span(n)
	for end > start && (text[end-1] == '\n' || text[end-1] == '\r') {
		end--
	}
	return start, end
}

// PosOf returns the place of byte offset off in text, without an index:
// for one lookup. Offsets past the end are placed as if the text went on
// without a line break.
func PosOf[T string | []byte](text T, off int) Pos {
	off = max(0, off)
	var c Counter
	feedCounter(&c, text[:min(off, len(text))])
	if off >= len(text) || text[off] != '\n' {
		c.End()
	}
	p := c.Pos()
	p.Offset, p.Col = int64(off), p.Col+max(0, off-len(text))
	return p
}

// LineBreaks returns the number of line ends in text.
func LineBreaks[T string | []byte](text T) int {
	var c Counter
	feedCounter(&c, text)
	c.End()
	return c.Pos().Line - 1
}

// Counter numbers the lines of a text given a piece at a time, in bounded
// memory whatever the length of a line. The zero value is ready, at line 1
// column 1.
type Counter struct {
	line  int   // lines ended so far
	start int64 // offset of the current line's start
	off   int64 // offset of the next byte
	cr    bool  // the last byte was a CR: an LF next is part of its line end
	// OnLine, when set, is called with the offset of each line start
	// after the first, as the line breaks are counted.
	OnLine func(start int64)
}

// Write counts the lines of the next bytes of the text.
func (c *Counter) Write(b []byte) (int, error) {
	feedCounter(c, b)
	return len(b), nil
}

// WriteString is Write for a string.
func (c *Counter) WriteString(s string) (int, error) {
	feedCounter(c, s)
	return len(s), nil
}

func feedCounter[T string | []byte](c *Counter, b T) {
	// A view of b as a string, so that strings.IndexByte finds the line
	// ends: most of a text is neither CR nor LF.
	var s string
	switch v := any(b).(type) {
	case string:
		s = v
	case []byte:
		s = unsafe.String(unsafe.SliceData(v), len(v))
	}
	i := 0
	if c.cr && len(s) > 0 {
		c.cr = false
		if s[0] == '\n' {
			c.newLine(c.off + 1)
			i = 1
		} else {
			c.newLine(c.off)
		}
	}
	// The next CR at or after i, or -1 when there is none: looked for
	// again only once i has passed it.
	cr := strings.IndexByte(s[i:], '\r')
	if cr >= 0 {
		cr += i
	} else if c.OnLine == nil {
		// No CR: the line ends are the LFs, counted at once.
		if n := strings.Count(s[i:], "\n"); n > 0 {
			c.line += n
			c.start = c.off + int64(strings.LastIndexByte(s, '\n')) + 1
		}
		c.off += int64(len(s))
		return
	}
	for i < len(s) {
		if cr >= 0 && cr < i {
			if cr = strings.IndexByte(s[i:], '\r'); cr >= 0 {
				cr += i
			}
		}
		lf := strings.IndexByte(s[i:], '\n')
		if lf >= 0 {
			lf += i
		}
		switch {
		case cr >= 0 && (lf < 0 || cr < lf):
			switch {
			case cr+1 == len(s):
				c.cr = true // its LF may come in the next piece
				i = len(s)
			case s[cr+1] == '\n':
				c.newLine(c.off + int64(cr) + 2)
				i = cr + 2
			default:
				c.newLine(c.off + int64(cr) + 1)
				i = cr + 1
			}
		case lf >= 0:
			c.newLine(c.off + int64(lf) + 1)
			i = lf + 1
		default:
			i = len(s)
		}
	}
	c.off += int64(len(s))
}

func (c *Counter) newLine(start int64) {
	c.line++
	c.start = start
	if c.OnLine != nil {
		c.OnLine(start)
	}
}

// End settles a CR written last: it ends its line, since no LF can follow
// (the text ends, or the next byte is known not to be an LF).
func (c *Counter) End() {
	if c.cr {
		c.cr = false
		c.newLine(c.off)
	}
}

// Pos returns the place of the next byte. A CR written last is taken as
// part of the line it ends only once End is called or another byte is
// written: until then, the next byte could be its LF.
func (c *Counter) Pos() Pos {
	return Pos{Offset: c.off, Line: c.line + 1, Col: int(c.off-c.start) + 1}
}
