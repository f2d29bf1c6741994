package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the testscript files' expected output with what textnorm prints")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"textnorm": func() { os.Exit(mainRun()) },
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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fill": cmdFill,
			"gzip": cmdGzip,
			"mode": cmdMode,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// cmdFill writes a file: fill FILE [TEXT N]... writes each TEXT (a Go
// string literal without its quotes, so \x00 is a NUL) N times.
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args)%2 != 1 {
		ts.Fatalf("usage: fill FILE [TEXT N]...")
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	for i := 1; i < len(args); i += 2 {
		text, err := strconv.Unquote(`"` + args[i] + `"`)
		ts.Check(err)
		n, err := strconv.Atoi(args[i+1])
		ts.Check(err)
		_, err = f.WriteString(strings.Repeat(text, n))
		ts.Check(err)
	}
}

// cmdGzip compresses a file into FILE.gz, keeping the file.
func cmdGzip(ts *testscript.TestScript, neg bool, args []string) {
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	ts.Check(zw.Close())
	ts.Check(os.WriteFile(ts.MkAbs(args[0]+".gz"), b.Bytes(), 0o644))
}

// cmdMode checks a file's permission bits: mode FILE MODE (octal).
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := fmt.Sprintf("%o", st.Mode().Perm()); got != args[1] {
		ts.Fatalf("%s: mode %s, want %s", args[0], got, args[1])
	}
}

// runCLI runs textnorm in-process with stdin and returns its output and
// status.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, bytes.NewReader([]byte(stdin)), &out, &errOut)
	return out.String(), errOut.String(), code
}
