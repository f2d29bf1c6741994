package normalize

import (
	"bufio"
	"errors"
	"io"
	"iter"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/textnorm/textnorm/diag"
)

// A Change is one edit that a profile made: which rule made it, where, and
// what it replaced with what.
//
// InStart, InEnd is the span of the input the change came from and
// OutStart, OutEnd the span of the output it became (empty for a
// deletion, and InStart == InEnd for an insertion). Before and After are
// the text as the rule saw it and as it left it: a rule that runs after
// another (case folding after a compatibility decomposition, the cleaner
// rules after case folding) may see text that an earlier stage changed
// already, so Before is the input's span only for the first change made
// there.
type Change struct {
	InStart, InEnd   int
	OutStart, OutEnd int
	// Rule names the rule (see Rule.String), or the Unicode form ("nfc",
	// "nfd", "nfkc", "nfkd") for a change the form made, or "invalid-utf8"
	// for an invalid byte written as U+FFFD because the bytes around it,
	// once what lay between them was removed, would have joined into a
	// character the input did not have.
	Rule          string
	Before, After string
	// Detail says more where the rule does several things: for
	// "mojibake", what was undone ("UTF-8 read as windows-1256").
	Detail string
	// Count is how many changes this one stands for: 1 for a change on
	// its own. A run of like changes side by side on one line (made by
	// one stage and rule from the same input, the same Before made the
	// same After, each starting where the one before ended) is one
	// Change, so that a line of a million spaces between two words is
	// one change, not a million: InStart, InEnd and OutStart, OutEnd
	// span the whole run, and Before and After are those of each of its
	// changes. The input's span is Count times the input of one of them
	// (Before repeated Count times, where Before is the input's span).
	Count int
}

// RuleInvalidUTF8 is the Rule of a Change that replaced an invalid byte.
const RuleInvalidUTF8 = "invalid-utf8"

// Explain returns every change that p makes to s, in the order of the
// input (changes at one place in the order of the stages that made them),
// a run of like changes as one (see Change.Count). Applying the changes
// of each stage in turn gives p.Apply(s). ExplainSeq gives the same
// changes one at a time.
//
// A decomposition that the form undoes (a Hangul syllable in a profile
// with NFKC, decomposed so that the rules see its parts and composed again)
// is no change and is not listed.
func (p Profile) Explain(s string) []Change {
	return slices.Collect(p.ExplainSeq(s))
}

// ExplainSeq returns the changes of Explain as a sequence, each yielded as
// it is found: it needs memory for the stages of s (a few copies of the
// text and their alignments) but not for the changes, however many there
// are. For text read from a reader, see ExplainReader.
func (p Profile) ExplainSeq(s string) iter.Seq[Change] {
	return func(yield func(Change) bool) {
		p.explainTo(s, yield)
	}
}

// explainTo calls yield with each change that p makes to s, in order,
// until it returns false, and returns s normalized.
func (p Profile) explainTo(s string, yield func(Change) bool) string {
	out, stages := p.stages(s)
	// Each stage's changes come in the order of the input; they are
	// merged by their place in it, a stage before the stages after it.
	type head struct {
		c    Change
		ok   bool
		next func() (Change, bool)
	}
	var heads []head
	for k := range stages {
		if !stages[k].listed() {
			continue
		}
		next, stop := iter.Pull(stageChanges(s, out, stages, k))
		defer stop()
		c, ok := next()
		heads = append(heads, head{c, ok, next})
	}
	for {
		best := -1
		for i := range heads {
			if heads[i].ok && (best < 0 || heads[i].c.InStart < heads[best].c.InStart) {
				best = i
			}
		}
		if best < 0 || !yield(heads[best].c) {
			return out
		}
		h := &heads[best]
		h.c, h.ok = h.next()
	}
}

