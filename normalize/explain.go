package normalize

import (
	"bufio"
	"errors"
	"io"
	"sort"
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
}

// RuleInvalidUTF8 is the Rule of a Change that replaced an invalid byte.
const RuleInvalidUTF8 = "invalid-utf8"

// Explain returns every change that p makes to s, in the order of the
// input (changes at one place in the order of the stages that made them).
// Applying the changes of each stage in turn gives p.Apply(s).
//
// A decomposition that the form undoes (a Hangul syllable in a profile
// with NFKC, decomposed so that the rules see its parts and composed again)
// is no change and is not listed.
func (p Profile) Explain(s string) []Change {
	_, changes := p.explain(s)
	return changes
}

// explain returns s normalized and the changes.
func (p Profile) explain(s string) (string, []Change) {
	out, stages := p.stages(s)
	type staged struct {
		Change
		stage int
	}
	var all []staged
	for k, st := range stages {
		for _, c := range st.changes() {
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
				continue // decomposed and composed again
			}
			c.InStart, c.InEnd, c.OutStart, c.OutEnd = a, b, x, y
			all = append(all, staged{c, k})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].InStart != all[j].InStart {
			return all[i].InStart < all[j].InStart
		}
		return all[i].stage < all[j].stage
	})
	var changes []Change
	for _, c := range all {
		changes = append(changes, c.Change)
	}
	return out, changes
}

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

// changes lists the changes of one stage, with the stage's own offsets.
func (st *stage) changes() []Change {
	if st.hidden {
		return nil
	}
	var cs []Change
	k := 0 // changed pieces so far
	for _, p := range st.pieces {
		if p.Same {
			continue
		}
		c := Change{InStart: p.InStart, InEnd: p.InEnd, OutStart: p.OutStart, OutEnd: p.OutEnd,
			Rule: st.rule, Before: st.in[p.InStart:p.InEnd], After: st.out[p.OutStart:p.OutEnd]}
		if st.whats != nil {
			// A pass of package repair: each piece is one of its steps.
			if w := st.whats[k]; w != "" {
				c.Detail = w
			}
			k++
			cs = append(cs, c)
			continue
		}
		if st.table == nil {
			// A form's decomposition can come as an insertion before a
			// change ("ﬁ" as "f" inserted and "ﬁ" made "i"): one change.
			if n := len(cs); n > 0 && cs[n-1].InStart == cs[n-1].InEnd &&
				cs[n-1].InEnd == c.InStart && cs[n-1].OutEnd == c.OutStart {
				cs[n-1].InEnd, cs[n-1].OutEnd = c.InEnd, c.OutEnd
				cs[n-1].Before += c.Before
				cs[n-1].After += c.After
				continue
			}
			cs = append(cs, c)
			continue
		}
		cs = st.cleanerChanges(cs, c)
	}
	return cs
}

// cleanerChanges appends the changes of a piece of the cleaner's output,
// with its rule: the op of the rune the piece replaced says which, and a run
// of white space is split into the changes of each of its characters.
func (st *stage) cleanerChanges(cs []Change, c Change) []Change {
	t := st.table
	after := st.afterOf(c)
	if c.InStart == c.InEnd {
		// The second and later letters of a presentation form's
		// decomposition: part of the change that expanded it.
		if n := len(cs); n > 0 && cs[n-1].InEnd == c.InStart && cs[n-1].OutEnd == c.OutStart {
			cs[n-1].After += after
			cs[n-1].OutEnd = c.OutEnd
			return cs
		}
		c.Rule, c.After = PresentationForms.String(), after
		return append(cs, c)
	}
	r, size := utf8.DecodeRuneInString(c.Before)
	if r == utf8.RuneError && size <= 1 {
		c.Rule, c.After = RuleInvalidUTF8, after
		return append(cs, c)
	}
	o := t.lookup(r)
	if o.kind == opSpace || o.kind == opTab {
		return st.spaceChanges(cs, c, after)
	}
	c.Rule, c.After = o.rule.String(), after
	if o.rule == 0 {
		c.Rule = "cleaner" // not expected: every op that changes text has a rule
	}
	return append(cs, c)
}

