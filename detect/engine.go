package detect

import (
	"strconv"

	"github.com/textnorm/textnorm/diag"
)

// Engine selects the statistics that language identification weighs with
// orthography and context. It implements flag.Value, so a command can take
// it as a flag: flag.Var(&opts.Engine, "engine", "...").
type Engine int

const (
	// EngineDefault scores with textnorm's character n-gram model (built
	// from lingua-go's own models) and asks lingua-go about a shortlist of
	// languages when the n-grams do not settle a sentence.
	EngineDefault Engine = iota
	// EngineLingua scores with lingua-go alone: slower, for comparison.
	EngineLingua
	// EngineNgram scores with the n-gram model alone: the fastest, and
	// no lingua-go model is loaded.
	EngineNgram
)

var engineNames = []string{"default", "lingua", "ngram"}

// Engines returns the names of the engines, in the order of their values.
func Engines() []string { return append([]string(nil), engineNames...) }

// String returns the engine's name: "default", "lingua" or "ngram".
func (e Engine) String() string {
	if e < 0 || int(e) >= len(engineNames) {
		return "Engine(" + strconv.Itoa(int(e)) + ")"
	}
	return engineNames[e]
}

// Set sets e to the engine named name (see ParseEngine).
func (e *Engine) Set(name string) error {
	v, err := ParseEngine(name)
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// ParseEngine returns the Engine named "default", "lingua" or "ngram" (in
// any case; "" is the default). An unknown name is a *diag.UnknownError.
func ParseEngine(name string) (Engine, error) {
	if name == "" {
		return EngineDefault, nil
	}
	i, err := diag.Choose("engine", name, engineNames)
	if err != nil {
		return 0, err
	}
	return Engine(i), nil
}
