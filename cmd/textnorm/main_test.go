package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the testscript files' expected output with what textnorm prints")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"textnorm": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: each one runs
// textnorm and asserts its output, standard error and exit status. Run with
// -update to rewrite their expected output, then review the diff.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			// The sample the README's first command runs.
			sample, err := os.ReadFile("../../testdata/sample/news_fa_en.txt")
			if err != nil {
				return err
			}
			return os.WriteFile(e.WorkDir+"/sample.txt", sample, 0o644)
		},
	})
}

// runCLI runs textnorm in-process with stdin and returns its output and
// status.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, bytes.NewReader([]byte(stdin)), &out, &errOut)
	return out.String(), errOut.String(), code
}