// afterOf returns the output of the cleaner for a piece.
func (st *stage) afterOf(c Change) string {
	return st.out[c.OutStart:c.OutEnd]
}

// spaceChanges splits a run of white space that the cleaner trimmed,
// collapsed or mapped to SPACE into one change per character.
func (st *stage) spaceChanges(cs []Change, c Change, after string) []Change {
	t := st.table
	type ws struct {
		start, end int
		r          rune
		b          byte // what it becomes: ' ' or '\t'
	}
	var run []ws
	for i := c.InStart; i < c.InEnd; {
		r, size := utf8.DecodeRuneInString(st.in[i:])
		if k := t.lookup(r).kind; k == opSpace || k == opTab {
			b := byte(' ')
			if k == opTab {
				b = '\t'
			}
			run = append(run, ws{i, i + size, r, b})
		}
		// Anything else in the run (a control, a ZWNJ) was dropped and
		// has a piece, and so a change, of its own.
		i += size
	}
	mapped := make([]byte, len(run))
	for i, w := range run {
		mapped[i] = w.b
	}
	var keep []bool
	switch {
	case after == "":
		// Trailing white space, trimmed.
		for _, w := range run {
			cs = append(cs, Change{InStart: w.start, InEnd: w.end, OutStart: c.OutStart, OutEnd: c.OutStart,
				Rule: TrimTrailing.String(), Before: st.in[w.start:w.end]})
		}
		return cs
	case after == string(mapped):
		keep = make([]bool, len(run))
		for i := range keep {
			keep[i] = true
		}
	default:
		var b []byte
		keep = make([]bool, len(run))
		for i, m := range mapped {
			keep[i] = m != ' ' || i == 0 || mapped[i-1] != ' '
			if keep[i] {
				b = append(b, m)
			}
		}
		if string(b) != after {
			c.Rule, c.After = CollapseSpaces.String(), after
			return append(cs, c)
		}
	}
	o := c.OutStart
	for i, w := range run {
		before := st.in[w.start:w.end]
		switch {
		case !keep[i]:
			cs = append(cs, Change{InStart: w.start, InEnd: w.end, OutStart: o, OutEnd: o,
				Rule: CollapseSpaces.String(), Before: before})
		case before != string(w.b):
			cs = append(cs, Change{InStart: w.start, InEnd: w.end, OutStart: o, OutEnd: o + 1,
				Rule: Spaces.String(), Before: before, After: string(w.b)})
			o++
		default:
			o++
		}
	}
	return cs
}

// ExplainReader reads text from r and calls fn with each change that p
// makes to it, in order, with offsets into the whole text, and with the
// number (from 1) and the offset of the line the change is in, lines
// numbered as package diag numbers them (LF, CR LF and a lone CR each end
// one). It works a line feed at a time (no rule looks past a line feed,
// and the forms do not compose across one), so it needs memory for the
// longest line only. An error from fn stops it and is returned.
func (p Profile) ExplainReader(r io.Reader, fn func(c Change, line, lineStart int) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	inBase, outBase, lineNo := 0, 0, 1
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		if len(line) > 0 {
			text := string(line)
			out, changes := p.explain(text)
			// The text read ends with a line feed (or the input): a lone
			// CR in it ends a line too.
			lines := diag.NewLines(text)
			for _, c := range changes {
				pos := lines.Pos(c.InStart)
				c.InStart += inBase
				c.InEnd += inBase
				c.OutStart += outBase
				c.OutEnd += outBase
				if ferr := fn(c, lineNo+pos.Line-1, c.InStart-pos.Col+1); ferr != nil {
					return ferr
				}
			}
			inBase += len(line)
			outBase += len(out)
			lineNo += lines.Count()
			line = line[:0]
		}
		if err == io.EOF {
			return nil
		}
	}
}
