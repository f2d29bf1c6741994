// Package engine is the interface between textnorm's segmentation and the
// statistics that tell languages apart: the default n-gram engine built
// into detect, lingua-go's detector (package
// github.com/textnorm/textnorm/engine/lingua, linked only by programs that
// import it), or a user's own model. An Engine plugs in through
// detect.Options.Engine without touching detect.
//
// Engines are also known by name, for command lines: a package that
// implements one registers it in its init function (Register), as
// database/sql drivers do, and Open or a Name flag finds it.
package engine

import (
	"slices"
	"strings"
	"sync"

	"github.com/textnorm/textnorm/diag"
)

// Score is the probability P that a text is in language Lang (a BCP 47
// language subtag, as package language names it).
type Score struct {
	Lang string
	P    float64
}

// An Engine scores a text, a span of one script, against candidate
// languages.
//
// Scores returns one Score for each candidate the engine has a model for,
// sorted by descending P (ties by language code), with the P summing to 1;
// candidates it has no model for are left out. It returns nil when it
// cannot tell the candidates apart (fewer than two known candidates, or no
// letters). Implementations must be safe for concurrent use, and should
// give the same answer for the same text on every platform.
type Engine interface {
	Scores(text string, candidates []string) []Score
}

// Func adapts a function to the Engine interface.
type Func func(text string, candidates []string) []Score

// Scores calls f(text, candidates).
func (f Func) Scores(text string, candidates []string) []Score { return f(text, candidates) }

// Standalone is implemented by an engine whose answers are to be taken as
// they are: detect gives each span the engine's best language and its P as
// the confidence, with none of textnorm's orthographic evidence, context or
// priors. lingua-go's engine is one, so that --engine lingua is lingua-go
// alone.
type Standalone interface {
	Engine
	Standalone()
}

// SortScores sorts s by descending P, ties by language code, as Scores
// must return them.
func SortScores(s []Score) {
	slices.SortFunc(s, func(a, b Score) int {
		if a.P != b.P {
			if a.P > b.P {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Lang, b.Lang)
	})
}

var (
	mu      sync.Mutex
	openers = map[string]func() Engine{}
	engines = map[string]Engine{}
)

// Register makes an engine known by name; open is called once, on the
// first Open of the name, and the engine it returns is shared. Registering
// a name twice panics.
func Register(name string, open func() Engine) {
	mu.Lock()
	defer mu.Unlock()
	name = strings.ToLower(name)
	if _, dup := openers[name]; dup {
		panic("engine: Register called twice for " + name)
	}
	openers[name] = open
}

// Names returns the names of the registered engines, sorted.
func Names() []string {
	mu.Lock()
	defer mu.Unlock()
	names := make([]string, 0, len(openers))
	for n := range openers {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Open returns the engine registered as name (in any case), or a
// *diag.UnknownError that lists the registered ones.
func Open(name string) (Engine, error) {
	names := Names()
	i, err := diag.Choose("engine", name, names)
	if err != nil {
		return nil, err
	}
	name = names[i]
	mu.Lock()
	defer mu.Unlock()
	if e, ok := engines[name]; ok {
		return e, nil
	}
	e := openers[name]()
	engines[name] = e
	return e, nil
}

// Name is the name of a registered engine, as a command-line flag takes
// it: *Name implements flag.Value, and Set refuses a name no package has
// registered. The zero value is "default".
type Name string

// String returns the name, "default" for the zero value.
func (n Name) String() string {
	if n == "" {
		return "default"
	}
	return string(n)
}

// Set sets n to name if an engine is registered as name.
func (n *Name) Set(name string) error {
	names := Names()
	i, err := diag.Choose("engine", name, names)
	if err != nil {
		return err
	}
	*n = Name(names[i])
	return nil
}

// Open opens the engine named n (see Open).
func (n Name) Open() (Engine, error) { return Open(n.String()) }
