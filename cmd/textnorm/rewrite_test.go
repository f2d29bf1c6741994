package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// TestOpenFileRegularOnly opens inputs where only a regular file will do
// (-w, --check, the walk of -r) and where anything goes: a named pipe or
// a device is refused without being opened, and a pipe refused so would
// otherwise wait here for a writer that never comes.
func TestOpenFileRegularOnly(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no named pipes in the file system")
	}
	dir := t.TempDir()
	regular := filepath.Join(dir, "page.txt")
	if err := os.WriteFile(regular, []byte("text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		in         input
		regularFor string
		want       string // the error, "" for none
		skipped    bool
	}{
		{"regular, -w", input{name: regular}, "-w", "", false},
		{"regular, walked", input{name: regular, walked: true}, "", "", false},
		{"regular, anything goes", input{name: regular}, "", "", false},
		{"pipe, -w", input{name: pipe}, "-w", pipe + ": not a regular file (a named pipe): -w takes regular files only", false},
		{"pipe, --check", input{name: pipe}, "--check", pipe + ": not a regular file (a named pipe): --check takes regular files only", false},
		{"pipe, walked", input{name: pipe, walked: true}, "", pipe + ": not a regular file (a named pipe): skipped", true},
		{"device, --check", input{name: os.DevNull}, "--check", os.DevNull + ": not a regular file (a character device): --check takes regular files only", false},
		{"directory, -w", input{name: dir}, "-w", dir + ": " + errDirectory.Error(), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, st, err := openFile(tc.in, inputOptions{regularFor: tc.regularFor})
			if f != nil {
				defer f.Close()
			}
			if tc.want == "" {
				if err != nil || !st.Mode().IsRegular() {
					t.Fatalf("openFile = %v, %v; want the regular file", st, err)
				}
				return
			}
			if err == nil || err.Error() != tc.want {
				t.Fatalf("openFile: %v, want %q", err, tc.want)
			}
			var nr *notRegularError
			if errors.As(err, &nr) && nr.skipped != tc.skipped {
				t.Errorf("skipped = %v, want %v", nr.skipped, tc.skipped)
			}
		})
	}
}
