package script

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSmallProgram builds a program that uses only Of and checks that it
// stays small and links nothing outside the standard library: a program
// that needs scripts must not pay for language models.
func TestSmallProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	bin := filepath.Join(t.TempDir(), "ofonly")
	if out, err := exec.Command("go", "build", "-o", bin, "./testdata/ofonly").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	st, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	const limit = 4 << 20
	t.Logf("a program that calls script.Of is %.2f MB", float64(st.Size())/(1<<20))
	if st.Size() > limit {
		t.Errorf("a program that calls script.Of is %d bytes, over %d", st.Size(), limit)
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(strings.SplitN(dep, "/", 2)[0], ".") && dep != "github.com/textnorm/textnorm/script" {
			t.Errorf("package script depends on %s, outside the standard library", dep)
		}
	}
}
