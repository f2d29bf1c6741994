package langid

import (
	"sync"

	"github.com/textnorm/textnorm/script"
)

// Context records, per script, which languages a document has shown and with
// what weight. Short spans that cannot be decided alone take the languages of
// their Context. The weight of a decided sentence is its letter count times
// its confidence, so long confident sentences count most.
//
// A Context is safe for concurrent use. The zero value is not usable; use
// [NewContext]. A nil *Context is accepted everywhere and means "no context".
type Context struct {
	mu   sync.Mutex
	w    map[script.Script]map[string]float64 // script -> lang -> weight
	base *Context                             // weights under w's, never changed (see Over)
}

// NewContext returns an empty Context.
func NewContext() *Context {
	return &Context{w: map[script.Script]map[string]float64{}}
}

// Clone returns a copy of c, which changes apart from it.
func (c *Context) Clone() *Context {
	n := NewContext()
	if c == nil {
		return n
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n.base = c.base
	for sc, m := range c.w {
		cm := make(map[string]float64, len(m))
		for l, w := range m {
			cm[l] = w
		}
		n.w[sc] = cm
	}
	return n
}

// Over returns an empty Context over base: it holds base's weights, and what
// is added to it on top. It costs nothing to make, as Clone does, so a
// Context of default weights can start every document; base must not be
// changed after.
func Over(base *Context) *Context {
	n := NewContext()
	n.base = base
	return n
}

// weights returns the weights of script's languages, base's and c's added,
// with c locked. The map is c's own when base has none, and must not be
// changed.
func (c *Context) weights(sc script.Script) map[string]float64 {
	m := c.w[sc]
	if c.base == nil {
		return m
	}
	bm := c.base.weightsLocked(sc)
	switch {
	case len(bm) == 0:
		return m
	case len(m) == 0:
		return bm
	}
	sum := make(map[string]float64, len(bm)+len(m))
	for l, w := range bm {
		sum[l] = w
	}
	for l, w := range m {
		sum[l] += w
	}
	return sum
}

// weightsLocked is weights with c's lock taken.
func (c *Context) weightsLocked(sc script.Script) map[string]float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.weights(sc)
}

// Add records weight w (> 0) for language lang in script. Undecided ("und")
// and empty languages, and non-positive weights, are ignored.
func (c *Context) Add(sc script.Script, lang string, w float64) {
	if c == nil || lang == "" || lang == Und || !(w > 0) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.w[sc]
	if m == nil {
		m = map[string]float64{}
		c.w[sc] = m
	}
	m[lang] += w
}

// Observe records the sentences of a that were decided on their own evidence
// (not those that needed context) in c.
func (c *Context) Observe(a *Analysis) {
	if c == nil || a == nil {
		return
	}
	for _, s := range a.sents {
		if s.decided && !a.standalone {
			c.Add(a.script, s.lang, float64(s.letters)*s.conf)
		}
	}
}

// Weight returns the weight recorded for lang in script.
func (c *Context) Weight(sc script.Script, lang string) float64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	w := c.w[sc][lang]
	if c.base != nil {
		w += c.base.Weight(sc, lang)
	}
	return w
}

// Prior returns the recorded weights of script's languages among candidates,
// normalised to sum to 1, or nil when none of them has been seen.
func (c *Context) Prior(sc script.Script, candidates []string) map[string]float64 {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.weights(sc)
	total := 0.0
	for _, l := range candidates {
		total += m[l]
	}
	if total <= 0 {
		return nil
	}
	p := make(map[string]float64, len(candidates))
	for _, l := range candidates {
		if m[l] > 0 {
			p[l] = m[l] / total
		}
	}
	return p
}

// ShownAny reports whether c itself, not the base it is Over, has recorded
// a language of any script: whether the document has shown any text
// beyond the defaults it started from.
func (c *Context) ShownAny() bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.w) > 0
}

// Seen reports whether c has recorded any language of script.
func (c *Context) Seen(sc script.Script) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.w[sc]) > 0 || c.base.Seen(sc)
}