// stageChanges yields the changes of stage k of s, with offsets into s
// and into out, s normalized; a run of like changes is one.
func stageChanges(s, out string, stages []stage, k int) iter.Seq[Change] {
	return func(yield func(Change) bool) {
		st := &stages[k]
		var run Change
		held, unit := false, 0 // unit: the length of the input of one change of the run
		ok := st.eachChange(func(c Change) bool {
			a, b := c.InStart, c.InEnd
			for i := k - 1; i >= 0; i-- {
				if a == b {
					a = startOf(stages[i].pieces, a)
					b = a
				} else {
					a, b = startOf(stages[i].pieces, a), endOf(stages[i].pieces, b)
				}
			}
			x, y := c.OutStart, c.OutEnd
			for i := k + 1; i < len(stages); i++ {
				if x == y {
					x = forward(stages[i].pieces, x, false)
					y = x
				} else {
					x, y = forward(stages[i].pieces, x, false), forward(stages[i].pieces, y, true)
				}
			}
			y = max(x, y)
			if st.form && s[a:b] == out[x:y] {
				return true // decomposed and composed again
			}
			c.InStart, c.InEnd, c.OutStart, c.OutEnd = a, b, x, y
			// A run stops at the end of a line, so that its place is
			// its line's (and ExplainReader, which works a line at a
			// time, gives what Explain does).
			if held && c.InStart == run.InEnd && c.OutStart == run.OutEnd && run.InEnd > 0 && !lineEnd(s[run.InEnd-1]) &&
				c.Rule == run.Rule && c.Before == run.Before && c.After == run.After && c.Detail == run.Detail &&
				s[c.InStart:c.InEnd] == s[run.InStart:run.InStart+unit] {
				run.InEnd, run.OutEnd = c.InEnd, c.OutEnd
				run.Count++
				return true
			}
			if held && !yield(run) {
				return false
			}
			run, held, unit = c, true, c.InEnd-c.InStart
			return true
		})
		if ok && held {
			yield(run)
		}
	}
}

// lineEnd reports whether a line ends after byte b (a line feed, or a
// carriage return, alone or before a line feed).
func lineEnd(b byte) bool { return b == '\n' || b == '\r' }

// forward maps an offset x of a stage's input to its output: the start of
// what the input from x on became, or with end the end of what the input
// up to x became.
func forward(ps []Piece, x int, end bool) int {
	if len(ps) == 0 {
		return 0
	}
	// The pieces are in input order; the cleaner's may nest a deletion in
	// a run of held-back white space, which only blurs the mapping there.
	j := sort.Search(len(ps), func(i int) bool { return ps[i].InStart >= x })
	if end {
		if j == 0 {
			return 0
		}
		p := ps[j-1]
		if p.Same && x <= p.InEnd {
			return p.OutStart + x - p.InStart
		}
		return p.OutEnd
	}
	if j > 0 && ps[j-1].InEnd > x {
		p := ps[j-1]
		if p.Same {
			return p.OutStart + x - p.InStart
		}
		return p.OutStart
	}
	if j == len(ps) {
		return ps[len(ps)-1].OutEnd
	}
	return ps[j].OutStart
}

// listed reports whether the stage has changes to list.
func (st *stage) listed() bool {
	if st.hidden {
		return false
	}
	for _, p := range st.pieces {
		if !p.Same {
			return true
		}
	}
	return false
}

// change is the change of a piece, with the stage's offsets and rule.
func (st *stage) change(p Piece) Change {
	return Change{InStart: p.InStart, InEnd: p.InEnd, OutStart: p.OutStart, OutEnd: p.OutEnd,
		Rule: st.rule, Before: st.in[p.InStart:p.InEnd], After: st.out[p.OutStart:p.OutEnd], Count: 1}
}

// A heldChange holds back the last change of a stage, which the next
// piece may still extend (the later letters of a decomposition).
type heldChange struct {
	c     Change
	held  bool
	yield func(Change) bool
}

// put yields the change held back, if any, and holds c.
func (h *heldChange) put(c Change) bool {
	if h.held && !h.yield(h.c) {
		return false
	}
	h.c, h.held = c, true
	return true
}

// flush yields the change held back, if any.
func (h *heldChange) flush() bool {
	if !h.held {
		return true
	}
	h.held = false
	return h.yield(h.c)
}

