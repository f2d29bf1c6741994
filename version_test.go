package textnorm

import (
	"os"
	"regexp"
	"runtime/debug"
	"testing"
)

// TestLinguaVersion checks LinguaVersion against go.mod's require line and,
// when the test binary has build information, against the module linked in.
func TestLinguaVersion(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/pemistahl/lingua-go\s+(v\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod: no require line for github.com/pemistahl/lingua-go")
	}
	if got := string(m[1]); got != LinguaVersion {
		t.Errorf("go.mod requires lingua-go %s, LinguaVersion is %s: update version.go", got, LinguaVersion)
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/pemistahl/lingua-go" {
				v := d.Version
				if d.Replace != nil {
					v = d.Replace.Version
				}
				if v != LinguaVersion {
					t.Errorf("build information: lingua-go %s, LinguaVersion is %s", v, LinguaVersion)
				}
			}
		}
	}
}
