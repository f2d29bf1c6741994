package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/textnorm/textnorm/engine"
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
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			// The sample the README's first command runs.
			sample, err := os.ReadFile("../../testdata/sample/news_fa_en.txt")
			if err != nil {
				return err
			}
			return os.WriteFile(e.WorkDir+"/sample.txt", sample, 0o644)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fill":    cmdFill,
			"gzip":    cmdGzip,
			"mode":    cmdMode,
			"setmode": cmdSetmode,
			"chown":   cmdChown,
			"owner":   cmdOwner,
			"json":    cmdJSON,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			case "lingua": // built with -tags lingua
				return slices.Contains(engine.Names(), "lingua"), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// cmdFill writes a file: fill FILE [TEXT N]... writes each TEXT (a Go
// string literal without its quotes, so \x00 is a NUL) N times. FILE is
// such a literal too, so that a name can have any byte.
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args)%2 != 1 {
		ts.Fatalf("usage: fill FILE [TEXT N]...")
	}
	name, err := strconv.Unquote(`"` + args[0] + `"`)
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(name))
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

// cmdMode checks a file's mode: mode FILE MODE (octal, as chmod(1) takes
// it: 2750 is setgid and rwxr-x---).
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mode FILE MODE")
	}
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	m := uint32(st.Mode().Perm())
	for bit, mode := range map[uint32]os.FileMode{0o4000: os.ModeSetuid, 0o2000: os.ModeSetgid, 0o1000: os.ModeSticky} {
		if st.Mode()&mode != 0 {
			m |= bit
		}
	}
	if got := fmt.Sprintf("%o", m); got != args[1] {
		ts.Fatalf("%s: mode %s, want %s", args[0], got, args[1])
	}
}

// cmdSetmode sets a file's mode, setuid, setgid and sticky bits included:
// setmode FILE MODE (octal, as chmod(1) takes it).
func cmdSetmode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: setmode FILE MODE")
	}
	n, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	m := os.FileMode(n & 0o777)
	for bit, mode := range map[uint64]os.FileMode{0o4000: os.ModeSetuid, 0o2000: os.ModeSetgid, 0o1000: os.ModeSticky} {
		if n&bit != 0 {
			m |= mode
		}
	}
	ts.Check(os.Chmod(ts.MkAbs(args[0]), m))
}

// cmdChown sets a file's owner and group: chown FILE UID:GID.
func cmdChown(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: chown FILE UID:GID")
	}
	u, g, ok := strings.Cut(args[1], ":")
	uid, err1 := strconv.Atoi(u)
	gid, err2 := strconv.Atoi(g)
	if !ok || err1 != nil || err2 != nil {
		ts.Fatalf("usage: chown FILE UID:GID")
	}
	ts.Check(os.Lchown(ts.MkAbs(args[0]), uid, gid))
}

// cmdOwner checks a file's owner and group: owner FILE UID:GID.
func cmdOwner(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: owner FILE UID:GID")
	}
	st, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	o := ownerOf(st)
	if !o.ok {
		ts.Fatalf("%s: no owner on this system", args[0])
	}
	if got := fmt.Sprintf("%d:%d", o.uid, o.gid); got != args[1] {
		ts.Fatalf("%s: owner %s, want %s", args[0], got, args[1])
	}
}

// cmdJSON checks that a file (such as stdout) is valid JSON, and valid
// UTF-8: json [-lines] FILE; with -lines, that each of its lines is, as
// JSON Lines are.
func cmdJSON(ts *testscript.TestScript, neg bool, args []string) {
	lines := len(args) == 2 && args[0] == "-lines"
	if lines {
		args = args[1:]
	}
	if len(args) != 1 {
		ts.Fatalf("usage: json [-lines] FILE")
	}
	data := ts.ReadFile(args[0])
	docs := []string{data}
	if lines {
		docs = strings.SplitAfter(data, "\n")
		if last := docs[len(docs)-1]; last == "" {
			docs = docs[:len(docs)-1]
		}
	}
	var bad []string
	for i, d := range docs {
		if lines && !strings.HasSuffix(d, "\n") {
			bad = append(bad, fmt.Sprintf("line %d: no line feed", i+1))
		}
		if !json.Valid([]byte(d)) || !utf8.ValidString(d) {
			bad = append(bad, fmt.Sprintf("line %d: invalid JSON: %+q", i+1, d))
		}
	}
	switch {
	case neg && len(bad) == 0:
		ts.Fatalf("%s is valid JSON", args[0])
	case !neg && len(bad) > 0:
		ts.Fatalf("%s: %s", args[0], strings.Join(bad, "; "))
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