// eachChange calls yield with each change of the stage, with the stage's
// own offsets, in the order of its input, until yield returns false; it
// reports whether it got to the end.
func (st *stage) eachChange(yield func(Change) bool) bool {
	if st.hidden {
		return true
	}
	h := &heldChange{yield: yield}
	ps := st.pieces
	k := 0 // changed pieces so far
	for j := 0; j < len(ps); j++ {
		p := ps[j]
		if p.Same {
			continue
		}
		c := st.change(p)
		switch {
		case st.whats != nil:
			// A pass of package repair: each piece is one of its steps.
			c.Detail = st.whats[k]
			k++
			if !h.put(c) {
				return false
			}
		case st.table == nil:
			if r, size := utf8.DecodeRuneInString(c.Before); r == utf8.RuneError && size == 1 && c.After == "\uFFFD" {
				// An invalid byte after an escape sequence removed
				// (see ansiEdits).
				c.Rule = RuleInvalidUTF8
			}
			// A form's decomposition can come as an insertion before a
			// change ("ﬁ" as "f" inserted and "ﬁ" made "i"): one change.
			if l := &h.c; h.held && l.InStart == l.InEnd && l.InEnd == c.InStart && l.OutEnd == c.OutStart {
				l.InEnd, l.OutEnd = c.InEnd, c.OutEnd
				l.Before += c.Before
				l.After += c.After
				continue
			}
			if !h.put(c) {
				return false
			}
		default:
			// The cleaner's pieces may nest deletions in a run of white
			// space held back (see recorder.finish): they are listed at
			// their place in it.
			end := j + 1
			for end < len(ps) && ps[end].InStart < p.InEnd {
				end++
			}
			if !st.cleanerChanges(h, c, ps[j+1:end]) {
				return false
			}
			j = end - 1
		}
	}
	return h.flush()
}

// cleanerChanges lists the changes of a piece of the cleaner's output,
// then those of the pieces nested in it, with their rules: the op of the
// rune the piece replaced says which, and a run of white space is split
// into the changes of each of its characters.
func (st *stage) cleanerChanges(h *heldChange, c Change, nested []Piece) bool {
	switch r, size := utf8.DecodeRuneInString(c.Before); {
	case c.InStart == c.InEnd:
		// The second and later letters of a presentation form's
		// decomposition: part of the change that expanded it.
		if l := &h.c; h.held && l.InEnd == c.InStart && l.OutEnd == c.OutStart {
			l.After += c.After
			l.OutEnd = c.OutEnd
			return st.nestedChanges(h, nested)
		}
		c.Rule = PresentationForms.String()
	case r == utf8.RuneError && size <= 1:
		c.Rule = RuleInvalidUTF8
	default:
		o := st.table.lookup(r)
		if o.kind == opSpace || o.kind == opTab {
			return st.spaceChanges(h, c, nested)
		}
		c.Rule = o.rule.String()
		if o.rule == 0 {
			c.Rule = "cleaner" // not expected: every op that changes text has a rule
		}
	}
	return h.put(c) && st.nestedChanges(h, nested)
}

// nestedChanges lists the changes of pieces of the cleaner's output.
func (st *stage) nestedChanges(h *heldChange, ps []Piece) bool {
	for _, p := range ps {
		if !p.Same && !st.cleanerChanges(h, st.change(p), nil) {
			return false
		}
	}
	return true
}

