//go:build lingua

package main

// With -tags lingua the command has lingua-go's engine (--engine lingua),
// and its 100 MB of models; the default build does not link lingua-go.
import _ "github.com/textnorm/textnorm/engine/lingua"
