package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTagDetectBoundedMemory runs tag and detect on inputs that once held
// the whole input, or more, in memory: a 100 MB line of sentences in four
// languages and scripts, 50 MB of control characters (a segment every few
// bytes), and a JSON Lines record of 50 MB. Their peak memory must stay at
// most 128 MB: they read a file a block at a time (detect.ReadBlocks), and
// work on a block a piece of its script runs at a time; a record is held
// whole, its line and its text, once each.
func TestTagDetectBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("150 MB of input: skipped with -short")
	}
	if raceEnabled {
		t.Skip("150 MB of input: too slow with the race detector; .ci/run runs it without")
	}
	bin := textnormPath(t)
	dir := t.TempDir()
	line := filepath.Join(dir, "line.txt")
	unit := "The talks in Kabul resumed today after a long pause. " +
		"گفتگوها در کابل پس از یک وقفه طولانی امروز از سر گرفته شد. " +
		"Переговоры в Кабуле возобновились сегодня после долгого перерыва. " +
		"استؤنفت المحادثات في كابول اليوم بعد توقف طويل. "
	writeRepeated(t, line, unit, 100<<20/len(unit)+1, 0o644)
	controls := filepath.Join(dir, "controls.txt")
	writeRepeated(t, controls, "\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b\x7f", 5<<20, 0o644)
	record := filepath.Join(dir, "record.jsonl")
	writeRepeated(t, record, unit, 50<<20/len(unit)+1, 0o644)
	body, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	body = append(append([]byte(`{"id":1,"text":"`), body...), "\"}\n{\"id\":2,\"text\":\"after it\"}\n"...)
	if err := os.WriteFile(record, body, 0o644); err != nil {
		t.Fatal(err)
	}
	body = nil
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"tag, a 100 MB line", []string{"tag", line}},
		{"detect, a 100 MB line", []string{"detect", line}},
		{"tag, 50 MB of controls", []string{"tag", controls}},
		{"detect, 50 MB of controls", []string{"detect", controls}},
		{"tag, a 50 MB JSON Lines record", []string{"tag", "--jsonl", "--field", "text", record}},
	} {
		run := runPeak(t, io.Discard, bin, tc.args...)
		t.Logf("%s: %v, first output after %v, %d MB written, peak RSS %.1f MB", tc.name,
			run.elapsed.Round(time.Millisecond), run.first.Round(time.Millisecond), run.written>>20, float64(run.peakKB)/1024)
		if run.peakKB > 128<<10 {
			t.Errorf("%s: peak RSS %d kB, want at most 128 MB", tc.name, run.peakKB)
		}
	}
}

// TestTagOutputBeforeEnd checks that tag writes the segments of its input's
// first blocks while the input is still open: it reads a block at a time,
// and sends each block's output on. The input is a pipe that the test
// keeps open until the first line of output comes (or, if tag waited for
// the end of its input, until the test's deadline guard gives up).
func TestTagOutputBeforeEnd(t *testing.T) {
	if raceEnabled {
		t.Skip("5 MB through tag: too slow with the race detector; .ci/run runs it without")
	}
	bin := textnormPath(t)
	cmd := exec.Command(bin, "tag")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	// Two blocks and more (detect.MaxBlock is 2 MB), so that the first
	// block is whole.
	para := strings.Repeat("Rescue teams reached the villages on Sunday morning. ", 20) + "\n"
	go func() {
		w := bufio.NewWriter(stdin)
		for n := 0; n < 5<<20; n += len(para) {
			w.WriteString(para)
		}
		w.Flush()
	}()
	first := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(stdout).ReadString('\n')
		first <- l
		io.Copy(io.Discard, stdout)
	}()
	select {
	case l := <-first:
		if !strings.Contains(l, `"lang":"en"`) {
			t.Errorf("first line %q", l)
		}
	case <-time.After(2 * time.Minute): // a hang, not a timing
		cmd.Process.Kill()
		t.Fatal("no output while the input was open")
	}
}