// spaceChanges splits a run of white space that the cleaner trimmed,
// collapsed or mapped to SPACE into one change per character, the
// changes of the pieces nested in it at their places. It walks the run
// twice, holding nothing per character: a run may be a whole line.
func (st *stage) spaceChanges(h *heldChange, c Change, nested []Piece) bool {
	t := st.table
	after := c.After
	// What the cleaner made of each space or tab: b, a space or a tab,
	// or for a run collapsed nothing after a space.
	kept := func(b byte, first bool, prev byte) bool { return b != ' ' || first || prev != ' ' }
	space := func(i int) (size int, b byte, ok bool) {
		r, size := utf8.DecodeRuneInString(st.in[i:])
		switch t.lookup(r).kind {
		case opSpace:
			return size, ' ', true
		case opTab:
			return size, '\t', true
		}
		// Anything else in the run (a control, a ZWNJ) was dropped and
		// has a piece, and so a change, of its own.
		return size, 0, false
	}
	// Did the cleaner trim the run, map each character, or also
	// collapse spaces? Anything else is one change of the whole run.
	mapped, collapsed := 0, 0 // bytes of after matched, each way
	mappedOK, collapsedOK := true, true
	first, prev := true, byte(0)
	for i := c.InStart; i < c.InEnd; {
		size, b, ok := space(i)
		if ok {
			if mappedOK = mappedOK && mapped < len(after) && after[mapped] == b; mappedOK {
				mapped++
			}
			if kept(b, first, prev) {
				if collapsedOK = collapsedOK && collapsed < len(after) && after[collapsed] == b; collapsedOK {
					collapsed++
				}
			}
			first, prev = false, b
		}
		i += size
	}
	trimmed := after == ""
	mappedOK = mappedOK && mapped == len(after)
	collapsedOK = collapsedOK && collapsed == len(after)
	if !trimmed && !mappedOK && !collapsedOK {
		c.Rule = CollapseSpaces.String()
		return h.put(c) && st.nestedChanges(h, nested)
	}
	o := c.OutStart
	first, prev = true, 0
	for i := c.InStart; i < c.InEnd; {
		for len(nested) > 0 && nested[0].InStart <= i {
			if !st.nestedChanges(h, nested[:1]) {
				return false
			}
			nested = nested[1:]
		}
		size, b, ok := space(i)
		if ok {
			before := st.in[i : i+size]
			ch := Change{InStart: i, InEnd: i + size, OutStart: o, OutEnd: o, Before: before, Count: 1}
			switch {
			case trimmed:
				ch.Rule = TrimTrailing.String()
			case !mappedOK && !kept(b, first, prev):
				ch.Rule = CollapseSpaces.String()
			case len(before) != 1 || before[0] != b:
				ch.OutEnd = o + 1
				ch.Rule, ch.After = Spaces.String(), after[o-c.OutStart:o-c.OutStart+1]
				o++
			default:
				ch.Rule = "" // kept as it was
				o++
			}
			if ch.Rule != "" && !h.put(ch) {
				return false
			}
			first, prev = false, b
		}
		i += size
	}
	return st.nestedChanges(h, nested)
}

// ExplainReader reads text from r and calls fn with each change that p
// makes to it, in order, with offsets into the whole text, and with the
// number (from 1) and the offset of the line the change is in, lines
// numbered as package diag numbers them (LF, CR LF and a lone CR each end
// one). It works a line feed at a time (no rule looks past a line feed,
// and the forms do not compose across one), so it needs memory for the
// longest line only, and gives each change as it is found, so that fn
// sees the changes of Explain on the whole text. An error from fn stops
// it and is returned.
func (p Profile) ExplainReader(r io.Reader, fn func(c Change, line, lineStart int) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	inBase, outBase, lineNo := 0, 0, 1
	// A Builder, not a slice made a string: the line is not copied, and
	// the changes' Before may keep it.
	var line strings.Builder
	for {
		chunk, err := br.ReadSlice('\n')
		line.Write(chunk)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		if line.Len() > 0 {
			text := line.String()
			line.Reset()
			// The text read ends with a line feed (or the input): a lone
			// CR in it ends a line too.
			lines := diag.NewLines(text)
			var ferr error
			out := p.explainTo(text, func(c Change) bool {
				pos := lines.Pos(c.InStart)
				c.InStart += inBase
				c.InEnd += inBase
				c.OutStart += outBase
				c.OutEnd += outBase
				ferr = fn(c, lineNo+pos.Line-1, c.InStart-pos.Col+1)
				return ferr == nil
			})
			if ferr != nil {
				return ferr
			}
			inBase += len(text)
			outBase += len(out)
			lineNo += lines.Count()
		}
		if err == io.EOF {
			return nil
		}
	}
}
