//go:build !race

package normalize

// raceEnabled is set when the race detector is on, which makes the
// large-input tests some ten times slower.
const raceEnabled = false
