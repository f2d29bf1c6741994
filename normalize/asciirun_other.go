//go:build !amd64 || purego

package normalize

// hasAVX2: there is no vector loop here.
const hasAVX2 = false

// asciiRun steps over nothing where there is no vector loop: span's loop
// of eight bytes a step does the work.
func asciiRun(set *asciiRunSet, s string, i int) (k, lf int) { return 0, 0 }
