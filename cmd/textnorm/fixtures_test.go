package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixturesRepo runs "textnorm fixtures --check" on the repository's
// own fixtures, with one worker and with eight, as another project's CI
// would: the CLI must agree with the library that made them.
func TestFixturesRepo(t *testing.T) {
	inputs, err := filepath.Glob("../../testdata/fixtures/input/*.txt")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixture inputs: %v", err)
	}
	for _, j := range []string{"1", "8"} {
		args := append([]string{"fixtures", "--out", "../../testdata/fixtures", "--check", "-j", j}, inputs...)
		if _, stderr, code := runCLI(t, "", args...); code != exitOK {
			t.Errorf("-j %s: exit %d, stderr:\n%s(regenerate: go test ./fixtures -update)", j, code, stderr)
		}
	}
}

// TestFixturesExitCodes checks the exit statuses: 0 fresh, 1 stale or
// missing, 2 usage or input errors.
func TestFixturesExitCodes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(in, []byte("Hello, world.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"missing", []string{"fixtures", "--out", out, "--check", in}, exitCheck, "in.norm.txt: missing"},
		{"write", []string{"fixtures", "--out", out, in}, exitOK, ""},
		{"fresh", []string{"fixtures", "--out", out, "--check", in}, exitOK, ""},
		{"stale", []string{"fixtures", "--out", out, "--check", "--all", in}, exitCheck, "manifest.json:"},
		{"no input", []string{"fixtures", "--out", out}, exitUsage, "no input files"},
		{"bad flag", []string{"fixtures", "--nope", in}, exitUsage, "flag provided but not defined"},
		{"missing input", []string{"fixtures", "--out", out, "--check", in + ".nope"}, exitUsage, "no such file"},
		{"directory", []string{"fixtures", "--out", out, dir}, exitUsage, "is a directory"},
		{"help", []string{"fixtures", "--help"}, exitOK, ""},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, "", tt.args...)
		if code != tt.code || (tt.err != "" && !strings.Contains(stderr, tt.err)) || (tt.err == "" && stderr != "") {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", tt.name, code, stderr, tt.code, tt.err)
		}
	}
}
