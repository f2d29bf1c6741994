package normalize

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies checks that normalize links nothing but the standard
// library, golang.org/x/text and textnorm's own standard-library-only
// packages: a program that normalizes must not pay for language models.
func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case !strings.Contains(strings.SplitN(dep, "/", 2)[0], "."): // the standard library
		case strings.HasPrefix(dep, "golang.org/x/text/"):
		case dep == "github.com/textnorm/textnorm/normalize", dep == "github.com/textnorm/textnorm/diag",
			dep == "github.com/textnorm/textnorm/repair", dep == "github.com/textnorm/textnorm/script",
			dep == "github.com/textnorm/textnorm/protect", dep == "github.com/textnorm/textnorm/internal/lines",
			dep == "github.com/textnorm/textnorm/internal/utf8tail":
		default:
			t.Errorf("normalize depends on %s", dep)
		}
	}
}
