package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/textnorm/textnorm/normalize"
)

// These tests run textnorm as a process: the test binary, which TestMain
// (testscript.Main) puts in $PATH as "textnorm".

func textnormPath(t *testing.T) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("reads the process's accounting and /proc: Linux only")
	}
	p, err := exec.LookPath("textnorm")
	if err != nil {
		t.Fatalf("textnorm not in $PATH (TestMain puts it there): %v", err)
	}
	return p
}

// writeRepeated writes unit n times to a new file in dir.
func writeRepeated(t *testing.T, path, unit string, n int, mode os.FileMode) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for range n {
		w.WriteString(unit)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestLargeLine normalizes a 200 MB file that is one line through the CLI:
// it streams, so its peak memory (maximum resident set size) stays under
// 64 MB, and the output is right to the last byte.
func TestLargeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("200 MB: skipped with -short")
	}
	if raceEnabled {
		t.Skip("200 MB: too slow with the race detector; .ci/run runs it without")
	}
	bin := textnormPath(t)
	unit := "Kabul\u00a0\u00a0talks  كتاب\u200f ١٢٣ \ufeff"
	n := 200<<20/len(unit) + 1
	path := filepath.Join(t.TempDir(), "line.txt")
	writeRepeated(t, path, unit, n, 0o644)

	want := sha256.New()
	norm := normalize.Default.Apply(unit + "x")
	norm = norm[:len(norm)-1]
	for range n - 1 {
		io.WriteString(want, norm)
	}
	io.WriteString(want, strings.TrimRight(norm, " "))

	got := sha256.New()
	run := runPeak(t, got, bin, "normalize", path)
	written, elapsed, maxRSS := run.written, run.elapsed, run.peakKB
	if !bytes.Equal(got.Sum(nil), want.Sum(nil)) {
		t.Errorf("the output (%d bytes) is not the normalized line", written)
	}
	t.Logf("%d MB in one line: %v, %.0f MB/s, peak RSS %.1f MB", n*len(unit)>>20, elapsed.Round(time.Millisecond),
		float64(n*len(unit))/1e6/elapsed.Seconds(), float64(maxRSS)/1024)
	if maxRSS > 64<<10 {
		t.Errorf("peak RSS %d kB, want under 64 MB", maxRSS)
	}
}

// A peakRun is what runPeak measured of a run.
type peakRun struct {
	written int64         // bytes of output
	elapsed time.Duration // from the start to the end of the output
	peakKB  int64         // the process's peak resident set size
	first   time.Duration // from the start to the first byte of output
}

// runPeak runs bin with args, copies its standard output to out, and
// measures its peak resident set size: the process's own high-water mark,
// VmHWM in /proc/PID/status, read while it runs. Its rusage cannot serve:
// Go starts children with vfork, and Linux carries the parent's peak (this
// test binary's, with language models loaded by other tests) into the
// child's ru_maxrss when it execs. It fails the test if the process fails.
func runPeak(t *testing.T, out io.Writer, bin string, args ...string) peakRun {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var run peakRun
	done := make(chan struct{})
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		for {
			if kb := vmHWM(cmd.Process.Pid); kb > run.peakKB {
				run.peakKB = kb
			}
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	var first [1]byte
	if n, _ := io.ReadFull(stdout, first[:]); n == 1 {
		run.first = time.Since(start)
		out.Write(first[:])
		run.written = 1
	}
	n, _ := io.Copy(out, stdout)
	run.written += n
	run.elapsed = time.Since(start)
	close(done)
	<-polled
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%s %s: %v: %s", bin, strings.Join(args, " "), err, stderr.Bytes())
	}
	if run.peakKB == 0 {
		t.Fatal("could not read the process's VmHWM")
	}
	return run
}

