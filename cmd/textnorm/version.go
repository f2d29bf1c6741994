package main

import (
	"flag"
	"fmt"
	"runtime/debug"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/textnorm/textnorm"
)

// version is textnorm's version; the library holds it, so that fixture
// manifests name the same one.
const version = textnorm.Version

var versionCommand = &command{
	name:     "version",
	summary:  "print the version of textnorm and of its data (also textnorm --version)",
	synopsis: "",
	example:  "textnorm version",
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		return runVersion
	},
}

func runVersion(e *env, names []string) error {
	if len(names) > 0 {
		return usageError("version: takes no arguments, not %q (run 'textnorm help version')", names[0])
	}
	fmt.Fprintf(e.stdout, "textnorm %s\n", version)
	fmt.Fprintf(e.stdout, "unicode %s (x/text norm %s, Go unicode %s)\n", norm.Version, moduleVersion("golang.org/x/text"), unicode.Version)
	name, sum := textnorm.Model()
	fmt.Fprintf(e.stdout, "model %s (sha256 %s)\n", name, sum)
	return nil
}

// moduleVersion returns the version of a dependency built into the binary.
func moduleVersion(path string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == path {
				if m.Replace != nil {
					return m.Replace.Version
				}
				return m.Version
			}
		}
	}
	return "(unknown)"
}
