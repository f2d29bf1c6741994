package textnormbeam

import (
	"encoding/json"
	"reflect"
	"sync"
)

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// shared holds what a worker process builds once per set of options: a
// tagger, a normalizer. Its DoFns are many (a bundle each, on some
// runners) and each one's Setup asks for the same.
var shared sync.Map // key -> func() (any, error)

// sharedValue returns the value that build makes for options opts, built
// once in the process.
func sharedValue[T any](kind string, opts any, build func() (T, error)) (T, error) {
	k, err := json.Marshal(opts)
	if err != nil {
		var zero T
		return zero, err
	}
	once, _ := shared.LoadOrStore(kind+string(k), sync.OnceValues(func() (any, error) { return build() }))
	v, err := once.(func() (any, error))()
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}
