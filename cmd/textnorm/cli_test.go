package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/textnorm/textnorm/engine"
)

// TestUsageNamesEveryFlag walks each command's flags: its usage line, the
// synopsis that "textnorm help COMMAND" prints first, must name every one.
func TestUsageNamesEveryFlag(t *testing.T) {
	for _, c := range commands {
		stdout, stderr, code := runCLI(t, "", "help", c.name)
		if code != exitOK || stderr != "" {
			t.Fatalf("help %s: exit %d, %s", c.name, code, stderr)
		}
		synopsis, _, _ := strings.Cut(stdout, "\n\n")
		if !strings.HasPrefix(synopsis, "usage: textnorm "+c.name) {
			t.Fatalf("help %s starts %q", c.name, synopsis)
		}
		fs, _ := c.flagSet()
		n := 0
		fs.VisitAll(func(f *flag.Flag) {
			n++
			re := regexp.MustCompile(`(^|[\s\[|])` + regexp.QuoteMeta(flagName(f.Name)) + `([\s\]|=]|$)`)
			if !re.MatchString(synopsis) {
				t.Errorf("textnorm %s: the usage line does not name %s:\n%s", c.name, flagName(f.Name), synopsis)
			}
			if !strings.Contains(stdout, "\n  -"+f.Name) {
				t.Errorf("textnorm %s: the help does not describe -%s", c.name, f.Name)
			}
		})
		// The other way round: every flag the usage line names exists.
		for _, m := range regexp.MustCompile(`(?:^|[\s\[|])--?([a-z][a-z0-9-]*)`).FindAllStringSubmatch(synopsis, -1) {
			if fs.Lookup(m[1]) == nil {
				t.Errorf("textnorm %s: the usage line names %s, which is no flag", c.name, m[0])
			}
		}
		if c.name != "version" && n == 0 {
			t.Errorf("textnorm %s: no flags", c.name)
		}
	}
}

// textnorm --version and -version are textnorm version.
func TestVersionFlag(t *testing.T) {
	want, _, code := runCLI(t, "", "version")
	if code != exitOK || !strings.HasPrefix(want, "textnorm "+version+"\n") {
		t.Fatalf("version: exit %d, %q", code, want)
	}
	for _, arg := range []string{"--version", "-version"} {
		if got, stderr, code := runCLI(t, "", arg); got != want || stderr != "" || code != exitOK {
			t.Errorf("textnorm %s: exit %d, %q, stderr %q; want %q", arg, code, got, stderr, want)
		}
	}
}

// An unknown flag, a flag without its value, or a value a flag refuses is
// one line on standard error, and nothing on standard output.
func TestBadFlagsOneLine(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{"--no-such-flag"}, {"-x", "file"}} {
			stdout, stderr, code := runCLI(t, "", append([]string{c.name}, args...)...)
			want := "textnorm: " + c.name + ": flag provided but not defined: -" + strings.TrimLeft(args[0], "-") + " (run 'textnorm help " + c.name + "')\n"
			if code != exitUsage || stdout != "" || stderr != want {
				t.Errorf("textnorm %s %s: exit %d, stdout %q, stderr %q; want %q", c.name, args[0], code, stdout, stderr, want)
			}
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"tag", "--format"}, "textnorm: tag: flag needs an argument: -format (run 'textnorm help tag')\n"},
		{[]string{"tag", "x.txt", "--engine"}, "textnorm: tag: flag needs an argument: -engine (run 'textnorm help tag')\n"},
		{[]string{"detect", "--engine", "gpt"}, "textnorm: --engine: unknown engine \"gpt\" (known: " + strings.Join(engine.Names(), ", ") + ")\n"},
		{[]string{"detect", "--format=json"}, "textnorm: --format: unknown format \"json\" (known: text, jsonl, tsv)\n"},
		{[]string{"normalize", "--form", "NFX"}, "textnorm: --form: unknown form \"NFX\" (known: nfc, nfd, nfkc, nfkd)\n"},
		{[]string{"normalize", "--without", "spaces,nope"}, "textnorm: --without: unknown rule \"nope\" (known: "},
		{[]string{"normalize", "-w=maybe"}, "textnorm: -w: want true or false, not \"maybe\"\n"},
		{[]string{"fixtures", "-j", "0", "x.txt"}, "textnorm: -j: want at least 1, not 0\n"},
		{[]string{"fixtures", "--profile", "nope", "x.txt"}, "textnorm: --profile: unknown profile \"nope\" (known: auto, none, default, fa, ar, ur, ps, search)\n"},
		{[]string{"tag", "--langs", "en,xx"}, "textnorm: --langs: unknown language \"xx\" (known: "},
	} {
		stdout, stderr, code := runCLI(t, "", tt.args...)
		if code != exitUsage || stdout != "" || !strings.HasPrefix(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("textnorm %s: exit %d, stdout %q, stderr %q; want %q", strings.Join(tt.args, " "), code, stdout, stderr, tt.want)
		}
	}
}

// TestNoErrorTextMatching keeps the command from reading errors by their
// text: no strings, bytes or regexp function (TrimPrefix, HasPrefix,
// Contains, Cut, ...), no comparison and no switch takes the text of an
// error (x.Error()). The command tells errors apart by their types, with
// errors.As and errors.Is.
func TestNoErrorTextMatching(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, use := range errorTextUses(fset, f) {
			t.Error(use)
		}
	}
	// The guard finds what it guards against.
	src := `package p
func f(err error) bool {
	switch err.Error() {
	case "z":
	}
	return strings.HasPrefix(err.Error(), "x") || err.Error() == "y" || strings.Contains(fmt.Sprint(err.Error()), "w")
}`
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if uses := errorTextUses(fset, f); len(uses) != 4 {
		t.Errorf("the guard finds %d uses in its sample, want 4: %q", len(uses), uses)
	}
}

// errorTextUses lists the places where f reads the text of an error.
func errorTextUses(fset *token.FileSet, f *ast.File) []string {
	isErrorText := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" && len(c.Args) == 0 {
					found = true
				}
			}
			return !found
		})
		return found
	}
	var uses []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && (pkg.Name == "strings" || pkg.Name == "bytes" || pkg.Name == "regexp") {
				for _, a := range n.Args {
					if isErrorText(a) {
						uses = append(uses, fmt.Sprintf("%s: %s.%s reads the text of an error", fset.Position(n.Pos()), pkg.Name, sel.Sel.Name))
					}
				}
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isErrorText(n.X) || isErrorText(n.Y)) {
				uses = append(uses, fmt.Sprintf("%s: compares the text of an error", fset.Position(n.Pos())))
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && isErrorText(n.Tag) {
				uses = append(uses, fmt.Sprintf("%s: switches on the text of an error", fset.Position(n.Pos())))
			}
		}
		return true
	})
	return uses
}
