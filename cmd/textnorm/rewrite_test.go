package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// TestRewriteChangedBeforeRename changes the file -w rewrites after its
// new text is written, just before the rename (beforeRename): -w leaves
// the file as it is, the change kept, removes its temporary file and
// reports the file (exit 2), with the unnamed temporary file and with a
// named one.
func TestRewriteChangedBeforeRename(t *testing.T) {
	const orig = "The  talks\u00a0went on.  \n"
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, path string)
		want   string // the file after -w
		linux  bool   // seen only by the change time, which only Linux's is read
	}{
		{"appended", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString("more  text\n"); err != nil {
				t.Fatal(err)
			}
		}, orig + "more  text\n", false},
		{"replaced by a file of the same size", func(t *testing.T, path string) {
			other := filepath.Join(t.TempDir(), "other.txt")
			if err := os.WriteFile(other, []byte(strings.ToUpper(orig)), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(other, path); err != nil {
				t.Fatal(err)
			}
		}, strings.ToUpper(orig), false},
		{"mode changed", func(t *testing.T, path string) {
			if err := os.Chmod(path, 0o600); err != nil {
				t.Fatal(err)
			}
		}, orig, true},
	} {
		for _, named := range []bool{false, true} {
			name := tc.name
			if named {
				name += ", named temporary file"
			}
			t.Run(name, func(t *testing.T) {
				if tc.linux && runtime.GOOS != "linux" {
					t.Skip("a change of mode alone is seen by the change time: Linux only")
				}
				if named {
					t.Setenv("TEXTNORM_NAMED_TEMP", "1")
				}
				dir := t.TempDir()
				path := filepath.Join(dir, "page.txt")
				if err := os.WriteFile(path, []byte(orig), 0o644); err != nil {
					t.Fatal(err)
				}
				beforeRename = func(string) { tc.change(t, path) }
				t.Cleanup(func() { beforeRename = nil })
				stdout, stderr, code := runCLI(t, "", "normalize", "-w", path)
				wantErr := "textnorm: " + path + ": changed while -w was rewriting it; left as it is\n"
				if code != exitUsage || stdout != "" || stderr != wantErr {
					t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, stdout, stderr, wantErr)
				}
				if got, err := os.ReadFile(path); err != nil || string(got) != tc.want {
					t.Errorf("the file holds %q (%v), want %q", got, err, tc.want)
				}
				ents, _ := os.ReadDir(dir)
				if len(ents) != 1 {
					t.Errorf("left behind in %s: %v", dir, ents)
				}
			})
		}
	}
}

// TestParseTempName reads the names tempPattern makes, and refuses every
// other: a stale temporary file is removed only by its exact name.
func TestParseTempName(t *testing.T) {
	made := filepath.Base(tempName(tempPattern("/dir/page.txt"), "42"))
	for _, tc := range []struct {
		name string
		file string
		pid  int
		ok   bool
	}{
		{made, "page.txt", os.Getpid(), true},
		{".page.txt.textnorm-123-456.tmp", "page.txt", 123, true},
		{".a.textnorm-1-2.tmp.textnorm-3-4.tmp", "a.textnorm-1-2.tmp", 3, true}, // the temporary file of a file so named
		{".page.txt.textnorm-456.tmp", "", 0, false},                            // no process id: an older form
		{".page.txt.textnorm-0-456.tmp", "", 0, false},                          // kill(0, 0) is the process group
		{".page.txt.textnorm--1-456.tmp", "", 0, false},
		{".page.txt.textnorm-+1-456.tmp", "", 0, false},
		{".page.txt.textnorm-123-.tmp", "", 0, false},
		{".page.txt.textnorm-123-45x.tmp", "", 0, false},
		{".page.txt.textnorm-99999999999999999999-1.tmp", "", 0, false},
		{"page.txt.textnorm-123-456.tmp", "", 0, false}, // not hidden
		{".page.txt.textnorm-123-456", "", 0, false},
		{"..textnorm-123-456.tmp", "", 0, false}, // no file name
		{".page.txt", "", 0, false},
	} {
		file, pid, ok := parseTempName(tc.name)
		if file != tc.file || pid != tc.pid || ok != tc.ok {
			t.Errorf("parseTempName(%q) = %q, %d, %v; want %q, %d, %v", tc.name, file, pid, ok, tc.file, tc.pid, tc.ok)
		}
	}
}

// TestRewriteWriteErrorNamesTheFile makes the new text of -w go to a disk
// that is always full (/dev/full, through openTemp): the error names the
// file rewritten, not the temporary file, which has no name, and the file
// is as it was, with nothing left beside it.
func TestRewriteWriteErrorNamesTheFile(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	openTemp = func(string, os.FileMode) (*os.File, error) { return os.OpenFile("/dev/full", os.O_WRONLY, 0) }
	t.Cleanup(func() { openTemp = openUnnamed })
	const orig = "The  talks\u00a0went on.  \n"
	for _, name := range []string{"page.txt", "page.txt.gz"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			data := []byte(orig)
			if strings.HasSuffix(name, ".gz") {
				var b bytes.Buffer
				zw := gzip.NewWriter(&b)
				zw.Write(data)
				zw.Close()
				data = b.Bytes()
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runCLI(t, "", "normalize", "-w", path)
			want := "textnorm: writing " + path + ": no space left on device\n"
			if code != exitUsage || stdout != "" || stderr != want {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, stdout, stderr, want)
			}
			if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, data) {
				t.Errorf("the file changed: %q (%v)", got, err)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Errorf("left behind in %s: %v", dir, ents)
			}
		})
	}
}