// TestExplainLongLine runs "normalize --explain" on lines of 10 MB of
// spaces, alone, between two words (collapsed) and after a word (trimmed):
// its changes are written as they are found and a run of like changes is
// one line of output, so its peak memory (VmHWM) stays under 64 MB. Listing
// each space, it took 4 GB and 200 s between two words.
func TestExplainLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("30 MB: skipped with -short")
	}
	if raceEnabled {
		t.Skip("the race detector's shadow memory is not textnorm's; .ci/run runs it without")
	}
	bin := textnormPath(t)
	const n = 10 << 20
	dir := t.TempDir()
	for _, tc := range []struct {
		name, before, after string
		want                string // the output; "" for any of at most maxLines lines
		maxLines            int
	}{
		// Only the last spaces are trimmed: the cleaner writes out a
		// run of indentation longer than it holds back.
		{"alone", "", "\n", "", 4},
		{"between words", "x", "y\n", "1:3: byte 2: collapse-spaces: U+0020 SPACE -> nothing, 10485759 times (bytes 2-10485760)\n", 1},
		{"trailing", "x", "\n", "1:2: byte 1: trim-trailing: U+0020 SPACE -> nothing, 10485760 times (bytes 1-10485760)\n", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".txt")
			if err := os.WriteFile(path, []byte(tc.before+strings.Repeat(" ", n)+tc.after), 0o644); err != nil {
				t.Fatal(err)
			}
			m := measure(t, bin, "normalize", "--explain", path)
			if m.err != nil || m.stopped != "" {
				t.Fatalf("%v%s: %s", m.err, m.stopped, m.stderr)
			}
			got := string(m.head)
			lines := strings.Count(got, "\n")
			if tc.want != "" && got != path+":"+tc.want || lines == 0 || lines > tc.maxLines || int64(len(got)) != m.out {
				t.Errorf("--explain wrote %d bytes:\n%s\nwant %s", m.out, got, tc.want)
			}
			t.Logf("%s: %v, %d lines, peak RSS %.1f MB", tc.name, m.elapsed.Round(time.Millisecond), lines, float64(m.peakKB)/1024)
			if m.peakKB > 64<<10 {
				t.Errorf("peak RSS %d kB, want at most 64 MB", m.peakKB)
			}
		})
	}
}

// vmHWM returns the peak resident set size, in kB, of process pid so far,
// or 0 if it cannot be read (the process has ended).
func vmHWM(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb
		}
	}
	return 0
}

// rewriteInput makes a file of many lines for -w to change: big enough
// that the process is still writing when the test interrupts it.
func rewriteInput(t *testing.T) (dir, path string, orig []byte) {
	dir = t.TempDir()
	path = filepath.Join(dir, "page.txt")
	writeRepeated(t, path, "The  talks\u00a0went on.  \r\nوزير گفت كه ١٢٣\r\n", 32<<20/64, 0o640)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return dir, path, orig
}

// waitForTemp waits until the process has written at least min bytes to a
// temporary file in dir (named, or unnamed: O_TMPFILE), seen through
// /proc/PID/fd, and reports whether the file was unnamed.
func waitForTemp(t *testing.T, pid int, dir string, min int64) (unnamed bool) {
	t.Helper()
	fds := filepath.Join("/proc", strconv.Itoa(pid), "fd")
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(fds)
		for _, e := range ents {
			target, err := os.Readlink(filepath.Join(fds, e.Name()))
			if err != nil || !strings.HasPrefix(target, dir+"/") {
				continue
			}
			named := strings.Contains(target, ".textnorm-")
			if !named && !strings.HasSuffix(target, "(deleted)") {
				continue // the input
			}
			if st, err := os.Stat(filepath.Join(fds, e.Name())); err == nil && st.Size() >= min {
				return !named
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("the process wrote no temporary file")
	return false
}

// checkIntact checks that the file is as it was, mode included, and alone
// in its directory.
func checkIntact(t *testing.T, dir, path string, orig []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, orig) {
		t.Errorf("the file changed: %d bytes, was %d", len(got), len(orig))
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %o, want 640", st.Mode().Perm())
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != filepath.Base(path) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestRewriteKilled kills "normalize -w" with SIGKILL while it writes: the
// file is intact, and no temporary file remains (the new content goes to an
// unnamed O_TMPFILE, which dies with the process).
func TestRewriteKilled(t *testing.T) {
	bin := textnormPath(t)
	dir, path, orig := rewriteInput(t)
	cmd := exec.Command(bin, "normalize", "-w", "--profile", "fa", path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	unnamed := waitForTemp(t, cmd.Process.Pid, dir, 1<<20)
	cmd.Process.Kill()
	cmd.Wait()
	if !unnamed {
		t.Skip("this filesystem has no O_TMPFILE: a kill leaves the named temporary file")
	}
	checkIntact(t, dir, path, orig)
}

// TestRewriteInterrupted interrupts "normalize -w" with SIGINT and SIGTERM
// while it writes, with the unnamed temporary file and with a named one
// (as where O_TMPFILE is missing): the file is intact, the temporary file
// removed, and the status 130 or 143.
func TestRewriteInterrupted(t *testing.T) {
	bin := textnormPath(t)
	for _, tc := range []struct {
		name  string
		sig   syscall.Signal
		named bool
		code  int
	}{
		{"SIGINT named", syscall.SIGINT, true, 130},
		{"SIGTERM named", syscall.SIGTERM, true, 143},
		{"SIGINT unnamed", syscall.SIGINT, false, 130},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, path, orig := rewriteInput(t)
			cmd := exec.Command(bin, "normalize", "-w", "--profile", "fa", path)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if tc.named {
				cmd.Env = append(os.Environ(), "TEXTNORM_NAMED_TEMP=1")
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitForTemp(t, cmd.Process.Pid, dir, 1<<20)
			cmd.Process.Signal(tc.sig)
			cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit status %d, want %d (stderr %q)", code, tc.code, stderr.String())
			}
			checkIntact(t, dir, path, orig)
		})
	}
}

// TestBrokenPipe closes the reader of textnorm's output early, as head
// does: textnorm ends quietly, with status 0 and nothing on standard error.
func TestBrokenPipe(t *testing.T) {
	bin := textnormPath(t)
	path := filepath.Join(t.TempDir(), "in.txt")
	writeRepeated(t, path, "line  of text\n", 20000, 0o644)
	for _, args := range [][]string{
		{"normalize", path},
		{"normalize", "--explain", path},
		{"normalize", "--diff", path},
		{"detect", path},
	} {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdout = w
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		buf := make([]byte, 100)
		io.ReadFull(r, buf)
		r.Close()
		err = cmd.Wait()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("%s: %v, stderr %q; want a quiet exit 0", args, err, stderr.String())
		}
	}
}

// TestRewriteReadOnly runs "normalize -w" as a user who cannot write a
// file, or its directory: neither is replaced, each is reported, and a
// file that would not change is no error. Run as root, it runs textnorm as
// the user nobody (65534), for whom the permissions hold.
func TestRewriteReadOnly(t *testing.T) {
	bin := textnormPath(t)
	root := os.Geteuid() == 0
	const nobody = 65534
	base := t.TempDir()
	if root {
		// nobody must reach the files, and run a copy of the binary.
		for d := base; d != filepath.Dir(d) && d != os.TempDir(); d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(base, "textnorm")
		if err := os.WriteFile(bin, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const orig = "The  talks\u00a0went on.  \n"
	mk := func(dir, name, text string, mode os.FileMode) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if root {
			if err := os.Chown(path, nobody, nobody); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mkdir := func(name string) string {
		dir := filepath.Join(base, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if root {
			if err := os.Chown(dir, nobody, nobody); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	rw, ro := mkdir("rw"), mkdir("ro")
	files := []string{
		mk(rw, "readonly.txt", orig, 0o444),            // refused
		mk(rw, "clean-readonly.txt", "clean\n", 0o444), // unchanged: no error
		mk(ro, "page.txt", orig, 0o644),                // its directory is read-only
		mk(ro, "clean.txt", "clean\n", 0o644),          // unchanged: no error
		mk(rw, "page.txt", orig, 0o644),                // rewritten
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })

	cmd := exec.Command(bin, append([]string{"normalize", "-w"}, files...)...)
	if root {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout %q, want nothing", stdout.String())
	}
	want := "textnorm: " + files[0] + ": permission denied (read-only file)\n" +
		"textnorm: " + files[2] + ": cannot create a temporary file in " + ro + ": permission denied\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	for i, want := range []string{orig, "clean\n", orig, "clean\n", "The talks went on.\n"} {
		got, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s: %q, want %q", files[i], got, want)
		}
	}
	for dir, n := range map[string]int{rw: 3, ro: 2} {
		ents, _ := os.ReadDir(dir)
		if len(ents) != n { // no temporary file left behind
			var names []string
			for _, e := range ents {
				names = append(names, e.Name())
			}
			t.Errorf("%s holds %s", dir, names)
		}
	}
}

// TestWriteErrorNamesStandardOutput runs textnorm with a full disk as its
// standard output (/dev/full): each command says which output it could
// not write, and exits 2, even the ones whose writes drop their errors.
func TestWriteErrorNamesStandardOutput(t *testing.T) {
	bin := textnormPath(t)
	path := filepath.Join(t.TempDir(), "in.txt")
	writeRepeated(t, path, "The  talks\u00a0went on.\n", 100, 0o644)
	for _, args := range [][]string{
		{"normalize", path},
		{"normalize", "--diff", path},
		{"normalize", "--explain", path},
		{"normalize", "--jsonl", "--field", "text"}, // standard input: none
		{"detect", path},
		{"tag", path},
		{"tag", "--format", "json", path},
		{"version"},
		{"help"},
	} {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skipf("no /dev/full: %v", err)
		}
		cmd := exec.Command(bin, args...)
		cmd.Stdin = strings.NewReader("{\"text\":\"a  b\"}\n")
		cmd.Stdout = full
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		full.Close()
		const want = "textnorm: writing standard output: no space left on device\n"
		if code := cmd.ProcessState.ExitCode(); code != exitUsage || stderr.String() != want {
			t.Errorf("textnorm %s > /dev/full: exit %d, stderr %q; want 2, %q", strings.Join(args, " "), code, stderr.String(), want)
		}
	}
}
